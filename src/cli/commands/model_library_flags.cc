#include "cli/commands/model_library_flags.h"

namespace shujian::cli {

void AddModelLibraryFlags(CLI::App* command, engine::ModelLibraryOptions* options) {
  command->add_option("--models", options->models_dir, "另外的模型文件目录（其中的 *.yaml；同编号的模型取代内置模型）")
      ->type_name("DIR");
  command->add_option("--tables", options->tables_dir, "另外的参数表目录（其中的 *.yaml；同名的表取代内置表）")
      ->type_name("DIR");
}

Result<std::unique_ptr<engine::ModelLibrary>> LoadModelLibrary(const engine::ModelLibraryOptions& options) {
  return engine::ModelLibrary::Load(options);
}

Result<std::vector<ParamOverride>> ParseParamOverrides(const std::vector<std::string>& params, bool allow_model) {
  std::vector<ParamOverride> overrides;
  for (const std::string& param : params) {
    size_t equals = param.find('=');
    if (equals == std::string::npos || equals == 0) {
      return Status::InvalidArgument("--param「" + param + "」应写作 名称=值，如 --param window_days=400" +
                                     (allow_model ? "，或 模型.名称=值" : ""));
    }
    ParamOverride item{"", param.substr(0, equals), param.substr(equals + 1)};
    size_t dot = item.name.rfind('.');
    if (allow_model && dot != std::string::npos) {
      item.model = item.name.substr(0, dot);
      item.name = item.name.substr(dot + 1);
    }
    overrides.push_back(std::move(item));
  }
  return overrides;
}

}  // namespace shujian::cli
