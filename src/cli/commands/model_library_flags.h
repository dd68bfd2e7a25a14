// The options every model command shares: where more models (--models DIR) and parameter
// tables (--tables DIR) are, how the model library is loaded from them, and --param.
#ifndef SHUJIAN_CLI_COMMANDS_MODEL_LIBRARY_FLAGS_H_
#define SHUJIAN_CLI_COMMANDS_MODEL_LIBRARY_FLAGS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/model_library.h"

namespace shujian::cli {

// Adds --models and --tables to `command`, filling `options`.
void AddModelLibraryFlags(CLI::App* command, engine::ModelLibraryOptions* options);

// The shipped models and tables plus those of the directories given.
Result<std::unique_ptr<engine::ModelLibrary>> LoadModelLibrary(const engine::ModelLibraryOptions& options);

// One --param: NAME=VALUE, or with `allow_model` also MODEL.NAME=VALUE.
struct ParamOverride {
  std::string model;  // "" for every model that has the parameter
  std::string name;
  std::string value;
};

// Parses --param values. InvalidArgument saying how to write one when a value has no '='.
Result<std::vector<ParamOverride>> ParseParamOverrides(const std::vector<std::string>& params, bool allow_model);

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_COMMANDS_MODEL_LIBRARY_FLAGS_H_
