// AuditRepository on SQLite: the audit_events table (migration 0033), whose triggers refuse
// UPDATE and DELETE.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_AUDIT_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_AUDIT_REPOSITORY_H_

#include "store/audit_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteAuditRepository final : public AuditRepository {
 public:
  // `connection` must outlive the repository and be inside a transaction.
  explicit SqliteAuditRepository(SqliteConnection* connection) : connection_(connection) {}

  Result<std::optional<AuditEvent>> Last() override;
  Status Append(const AuditEvent& event) override;
  Result<std::vector<AuditEvent>> Read(int64_t from_seq, int limit) override;
  Result<std::vector<AuditEvent>> ReadForObject(std::string_view object_id) override;

 private:
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_AUDIT_REPOSITORY_H_
