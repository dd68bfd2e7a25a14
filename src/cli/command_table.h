// The list of registered commands (command_table.cc).
#ifndef SHUJIAN_CLI_COMMAND_TABLE_H_
#define SHUJIAN_CLI_COMMAND_TABLE_H_

#include <span>

#include "cli/command.h"

namespace shujian::cli {

std::span<const RegisterCommand> CommandTable();

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_COMMAND_TABLE_H_
