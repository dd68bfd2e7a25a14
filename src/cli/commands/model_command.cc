// shujian model check|explain|test: work with model files — validate one without running it,
// show how it will run (and, on a fixture's data, how it ran), run its fixtures.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/commands/model_library_flags.h"
#include "core/date_parse.h"
#include "engine/engine.h"
#include "engine/explain/explain.h"
#include "engine/fixture_runner.h"
#include "engine/input/fixture_source.h"
#include "workflow/store_dataset_source.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

struct ModelCommandOptions {
  engine::ModelLibraryOptions library;
  std::vector<std::string> files;
  std::string fixture;              // explain: run on this fixture's data
  std::string as_of;                // explain: the run date (default: the fixture's, else today)
  std::vector<std::string> params;  // explain: NAME=VALUE
  bool on_data = false;             // explain: run on the database's imported rows
};

// The model a command argument names: a file, else a model of the library.
Result<std::unique_ptr<engine::CompiledModel>> CompileArgument(
    const engine::ModelLibrary& library, const std::string& argument,
    const engine::CompiledModel** shipped) {
  *shipped = nullptr;
  if (std::filesystem::exists(argument)) return library.CompileFile(argument);
  if (const engine::CompiledModel* model = library.Find(argument)) {
    *shipped = model;
    return std::unique_ptr<engine::CompiledModel>();
  }
  return Status::NotFound("「" + argument + "」既不是模型文件，也不是已有模型的编号");
}

ExitCode RunCheck(const CommandContext& context, const ModelCommandOptions& options) {
  const Output& output = *context.output;
  Result<std::unique_ptr<engine::ModelLibrary>> library = LoadModelLibrary(options.library);
  if (!library.ok()) {
    output.Error(library.status());
    return ExitCodeFor(library.status());
  }
  Json files = Json::array();
  bool all_ok = true;
  for (const std::string& file : options.files) {
    Result<std::unique_ptr<engine::CompiledModel>> model = (*library)->CompileFile(file);
    if (!model.ok()) {
      all_ok = false;
      output.Message(model.status().message());
      files.push_back(Json{{"file", file}, {"ok", false}, {"error", model.status().message()}});
      continue;
    }
    const engine::ModelSpec& spec = (*model)->spec();
    std::string datasets;
    for (const std::string& dataset : (*model)->Datasets())
      datasets += (datasets.empty() ? "" : "、") + dataset;
    output.Line(file + "：通过（模型 " + spec.id + " 版本 " + spec.version + "，" +
                std::to_string(spec.steps.size()) + " 个步骤，读取 " + datasets + "，" +
                std::to_string(spec.fixtures.size()) + " 个测试用例）");
    files.push_back(Json{{"file", file},
                         {"ok", true},
                         {"model", spec.id},
                         {"version", spec.version},
                         {"datasets", (*model)->Datasets()}});
  }
  if (output.json()) output.Json(Json{{"files", std::move(files)}});
  return all_ok ? kExitDone : kExitUsage;
}

ExitCode RunExplain(const CommandContext& context, const ModelCommandOptions& options) {
  const Output& output = *context.output;
  Result<std::unique_ptr<engine::ModelLibrary>> library = LoadModelLibrary(options.library);
  if (!library.ok()) {
    output.Error(library.status());
    return ExitCodeFor(library.status());
  }
  const engine::CompiledModel* shipped = nullptr;
  Result<std::unique_ptr<engine::CompiledModel>> compiled =
      CompileArgument(**library, options.files[0], &shipped);
  if (!compiled.ok()) {
    output.Error(compiled.status());
    return ExitCodeFor(compiled.status());
  }
  const engine::CompiledModel& model = shipped != nullptr ? *shipped : **compiled;
  engine::RunOptions run_options;
  run_options.as_of = context.clock->Today();
  Result<std::vector<ParamOverride>> params =
      ParseParamOverrides(options.params, /*allow_model=*/false);
  if (!params.ok()) {
    output.Error(params.status());
    return kExitUsage;
  }
  for (const ParamOverride& param : *params)
    run_options.params.emplace_back(param.name, param.value);
  std::optional<engine::FixtureSource> source;
  if (!options.fixture.empty()) {
    const engine::ModelSpec& spec = model.spec();
    const engine::FixtureSpec* fixture = nullptr;
    for (const engine::FixtureSpec& candidate : spec.fixtures) {
      if (candidate.name == options.fixture) fixture = &candidate;
    }
    if (fixture == nullptr) {
      output.Error(
          Status::NotFound("模型 " + spec.id + " 没有名为「" + options.fixture + "」的测试用例"));
      return kExitUsage;
    }
    std::vector<engine::FixtureTableInput> tables;
    for (const engine::FixtureDataset& dataset : fixture->data) {
      engine::FixtureTableInput table{dataset.dataset, "fixture", {}, spec.Where(dataset.pos)};
      for (const engine::FixtureRow& row : dataset.rows) {
        engine::FixtureRowInput input;
        input.where = spec.Where(row.pos);
        for (const engine::FixtureCell& cell : row.cells) {
          input.cells.push_back(
              {cell.column, cell.null ? std::nullopt : std::optional<std::string>(cell.value.text),
               spec.Where(cell.value.pos)});
        }
        table.rows.push_back(std::move(input));
      }
      tables.push_back(std::move(table));
    }
    Result<Date> as_of = ParseDate(fixture->as_of.text);
    if (as_of.ok()) run_options.as_of = *as_of;
    for (const auto& [name, value] : fixture->params)
      run_options.params.insert(run_options.params.begin(), {name, value.text});
    Result<engine::FixtureSource> built =
        engine::FixtureSource::Create(data::SchemaRegistry::Shipped(), tables, run_options.as_of);
    if (!built.ok()) {
      output.Error(built.status());
      return kExitUsage;
    }
    source = std::move(built).value();
  }
  if (!options.as_of.empty()) {
    Result<Date> as_of = ParseDate(options.as_of);
    if (!as_of.ok()) {
      output.Error(as_of.status().WithContext("--as-of"));
      return kExitUsage;
    }
    run_options.as_of = *as_of;
  }
  // --data: the rows imported into the database, read in one read transaction; nothing is stored.
  std::optional<ReadSession> session;
  std::optional<workflow::StoreDatasetSource> stored;
  if (options.on_data) {
    if (source) {
      output.Error(Status::InvalidArgument("--fixture 和 --data 只能选一个"));
      return kExitUsage;
    }
    Result<ReadSession> opened = BeginRead(context);
    if (!opened.ok()) {
      output.Error(opened.status());
      return ExitCodeFor(opened.status());
    }
    session = std::move(opened).value();
    stored.emplace(session->transaction.get());
  }
  engine::DatasetSource* data = source   ? static_cast<engine::DatasetSource*>(&*source)
                                : stored ? static_cast<engine::DatasetSource*>(&*stored)
                                         : nullptr;
  engine::Plan plan = engine::PlanModel(model, data, run_options.plan);
  std::optional<engine::RunResult> run;
  if (data != nullptr) {
    Result<engine::RunResult> result = engine::RunModel(model, data, run_options);
    if (!result.ok()) {
      output.Error(result.status());
      return ExitCodeFor(result.status());
    }
    run = std::move(result).value();
  }
  if (output.json()) {
    output.Json(engine::ExplainJson(model, plan, run ? &*run : nullptr));
  } else {
    std::string text = engine::ExplainText(model, plan, run ? &*run : nullptr);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    output.Line(text);
    if (!run) {
      output.Line(
          "（估计行数按每个数据集 1000 行计；用 --fixture 在测试用例的数据上、或用 --data "
          "在数据库已导入的数据上运行，显示实际行数）");
    }
  }
  return kExitDone;
}

ExitCode RunTest(const CommandContext& context, const ModelCommandOptions& options) {
  const Output& output = *context.output;
  Result<std::unique_ptr<engine::ModelLibrary>> library = LoadModelLibrary(options.library);
  if (!library.ok()) {
    output.Error(library.status());
    return ExitCodeFor(library.status());
  }
  std::vector<std::unique_ptr<engine::CompiledModel>> owned;
  std::vector<std::pair<std::string, const engine::CompiledModel*>> models;  // (file or id, model)
  for (const std::string& argument : options.files) {
    const engine::CompiledModel* shipped = nullptr;
    Result<std::unique_ptr<engine::CompiledModel>> compiled =
        CompileArgument(**library, argument, &shipped);
    if (!compiled.ok()) {
      output.Error(compiled.status());
      return ExitCodeFor(compiled.status());
    }
    if (shipped == nullptr) owned.push_back(std::move(compiled).value());
    models.emplace_back(argument, shipped != nullptr ? shipped : owned.back().get());
  }
  if (options.files.empty()) {
    for (const engine::CompiledModel* model : (*library)->All())
      models.emplace_back(model->spec().id, model);
  }
  if (models.empty()) output.Message("没有要测试的模型");
  Json results = Json::array();
  size_t passed = 0, failed = 0;
  for (const auto& [name, model] : models) {
    std::vector<engine::FixtureReport> reports = engine::RunFixtures(*model);
    Json fixtures = Json::array();
    if (reports.empty()) output.Line(name + "：没有测试用例（fixtures）");
    for (const engine::FixtureReport& report : reports) {
      (report.passed ? passed : failed)++;
      output.Line(std::string(report.passed ? "通过  " : "失败  ") + model->spec().id + " · " +
                  report.name + "（" + std::to_string(report.leads) + " 条线索）");
      for (const std::string& problem : report.problems) output.Line("      " + problem);
      fixtures.push_back(Json{{"name", report.name},
                              {"passed", report.passed},
                              {"leads", report.leads},
                              {"problems", report.problems}});
    }
    results.push_back(
        Json{{"model", model->spec().id}, {"source", name}, {"fixtures", std::move(fixtures)}});
  }
  output.Line("共 " + std::to_string(passed + failed) + " 个测试用例：通过 " +
              std::to_string(passed) + "，失败 " + std::to_string(failed));
  if (output.json())
    output.Json(Json{{"models", std::move(results)}, {"passed", passed}, {"failed", failed}});
  return failed == 0 ? kExitDone : kExitAttention;
}

}  // namespace

void RegisterModelCommand(CLI::App& app, CommandAction* action) {
  CLI::App* model = app.add_subcommand("model", "检查、解释和测试模型文件");
  model->require_subcommand(1);
  model->footer(
      "示例：\n  shujian model check models/my-model.yaml\n  shujian model explain "
      "models/my-model.yaml --fixture 达到标准\n"
      "  shujian model test");

  CLI::App* check =
      model->add_subcommand("check", "检查模型文件（不运行）：数据集、列、类型、参数、步骤");
  auto check_options = std::make_shared<ModelCommandOptions>();
  check->add_option("files", check_options->files, "模型文件")->required()->type_name("FILE");
  AddModelLibraryFlags(check, &check_options->library);
  check->footer(
      "每个文件输出一行：通过，或第一个问题及其位置（文件:行:列）。全部通过时退出码 0，否则 2。\n\n"
      "示例：\n  shujian model check models/penalty-instead-of-prosecution.yaml");
  check->callback([action, check_options] {
    *action = [check_options](const CommandContext& context) {
      return RunCheck(context, *check_options);
    };
  });

  CLI::App* explain = model->add_subcommand(
      "explain", "模型的执行计划：每一步的算子和估计行数；在测试用例的数据上运行时显示实际行数");
  auto explain_options = std::make_shared<ModelCommandOptions>();
  explain->add_option("file", explain_options->files, "模型文件或已有模型的编号")
      ->required()
      ->expected(1)
      ->type_name("FILE");
  explain
      ->add_option("--fixture", explain_options->fixture,
                   "在该测试用例的数据上运行，显示实际行数、耗时和内存")
      ->type_name("NAME");
  explain
      ->add_option("--as-of", explain_options->as_of, "运行日期（默认：测试用例的日期，否则今天）")
      ->type_name("DATE");
  explain
      ->add_option("--param", explain_options->params, "覆盖模型参数，如 --param window_days=400")
      ->type_name("NAME=VALUE");
  explain->add_flag("--data", explain_options->on_data,
                    "在数据库（--db）已导入的数据上运行，显示实际行数和耗时；不保存线索");
  AddModelLibraryFlags(explain, &explain_options->library);
  explain->footer(
      "示例：\n  shujian model explain models/penalty-instead-of-prosecution.yaml --fixture "
      "达到数量标准未移送\n"
      "  shujian model explain disability-fund --data --as-of 2024-03-31");
  explain->callback([action, explain_options] {
    *action = [explain_options](const CommandContext& context) {
      return RunExplain(context, *explain_options);
    };
  });

  CLI::App* test =
      model->add_subcommand("test", "运行模型的测试用例（原生引擎和参考实现都要得出预期的线索）");
  auto test_options = std::make_shared<ModelCommandOptions>();
  test->add_option("files", test_options->files, "模型文件或模型编号；省略时测试全部模型")
      ->type_name("FILE");
  AddModelLibraryFlags(test, &test_options->library);
  test->footer(
      "每个测试用例输出一行“通过”或“失败”及原因。全部通过时退出码 0，有失败时 1。\n\n"
      "示例：\n  shujian model test\n  shujian model test tests/golden/models/example.yaml --json");
  test->callback([action, test_options] {
    *action = [test_options](const CommandContext& context) {
      return RunTest(context, *test_options);
    };
  });
}

}  // namespace shujian::cli
