// shujian todo --user LOGIN [--as-of DATE]: a user's to-do items (待办) with due dates and a colour
// (green; yellow within 3 days; red overdue), in the JSON shape of shared/spec/cli.md.
#include <memory>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "workflow/json_views.h"
#include "workflow/todo_list.h"

namespace shujian::cli {
namespace {

struct TodoOptions {
  std::string user;
  std::string as;
  std::string as_of;
};

}  // namespace

void RegisterTodoCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<TodoOptions>();
  CLI::App* command =
      app.add_subcommand("todo", "待办事项：期限、到期日和颜色（绿、黄：3日内到期、红：已逾期）");
  command->add_option("--user", options->user, "谁的待办")->required()->type_name("LOGIN");
  command->add_option("--as-of", options->as_of, "以该日计算颜色（默认今天）")->type_name("DATE");
  AddAsOption(command, &options->as);
  command->footer(
      "待办包括本人承办事项的期限；检察长和部门负责人还有待审批、待分派的事项；执法机关联络员有本单"
      "位应回复的检察建议等。\n"
      "本人、本院检察长、本部门负责人和本机操作员可以查看。\n\n示例：\n"
      "  shujian todo --user zhang --as-of 2024-05-13 --json");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      Result<std::optional<Date>> as_of = OptionalDate(options->as_of, "--as-of");
      if (!as_of.ok()) return Fail(context, as_of.status());
      auto report = workflow::TodoList((*environment)->context())
                        .For(options->as, options->user, as_of->value_or(context.clock->Today()));
      if (!report.ok()) return Fail(context, report.status());
      if (context.output->json()) {
        context.output->Json(workflow::TodoJson(*report));
        return kExitDone;
      }
      for (const workflow::TodoItem& item : report->items) {
        std::string colour = item.colour == "red"      ? "【红】"
                             : item.colour == "yellow" ? "【黄】"
                                                       : "【绿】";
        std::string left = item.days_left < 0 ? "已逾期" + std::to_string(-item.days_left) + "日"
                                              : "还有" + std::to_string(item.days_left) + "日";
        context.output->Line(colour + " " + item.due + "（" + left + "）  " + item.title + "  [" +
                             item.ref + "]");
      }
      if (report->items.empty())
        context.output->Message(options->user + " 在 " + report->as_of.ToIso() + " 没有待办事项");
      return kExitDone;
    };
  });
}

}  // namespace shujian::cli
