// Who may read and do what (shared/design/security.md AC-1..AC-5, PI-2), decided on the server
// side for every action from the acting user's organisation and roles (rules/access/roles.yaml):
//  - a basic procuratorate sees its own leads and matters, the city procuratorate all of them;
//  - a prosecutor acts on the matters they handle (承办), a department head on the department's,
//    the chief on the procuratorate's;
//  - an agency's clerk sees and acts only on what is addressed to the agency;
//  - the three administrators (系统管理员, 安全管理员, 审计管理员) are separate, each with only
//    their own administration powers, and none of them reads case data;
//  - personal data is shown in full only to roles that need it.
// The local operator (本机操作员: a command run without --as on the database's own machine)
// administers and reads, but handles no case: every case action needs a named user.
//
// Thread safety: immutable; safe for concurrent use.
#ifndef SHUJIAN_WORKFLOW_ACCESS_POLICY_H_
#define SHUJIAN_WORKFLOW_ACCESS_POLICY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/store.h"
#include "workflow/procedure.h"

namespace shujian::workflow {

// The login recorded for the local operator and for the system's automatic acts.
inline constexpr std::string_view kLocalOperator = "本机操作员";
inline constexpr std::string_view kSystemActor = "系统";

struct Actor {
  std::string login;
  std::string name;
  bool local_operator = false;
  bool system = false;      // automatic transitions (deadline passed)
  store::Organisation org;  // empty for the local operator and the system
  const OrgKindRule* org_kind = nullptr;
  std::string dept_code;
  std::vector<const RoleRule*> roles;

  bool HasRole(std::string_view role) const;
  bool HasAdminPower(std::string_view power) const;
  bool IsProcuratorate() const;  // a user of a 市院 or 基层院
  bool SeesAll() const;          // a procuratorate user of the city procuratorate
  // What the actor sees of personal data: the most permissive of their roles.
  PersonalDataView personal_data() const;
  // "zhang（张检，检察官）" for messages; the local operator and the system by name.
  std::string Describe() const;
};

// What an action is done to, for the scope checks.
struct ActTarget {
  std::string object_id;
  std::string org_code;  // the handling procuratorate; empty for a lead in the pool
  std::string dept_code;
  std::string handler;           // 承办人; may be empty
  std::string counterparty_org;  // the addressee; may be empty
  bool addressed = false;        // the addressee's clerks may see and act on it (a suggestion, a
                                 // transfer — not a case, which is the procuratorate's own file)
};

// The target of acts on `matter`, run by `procedure`'s machine of that matter.
ActTarget MatterTarget(const store::Matter& matter, const Procedure& procedure);

class AccessPolicy {
 public:
  explicit AccessPolicy(const AccessRules& rules) : rules_(rules) {}

  // The actor for `login` (empty: the local operator). NotFound for an unknown login,
  // PermissionDenied for a deactivated user.
  Result<Actor> Resolve(store::Transaction& transaction, std::string_view login) const;
  // The system actor of automatic transitions.
  static Actor System();

  // Whether `actor` may read a matter (case, suggestion ...) of `target`, of machine `machine`.
  bool CanReadMatter(const Actor& actor, const ActTarget& target) const;
  // Whether `actor` may read a lead owned by target.org_code (empty: the pool).
  bool CanReadLead(const Actor& actor, const ActTarget& target) const;
  // PermissionDenied, with who may do it, unless `actor` holds one of `roles` and the role's scope
  // covers `target`. `what` names the act in the message ("签发 S-000001").
  Status CheckAct(const Actor& actor, const std::vector<std::string>& roles,
                  const ActTarget& target, std::string_view what) const;
  // PermissionDenied unless `actor` has the administration `power` (管理组织, 创建用户 ...). The
  // local operator has every power.
  Status CheckAdmin(const Actor& actor, std::string_view power, std::string_view what) const;
  // InvalidArgument unless `roles` may be held together by a user of an organisation of `org_kind`
  // (side of role and organisation match; 三员 held alone).
  Status CheckRoleSet(std::string_view org_kind, const std::vector<std::string>& roles) const;
  // PermissionDenied unless `actor` may read case data at all (the three administrators may not).
  Status CheckReadsCaseData(const Actor& actor, std::string_view what) const;

  const AccessRules& rules() const { return rules_; }

 private:
  const AccessRules& rules_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_ACCESS_POLICY_H_
