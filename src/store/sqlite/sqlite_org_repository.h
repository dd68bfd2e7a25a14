// OrgRepository on SQLite: tables organisations, departments, users, user_roles (migration 0030).
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_ORG_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_ORG_REPOSITORY_H_

#include "store/org_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteOrgRepository final : public OrgRepository {
 public:
  // `connection` must outlive the repository and be inside a transaction.
  explicit SqliteOrgRepository(SqliteConnection* connection) : connection_(connection) {}

  Status AddOrganisation(const Organisation& organisation) override;
  Result<std::optional<Organisation>> GetOrganisation(std::string_view code) override;
  Result<std::vector<Organisation>> ListOrganisations() override;
  Status AddDepartment(const Department& department) override;
  Result<std::optional<Department>> GetDepartment(std::string_view org_code,
                                                  std::string_view code) override;
  Result<std::vector<Department>> ListDepartments(std::string_view org_code) override;
  Status AddUser(const User& user) override;
  Result<std::optional<User>> GetUser(std::string_view login) override;
  Result<std::vector<User>> ListUsers(std::string_view org_code) override;
  Status SetUserActive(std::string_view login, bool active) override;
  Status GrantRole(std::string_view login, std::string_view role, std::string_view granted_by,
                   std::string_view granted_at) override;
  Status RevokeRole(std::string_view login, std::string_view role) override;

 private:
  Result<std::vector<Organisation>> QueryOrganisations(std::string_view where,
                                                       std::string_view argument);
  Result<std::vector<User>> QueryUsers(std::string_view where, std::string_view argument);
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_ORG_REPOSITORY_H_
