#include "engine/model_library.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>

#include "core/embedded_file.h"

namespace shujian {
std::span<const EmbeddedFile> EmbeddedModelFiles();  // generated (src/engine/CMakeLists.txt)
}  // namespace shujian

namespace shujian::engine {

Result<std::unique_ptr<ModelLibrary>> ModelLibrary::Load(const ModelLibraryOptions& options) {
  std::unique_ptr<ModelLibrary> library(new ModelLibrary());
  if (options.tables_dir.empty()) {
    library->tables_ = std::make_unique<TableLibrary>(TableLibrary::Shipped());
  } else {
    SJ_ASSIGN_OR_RETURN(TableLibrary tables, TableLibrary::LoadWithDirectory(options.tables_dir));
    library->tables_ = std::make_unique<TableLibrary>(std::move(tables));
  }
  const data::SchemaRegistry& schemas = data::SchemaRegistry::Shipped();
  for (const EmbeddedFile& file : EmbeddedModelFiles()) {
    if (!options.shipped_models) break;
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<CompiledModel> model,
                        CompiledModel::Compile(file.data, "models/" + std::string(file.path), schemas, *library->tables_));
    std::string id = model->spec().id;
    library->models_[id] = std::move(model);
  }
  if (!options.models_dir.empty()) {
    SJ_ASSIGN_OR_RETURN(std::vector<std::filesystem::path> files, YamlFilesIn(options.models_dir, "模型目录"));
    std::map<std::string, std::string> seen;  // id → file, within the directory
    for (const auto& path : files) {
      SJ_ASSIGN_OR_RETURN(std::unique_ptr<CompiledModel> model, library->CompileFile(path.string()));
      std::string id = model->spec().id;
      if (seen.count(id)) {
        return Status::AlreadyExists("模型编号「" + id + "」在「" + seen[id] + "」和「" + path.string() + "」中重复");
      }
      seen[id] = path.string();
      library->models_[id] = std::move(model);
    }
  }
  return library;
}

Result<std::unique_ptr<CompiledModel>> ModelLibrary::CompileFile(const std::string& path) const {
  SJ_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return CompiledModel::Compile(text, path, data::SchemaRegistry::Shipped(), *tables_);
}

const CompiledModel* ModelLibrary::Find(std::string_view id) const {
  auto it = models_.find(id);
  return it == models_.end() ? nullptr : it->second.get();
}

std::vector<const CompiledModel*> ModelLibrary::All() const {
  std::vector<const CompiledModel*> all;
  for (const auto& [id, model] : models_) all.push_back(model.get());
  return all;
}

}  // namespace shujian::engine
