// shujian import DATASET FILE… [--source NAME] [--sheet NAME]: import files into a standard
// dataset as one batch (shared/spec/cli.md). Exit 0 when every row was stored or unchanged,
// 1 when some rows were rejected (the batch is stored; `shujian rejects BATCH` lists them),
// 2 when a file was refused (nothing stored).
#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/store_import_sink.h"
#include "data/dataset_schema.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

struct ImportOptions {
  std::string dataset;
  std::vector<std::string> files;
  std::string source;
  std::string sheet;
  std::string as;
  int threads = 0;
};

// The local operator when no --as is given: the account running the command.
std::string LocalOperator() {
  const struct passwd* entry = ::getpwuid(::geteuid());
  return std::string("本机:") + (entry != nullptr ? entry->pw_name : std::to_string(::geteuid()));
}

// Draws "导入 x.csv  45%  123456行" on stderr when it changed by a visible step.
class ProgressBar {
 public:
  void Update(const ingest::ImportProgress& progress) {
    int per_mille = progress.bytes_total > 0
                        ? static_cast<int>(progress.bytes_done * 1000 / progress.bytes_total)
                        : 0;
    if (progress.file == file_ && per_mille < shown_ + 5 && progress.rows < rows_ + 100000) return;
    file_ = progress.file;
    shown_ = per_mille;
    rows_ = progress.rows;
    std::fprintf(stderr, "\r\x1b[K导入 %s（%zu/%zu）%5.1f%%  已读 %lld 行", progress.file_name.c_str(),
                 progress.file + 1, progress.files, per_mille / 10.0, static_cast<long long>(progress.rows));
    std::fflush(stderr);
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::fputs("\r\x1b[K", stderr);
    drawn_ = false;
  }

 private:
  size_t file_ = SIZE_MAX;
  int shown_ = -1000;
  int64_t rows_ = 0;
  bool drawn_ = false;
};

ExitCode RunImport(const ImportOptions& options, const CommandContext& context) {
  const Output& output = *context.output;
  Result<std::unique_ptr<store::Store>> opened = context.OpenStore();
  if (!opened.ok()) {
    output.Error(opened.status());
    return ExitCodeFor(opened.status());
  }
  const data::SchemaRegistry& schemas = data::SchemaRegistry::Shipped();
  ingest::ImportRequest request;
  request.dataset = options.dataset;
  request.files = options.files;
  request.sheet = options.sheet;
  request.today = context.clock->Today();
  request.threads = options.threads;
  ProgressBar bar;
  ingest::ProgressCallback progress;
  if (Output::StderrIsTerminal()) progress = [&bar](const ingest::ImportProgress& step) { bar.Update(step); };
  Result<ingest::ImportReport> imported =
      ImportIntoStore(**opened, schemas, request, options.source,
                      options.as.empty() ? LocalOperator() : options.as, *context.clock, progress);
  bar.Clear();
  if (!imported.ok()) {
    output.Error(imported.status());
    if (imported.status().code() != StatusCode::kCorruption && imported.status().code() != StatusCode::kInternal) {
      output.Message("没有导入任何数据。");
    }
    return ExitCodeFor(imported.status());
  }
  const ingest::ImportReport& report = *imported;
  for (const std::string& note : report.notes) output.Message("注意：" + note);
  if (output.json()) {
    Json files = Json::array();
    for (const ingest::ImportedFile& file : report.files) {
      Json entry = {{"file", file.name},         {"format", file.format},     {"sha256", file.sha256},
                    {"rows", file.rows},         {"accepted", file.accepted}, {"rejected", file.rejected},
                    {"unchanged", file.unchanged}};
      if (!file.encoding.empty()) entry["encoding"] = file.encoding;
      if (!file.sheet.empty()) entry["sheet"] = file.sheet;
      files.push_back(std::move(entry));
    }
    output.Json({{"batch", report.batch_id},
                 {"dataset", report.dataset},
                 {"files", static_cast<int64_t>(report.files.size())},
                 {"rows", report.rows},
                 {"accepted", report.accepted},
                 {"rejected", report.rejected},
                 {"unchanged", report.unchanged},
                 {"new_versions", report.new_versions},
                 {"warnings", report.warnings},
                 {"file_results", files}});
  } else {
    const data::DatasetSchema* schema = schemas.Find(report.dataset);
    output.Line("已导入「" + (schema ? schema->title : report.dataset) + "」（" + report.dataset + "），批次 " +
                report.batch_id);
    for (const ingest::ImportedFile& file : report.files) {
      std::string kind = file.format == "xlsx" ? "XLSX，工作表「" + file.sheet + "」" : file.format == "csv" ? "CSV，" + file.encoding : "JSON Lines";
      output.Line("  " + file.name + "（" + kind + "）：" + std::to_string(file.rows) + " 行，接受 " +
                  std::to_string(file.accepted) + "，拒绝 " + std::to_string(file.rejected) + "，未变化 " +
                  std::to_string(file.unchanged));
    }
    std::string total = "合计 " + std::to_string(report.rows) + " 行：接受 " + std::to_string(report.accepted);
    if (report.new_versions > 0) total += "（其中 " + std::to_string(report.new_versions) + " 行是已有记录的新版本）";
    total += "，拒绝 " + std::to_string(report.rejected) + "，未变化 " + std::to_string(report.unchanged);
    if (report.warnings > 0) total += "；" + std::to_string(report.warnings) + " 个值有警告";
    output.Line(total);
  }
  if (report.rejected > 0 || report.warnings > 0) {
    output.Message("查看被拒绝的行及原因：shujian rejects " + report.batch_id +
                   (report.warnings > 0 ? "（加 --warnings 同时查看警告）" : ""));
  }
  return report.rejected > 0 ? kExitAttention : kExitDone;
}

}  // namespace

void RegisterImportCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* command = app.add_subcommand("import", "把文件导入标准数据集（一次导入为一个批次）");
  command->add_option("dataset", options->dataset, "数据集，如 admin_case（shujian datasets 列出全部）")
      ->required();
  command->add_option("files", options->files, "CSV（UTF-8或GBK）、XLSX或JSON Lines文件，可多个")->required();
  command->add_option("--source", options->source, "数据来源：报送单位或系统，记入批次")->type_name("NAME");
  command->add_option("--sheet", options->sheet, "XLSX：要读取的工作表名称（默认第一个）")->type_name("NAME");
  command->add_option("--as", options->as, "以哪个用户的名义导入（默认本机操作员）")->type_name("LOGIN");
  command->add_option("--threads", options->threads, "检查数据的线程数（默认每个处理器一个）")
      ->type_name("N")
      ->check(CLI::Range(1, 64));
  command->footer(
      "表头在第一行，列的顺序任意；表头可用中文名、英文列名或别名（shujian template 生成的模板中有说明）。\n"
      "缺少必填列的文件整个不导入（退出码 2，什么也不保存）。有问题的值只拒绝所在的行，其余行照常导入，\n"
      "被拒绝的行可用 shujian rejects 批次号 查看（文件、行号、列、原值、原因）；有被拒绝的行时退出码为 1。\n"
      "同一主键的记录再次导入：内容相同算“未变化”，不同则保存为新版本（旧版本保留）。一次导入在一个事务中完成，\n"
      "中途出错或被中断时不留下任何数据。\n\n"
      "示例：\n"
      "  shujian import admin_case 农业农村局2023.xlsx --source 郧阳区农业农村局\n"
      "  shujian import social_insurance 社保缴费1月.csv 社保缴费2月.csv --json");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) { return RunImport(*options, context); };
  });
}

}  // namespace shujian::cli
