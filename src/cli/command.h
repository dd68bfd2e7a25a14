// How a command of the `shujian` binary is declared. Each command lives in its own file under
// commands/, registers its subcommand (options, help with an example) on the CLI11 app, and
// sets the action that main() runs after parsing. Commands are thin: they parse, call one
// library function, and print; the work is done in the layers below.
#ifndef SHUJIAN_CLI_COMMAND_H_
#define SHUJIAN_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "cli/exit_codes.h"
#include "cli/output.h"
#include "core/clock.h"
#include "store/store.h"

namespace shujian::cli {

// Options every command understands, filled by CLI11 before an action runs.
struct GlobalOptions {
  std::string db;     // --db; empty: $SHUJIAN_DB, else ./shujian.db
  bool json = false;  // --json
};

// What an action gets to work with.
struct CommandContext {
  const GlobalOptions* options;
  const Output* output;
  const Clock* clock;

  // The database location after applying the defaults of --db.
  std::string DatabaseLocation() const;
  // Opens the database for a command that reads or changes it. `migrate` brings an older
  // schema up to date first (as `init` does).
  Result<std::unique_ptr<store::Store>> OpenStore(bool migrate = false) const;
};

// A store opened for reading and a read transaction on it (destroyed transaction first).
struct ReadSession {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::Transaction> transaction;
};

// Opens the database and begins a read transaction, for commands that only show data.
Result<ReadSession> BeginRead(const CommandContext& context);

using CommandAction = std::function<ExitCode(const CommandContext&)>;

// A command's registration function: adds its subcommand to `app` and, in the subcommand's
// callback, stores its action in *action.
using RegisterCommand = void (*)(CLI::App& app, CommandAction* action);

// Registration functions, one per file in commands/.
void RegisterInitCommand(CLI::App& app, CommandAction* action);
void RegisterCheckCommand(CLI::App& app, CommandAction* action);
void RegisterModelsCommand(CLI::App& app, CommandAction* action);
void RegisterModelCommand(CLI::App& app, CommandAction* action);
void RegisterRunCommand(CLI::App& app, CommandAction* action);
void RegisterDemoCommand(CLI::App& app, CommandAction* action);
void RegisterLeadsCommand(CLI::App& app, CommandAction* action);
void RegisterLeadCommand(CLI::App& app, CommandAction* action);
void RegisterCaseHandlingCommands(CLI::App& app, CommandAction* action);
void RegisterTodoCommand(CLI::App& app, CommandAction* action);
void RegisterSubjectCommand(CLI::App& app, CommandAction* action);
void RegisterHeritageCommand(CLI::App& app, CommandAction* action);
void RegisterDeadlinesCommand(CLI::App& app, CommandAction* action);
void RegisterOrgCommand(CLI::App& app, CommandAction* action);
void RegisterUserCommand(CLI::App& app, CommandAction* action);
void RegisterAuditCommand(CLI::App& app, CommandAction* action);
void RegisterImportCommand(CLI::App& app, CommandAction* action);
void RegisterRejectsCommand(CLI::App& app, CommandAction* action);
void RegisterDatasetsCommand(CLI::App& app, CommandAction* action);
void RegisterTemplateCommand(CLI::App& app, CommandAction* action);
void RegisterUnavailableCommands(CLI::App& app, CommandAction* action);

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_COMMAND_H_
