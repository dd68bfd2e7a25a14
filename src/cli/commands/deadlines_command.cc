// shujian deadlines sweep [--on DATE]: the daily job — every automatic transition whose deadline
// has passed (a suggestion not replied to becomes 逾期未回复 the day after the period ends), done
// by the system and audited. The same happens to an object before any act on it, so the job only
// keeps lists and statistics current.
#include <memory>

#include "cli/command.h"
#include "cli/workflow_support.h"

namespace shujian::cli {
namespace {

struct SweepOptions {
  std::string on;
};

}  // namespace

void RegisterDeadlinesCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* command = app.add_subcommand("deadlines", "期限：届满后的自动处理");
  command->require_subcommand(1);
  CLI::App* sweep =
      command->add_subcommand("sweep", "处理已届满的期限（如记录逾期未回复），每天运行一次");
  sweep->add_option("--on", options->on, "以该日为今天（默认今天，不能晚于今天）")
      ->type_name("DATE");
  sweep->footer("示例：\n  shujian deadlines sweep --json");
  sweep->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      Result<std::optional<Date>> on = OptionalDate(options->on, "--on");
      if (!on.ok()) return Fail(context, on.status());
      Date today = context.clock->Today();
      Date as_of = on->value_or(today);
      if (as_of > today) return Fail(context, Status::InvalidArgument("--on 不能晚于今天"));
      auto report = workflow::ProcedureRunner((*environment)->context()).Sweep(as_of);
      if (!report.ok()) return Fail(context, report.status());
      if (context.output->json()) {
        context.output->Json({{"as_of", as_of.ToIso()}, {"acts", report->acts}});
      } else {
        for (const std::string& act : report->acts) context.output->Line(act);
        context.output->Message("处理了 " + std::to_string(report->acts.size()) + " 个届满的期限");
      }
      return kExitDone;
    };
  });
}

}  // namespace shujian::cli
