// shujian datasets [DATASET]: the standard datasets with their row counts and import batches
// (shared/spec/cli.md); with a dataset, every batch of it.
#include <map>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "data/dataset_schema.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

struct DatasetsOptions {
  std::string dataset;
};

Json BatchJson(const store::BatchManifest& batch) {
  Json files = Json::array();
  for (const store::BatchFile& file : batch.files) files.push_back(file.name);
  return {{"batch", batch.id},          {"imported_at", batch.imported_at}, {"imported_by", batch.imported_by},
          {"source", batch.source},     {"files", files},                   {"rows", batch.rows},
          {"accepted", batch.accepted}, {"rejected", batch.rejected},       {"unchanged", batch.unchanged},
          {"new_versions", batch.new_versions}};
}

ExitCode RunDatasets(const DatasetsOptions& options, const CommandContext& context) {
  const Output& output = *context.output;
  const data::SchemaRegistry& schemas = data::SchemaRegistry::Shipped();
  if (!options.dataset.empty() && schemas.Find(options.dataset) == nullptr) {
    output.Error(Status::InvalidArgument("没有名为「" + options.dataset + "」的数据集；不带参数运行 shujian datasets 查看全部"));
    return kExitUsage;
  }
  Result<ReadSession> session = BeginRead(context);
  if (!session.ok()) {
    output.Error(session.status());
    return ExitCodeFor(session.status());
  }
  store::DatasetRepository& repository = session->transaction->datasets();
  Result<std::vector<store::DatasetSummary>> summaries = repository.Summaries();
  if (!summaries.ok()) {
    output.Error(summaries.status());
    return ExitCodeFor(summaries.status());
  }
  std::map<std::string, store::DatasetSummary> by_name;
  for (store::DatasetSummary& summary : *summaries) by_name[summary.dataset] = std::move(summary);

  Json list = Json::array();
  for (const data::DatasetSchema* schema : schemas.All()) {
    if (!options.dataset.empty() && schema->name != options.dataset) continue;
    const store::DatasetSummary summary = by_name.count(schema->name) ? by_name[schema->name] : store::DatasetSummary{};
    // With a dataset named: all its batches; else the newest one.
    Result<std::vector<store::BatchManifest>> batches =
        summary.batches == 0 ? Result<std::vector<store::BatchManifest>>(std::vector<store::BatchManifest>{})
                             : repository.ListBatches(schema->name, options.dataset.empty() ? 1 : 0);
    if (!batches.ok()) {
      output.Error(batches.status());
      return ExitCodeFor(batches.status());
    }
    if (output.json()) {
      Json batch_list = Json::array();
      for (const store::BatchManifest& batch : *batches) batch_list.push_back(BatchJson(batch));
      list.push_back({{"dataset", schema->name},
                      {"title", schema->title},
                      {"rows", summary.current_rows},
                      {"versions", summary.stored_rows},
                      {"batch_count", summary.batches},
                      {"batches", batch_list}});
      continue;
    }
    std::string line = schema->name + "  " + schema->title + "：";
    if (summary.batches == 0) {
      line += "尚未导入";
    } else {
      line += std::to_string(summary.current_rows) + " 行";
      if (summary.stored_rows > summary.current_rows) {
        line += "（另有 " + std::to_string(summary.stored_rows - summary.current_rows) + " 个历史版本）";
      }
      line += "，" + std::to_string(summary.batches) + " 个批次，最近 " + summary.last_batch_id + "（" +
              summary.last_imported_at + "）";
    }
    output.Line(line);
    if (!options.dataset.empty()) {
      for (const store::BatchManifest& batch : *batches) {
        std::string files;
        for (const store::BatchFile& file : batch.files) files += (files.empty() ? "" : "、") + file.name;
        output.Line("  " + batch.id + "  " + batch.imported_at + "  " + batch.imported_by +
                    (batch.source.empty() ? "" : "  来源：" + batch.source) + "  " + files + "：" +
                    std::to_string(batch.rows) + " 行，接受 " + std::to_string(batch.accepted) + "，拒绝 " +
                    std::to_string(batch.rejected) + "，未变化 " + std::to_string(batch.unchanged));
      }
    }
  }
  if (output.json()) output.Json({{"datasets", list}});
  return kExitDone;
}

}  // namespace

void RegisterDatasetsCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<DatasetsOptions>();
  CLI::App* command = app.add_subcommand("datasets", "数据集及其行数和导入批次");
  command->add_option("dataset", options->dataset, "只看这个数据集，并列出它的全部批次");
  command->footer(
      "行数是每个主键的当前版本数；被新版本替换的旧版本保留为历史，不计入行数。\n\n"
      "示例：\n  shujian datasets\n  shujian datasets admin_case --json");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) { return RunDatasets(*options, context); };
  });
}

}  // namespace shujian::cli
