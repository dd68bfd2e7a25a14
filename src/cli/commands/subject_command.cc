// shujian subject KIND KEY: one subject (a person, organisation, vehicle, heritage site or record)
// across all its leads, models and procuratorates, with the cases that came of them.
#include <memory>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "workflow/case_views.h"
#include "workflow/json_views.h"

namespace shujian::cli {
namespace {

struct SubjectOptions {
  std::string kind;
  std::string key;
  std::string as;
};

}  // namespace

void RegisterSubjectCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<SubjectOptions>();
  CLI::App* command = app.add_subcommand(
      "subject", "一个主体（人、单位、车辆、点位）的全部线索：哪些模型、哪些院、产生了哪些案件");
  command->add_option("kind", options->kind, "person、organisation、vehicle、site 或 record")
      ->required();
  command
      ->add_option("key", options->key,
                   "身份证号、统一社会信用代码、号牌、点位编号（按标准化后的形式匹配）")
      ->required();
  AddAsOption(command, &options->as);
  command->footer(
      "查看人看不到的线索（其他院的）只计数不显示；个人信息按查看人的角色脱敏。\n\n示例：\n"
      "  shujian subject person 420304198001012510 --as zhang --json\n"
      "  shujian subject vehicle 鄂C·12345 --as analyst");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto view =
          workflow::CaseViews((*environment)->context())
              .ShowSubject(options->as, options->kind, options->key, context.clock->Today());
      if (!view.ok()) return Fail(context, view.status());
      if (context.output->json()) {
        context.output->Json(workflow::SubjectJson(*view));
        return kExitDone;
      }
      context.output->Line(view->subject.kind + " " + view->subject.key +
                           (view->subject.label.empty() ? "" : "（" + view->subject.label + "）"));
      for (const store::Lead& lead : view->leads) {
        context.output->Line("  " + lead.id + "  " + lead.status + "  " +
                             (lead.model_id.empty() ? lead.source : lead.model_id) + "  " +
                             lead.title);
      }
      for (const workflow::MatterSummary& matter : view->matters) {
        context.output->Line("  → " + matter.id + " " + matter.machine_title + " " + matter.state);
      }
      if (view->hidden > 0)
        context.output->Line("  另有 " + std::to_string(view->hidden) + " 条线索属于其他院");
      if (view->leads.empty() && view->hidden == 0) context.output->Message("没有关于该主体的线索");
      return kExitDone;
    };
  });
}

}  // namespace shujian::cli
