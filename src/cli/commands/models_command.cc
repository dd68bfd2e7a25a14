// shujian models: the supervision models available (shipped, plus --models DIR), with their
// legal basis, sub-rules, datasets and parameters.
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/commands/model_library_flags.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

Json ModelJson(const engine::CompiledModel& model) {
  const engine::ModelSpec& spec = model.spec();
  Json json{{"id", spec.id},         {"version", spec.version},         {"title", spec.title},
            {"category", spec.category}, {"legal_basis", spec.legal_basis}, {"addressee", spec.addressee},
            {"subject", spec.subject_kinds}};
  Json rules = Json::array();
  for (const engine::RuleSpec& rule : spec.rules) rules.push_back(Json{{"id", rule.id}, {"title", rule.title}});
  json["rules"] = std::move(rules);
  json["datasets"] = model.Datasets();
  Json parameters = Json::array();
  const std::vector<engine::BoundParameter>& bound = model.bound().parameters;
  for (size_t index = 1; index < bound.size(); ++index) {
    const engine::BoundParameter& parameter = bound[index];
    std::string value;
    for (const engine::Value& item : parameter.defaults) value += (value.empty() ? "" : ",") + engine::FormatValue(item);
    parameters.push_back(Json{{"name", parameter.name},
                              {"type", engine::TypeLabel(parameter.type) + (parameter.list ? "列表" : "")},
                              {"default", value},
                              {"description", parameter.description},
                              {"source", parameter.source}});
  }
  json["parameters"] = std::move(parameters);
  return json;
}

ExitCode RunModels(const CommandContext& context, const engine::ModelLibraryOptions& options) {
  const Output& output = *context.output;
  Result<std::unique_ptr<engine::ModelLibrary>> library = LoadModelLibrary(options);
  if (!library.ok()) {
    output.Error(library.status());
    return ExitCodeFor(library.status());
  }
  Json models = Json::array();
  std::vector<const engine::CompiledModel*> all = (*library)->All();
  if (all.empty()) output.Message("没有可用的模型（模型文件放在 models/ 目录，或用 --models 指定目录）");
  for (const engine::CompiledModel* model : all) {
    const engine::ModelSpec& spec = model->spec();
    std::string kinds;
    for (const std::string& kind : spec.subject_kinds) kinds += (kinds.empty() ? "" : "、") + kind;
    output.Line(spec.id + "（版本 " + spec.version + "）" + spec.title);
    output.Line("  类别：" + (spec.category.empty() ? "—" : spec.category) + "；线索对象：" + kinds);
    output.Line("  依据：" + spec.legal_basis);
    for (const engine::RuleSpec& rule : spec.rules) output.Line("  子规则 " + rule.id + "：" + rule.title);
    models.push_back(ModelJson(*model));
  }
  if (output.json()) output.Json(Json{{"models", std::move(models)}});
  return kExitDone;
}

}  // namespace

void RegisterModelsCommand(CLI::App& app, CommandAction* action) {
  CLI::App* command = app.add_subcommand("models", "可用的法律监督模型及其法律依据");
  auto options = std::make_shared<engine::ModelLibraryOptions>();
  AddModelLibraryFlags(command, options.get());
  command->footer("列出内置模型和 --models 目录中的模型：编号、版本、标题、类别、线索对象、法律依据和子规则。\n\n"
                  "示例：\n  shujian models --json");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) { return RunModels(context, *options); };
  });
}

}  // namespace shujian::cli
