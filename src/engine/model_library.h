// ModelLibrary: the supervision models a deployment runs — those shipped in models/ (compiled
// into the binary) and, optionally, the *.yaml files of a directory (`--models DIR`; a file
// with the id of a shipped model replaces it) — compiled against the shipped dataset schemas
// and the parameter tables (shipped in rules/tables/, optionally replaced from a directory).
//
// Thread safety: immutable after loading; models may be run concurrently.
#ifndef SHUJIAN_ENGINE_MODEL_LIBRARY_H_
#define SHUJIAN_ENGINE_MODEL_LIBRARY_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "engine/compiled_model.h"
#include "engine/spec/param_table.h"
#include "engine/spec/source_files.h"

namespace shujian::engine {

struct ModelLibraryOptions {
  std::string models_dir;  // more model files; empty: only the shipped ones
  std::string tables_dir;  // more parameter tables; empty: only the shipped ones
  bool shipped_models = true;  // false: only the models of models_dir (tests of other layers)
};

class ModelLibrary {
 public:
  // Loads and compiles every model. Returns the first file's error (file:line:column), or
  // AlreadyExists when two files of the same directory share an id.
  static Result<std::unique_ptr<ModelLibrary>> Load(const ModelLibraryOptions& options);

  // Compiles one more file against this library's tables (for `model check FILE`).
  Result<std::unique_ptr<CompiledModel>> CompileFile(const std::string& path) const;

  // The model with id `id`, or null.
  const CompiledModel* Find(std::string_view id) const;
  // All models, ordered by id.
  std::vector<const CompiledModel*> All() const;
  const TableLibrary& tables() const { return *tables_; }

 private:
  ModelLibrary() = default;
  std::unique_ptr<TableLibrary> tables_;  // stable address: compiled models point into it
  std::map<std::string, std::unique_ptr<CompiledModel>, std::less<>> models_;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_MODEL_LIBRARY_H_
