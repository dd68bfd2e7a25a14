// shujian init: create or upgrade the database. Idempotent.
#include <nlohmann/json.hpp>

#include "cli/command.h"

namespace shujian::cli {
namespace {

ExitCode RunInit(const CommandContext& context) {
  const Output& output = *context.output;
  Result<std::unique_ptr<store::Store>> opened = context.OpenStore(/*migrate=*/true);
  if (!opened.ok()) {
    output.Error(opened.status());
    return ExitCodeFor(opened.status());
  }
  store::Store& store = **opened;
  Result<store::MigrationReport> report = store.Migrate();
  if (!report.ok()) {
    output.Error(report.status());
    return ExitCodeFor(report.status());
  }
  Result<store::SchemaInfo> info = store.Inspect();
  if (!info.ok()) {
    output.Error(info.status());
    return ExitCodeFor(info.status());
  }
  if (output.json()) {
    nlohmann::ordered_json document = {
        {"db", info->location},          {"backend", info->backend},
        {"created", report->created},    {"from_version", report->from_version},
        {"schema_version", info->version}, {"applied", report->applied}};
    output.Json(document);
    return kExitDone;
  }
  std::string version = "（结构版本 " + std::to_string(info->version) + "）";
  if (report->created) {
    output.Line("已创建数据库 " + info->location + version);
  } else if (report->applied.empty()) {
    output.Line("数据库 " + info->location + " 已是最新" + version);
  } else {
    output.Line("已升级数据库 " + info->location + "：结构版本 " +
                std::to_string(report->from_version) + " → " + std::to_string(info->version));
  }
  return kExitDone;
}

}  // namespace

void RegisterInitCommand(CLI::App& app, CommandAction* action) {
  CLI::App* command = app.add_subcommand("init", "创建或升级数据库（可重复运行）");
  command->footer(
      "数据库不存在时创建它；结构版本较旧时在一个事务中升级；已是最新时什么也不做。\n"
      "数据库由更新版本的 shujian 创建时拒绝打开（退出码 2）。\n\n"
      "示例：\n  shujian init --db /data/shujian.db");
  command->callback([action] { *action = RunInit; });
}

}  // namespace shujian::cli
