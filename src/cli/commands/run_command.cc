// shujian run MODEL…|all [--as-of DATE]: runs supervision models over the data in the store and
// keeps what they find as leads (shared/spec/cli.md). Running again refreshes the evidence of
// the leads it finds again and adds no duplicate. A model that fails is reported and the others
// still run (exit 1).
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/commands/model_library_flags.h"
#include "cli/progress_line.h"
#include "core/date_parse.h"
#include "workflow/model_run_service.h"
#include "workflow/store_dataset_source.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

struct RunOptions {
  engine::ModelLibraryOptions library;
  std::vector<std::string> models;
  std::string as_of;
  std::vector<std::string> params;
};

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", seconds);
  return text;
}

void PrintOutcome(const Output& output, const workflow::ModelRunOutcome& outcome) {
  if (!outcome.ok) {
    output.Line(outcome.model + "：运行失败（" + outcome.run_id + "）：" + outcome.error);
    return;
  }
  output.Line(outcome.model + "（版本 " + outcome.version + "）：线索 " +
              std::to_string(outcome.leads) + " 条，其中新增 " + std::to_string(outcome.new_leads) +
              " 条；读取 " + std::to_string(outcome.rows_read) + " 行，用时 " +
              Seconds(outcome.seconds) + " 秒（" + outcome.run_id + "）");
  for (const std::string& note : outcome.notes) output.Line("  提示：" + note);
  for (const engine::OutputTable& table : outcome.outputs) {
    output.Line("  " + table.title + "：");
    std::string header;
    for (const std::string& column : table.columns)
      header += (header.empty() ? "    " : "  ") + column;
    output.Line(header);
    for (const std::vector<std::string>& row : table.rows) {
      std::string line;
      for (const std::string& cell : row)
        line += (line.empty() ? "    " : "  ") + (cell.empty() ? "—" : cell);
      output.Line(line);
    }
  }
}

Json OutcomeJson(const workflow::ModelRunOutcome& outcome) {
  Json json{{"model", outcome.model},
            {"version", outcome.version},
            {"run", outcome.run_id},
            {"ok", outcome.ok}};
  if (!outcome.ok) {
    json["error"] = outcome.error;
    return json;
  }
  json["leads"] = outcome.leads;
  json["new"] = outcome.new_leads;
  json["seconds"] = std::round(outcome.seconds * 1000) / 1000;
  json["rows_read"] = outcome.rows_read;
  if (!outcome.notes.empty()) json["notes"] = outcome.notes;
  if (!outcome.outputs.empty()) {
    Json outputs = Json::array();
    for (const engine::OutputTable& table : outcome.outputs) {
      outputs.push_back(Json{{"step", table.step},
                             {"title", table.title},
                             {"columns", table.columns},
                             {"rows", table.rows}});
    }
    json["outputs"] = std::move(outputs);
  }
  return json;
}

ExitCode RunModels(const CommandContext& context, const RunOptions& options) {
  const Output& output = *context.output;
  Date as_of = context.clock->Today();
  if (!options.as_of.empty()) {
    Result<Date> parsed = ParseDate(options.as_of);
    if (!parsed.ok()) {
      output.Error(Status::InvalidArgument("--as-of「" + options.as_of + "」不是日期：" +
                                           parsed.status().message()));
      return kExitUsage;
    }
    as_of = *parsed;
  }
  Result<std::vector<ParamOverride>> overrides =
      ParseParamOverrides(options.params, /*allow_model=*/true);
  if (!overrides.ok()) {
    output.Error(overrides.status());
    return kExitUsage;
  }
  Result<std::unique_ptr<engine::ModelLibrary>> library = LoadModelLibrary(options.library);
  if (!library.ok()) {
    output.Error(library.status());
    return ExitCodeFor(library.status());
  }
  Result<std::unique_ptr<store::Store>> store = context.OpenStore();
  if (!store.ok()) {
    output.Error(store.status());
    return ExitCodeFor(store.status());
  }

  workflow::ModelRunRequest request;
  request.as_of = as_of;
  if (!(options.models.size() == 1 && options.models[0] == "all")) request.models = options.models;
  for (const ParamOverride& param : *overrides)
    request.params.emplace_back(param.model, param.name, param.value);
  request.started_by = "命令行";
  ProgressLine progress;
  if (progress.enabled()) {
    request.progress = [&progress](size_t model, size_t models, const std::string& id,
                                   const engine::RunProgress& step) {
      std::string text =
          "模型 " + std::to_string(model) + "/" + std::to_string(models) + " " + id + "：";
      text += step.loading
                  ? "读取数据集 " + std::to_string(step.step) + "/" + std::to_string(step.steps)
                  : "步骤 " + std::to_string(step.step) + "/" + std::to_string(step.steps) + " " +
                        step.op + " " + step.name;
      progress.Show(text);
    };
  }
  workflow::ModelRunService service(store->get(), library->get(), context.clock);
  Result<workflow::ModelRunReport> report = service.Run(request, workflow::StoreDatasetSources());
  progress.Clear();
  if (!report.ok()) {
    output.Error(report.status());
    return ExitCodeFor(report.status());
  }
  Json models = Json::array();
  for (const workflow::ModelRunOutcome& outcome : report->models) {
    PrintOutcome(output, outcome);
    models.push_back(OutcomeJson(outcome));
  }
  if (output.json()) output.Json(Json{{"as_of", as_of.ToIso()}, {"models", std::move(models)}});
  return report->any_failed() ? kExitAttention : kExitDone;
}

}  // namespace

void RegisterRunCommand(CLI::App& app, CommandAction* action) {
  CLI::App* command = app.add_subcommand("run", "运行模型并保存线索");
  auto options = std::make_shared<RunOptions>();
  command->add_option("models", options->models, "模型编号，或 all 表示全部模型")
      ->required()
      ->type_name("MODEL…|all");
  command->add_option("--as-of", options->as_of, "基准日：期限和“N个月内”从这一天算起；默认今天")
      ->type_name("DATE");
  command
      ->add_option("--param", options->params,
                   "覆盖模型参数：MODEL.NAME=VALUE 或 NAME=VALUE（可重复）")
      ->type_name("P=V");
  AddModelLibraryFlags(command, &options->library);
  command->footer(
      "每个模型在一个事务中运行：读取数据集的当前行，找出线索，按（模型，对象）保存——再次运行会更新"
      "已有线索的"
      "证据，不会重复。某个模型失败时其余模型照常运行，退出码为 1。\n\n"
      "示例：\n  shujian run all --as-of 2024-03-31\n  shujian run penalty-instead-of-prosecution "
      "--json");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) { return RunModels(context, *options); };
  });
}

}  // namespace shujian::cli
