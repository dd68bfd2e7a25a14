// OrgRepository: organisations (市院, 基层院, agencies, police, discipline commission, people's
// congress, courts), the departments of a procuratorate, and users with their roles — the data
// every workflow action is authorised against.
//
// The repository stores and reads; it does not decide who may do what (src/workflow does) and
// does not know the meaning of a role beyond the fixed list of shared/spec/cli.md.
//
// Thread safety: used through its Transaction, by one thread at a time.
#ifndef SHUJIAN_STORE_ORG_REPOSITORY_H_
#define SHUJIAN_STORE_ORG_REPOSITORY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::store {

struct Organisation {
  std::string code;         // chosen by the administrator, unique
  std::string name;         // full name, unique: 十堰市郧阳区人民检察院
  std::string short_name;   // 院简称 used in document numbers, e.g. 郧; may be empty
  std::string kind;         // 市院, 基层院, 执法机关, 公安, 纪委监委, 人大, 法院
  std::string parent_code;  // empty for a root
  std::string region;       // GB/T 2260 code; may be empty
  bool active = true;
  std::string created_at;  // ISO date-time
};

struct Department {
  std::string org_code;
  std::string code;
  std::string name;        // 第五检察部
  std::string short_name;  // 部门简称 in document numbers, e.g. 行
};

struct User {
  std::string login;
  std::string name;
  std::string org_code;
  std::string dept_code;  // empty: no department
  bool active = true;
  std::string created_at;
  std::string created_by;
  std::vector<std::string> roles;  // filled by GetUser and ListUsers, sorted
};

class OrgRepository {
 public:
  virtual ~OrgRepository() = default;

  // Adds an organisation. AlreadyExists when the code or the name is taken; NotFound when the
  // parent does not exist.
  virtual Status AddOrganisation(const Organisation& organisation) = 0;
  virtual Result<std::optional<Organisation>> GetOrganisation(std::string_view code) = 0;
  // All organisations, by code.
  virtual Result<std::vector<Organisation>> ListOrganisations() = 0;

  // Adds a department. AlreadyExists when (org, code) is taken.
  virtual Status AddDepartment(const Department& department) = 0;
  virtual Result<std::optional<Department>> GetDepartment(std::string_view org_code,
                                                          std::string_view code) = 0;
  // The departments of `org_code` (all organisations when empty), by organisation and code.
  virtual Result<std::vector<Department>> ListDepartments(std::string_view org_code) = 0;

  // Adds a user without roles (user.roles is ignored). AlreadyExists when the login is taken.
  virtual Status AddUser(const User& user) = 0;
  // The user with roles, or nullopt.
  virtual Result<std::optional<User>> GetUser(std::string_view login) = 0;
  // The users of `org_code` (all when empty), by login, with roles.
  virtual Result<std::vector<User>> ListUsers(std::string_view org_code) = 0;
  // Activates or deactivates a user. NotFound for an unknown login.
  virtual Status SetUserActive(std::string_view login, bool active) = 0;

  // Grants `role`. AlreadyExists when the user has it.
  virtual Status GrantRole(std::string_view login, std::string_view role,
                           std::string_view granted_by, std::string_view granted_at) = 0;
  // Revokes `role`. NotFound when the user does not have it.
  virtual Status RevokeRole(std::string_view login, std::string_view role) = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_ORG_REPOSITORY_H_
