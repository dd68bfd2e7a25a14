#include "workflow/org_admin.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/region_codes.h"
#include "core/unicode_fold.h"
#include "core/utf8.h"

namespace shujian::workflow {
namespace {

using Json = nlohmann::json;

bool IsCode(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

Json UserJson(const store::User& user) {
  return {{"login", user.login},    {"name", user.name},     {"org", user.org_code},
          {"dept", user.dept_code}, {"active", user.active}, {"roles", user.roles}};
}

Status Record(const WorkflowContext& context, store::Transaction& transaction, const Actor& actor,
              const std::string& action, const std::string& type, const std::string& id,
              const std::string& summary, const Json& before, const Json& after) {
  AuditEntry entry{action, type, id, "ok", summary, before.dump(), after.dump()};
  return context.audit->Record(transaction, actor, entry);
}

}  // namespace

Result<store::Organisation> OrgAdmin::AddOrganisation(const std::string& actor_login,
                                                      const NewOrganisation& input) const {
  store::Organisation org;
  SJ_RETURN_IF_ERROR(RunAudited(
      context_, actor_login, "org.add", input.code, [&](store::Transaction& tx) -> Status {
        AccessPolicy policy = context_.policy();
        SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(tx, actor_login));
        SJ_RETURN_IF_ERROR(policy.CheckAdmin(actor, "管理组织", "添加组织"));
        if (!IsCode(input.code)) {
          return Status::InvalidArgument("组织编码「" + input.code +
                                         "」只能由字母、数字、- _ . 组成，最长32个字符");
        }
        org.code = input.code;
        org.name = TrimSpaces(input.name);
        if (org.name.empty()) return Status::InvalidArgument("组织缺少名称（--name）");
        if (policy.rules().FindOrgKind(input.kind) == nullptr) {
          std::string kinds;
          for (const OrgKindRule& rule : policy.rules().org_kinds)
            kinds += (kinds.empty() ? "" : "、") + rule.kind;
          return Status::InvalidArgument("组织类型「" + input.kind + "」不认识；应为 " + kinds);
        }
        org.kind = input.kind;
        org.short_name = TrimSpaces(input.short_name);
        if (CodePointCount(org.short_name) > 8)
          return Status::InvalidArgument("院简称过长（最多8个字）");
        org.parent_code = input.parent;
        if (!input.region.empty()) {
          int code = 0;
          auto [end, error] =
              std::from_chars(input.region.data(), input.region.data() + input.region.size(), code);
          if (error != std::errc() || end != input.region.data() + input.region.size() ||
              input.region.size() != 6 || RegionTable::Shipped().Find(code) == nullptr) {
            return Status::InvalidArgument("行政区划代码「" + input.region + "」不在 GB/T 2260 中");
          }
        }
        org.region = input.region;
        org.created_at = context_.clock->Now().ToIso();
        SJ_RETURN_IF_ERROR(tx.orgs().AddOrganisation(org));
        Json after = {
            {"code", org.code}, {"name", org.name},          {"short_name", org.short_name},
            {"kind", org.kind}, {"parent", org.parent_code}, {"region", org.region}};
        return Record(context_, tx, actor, "org.add", "organisation", org.code,
                      "添加组织 " + org.name, Json::object(), after);
      }));
  return org;
}

Result<store::Department> OrgAdmin::AddDepartment(const std::string& actor_login,
                                                  const store::Department& input) const {
  store::Department dept = input;
  SJ_RETURN_IF_ERROR(RunAudited(
      context_, actor_login, "org.dept", input.org_code, [&](store::Transaction& tx) -> Status {
        AccessPolicy policy = context_.policy();
        SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(tx, actor_login));
        SJ_RETURN_IF_ERROR(policy.CheckAdmin(actor, "管理组织", "添加部门"));
        SJ_ASSIGN_OR_RETURN(std::optional<store::Organisation> org,
                            tx.orgs().GetOrganisation(input.org_code));
        if (!org) return Status::NotFound("组织「" + input.org_code + "」不存在");
        const OrgKindRule* kind = policy.rules().FindOrgKind(org->kind);
        if (kind == nullptr || kind->side != RoleSide::kProcuratorate) {
          return Status::InvalidArgument("只有检察院设部门（编号用部门简称）；" + org->name + "是" +
                                         org->kind);
        }
        if (!IsCode(input.code))
          return Status::InvalidArgument("部门编码「" + input.code +
                                         "」只能由字母、数字、- _ . 组成");
        dept.name = TrimSpaces(input.name);
        dept.short_name = TrimSpaces(input.short_name);
        if (dept.name.empty()) return Status::InvalidArgument("部门缺少名称（--name）");
        if (dept.short_name.empty() || CodePointCount(dept.short_name) > 4) {
          return Status::InvalidArgument(
              "部门简称（--short）须为1至4个字，如「行」，用于文号「郧检行建〔2024〕1号」");
        }
        SJ_RETURN_IF_ERROR(tx.orgs().AddDepartment(dept));
        return Record(context_, tx, actor, "org.dept", "department",
                      dept.org_code + "/" + dept.code, "添加部门 " + org->name + dept.name,
                      Json::object(),
                      {{"org", dept.org_code},
                       {"code", dept.code},
                       {"name", dept.name},
                       {"short_name", dept.short_name}});
      }));
  return dept;
}

Result<store::User> OrgAdmin::AddUser(const std::string& actor_login, const NewUser& input) const {
  store::User user;
  SJ_RETURN_IF_ERROR(RunAudited(
      context_, actor_login, "user.add", input.login, [&](store::Transaction& tx) -> Status {
        AccessPolicy policy = context_.policy();
        SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(tx, actor_login));
        SJ_RETURN_IF_ERROR(policy.CheckAdmin(actor, "创建用户", "创建用户"));
        if (!input.roles.empty()) {
          SJ_RETURN_IF_ERROR(policy.CheckAdmin(
              actor, "授予角色",
              "在创建用户时授予角色（请先创建用户，再由安全管理员运行 shujian user grant）"));
        }
        if (!IsCode(input.login) || input.login == kLocalOperator || input.login == kSystemActor) {
          return Status::InvalidArgument("登录名「" + input.login +
                                         "」只能由字母、数字、- _ . 组成，最长32个字符");
        }
        user.login = input.login;
        user.name = TrimSpaces(input.name);
        if (user.name.empty()) return Status::InvalidArgument("用户缺少姓名（--name）");
        SJ_ASSIGN_OR_RETURN(std::optional<store::Organisation> org,
                            tx.orgs().GetOrganisation(input.org));
        if (!org)
          return Status::NotFound("组织「" + input.org + "」不存在；请先用 shujian org add 添加");
        user.org_code = org->code;
        if (!input.dept.empty()) {
          SJ_ASSIGN_OR_RETURN(std::optional<store::Department> dept,
                              tx.orgs().GetDepartment(org->code, input.dept));
          if (!dept) return Status::NotFound(org->name + "没有编码为「" + input.dept + "」的部门");
          user.dept_code = dept->code;
        }
        std::vector<std::string> roles = input.roles;
        std::sort(roles.begin(), roles.end());
        roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
        SJ_RETURN_IF_ERROR(policy.CheckRoleSet(org->kind, roles));
        user.created_at = context_.clock->Now().ToIso();
        user.created_by = actor.login;
        SJ_RETURN_IF_ERROR(tx.orgs().AddUser(user));
        for (const std::string& role : roles) {
          SJ_RETURN_IF_ERROR(tx.orgs().GrantRole(user.login, role, actor.login, user.created_at));
        }
        SJ_ASSIGN_OR_RETURN(std::optional<store::User> stored, tx.orgs().GetUser(user.login));
        user = *stored;
        return Record(context_, tx, actor, "user.add", "user", user.login, "创建用户 " + user.name,
                      Json::object(), UserJson(user));
      }));
  return user;
}

Result<store::User> OrgAdmin::ChangeUser(
    const std::string& actor_login, const std::string& login, std::string_view power,
    const std::string& what, const std::string& action,
    const std::function<Status(store::Transaction&, const Actor&, const store::User&)>& change)
    const {
  store::User user;
  SJ_RETURN_IF_ERROR(
      RunAudited(context_, actor_login, action, login, [&](store::Transaction& tx) -> Status {
        AccessPolicy policy = context_.policy();
        SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(tx, actor_login));
        SJ_RETURN_IF_ERROR(policy.CheckAdmin(actor, power, what));
        SJ_ASSIGN_OR_RETURN(std::optional<store::User> existing, tx.orgs().GetUser(login));
        if (!existing) return Status::NotFound("用户「" + login + "」不存在");
        SJ_RETURN_IF_ERROR(change(tx, actor, *existing));
        SJ_ASSIGN_OR_RETURN(std::optional<store::User> stored, tx.orgs().GetUser(login));
        user = *stored;
        return Record(context_, tx, actor, action, "user", login, what, UserJson(*existing),
                      UserJson(user));
      }));
  return user;
}

Result<store::User> OrgAdmin::GrantRoles(const std::string& actor_login, const std::string& login,
                                         const std::vector<std::string>& roles) const {
  return ChangeUser(
      actor_login, login, "授予角色", "授予角色", "user.grant",
      [&](store::Transaction& tx, const Actor& actor, const store::User& existing) -> Status {
        if (roles.empty()) return Status::InvalidArgument("请用 --role 写明要授予的角色");
        if (existing.login == actor.login) return Status::PermissionDenied("不能给自己授予角色");
        SJ_ASSIGN_OR_RETURN(std::optional<store::Organisation> org,
                            tx.orgs().GetOrganisation(existing.org_code));
        std::vector<std::string> all = existing.roles;
        for (const std::string& role : roles) {
          if (std::find(all.begin(), all.end(), role) == all.end()) all.push_back(role);
        }
        SJ_RETURN_IF_ERROR(context_.policy().CheckRoleSet(org->kind, all));
        std::string now = context_.clock->Now().ToIso();
        for (const std::string& role : roles) {
          if (std::find(existing.roles.begin(), existing.roles.end(), role) !=
              existing.roles.end()) {
            continue;
          }
          SJ_RETURN_IF_ERROR(tx.orgs().GrantRole(existing.login, role, actor.login, now));
        }
        return Status::Ok();
      });
}

Result<store::User> OrgAdmin::RevokeRoles(const std::string& actor_login, const std::string& login,
                                          const std::vector<std::string>& roles) const {
  return ChangeUser(actor_login, login, "撤销角色", "撤销角色", "user.revoke",
                    [&](store::Transaction& tx, const Actor&, const store::User&) -> Status {
                      for (const std::string& role : roles) {
                        SJ_RETURN_IF_ERROR(tx.orgs().RevokeRole(login, role));
                      }
                      return Status::Ok();
                    });
}

Result<store::User> OrgAdmin::SetActive(const std::string& actor_login, const std::string& login,
                                        bool active) const {
  return ChangeUser(actor_login, login, "停用用户", active ? "启用用户" : "停用用户",
                    active ? "user.enable" : "user.disable",
                    [&](store::Transaction& tx, const Actor&, const store::User&) -> Status {
                      return tx.orgs().SetUserActive(login, active);
                    });
}

Result<std::vector<store::Organisation>> OrgAdmin::ListOrganisations(
    const std::string& actor_login) const {
  SJ_ASSIGN_OR_RETURN(auto tx, context_.store->Begin(store::TransactionMode::kRead));
  SJ_ASSIGN_OR_RETURN(Actor actor, context_.policy().Resolve(*tx, actor_login));
  (void)actor;
  return tx->orgs().ListOrganisations();
}

Result<std::vector<store::Department>> OrgAdmin::ListDepartments(
    const std::string& actor_login) const {
  SJ_ASSIGN_OR_RETURN(auto tx, context_.store->Begin(store::TransactionMode::kRead));
  SJ_ASSIGN_OR_RETURN(Actor actor, context_.policy().Resolve(*tx, actor_login));
  (void)actor;
  return tx->orgs().ListDepartments("");
}

Result<std::vector<store::User>> OrgAdmin::ListUsers(const std::string& actor_login,
                                                     const std::string& org) const {
  SJ_ASSIGN_OR_RETURN(auto tx, context_.store->Begin(store::TransactionMode::kRead));
  SJ_ASSIGN_OR_RETURN(Actor actor, context_.policy().Resolve(*tx, actor_login));
  (void)actor;
  return tx->orgs().ListUsers(org);
}

}  // namespace shujian::workflow
