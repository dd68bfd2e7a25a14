// shujian lead ID: one lead with its full evidence (shared/spec/cli.md), its handling, deadlines,
// history and what can be done next; shujian lead add: a lead from a non-model source; and the
// acts of rules/procedure/lead.yaml: lead assign|evaluate|merge ….
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "workflow/case_views.h"
#include "workflow/json_views.h"

namespace shujian::cli {
namespace {

struct LeadOptions {
  std::string id;
  std::string as;
  std::string as_of;
};

struct IntakeOptions {
  ActingOptions acting;
  workflow::LeadIntakeRequest request;
  std::string received;
};

// "名称：值；名称：值" of one object of facts (lists joined with "、").
std::string FactsLine(const nlohmann::ordered_json& facts) {
  std::string line;
  for (const auto& [name, value] : facts.items()) {
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_array()) {
      for (const auto& item : value)
        text +=
            (text.empty() ? "" : "、") + (item.is_string() ? item.get<std::string>() : item.dump());
    } else if (!value.is_null()) {
      text = value.dump();
    }
    if (!text.empty()) line += (line.empty() ? "" : "；") + name + "：" + text;
  }
  return line;
}

// The facts of a lead, one line per sub-rule that fired.
void PrintFacts(const Output& output, const std::string& facts_json) {
  nlohmann::ordered_json facts = nlohmann::ordered_json::parse(facts_json, nullptr, false);
  if (!facts.is_object() || facts.empty()) return;
  for (const auto& [rule, rule_facts] : facts.items()) {
    if (rule == "_evidence_omitted" && rule_facts.is_object()) {  // dataset → rows not listed
      std::string omitted;
      for (const auto& [dataset, rows] : rule_facts.items()) {
        omitted += (omitted.empty() ? "" : "、") + dataset + " " + rows.dump() + " 行";
      }
      output.Line("  另有证据行未逐条列出：" + omitted);
    } else if (rule_facts.is_object()) {
      output.Line("  事实（" + rule + "）：" + FactsLine(rule_facts));
    } else {
      output.Line("  事实：" + FactsLine(facts));
      return;
    }
  }
}

void PrintLead(const CommandContext& context, const workflow::LeadView& view) {
  const Output& output = *context.output;
  if (output.json()) {
    output.Json(workflow::LeadJson(view));
    return;
  }
  const store::Lead& lead = view.lead;
  output.Line(lead.id + "  " + lead.status + "  " + lead.title);
  output.Line("  来源：" + lead.source +
              (lead.model_id.empty() ? "" : "（模型 " + lead.model_id + "）"));
  output.Line("  主体：" + lead.subject.kind + " " +
              (lead.subject.dataset.empty() ? "" : lead.subject.dataset + " ") + lead.subject.key +
              (lead.subject.label.empty() ? "" : "（" + lead.subject.label + "）"));
  PrintFacts(output, lead.facts_json);
  if (!lead.legal_basis.empty()) output.Line("  依据：" + lead.legal_basis);
  if (!lead.addressee.empty()) output.Line("  被监督单位：" + lead.addressee);
  if (view.handling) {
    output.Line("  办理：" + (view.org_name.empty() ? std::string("（未分派）") : view.org_name) +
                (view.assignee_name.empty() ? "" : " " + view.assignee_name) + "，接收于 " +
                view.handling->received_on);
    if (!view.handling->decision.empty()) {
      output.Line("  评估：" + view.handling->decision +
                  (view.handling->reason.empty() ? "" : "，" + view.handling->reason) +
                  (view.handling->outcome_ref.empty() ? "" : " → " + view.handling->outcome_ref));
    }
  }
  if (!lead.evidence.empty()) {
    output.Line("  证据：");
    for (const store::EvidenceRow& row : lead.evidence) {
      output.Line("    " + row.dataset + " " + row.key +
                  (row.role.empty() ? "" : "（" + row.role + "）") + " " + row.values_json);
    }
  }
  for (const workflow::MatterSummary& matter : view.matters) {
    output.Line("  产生：" + matter.id + " " + matter.machine_title + " " + matter.state);
  }
  for (const workflow::DeadlineView& deadline : view.deadlines) {
    if (deadline.state == "open")
      output.Line("  期限：" + deadline.title + " 至 " + deadline.due_on);
  }
  for (const workflow::NextAction& next : view.next_actions)
    output.Line("  可以：" + next.label + "：" + next.command);
}

}  // namespace

void RegisterLeadCommand(CLI::App& app, CommandAction* action) {
  const workflow::Machine* machine = workflow::Procedure::Shipped().FindMachine("lead");
  auto options = std::make_shared<LeadOptions>();
  CLI::App* command = app.add_subcommand("lead", "一条线索及其证据；线索的登记、分派、评估与合并");
  command->add_option("id", options->id, "线索编号，如 L-000001");
  AddAsOption(command, &options->as);
  command->add_option("--as-of", options->as_of, "期限颜色以该日计算（默认今天）")
      ->type_name("DATE");
  command->require_subcommand(0, 1);
  command->footer(
      "不带子命令时显示一条线索：主体、证据、办理情况、期限和接下来可以做的事。\n\n示例：\n"
      "  shujian lead L-000001 --json\n"
      "  shujian lead add --as zhang --source 12309 --subject-kind person --subject "
      "420304198001012510 "
      "--title \"举报禁渔期电鱼\"\n"
      "  shujian lead assign L-000001 --as wang --to zhang\n"
      "  shujian lead evaluate L-000001 --as zhang --decision 立案 --case-kind 行政公益诉讼");
  command->callback([action, options, command] {
    if (!command->get_subcommands().empty()) return;
    *action = [options](const CommandContext& context) {
      if (options->id.empty())
        return Fail(context, Status::InvalidArgument("请写明线索编号，如 shujian lead L-000001"));
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      Result<std::optional<Date>> as_of = OptionalDate(options->as_of, "--as-of");
      if (!as_of.ok()) return Fail(context, as_of.status());
      auto view = workflow::CaseViews((*environment)->context())
                      .ShowLead(options->as, options->id, as_of->value_or(context.clock->Today()));
      if (!view.ok()) return Fail(context, view.status());
      PrintLead(context, *view);
      return kExitDone;
    };
  });

  auto intake = std::make_shared<IntakeOptions>();
  CLI::App* add = command->add_subcommand(
      "add", "登记非模型来源的线索（12309、代表委员建议、纪委监委移送、其他部门移送等）");
  AddActingOptions(add, &intake->acting);
  std::string sources;
  for (std::string_view source : workflow::kLeadSources)
    sources += (sources.empty() ? "" : "、") + std::string(source);
  add->add_option("--source", intake->request.source, "来源：" + sources)->required();
  add->add_option("--subject-kind", intake->request.subject_kind,
                  "主体类型：person、organisation、vehicle、site、record")
      ->required();
  add->add_option("--subject", intake->request.subject_key,
                  "主体标识：身份证号、统一社会信用代码、号牌、点位编号或记录键")
      ->required();
  add->add_option("--dataset", intake->request.subject_dataset,
                  "主体为 record 时所属的标准数据集，如 admin_case");
  add->add_option("--name", intake->request.subject_label, "主体的名称或姓名");
  add->add_option("--title", intake->request.title, "线索标题")->required();
  add->add_option("--facts", intake->request.facts, "来源反映的情况");
  add->add_option("--basis", intake->request.legal_basis, "涉及的法律依据");
  add->add_option("--addressee", intake->request.addressee, "被监督单位（组织编码或名称）");
  add->add_option("--received", intake->received, "接收日期（默认 --on）")->type_name("DATE");
  add->add_option("--deputy", intake->request.deputy, "代表委员建议：代表或委员姓名");
  add->add_option("--from", intake->request.from_org, "移送或提出单位的组织编码（纪委监委、人大）");
  add->footer(
      "登记后线索为「待评估」，评估期限自接收之日起算。代表委员建议同时建立「代表委员建议」事项以向"
      "代表反馈；"
      "纪委监委移送同时建立「线索移送（移入）」事项以向监委反馈。\n\n示例：\n"
      "  shujian lead add --as zhang --source 代表委员建议 --deputy 王某某 --from RD "
      "--subject-kind site "
      "--subject YY-LSM-0003 --title \"建议加强烈士纪念设施保护\"");
  add->callback([action, intake] {
    *action = [intake](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      workflow::LeadIntakeRequest request = intake->request;
      request.actor = intake->acting.as;
      Result<std::optional<Date>> on = OptionalDate(intake->acting.on, "--on");
      if (!on.ok()) return Fail(context, on.status());
      request.on = *on;
      Result<std::optional<Date>> received = OptionalDate(intake->received, "--received");
      if (!received.ok()) return Fail(context, received.status());
      request.received_on = *received;
      auto outcome = workflow::ProcedureRunner((*environment)->context()).IntakeLead(request);
      if (!outcome.ok()) return Fail(context, outcome.status());
      return PrintActOutcome(context, **environment, request.actor, *outcome);
    };
  });
  if (machine != nullptr) AddMachineActs(command, *machine, action);
}

}  // namespace shujian::cli
