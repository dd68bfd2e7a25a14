// MatterRepository on SQLite: tables matters, workflow_events, deadlines, document_counters and
// document_numbers (migration 0032).
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_MATTER_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_MATTER_REPOSITORY_H_

#include "store/matter_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteMatterRepository final : public MatterRepository {
 public:
  // `connection` must outlive the repository and be inside a transaction.
  explicit SqliteMatterRepository(SqliteConnection* connection) : connection_(connection) {}

  Result<std::string> CreateMatter(const Matter& matter, std::string_view prefix) override;
  Result<std::optional<Matter>> GetMatter(std::string_view id) override;
  Status UpdateMatter(const Matter& matter) override;
  Result<std::vector<Matter>> ListMatters(const MatterFilter& filter) override;
  Result<int64_t> AppendEvent(const WorkflowEvent& event) override;
  Result<std::vector<WorkflowEvent>> ListEvents(std::string_view object_id) override;
  Result<int64_t> AddDeadline(const Deadline& deadline) override;
  Status UpdateDeadline(const Deadline& deadline) override;
  Result<std::vector<Deadline>> ListDeadlines(const DeadlineFilter& filter) override;
  Result<int64_t> AllocateDocumentNumber(const DocumentNumberKey& key) override;
  Status RecordDocumentNumber(std::string_view number, const DocumentNumberKey& key, int64_t n,
                              std::string_view matter_id, std::string_view allocated_at,
                              std::string_view allocated_by) override;

 private:
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_MATTER_REPOSITORY_H_
