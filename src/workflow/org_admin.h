// Administration of organisations, departments, users and roles, under the separation of the
// three administrators (三员分立, security.md AC-1): the system administrator (系统管理员) manages
// organisations and creates or deactivates accounts but grants no role; the security
// administrator (安全管理员) grants and revokes roles but creates no account; the audit
// administrator (审计管理员) only reads the audit log. The local operator (本机操作员) has every
// power, which is how a deployment is bootstrapped. Every change is audited.
//
// Thread safety: safe for concurrent use; each call runs its own transaction.
#ifndef SHUJIAN_WORKFLOW_ORG_ADMIN_H_
#define SHUJIAN_WORKFLOW_ORG_ADMIN_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/store.h"
#include "workflow/workflow_context.h"

namespace shujian::workflow {

struct NewOrganisation {
  std::string code;  // letters, digits, '-' and '_', up to 32
  std::string name;
  std::string short_name;  // 院简称, needed by procuratorates to number documents
  std::string kind;        // 市院, 基层院, 执法机关, 公安, 纪委监委, 人大, 法院
  std::string parent;      // code; may be empty
  std::string region;      // GB/T 2260 code; may be empty
};

struct NewUser {
  std::string login;
  std::string name;
  std::string org;
  std::string dept;                // department code within org; may be empty
  std::vector<std::string> roles;  // granted at creation (needs 授予角色 as well as 创建用户)
};

class OrgAdmin {
 public:
  explicit OrgAdmin(const WorkflowContext& context) : context_(context) {}

  // Errors: PermissionDenied without 管理组织; InvalidArgument for a bad code, kind, region or
  // parent; AlreadyExists for a taken code or name.
  Result<store::Organisation> AddOrganisation(const std::string& actor,
                                              const NewOrganisation& org) const;
  // A department of a procuratorate (its short name numbers documents).
  Result<store::Department> AddDepartment(const std::string& actor,
                                          const store::Department& dept) const;
  // Creates a user; roles given here also need 授予角色, so a system administrator creates the
  // account and a security administrator grants its roles.
  Result<store::User> AddUser(const std::string& actor, const NewUser& user) const;
  Result<store::User> GrantRoles(const std::string& actor, const std::string& login,
                                 const std::vector<std::string>& roles) const;
  Result<store::User> RevokeRoles(const std::string& actor, const std::string& login,
                                  const std::vector<std::string>& roles) const;
  Result<store::User> SetActive(const std::string& actor, const std::string& login,
                                bool active) const;

  // Organisations with their departments; users of `org` (all when empty). Readable by every
  // user and the local operator (they hold no case data).
  Result<std::vector<store::Organisation>> ListOrganisations(const std::string& actor) const;
  Result<std::vector<store::Department>> ListDepartments(const std::string& actor) const;
  Result<std::vector<store::User>> ListUsers(const std::string& actor,
                                             const std::string& org) const;

 private:
  // Resolves the actor, checks `power`, applies `change` to user `login` and audits it as
  // `action` with the user before and after.
  Result<store::User> ChangeUser(
      const std::string& actor_login, const std::string& login, std::string_view power,
      const std::string& what, const std::string& action,
      const std::function<Status(store::Transaction&, const Actor&, const store::User&)>& change)
      const;

  const WorkflowContext& context_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_ORG_ADMIN_H_
