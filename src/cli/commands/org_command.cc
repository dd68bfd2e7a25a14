// shujian org add|dept|list: organisations (市院, 基层院 and their departments, agencies, police,
// discipline commission, people's congress, courts) — the 系统管理员's, or the local operator's
// when bootstrapping a deployment.
#include <memory>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "workflow/json_views.h"
#include "workflow/org_admin.h"

namespace shujian::cli {
namespace {

struct OrgOptions {
  std::string as;
  workflow::NewOrganisation org;
  store::Department dept;
};

}  // namespace

void RegisterOrgCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<OrgOptions>();
  CLI::App* command =
      app.add_subcommand("org", "组织机构：检察院及其部门、执法机关、公安、纪委监委、人大、法院");
  command->require_subcommand(1);

  CLI::App* add = command->add_subcommand("add", "添加组织");
  add->add_option("code", options->org.code, "组织编码（字母、数字、- _ .），如 YY")->required();
  add->add_option("--name", options->org.name, "全称，如 十堰市郧阳区人民检察院")->required();
  add->add_option("--kind", options->org.kind,
                  "类型：市院、基层院、执法机关、公安、纪委监委、人大、法院")
      ->required();
  add->add_option("--parent", options->org.parent, "上级组织编码");
  add->add_option("--region", options->org.region, "行政区划代码（GB/T 2260），如 420304");
  add->add_option("--short", options->org.short_name,
                  "院简称，用于文号，如 郧（检察院必填才能编号）");
  add->add_option("--as", options->as,
                  "以该用户身份（须有「管理组织」权限，即系统管理员）；不写为本机操作员")
      ->type_name("LOGIN");
  add->footer(
      "示例：\n  shujian org add SY --name 十堰市人民检察院 --kind 市院 --region 420300 --short "
      "十\n"
      "  shujian org add YY --name 十堰市郧阳区人民检察院 --kind 基层院 --parent SY --region "
      "420304 --short 郧\n"
      "  shujian org add NY --name 十堰市郧阳区农业农村局 --kind 执法机关 --region 420304");
  add->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto org =
          workflow::OrgAdmin((*environment)->context()).AddOrganisation(options->as, options->org);
      if (!org.ok()) return Fail(context, org.status());
      if (context.output->json()) {
        context.output->Json(workflow::OrganisationJson(*org));
      } else {
        context.output->Line("已添加组织 " + org->code + " " + org->name + "（" + org->kind + "）");
      }
      return kExitDone;
    };
  });

  CLI::App* dept = command->add_subcommand("dept", "为检察院添加部门（部门简称用于文号）");
  dept->add_option("org", options->dept.org_code, "检察院的组织编码")->required();
  dept->add_option("code", options->dept.code, "部门编码，如 XZ")->required();
  dept->add_option("--name", options->dept.name, "部门名称，如 第五检察部")->required();
  dept->add_option("--short", options->dept.short_name,
                   "部门简称，如 行（文号「郧检行建〔2024〕1号」中的「行」）")
      ->required();
  dept->add_option("--as", options->as, "以该用户身份（系统管理员）；不写为本机操作员")
      ->type_name("LOGIN");
  dept->footer("示例：\n  shujian org dept YY XZ --name 第五检察部 --short 行");
  dept->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto added =
          workflow::OrgAdmin((*environment)->context()).AddDepartment(options->as, options->dept);
      if (!added.ok()) return Fail(context, added.status());
      if (context.output->json()) {
        context.output->Json(workflow::DepartmentJson(*added));
      } else {
        context.output->Line("已添加部门 " + added->org_code + "/" + added->code + " " +
                             added->name + "（简称「" + added->short_name + "」）");
      }
      return kExitDone;
    };
  });

  CLI::App* list = command->add_subcommand("list", "列出组织及其部门");
  AddAsOption(list, &options->as);
  list->footer("示例：\n  shujian org list --json");
  list->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      workflow::OrgAdmin admin((*environment)->context());
      auto orgs = admin.ListOrganisations(options->as);
      if (!orgs.ok()) return Fail(context, orgs.status());
      auto depts = admin.ListDepartments(options->as);
      if (!depts.ok()) return Fail(context, depts.status());
      if (context.output->json()) {
        workflow::OrderedJson items = workflow::OrderedJson::array();
        for (const store::Organisation& org : *orgs) {
          workflow::OrderedJson json = workflow::OrganisationJson(org);
          workflow::OrderedJson departments = workflow::OrderedJson::array();
          for (const store::Department& department : *depts) {
            if (department.org_code == org.code)
              departments.push_back(workflow::DepartmentJson(department));
          }
          json["departments"] = std::move(departments);
          items.push_back(std::move(json));
        }
        context.output->Json({{"organisations", items}});
        return kExitDone;
      }
      for (const store::Organisation& org : *orgs) {
        context.output->Line(org.code + "  " + org.kind + "  " + org.name +
                             (org.short_name.empty() ? "" : "（" + org.short_name + "）"));
        for (const store::Department& department : *depts) {
          if (department.org_code == org.code) {
            context.output->Line("    " + department.code + "  " + department.name + "（" +
                                 department.short_name + "）");
          }
        }
      }
      return kExitDone;
    };
  });
}

}  // namespace shujian::cli
