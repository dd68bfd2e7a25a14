// shujian user add|grant|revoke|disable|enable|list: accounts and roles under the separation of
// the three administrators: the 系统管理员 creates and disables accounts, the 安全管理员 grants and
// revokes roles; the local operator may do both to bootstrap a deployment.
#include <memory>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "workflow/json_views.h"
#include "workflow/org_admin.h"

namespace shujian::cli {
namespace {

struct UserOptions {
  std::string as;
  workflow::NewUser user;
  std::string login;
  std::vector<std::string> roles;
  std::string org;
};

ExitCode PrintUser(const CommandContext& context, const store::User& user,
                   const std::string& what) {
  if (context.output->json()) {
    context.output->Json(workflow::UserJson(user));
    return kExitDone;
  }
  std::string roles;
  for (const std::string& role : user.roles) roles += (roles.empty() ? "" : "、") + role;
  context.output->Line(what + " " + user.login + "（" + user.name + "，" + user.org_code +
                       (user.dept_code.empty() ? "" : "/" + user.dept_code) + "）：" +
                       (roles.empty() ? std::string("无角色") : roles) +
                       (user.active ? "" : "，已停用"));
  return kExitDone;
}

}  // namespace

void RegisterUserCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<UserOptions>();
  const std::string roles_help =
      "角色：检察官、检察官助理、部门负责人、检察长、数据分析员、执法机关联络员、系统管理员、安全管"
      "理员、审计管理员";
  CLI::App* command = app.add_subcommand("user", "用户与角色（三员分立）");
  command->require_subcommand(1);

  CLI::App* add = command->add_subcommand("add", "创建用户");
  add->add_option("login", options->user.login, "登录名")->required();
  add->add_option("--name", options->user.name, "姓名")->required();
  add->add_option("--org", options->user.org, "所属组织编码")->required();
  add->add_option("--dept", options->user.dept, "所属部门编码（检察院人员，用于文号和部门范围）");
  add->add_option("--role", options->user.roles, roles_help + "；可写多个")->expected(0, -1);
  add->add_option("--as", options->as,
                  "以该用户身份（系统管理员；同时授角色还需安全管理员）；不写为本机操作员")
      ->type_name("LOGIN");
  add->footer(
      "系统管理员只能创建账号，角色由安全管理员用 shujian user grant "
      "授予；本机操作员可一并授予（用于初始化）。\n"
      "三员（系统、安全、审计管理员）互不兼任，也不兼任业务角色。\n\n示例：\n"
      "  shujian user add zhang --name 张三 --org YY --dept XZ --role 检察官\n"
      "  shujian user add sec --name 安全管理员 --org SY --role 安全管理员");
  add->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto user = workflow::OrgAdmin((*environment)->context()).AddUser(options->as, options->user);
      if (!user.ok()) return Fail(context, user.status());
      return PrintUser(context, *user, "已创建用户");
    };
  });

  for (const char* name : {"grant", "revoke"}) {
    bool grant = std::string_view(name) == "grant";
    CLI::App* sub =
        command->add_subcommand(name, grant ? "授予角色（安全管理员）" : "撤销角色（安全管理员）");
    sub->add_option("login", options->login, "登录名")->required();
    sub->add_option("--role", options->roles, roles_help)->required()->expected(1, -1);
    sub->add_option("--as", options->as, "以该用户身份（安全管理员）；不写为本机操作员")
        ->type_name("LOGIN");
    sub->footer(std::string("示例：\n  shujian user ") + name +
                " zhang --role 部门负责人 --as sec");
    sub->callback([action, options, grant] {
      *action = [options, grant](const CommandContext& context) {
        auto environment = WorkflowEnvironment::Open(context);
        if (!environment.ok()) return Fail(context, environment.status());
        workflow::OrgAdmin admin((*environment)->context());
        auto user = grant ? admin.GrantRoles(options->as, options->login, options->roles)
                          : admin.RevokeRoles(options->as, options->login, options->roles);
        if (!user.ok()) return Fail(context, user.status());
        return PrintUser(context, *user, grant ? "已授予" : "已撤销");
      };
    });
  }

  for (const char* name : {"disable", "enable"}) {
    bool enable = std::string_view(name) == "enable";
    CLI::App* sub =
        command->add_subcommand(name, enable ? "启用用户（系统管理员）" : "停用用户（系统管理员）");
    sub->add_option("login", options->login, "登录名")->required();
    sub->add_option("--as", options->as, "以该用户身份（系统管理员）；不写为本机操作员")
        ->type_name("LOGIN");
    sub->footer(std::string("示例：\n  shujian user ") + name + " zhang --as sys");
    sub->callback([action, options, enable] {
      *action = [options, enable](const CommandContext& context) {
        auto environment = WorkflowEnvironment::Open(context);
        if (!environment.ok()) return Fail(context, environment.status());
        auto user = workflow::OrgAdmin((*environment)->context())
                        .SetActive(options->as, options->login, enable);
        if (!user.ok()) return Fail(context, user.status());
        return PrintUser(context, *user, enable ? "已启用" : "已停用");
      };
    });
  }

  CLI::App* list = command->add_subcommand("list", "列出用户及其角色");
  list->add_option("--org", options->org, "只列出该组织的用户");
  AddAsOption(list, &options->as);
  list->footer("示例：\n  shujian user list --org YY --json");
  list->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto users =
          workflow::OrgAdmin((*environment)->context()).ListUsers(options->as, options->org);
      if (!users.ok()) return Fail(context, users.status());
      if (context.output->json()) {
        workflow::OrderedJson items = workflow::OrderedJson::array();
        for (const store::User& user : *users) items.push_back(workflow::UserJson(user));
        context.output->Json({{"users", items}});
        return kExitDone;
      }
      for (const store::User& user : *users) PrintUser(context, user, "");
      return kExitDone;
    };
  });
}

}  // namespace shujian::cli
