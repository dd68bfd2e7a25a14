#include "cli/workflow_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/commands/model_library_flags.h"
#include "core/date_parse.h"
#include "workflow/case_views.h"
#include "workflow/json_views.h"

namespace shujian::cli {

void AddActingOptions(CLI::App* command, ActingOptions* options) {
  command
      ->add_option("--as", options->as, "以该用户的身份办理（授权并记入审计）；不写则为本机操作员")
      ->type_name("LOGIN");
  command->add_option("--on", options->on, "办案行为的日期（默认今天，不能晚于今天）")
      ->type_name("DATE");
}

void AddAsOption(CLI::App* command, std::string* as) {
  command->add_option("--as", *as, "以该用户的身份查看（按其权限和脱敏规则）；不写则为本机操作员")
      ->type_name("LOGIN");
}

Result<std::unique_ptr<WorkflowEnvironment>> WorkflowEnvironment::Open(
    const CommandContext& context) {
  SJ_RETURN_IF_ERROR(workflow::Procedure::ShippedStatus());
  std::unique_ptr<WorkflowEnvironment> environment(new WorkflowEnvironment());
  SJ_ASSIGN_OR_RETURN(environment->store_, context.OpenStore());
  std::string key_path;
  if (const char* env = std::getenv("SHUJIAN_AUDIT_KEY"); env != nullptr && *env != '\0') {
    key_path = env;
  } else {
    key_path = context.DatabaseLocation() + ".audit-key";
  }
  SJ_ASSIGN_OR_RETURN(workflow::AuditKey key, workflow::AuditKey::LoadOrCreate(key_path));
  environment->audit_ = std::make_unique<workflow::AuditLog>(std::move(key), *context.clock);
  environment->context_.store = environment->store_.get();
  environment->context_.clock = context.clock;
  environment->context_.procedure = &workflow::Procedure::Shipped();
  environment->context_.calendar = &workflow::WorkCalendar::Shipped();
  environment->context_.audit = environment->audit_.get();
  SJ_ASSIGN_OR_RETURN(environment->models_, LoadModelLibrary(engine::ModelLibraryOptions{}));
  environment->verifier_ = std::make_unique<workflow::ModelRerunVerifier>(environment->models_.get());
  environment->context_.verifier = environment->verifier_.get();
  return environment;
}

Result<std::optional<Date>> OptionalDate(const std::string& text, std::string_view option) {
  if (text.empty()) return std::optional<Date>();
  Result<Date> date = ParseDate(text);
  if (!date.ok()) return date.status().WithContext(option);
  return std::optional<Date>(*date);
}

Result<std::string> ReadFileBytes(const std::string& path, std::string_view option) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument(std::string(option) + "：无法读取文件「" + path + "」");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

ExitCode Fail(const CommandContext& context, const Status& status) {
  context.output->Error(status);
  return ExitCodeFor(status);
}

ExitCode PrintActOutcome(const CommandContext& context, const WorkflowEnvironment& environment,
                         const std::string& actor, const workflow::ActionOutcome& outcome) {
  const Output& output = *context.output;
  ExitCode code = outcome.needs_attention ? kExitAttention : kExitDone;
  if (output.json()) {
    workflow::OrderedJson document = {{"act", workflow::OutcomeJson(outcome)}};
    workflow::CaseViews views(environment.context());
    Date today = context.clock->Today();
    if (outcome.machine == "lead") {
      Result<workflow::LeadView> lead = views.ShowLead(actor, outcome.object_id, today);
      if (lead.ok()) document["object"] = workflow::LeadJson(*lead);
      for (const std::string& created : outcome.created) {
        if (created.starts_with("C-")) document["case"] = created;
      }
    } else {
      Result<workflow::MatterView> matter = views.ShowMatter(actor, outcome.object_id, today);
      if (matter.ok()) document["object"] = workflow::MatterJson(*matter);
    }
    output.Json(document);
    return code;
  }
  std::string line = outcome.object_id;
  if (!outcome.from_state.empty() || !outcome.to_state.empty()) {
    line += "：" + (outcome.from_state.empty() ? std::string() : outcome.from_state + " → ") +
            outcome.to_state;
  }
  output.Line(line);
  for (const std::string& created : outcome.created) {
    if (created != outcome.object_id) output.Line("  新建 " + created);
  }
  for (const std::string& note : outcome.notes) output.Line("  " + note);
  if (outcome.needs_attention) output.Message("注意：本次办理有需要关注的结果（见上）");
  return code;
}

}  // namespace shujian::cli
