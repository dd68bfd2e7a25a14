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

}  // namespace shujian::cli
