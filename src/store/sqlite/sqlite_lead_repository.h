// LeadRepository on SQLite: tables model_runs, leads and lead_evidence (migration 0002) and
// model_run_outputs (migration 0020).
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_LEAD_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_LEAD_REPOSITORY_H_

#include "store/lead_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteLeadRepository final : public LeadRepository {
 public:
  // `connection` must outlive the repository and be inside a transaction.
  explicit SqliteLeadRepository(SqliteConnection* connection) : connection_(connection) {}

  Result<std::string> RecordRun(const ModelRun& run) override;
  Status FinishRun(const ModelRun& run) override;
  Result<std::vector<ModelRun>> ListRuns(std::string_view model_id, int limit) override;
  Result<UpsertOutcome> UpsertModelFinding(const ModelFinding& finding, std::string_view run_id,
                                           std::string_view now) override;
  Result<std::optional<Lead>> GetLead(std::string_view lead_id) override;
  Result<std::vector<Lead>> ListLeads(const LeadFilter& filter) override;
  Status RecordRunOutputs(std::string_view run_id, const std::vector<RunOutput>& outputs) override;
  Result<std::vector<RunOutput>> ListRunOutputs(std::string_view run_id) override;

 private:
  Status ReplaceEvidence(std::string_view lead_id, const std::vector<EvidenceRow>& evidence);
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_LEAD_REPOSITORY_H_
