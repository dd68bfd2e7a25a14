// The commands of the contract (shared/spec/cli.md) that this version does not yet provide.
// Each is listed in --help and, when called, says plainly that it is not available and exits
// with 2, changing nothing: none of them pretends to work.
#include <string>

#include "cli/command.h"

namespace shujian::cli {
namespace {

struct Unavailable {
  const char* name;
  const char* description;
};

constexpr Unavailable kUnavailable[] = {
    {"report", "统计报表"},
    {"serve", "网页应用和 HTTP 接口"},
};

}  // namespace

void RegisterUnavailableCommands(CLI::App& app, CommandAction* action) {
  for (const Unavailable& entry : kUnavailable) {
    CLI::App* command =
        app.add_subcommand(entry.name, std::string(entry.description) + "（本版本尚未提供）");
    command->allow_extras();
    command->fallthrough(false);
    std::string name = entry.name;
    command->callback([action, name] {
      *action = [name](const CommandContext& context) {
        context.output->Error(Status::Unimplemented(
            "「shujian " + name + "」在本版本中尚未提供；没有做任何修改"));
        return kExitUsage;
      };
    });
  }
}

}  // namespace shujian::cli
