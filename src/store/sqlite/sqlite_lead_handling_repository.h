// LeadHandlingRepository on SQLite: the lead_handling table (migration 0031) and non-model rows
// of the leads table (migration 0002).
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_LEAD_HANDLING_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_LEAD_HANDLING_REPOSITORY_H_

#include "store/lead_handling_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteLeadHandlingRepository final : public LeadHandlingRepository {
 public:
  // `connection` must outlive the repository and be inside a transaction.
  explicit SqliteLeadHandlingRepository(SqliteConnection* connection) : connection_(connection) {}

  Result<std::string> CreateLead(const LeadIntake& intake, std::string_view now) override;
  Status SetLeadStatus(std::string_view lead_id, std::string_view status,
                       std::string_view now) override;
  Result<std::optional<LeadHandling>> GetHandling(std::string_view lead_id) override;
  Status PutHandling(const LeadHandling& handling) override;
  Result<std::vector<LeadHandling>> ListHandling(const LeadHandlingFilter& filter) override;
  Result<std::vector<std::string>> ListMergedInto(std::string_view lead_id) override;

 private:
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_LEAD_HANDLING_REPOSITORY_H_
