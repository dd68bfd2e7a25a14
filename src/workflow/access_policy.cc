#include "workflow/access_policy.h"

#include <algorithm>

namespace shujian::workflow {
namespace {

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

}  // namespace

ActTarget MatterTarget(const store::Matter& matter, const Procedure& procedure) {
  const Machine* machine = procedure.FindMachine(matter.machine);
  return {matter.id,
          matter.org_code,
          matter.dept_code,
          matter.handler,
          matter.counterparty_org,
          machine != nullptr && machine->shown_to_counterparty};
}

bool Actor::HasRole(std::string_view role) const {
  return std::any_of(roles.begin(), roles.end(),
                     [&](const RoleRule* rule) { return rule->name == role; });
}

bool Actor::HasAdminPower(std::string_view power) const {
  if (local_operator) return true;
  return std::any_of(roles.begin(), roles.end(), [&](const RoleRule* rule) {
    return rule->admin.count(std::string(power)) > 0;
  });
}

bool Actor::IsProcuratorate() const {
  return org_kind != nullptr && org_kind->side == RoleSide::kProcuratorate;
}

bool Actor::SeesAll() const { return IsProcuratorate() && org_kind->sees_all; }

PersonalDataView Actor::personal_data() const {
  if (local_operator || system) return PersonalDataView::kPlain;
  PersonalDataView best = PersonalDataView::kNone;
  for (const RoleRule* role : roles) {
    if (static_cast<int>(role->personal_data) < static_cast<int>(best)) best = role->personal_data;
  }
  return best;
}

std::string Actor::Describe() const {
  if (local_operator || system) return login;
  std::vector<std::string> names;
  for (const RoleRule* role : roles) names.push_back(role->name);
  return login + "（" + name + (names.empty() ? "，无角色" : "，" + Join(names, "、")) + "）";
}

Actor AccessPolicy::System() {
  Actor actor;
  actor.login = std::string(kSystemActor);
  actor.name = actor.login;
  actor.system = true;
  return actor;
}

Result<Actor> AccessPolicy::Resolve(store::Transaction& transaction, std::string_view login) const {
  Actor actor;
  if (login.empty() || login == kLocalOperator) {
    actor.login = std::string(kLocalOperator);
    actor.name = actor.login;
    actor.local_operator = true;
    return actor;
  }
  SJ_ASSIGN_OR_RETURN(std::optional<store::User> user, transaction.orgs().GetUser(login));
  if (!user) {
    return Status::NotFound("用户「" + std::string(login) +
                            "」不存在；请先用 shujian user add 创建");
  }
  if (!user->active) {
    return Status::PermissionDenied("用户「" + std::string(login) + "」已停用");
  }
  SJ_ASSIGN_OR_RETURN(std::optional<store::Organisation> org,
                      transaction.orgs().GetOrganisation(user->org_code));
  if (!org) return Status::Corruption("用户「" + user->login + "」所属组织不存在");
  actor.login = user->login;
  actor.name = user->name;
  actor.org = std::move(*org);
  actor.org_kind = rules_.FindOrgKind(actor.org.kind);
  actor.dept_code = user->dept_code;
  for (const std::string& role : user->roles) {
    if (const RoleRule* rule = rules_.FindRole(role)) actor.roles.push_back(rule);
  }
  return actor;
}

Status AccessPolicy::CheckReadsCaseData(const Actor& actor, std::string_view what) const {
  if (actor.local_operator || actor.system) return Status::Ok();
  bool reads = std::any_of(actor.roles.begin(), actor.roles.end(),
                           [](const RoleRule* role) { return role->reads != ReadScope::kNone; });
  if (!reads) {
    return Status::PermissionDenied(actor.Describe() + "不能" + std::string(what) +
                                    "：系统管理员、安全管理员和审计管理员不查看案件数据");
  }
  return Status::Ok();
}

bool AccessPolicy::CanReadMatter(const Actor& actor, const ActTarget& target) const {
  if (actor.local_operator || actor.system) return true;
  for (const RoleRule* role : actor.roles) {
    switch (role->reads) {
      case ReadScope::kProcuratorate:
        if (actor.SeesAll() || target.org_code == actor.org.code) return true;
        break;
      case ReadScope::kAddressedToOrg:
        if (target.addressed && !target.counterparty_org.empty() &&
            target.counterparty_org == actor.org.code) {
          return true;
        }
        break;
      case ReadScope::kLeadsOnly:
      case ReadScope::kNone:
        break;
    }
  }
  return false;
}

bool AccessPolicy::CanReadLead(const Actor& actor, const ActTarget& target) const {
  if (actor.local_operator || actor.system) return true;
  for (const RoleRule* role : actor.roles) {
    if (role->reads != ReadScope::kProcuratorate && role->reads != ReadScope::kLeadsOnly) continue;
    if (!actor.IsProcuratorate()) continue;
    if (actor.SeesAll() || target.org_code.empty() || target.org_code == actor.org.code)
      return true;
  }
  return false;
}

Status AccessPolicy::CheckAct(const Actor& actor, const std::vector<std::string>& roles,
                              const ActTarget& target, std::string_view what) const {
  if (actor.system) return Status::Ok();
  std::string allowed = Join(roles, "、");
  if (actor.local_operator) {
    return Status::PermissionDenied("本机操作员不能" + std::string(what) +
                                    "：办案行为须以具体用户进行，请加 --as 登录名（可以做的角色：" +
                                    allowed + "）");
  }
  std::string refusal;
  for (const std::string& role_name : roles) {
    if (!actor.HasRole(role_name)) continue;
    const RoleRule* role = rules_.FindRole(role_name);
    switch (role->acts_on) {
      case ActScope::kOwnCases:
      case ActScope::kDepartment:
      case ActScope::kProcuratorate:
        if (!target.org_code.empty() && target.org_code != actor.org.code) {
          refusal = "它由其他院办理";
          continue;
        }
        if (role->acts_on == ActScope::kOwnCases && target.handler != actor.login) {
          refusal = target.handler.empty() ? "它尚未分派承办人，请部门负责人先分派"
                                           : "它由 " + target.handler + " 承办，" + role_name +
                                                 "只能办理本人承办的事项";
          continue;
        }
        if (role->acts_on == ActScope::kDepartment && !target.dept_code.empty() &&
            target.dept_code != actor.dept_code) {
          refusal = "它属于其他部门";
          continue;
        }
        return Status::Ok();
      case ActScope::kAddressedToOrg:
        if (!target.addressed || target.counterparty_org.empty() ||
            target.counterparty_org != actor.org.code) {
          refusal = "它不是发给本单位的";
          continue;
        }
        return Status::Ok();
      case ActScope::kNone:
        break;
    }
  }
  if (refusal.empty()) {
    refusal = "只有" + allowed + "可以这样做";
  } else {
    refusal += "（可以做的角色：" + allowed + "）";
  }
  return Status::PermissionDenied(actor.Describe() + "不能" + std::string(what) + "：" + refusal);
}

Status AccessPolicy::CheckAdmin(const Actor& actor, std::string_view power,
                                std::string_view what) const {
  if (actor.HasAdminPower(power)) return Status::Ok();
  std::vector<std::string> holders;
  for (const RoleRule& role : rules_.roles) {
    if (role.admin.count(std::string(power)) > 0) holders.push_back(role.name);
  }
  return Status::PermissionDenied(actor.Describe() + "不能" + std::string(what) + "：只有" +
                                  Join(holders, "、") + "有「" + std::string(power) + "」的权限");
}

Status AccessPolicy::CheckRoleSet(std::string_view org_kind,
                                  const std::vector<std::string>& roles) const {
  const OrgKindRule* kind = rules_.FindOrgKind(org_kind);
  if (kind == nullptr)
    return Status::InvalidArgument("不认识的组织类型「" + std::string(org_kind) + "」");
  for (const std::string& name : roles) {
    const RoleRule* role = rules_.FindRole(name);
    if (role == nullptr) {
      std::vector<std::string> all;
      for (const RoleRule& rule : rules_.roles) all.push_back(rule.name);
      return Status::InvalidArgument("不认识的角色「" + name + "」；可用的有 " + Join(all, "、"));
    }
    if (role->side != RoleSide::kAdmin && role->side != kind->side) {
      return Status::InvalidArgument(
          "角色「" + name + "」不能授给" + std::string(org_kind) + "的用户：" +
          (role->side == RoleSide::kProcuratorate ? "它只属于检察院" : "它只属于外部单位"));
    }
    if (rules_.exclusive.count(name) > 0 && roles.size() > 1) {
      return Status::InvalidArgument("「" + name +
                                     "」是三员之一，不得与其他任何角色兼任（等保 8.1.5 三员分立）");
    }
  }
  return Status::Ok();
}

}  // namespace shujian::workflow
