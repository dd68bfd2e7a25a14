// What the case-handling commands share: the workflow environment opened for the database (the
// store, the audit key, the procedure and calendar, the rectification verifier that re-runs the
// shipped models), the --as and
// --on options, reading files named on the command line, and printing the outcome of an act
// (the changed object with --json; the act and its notes for people).
//
// Thread safety: used by the command's thread only.
#ifndef SHUJIAN_CLI_WORKFLOW_SUPPORT_H_
#define SHUJIAN_CLI_WORKFLOW_SUPPORT_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "cli/command.h"
#include "workflow/audit_log.h"
#include "engine/model_library.h"
#include "workflow/model_rerun_verifier.h"
#include "workflow/procedure_runner.h"
#include "workflow/workflow_context.h"

namespace shujian::cli {

// --as and --on of a command that changes something.
struct ActingOptions {
  std::string as;  // login; empty: the local operator
  std::string on;  // the procedural date; empty: today
};

// Adds --as and --on to `command`.
void AddActingOptions(CLI::App* command, ActingOptions* options);
// Adds --as only (commands that read).
void AddAsOption(CLI::App* command, std::string* as);

// The workflow over the command's database. Owns what the context points to.
class WorkflowEnvironment {
 public:
  // Opens the database (it must exist and be initialised), the procedure and the audit key:
  // $SHUJIAN_AUDIT_KEY, else "<database>.audit-key" next to the database (created on first use).
  static Result<std::unique_ptr<WorkflowEnvironment>> Open(const CommandContext& context);

  const workflow::WorkflowContext& context() const { return context_; }

 private:
  WorkflowEnvironment() = default;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<workflow::AuditLog> audit_;
  std::unique_ptr<engine::ModelLibrary> models_;
  std::unique_ptr<workflow::ModelRerunVerifier> verifier_;
  workflow::WorkflowContext context_;
};

// Parses an ISO (or any accepted) date option; empty gives nullopt. `option` names it in errors.
Result<std::optional<Date>> OptionalDate(const std::string& text, std::string_view option);
// The bytes of `path`. InvalidArgument naming the option when it cannot be read.
Result<std::string> ReadFileBytes(const std::string& path, std::string_view option);

// Prints the outcome of an act: with --json {"act": …, "object": …} (the object as the actor sees
// it now); else a line per note. Returns the exit code: 1 when the outcome needs attention.
ExitCode PrintActOutcome(const CommandContext& context, const WorkflowEnvironment& environment,
                         const std::string& actor, const workflow::ActionOutcome& outcome);

// Prints `status` and returns its exit code.
ExitCode Fail(const CommandContext& context, const Status& status);

// Adds a subcommand per act of `machine` (its non-automatic transitions) to `command`
// (commands/case_handling_commands.cc).
void AddMachineActs(CLI::App* command, const workflow::Machine& machine, CommandAction* action);

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_WORKFLOW_SUPPORT_H_
