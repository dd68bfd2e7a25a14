// The options every model command shares: where more models (--models DIR) and parameter
// tables (--tables DIR) are, and how the model library is loaded from them.
#ifndef SHUJIAN_CLI_COMMANDS_MODEL_LIBRARY_FLAGS_H_
#define SHUJIAN_CLI_COMMANDS_MODEL_LIBRARY_FLAGS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "core/result.h"
#include "engine/model_library.h"

namespace shujian::cli {

// Adds --models and --tables to `command`, filling `options`.
void AddModelLibraryFlags(CLI::App* command, engine::ModelLibraryOptions* options);

// The shipped models and tables plus those of the directories given.
Result<std::unique_ptr<engine::ModelLibrary>> LoadModelLibrary(const engine::ModelLibraryOptions& options);

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_COMMANDS_MODEL_LIBRARY_FLAGS_H_
