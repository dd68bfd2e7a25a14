// shujian leads [--model ID] [--status S] [--as LOGIN]: the stored leads the user may see, with
// their subject, sub-rules, title, status and evidence rows, personal data masked for the user's
// role (shared/spec/cli.md).
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "workflow/case_views.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

struct LeadsOptions {
  std::string model;
  std::string status;
  int limit = 0;
  std::string as;
};

ExitCode RunLeads(const CommandContext& context, const LeadsOptions& options) {
  const Output& output = *context.output;
  Result<std::unique_ptr<WorkflowEnvironment>> environment = WorkflowEnvironment::Open(context);
  if (!environment.ok()) {
    output.Error(environment.status());
    return ExitCodeFor(environment.status());
  }
  store::LeadFilter filter;
  filter.model_id = options.model;
  filter.status = options.status;
  filter.limit = options.limit;
  int hidden = 0;
  Result<std::vector<store::Lead>> leads =
      workflow::CaseViews((*environment)->context())
          .ListLeads(options.as, filter, context.clock->Today(), &hidden);
  if (!leads.ok()) {
    output.Error(leads.status());
    return ExitCodeFor(leads.status());
  }
  Json list = Json::array();
  for (const store::Lead& lead : *leads) {
    Json subject{{"kind", lead.subject.kind}};
    if (!lead.subject.dataset.empty()) subject["dataset"] = lead.subject.dataset;
    subject["key"] = lead.subject.key;
    if (!lead.subject.label.empty()) subject["label"] = lead.subject.label;
    Json rules = Json::parse(lead.rules_json, nullptr, false);
    if (!rules.is_array()) rules = Json::array();
    Json evidence = Json::array();
    for (const store::EvidenceRow& row : lead.evidence) {
      evidence.push_back(Json{{"dataset", row.dataset}, {"key", row.key}, {"batch", row.batch_id}});
    }
    std::string rule_text;
    for (const auto& rule : rules)
      rule_text += (rule_text.empty() ? "" : ",") + rule.get<std::string>();
    output.Line(lead.id + "  " + lead.status + "  " + lead.model_id + " [" + rule_text + "]  " +
                lead.title);
    list.push_back(Json{{"id", lead.id},
                        {"model", lead.model_id},
                        {"model_version", lead.model_version},
                        {"subject", std::move(subject)},
                        {"rules", std::move(rules)},
                        {"title", lead.title},
                        {"status", lead.status},
                        {"addressee", lead.addressee},
                        {"evidence", std::move(evidence)}});
  }
  if (leads->empty()) output.Message("没有符合条件的线索");
  if (hidden > 0) output.Message("另有 " + std::to_string(hidden) + " 条线索不在您的查看范围内");
  if (output.json()) output.Json(Json{{"leads", std::move(list)}});
  return kExitDone;
}

}  // namespace

void RegisterLeadsCommand(CLI::App& app, CommandAction* action) {
  CLI::App* command = app.add_subcommand("leads", "已保存的线索");
  auto options = std::make_shared<LeadsOptions>();
  command->add_option("--model", options->model, "只列出该模型的线索")->type_name("ID");
  command->add_option("--status", options->status, "只列出该状态的线索，如 待评估")->type_name("S");
  command->add_option("--limit", options->limit, "最多列出多少条")->type_name("N");
  AddAsOption(command, &options->as);
  command->footer(
      "每条线索一行：编号、状态、模型和子规则、标题。--json 时输出线索对象、子规则和证据行。\n\n"
      "示例：\n  shujian leads --model penalty-instead-of-prosecution --status 待评估 --json");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) { return RunLeads(context, *options); };
  });
}

}  // namespace shujian::cli
