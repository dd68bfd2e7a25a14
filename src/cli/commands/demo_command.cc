// shujian demo [--out DIR] [--seed N] [--scale N] [--as-of DATE] [--fresh]: builds the
// demonstration database — a seeded city whose agencies' files are imported through the normal
// import, every model run — and shows, model by model, the leads found beside the findings
// the generator planted (shared/spec/cli.md). Exit 0 when they agree, 1 when they do not.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/commands/model_library_flags.h"
#include "cli/demo_accounts.h"
#include "cli/demo_build.h"
#include "cli/progress_line.h"
#include "cli/workflow_support.h"
#include "core/date_parse.h"
#include "workflow/heritage_registry.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

struct DemoCommandOptions {
  std::string out;
  uint64_t seed = demo::DemoOptions{}.seed;
  int scale = 1;
  std::string as_of;
  bool fresh = false;
};

// Removes the database and the files that belong to it (WAL, shared memory, audit key).
Status RemoveDatabase(const std::string& location) {
  std::error_code error;
  for (const char* suffix : {"", "-wal", "-shm", ".audit-key"}) {
    std::filesystem::remove(location + suffix, error);
    if (error) return Status::IoError("无法删除「" + location + suffix + "」：" + error.message());
  }
  return Status::Ok();
}

void PrintReport(const Output& output, const DemoBuildReport& report,
                 const demo::DemoOptions& options, const std::string& database) {
  int64_t rows = 0, accepted = 0, rejected = 0, unchanged = 0, planned = 0;
  for (const DemoImportLine& line : report.imports) {
    rows += line.rows;
    accepted += line.accepted;
    rejected += line.rejected;
    unchanged += line.unchanged;
    planned += line.planned_rejects;
  }
  output.Line("演示城市（十堰市，种子 " + std::to_string(options.seed) + "，规模 ×" +
              std::to_string(options.scale) + "）：" +
              std::to_string(report.generation.files.size()) + " 个文件写入 " + options.directory);
  output.Line("导入：" + std::to_string(report.imports.size()) + " 个批次，" +
              std::to_string(rows) + " 行：接受 " + std::to_string(accepted) + "，拒绝 " +
              std::to_string(rejected) + "（生成器故意制造的错误行 " + std::to_string(planned) +
              "），未变化 " + std::to_string(unchanged));
  for (const DemoImportLine& line : report.imports) {
    if (line.rejected != line.planned_rejects) {
      output.Line("  ✗ " + line.file + "：拒绝 " + std::to_string(line.rejected) + " 行，预期 " +
                  std::to_string(line.planned_rejects) + " 行（shujian rejects " + line.batch +
                  "）");
    }
  }
  output.Line("模型运行（基准日 " + options.as_of.ToIso() + "）：");
  size_t total = 0;
  for (const DemoModelCheck& check : report.checks) {
    total += check.found;
    output.Line(std::string("  ") + (check.agrees() ? "✓ " : "✗ ") + check.model + "：线索 " +
                std::to_string(check.found) + " 条，预埋 " + std::to_string(check.planted) + " 条");
    for (const std::string& missing : check.missing) output.Line("      未发现：" + missing);
    for (const std::string& unexpected : check.unexpected) output.Line("      多出：" + unexpected);
  }
  for (const workflow::ModelRunOutcome& outcome : report.runs.models) {
    if (!outcome.ok) output.Line("  ✗ " + outcome.model + " 运行失败：" + outcome.error);
  }
  output.Line("合计线索 " + std::to_string(total) + " 条。查看：shujian --db " + database +
              " leads；一条线索的事实和证据：shujian --db " + database + " lead 线索编号");
}

Json ReportJson(const DemoBuildReport& report, const demo::DemoOptions& options,
                const std::string& database) {
  Json imports = Json::array();
  for (const DemoImportLine& line : report.imports) {
    imports.push_back(Json{{"dataset", line.dataset},
                           {"file", line.file},
                           {"source", line.source},
                           {"batch", line.batch},
                           {"rows", line.rows},
                           {"accepted", line.accepted},
                           {"rejected", line.rejected},
                           {"unchanged", line.unchanged},
                           {"planned_rejects", line.planned_rejects}});
  }
  Json models = Json::array();
  for (const DemoModelCheck& check : report.checks) {
    models.push_back(Json{{"model", check.model},
                          {"leads", check.found},
                          {"planted", check.planted},
                          {"missing", check.missing},
                          {"unexpected", check.unexpected}});
  }
  return Json{{"database", database},           {"files_dir", options.directory},
              {"as_of", options.as_of.ToIso()}, {"seed", options.seed},
              {"scale", options.scale},         {"imports", std::move(imports)},
              {"models", std::move(models)},    {"agrees", report.agrees()}};
}

ExitCode RunDemo(const CommandContext& context, const DemoCommandOptions& command) {
  const Output& output = *context.output;
  const std::string database = context.DatabaseLocation();
  demo::DemoOptions options;
  options.seed = command.seed;
  options.scale = command.scale;
  if (!command.as_of.empty()) {
    Result<Date> as_of = ParseDate(command.as_of);
    if (!as_of.ok()) {
      output.Error(Status::InvalidArgument("--as-of「" + command.as_of + "」不是日期：" +
                                           as_of.status().message()));
      return kExitUsage;
    }
    options.as_of = *as_of;
  }
  if (command.scale < 1 || command.scale > 10000) {
    output.Error(Status::InvalidArgument("--scale 应为 1 到 10000 之间的整数"));
    return kExitUsage;
  }
  std::filesystem::path db_path(database);
  options.directory =
      command.out.empty() ? (db_path.parent_path() / "demo-files").string() : command.out;
  if (std::filesystem::exists(db_path)) {
    if (!command.fresh) {
      output.Error(Status::AlreadyExists(
          "数据库「" + database +
          "」已存在；演示需要一个新数据库：用 --db 指定新路径，或加 --fresh 删除它后重建"));
      return kExitUsage;
    }
    if (Status removed = RemoveDatabase(database); !removed.ok()) {
      output.Error(removed);
      return ExitCodeFor(removed);
    }
  }
  if (db_path.has_parent_path()) {
    std::error_code error;
    std::filesystem::create_directories(db_path.parent_path(), error);
    if (error) {
      output.Error(Status::IoError("无法创建目录「" + db_path.parent_path().string() + "」：" +
                                   error.message()));
      return kExitUsage;
    }
  }
  Result<std::unique_ptr<engine::ModelLibrary>> models =
      LoadModelLibrary(engine::ModelLibraryOptions{});
  if (!models.ok()) {
    output.Error(models.status());
    return ExitCodeFor(models.status());
  }
  Result<std::unique_ptr<store::Store>> store = context.OpenStore(/*migrate=*/true);
  if (!store.ok()) {
    output.Error(store.status());
    return ExitCodeFor(store.status());
  }
  if (Result<store::MigrationReport> migrated = (*store)->Migrate(); !migrated.ok()) {
    output.Error(migrated.status());
    return ExitCodeFor(migrated.status());
  }
  // The city's agencies uploaded their files, and the models ran, on the demo's day: the
  // database tells the same story whenever it is built.
  FixedClock demo_day(options.as_of);
  ProgressLine progress;
  Result<DemoBuildReport> report =
      BuildDemo(**store, **models, options, demo_day,
                [&progress](const std::string& stage, const std::string& detail) {
                  progress.Show(stage + "：" + detail);
                });
  progress.Clear();
  if (!report.ok()) {
    output.Error(report.status());
    return ExitCodeFor(report.status());
  }
  // The city's organisations and accounts, and its heritage registry from the imported sites.
  Result<std::unique_ptr<WorkflowEnvironment>> environment = WorkflowEnvironment::Open(context);
  if (!environment.ok()) {
    output.Error(environment.status());
    return ExitCodeFor(environment.status());
  }
  Result<DemoOrganisations> organisations = SeedDemoOrganisations((*environment)->context());
  if (!organisations.ok()) {
    output.Error(organisations.status().WithContext("登记演示城市的单位和账号"));
    return ExitCodeFor(organisations.status());
  }
  Result<int> sites = workflow::HeritageRegistry((*environment)->context())
                          .SyncFromImportedSites(organisations->prosecutor);
  if (!sites.ok()) {
    output.Error(sites.status().WithContext("登记红色资源点位"));
    return ExitCodeFor(sites.status());
  }
  PrintReport(output, *report, options, database);
  output.Line("单位 " + std::to_string(organisations->organisations) +
              " 个（检察院、执法机关、公安、纪委监委、人大、法院），检察部门 " +
              std::to_string(organisations->departments) + " 个；红色资源登记点位 " +
              std::to_string(*sites) + " 个");
  output.Line("演示账号（--as 登录名）：");
  for (const DemoAccount& account : organisations->accounts) {
    output.Line("  " + account.login + "  " + account.name + "，" + account.org + "，" +
                account.roles);
  }
  output.Line("例如：shujian --db " + database + " todo --user " + organisations->prosecutor +
              "；shujian --db " + database + " lead assign 线索编号 --as wangbo --to " +
              organisations->prosecutor);
  if (output.json()) {
    Json json = ReportJson(*report, options, database);
    Json accounts = Json::array();
    for (const DemoAccount& account : organisations->accounts) {
      accounts.push_back(Json{{"login", account.login},
                              {"name", account.name},
                              {"org", account.org},
                              {"role", account.roles}});
    }
    json["organisations"] = organisations->organisations;
    json["heritage_sites"] = *sites;
    json["accounts"] = std::move(accounts);
    output.Json(json);
  }
  return report->agrees() ? kExitDone : kExitAttention;
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, CommandAction* action) {
  CLI::App* command = app.add_subcommand("demo", "构建演示数据库并运行全部模型");
  auto options = std::make_shared<DemoCommandOptions>();
  command
      ->add_option("--out", options->out,
                   "演示文件（各机关上传的 CSV/XLSX）写到哪里；默认数据库旁的 demo-files")
      ->type_name("DIR");
  command->add_option("--seed", options->seed, "随机种子：同一种子生成同样的城市")->type_name("N");
  command->add_option("--scale", options->scale, "把城市的背景数据放大 N 倍（用于性能测试）")
      ->type_name("N");
  command
      ->add_option("--as-of", options->as_of,
                   "运行模型的基准日；默认 2024-03-31（数据覆盖 2023 年）")
      ->type_name("DATE");
  command->add_flag("--fresh", options->fresh, "数据库已存在时先删除它（连同审计密钥）再重建");
  command->footer(
      "生成十堰市的演示城市（市院和八个基层院、郧阳区34个执法机关约2700件行政处罚案件、超限检测、用"
      "人单位社保、"
      "残疾人、残保金申报、不起诉检察意见、处罚公示、红色资源等），按机关逐个文件走正常导入，运行全"
      "部模型，"
      "并逐个模型把发现的线索与生成器预埋的问题对照。\n\n"
      "示例：\n  shujian --db demo/shujian.db demo --out demo/files\n  shujian --db "
      "demo/shujian.db demo --fresh --json");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) { return RunDemo(context, *options); };
  });
}

}  // namespace shujian::cli
