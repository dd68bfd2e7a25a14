// The commands of `shujian`, in the order --help lists them. Add a command here and in
// command.h; its code goes in commands/<name>_command.cc.
#include "cli/command_table.h"

namespace shujian::cli {

std::span<const RegisterCommand> CommandTable() {
  static constexpr RegisterCommand kCommands[] = {
      RegisterInitCommand,
      RegisterCheckCommand,
      RegisterImportCommand,
      RegisterRejectsCommand,
      RegisterDatasetsCommand,
      RegisterTemplateCommand,
      RegisterModelsCommand,
      RegisterModelCommand,
      RegisterRunCommand,
      RegisterLeadsCommand,
      RegisterLeadCommand,
      RegisterCaseHandlingCommands,
      RegisterTodoCommand,
      RegisterSubjectCommand,
      RegisterHeritageCommand,
      RegisterDeadlinesCommand,
      RegisterOrgCommand,
      RegisterUserCommand,
      RegisterAuditCommand,
      RegisterDemoCommand,
      RegisterUnavailableCommands,
  };
  return kCommands;
}

}  // namespace shujian::cli
