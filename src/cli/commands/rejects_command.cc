// shujian rejects BATCH: the rejected rows of an import batch: file, line, column, value,
// reason (shared/spec/cli.md); --warnings adds the values accepted with a warning.
#include <nlohmann/json.hpp>

#include "cli/command.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

struct RejectsOptions {
  std::string batch;
  bool warnings = false;
  int64_t limit = 0;
};

ExitCode RunRejects(const RejectsOptions& options, const CommandContext& context) {
  const Output& output = *context.output;
  Result<ReadSession> session = BeginRead(context);
  if (!session.ok()) {
    output.Error(session.status());
    return ExitCodeFor(session.status());
  }
  store::RejectFilter filter;
  filter.include_warnings = options.warnings;
  filter.limit = options.limit;
  Result<std::vector<store::RejectRecord>> rejects = session->transaction->datasets().ListRejects(options.batch, filter);
  if (!rejects.ok()) {
    output.Error(rejects.status());
    return ExitCodeFor(rejects.status());
  }
  if (output.json()) {
    Json list = Json::array();
    for (const store::RejectRecord& reject : *rejects) {
      Json entry = {{"file", reject.file_name}, {"line", reject.line},     {"column", reject.column},
                    {"value", reject.value},    {"reason", reject.reason}};
      if (options.warnings) entry["warning"] = reject.warning;
      list.push_back(std::move(entry));
    }
    output.Json({{"batch", options.batch}, {"rejects", list}});
    return kExitDone;
  }
  if (rejects->empty()) {
    output.Line(options.warnings ? "批次 " + options.batch + " 没有被拒绝的行，也没有警告"
                                 : "批次 " + options.batch + " 没有被拒绝的行");
    return kExitDone;
  }
  for (const store::RejectRecord& reject : *rejects) {
    std::string line = reject.file_name + " 第" + std::to_string(reject.line) + "行";
    if (!reject.column.empty()) line += "「" + reject.column + "」";
    if (!reject.value.empty()) line += " 值「" + reject.value + "」";
    line += (reject.warning ? "（警告，已接受）：" : "：") + reject.reason;
    output.Line(line);
  }
  return kExitDone;
}

}  // namespace

void RegisterRejectsCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<RejectsOptions>();
  CLI::App* command = app.add_subcommand("rejects", "查看一个导入批次被拒绝的行：文件、行号、列、原值、原因");
  command->add_option("batch", options->batch, "批次号，如 b-000001（shujian import 输出）")->required();
  command->add_flag("--warnings", options->warnings, "同时列出已接受但有警告的值（如已撤销的行政区划代码）");
  command->add_option("--limit", options->limit, "最多列出多少条")->type_name("N")->check(CLI::PositiveNumber);
  command->footer(
      "行号从1开始，表头是第1行（XLSX为工作表中的行号）；列名是文件中写的表头。\n"
      "改正这些行后可以只导入改正的行，也可以重新导入整个文件：已导入且未变化的行不会重复保存。\n\n"
      "示例：\n  shujian rejects b-000003\n  shujian rejects b-000003 --warnings --json");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) { return RunRejects(*options, context); };
  });
}

}  // namespace shujian::cli
