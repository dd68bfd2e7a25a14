// The case-handling commands (shared/spec/cli.md «Case-handling commands»), generated from the
// procedure data so that every act of every procedure can be done from a shell:
//   shujian <machine command> <action> ID [--field …] --as LOGIN --on DATE
//   shujian <machine command> <create command> --case C-… [--field …]
//   shujian <machine command> show ID | list | document ID --out FILE.docx
// e.g. `shujian suggestion sign S-000001 --as chen`. The options of an act are the fields its
// transition requires or accepts (rules/procedure/*.yaml); a file field takes a path. Refused
// acts exit 2 and change nothing.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "core/date_parse.h"
#include "workflow/case_views.h"
#include "workflow/document_service.h"
#include "workflow/json_views.h"

namespace shujian::cli {
namespace {

using workflow::FieldRule;
using workflow::FieldType;
using workflow::Machine;
using workflow::Requirement;

// The values given on the command line for one act.
struct ActOptions {
  ActingOptions acting;
  std::string id;
  std::map<std::string, std::string> values;  // field name → text or path
  std::map<std::string, bool> flags;          // flag fields
};

std::string SampleValue(const FieldRule& field, const Requirement& requirement) {
  if (!requirement.values.empty()) return requirement.values.front();
  switch (field.type) {
    case FieldType::kFile:
      return field.name == "minutes" ? "磋商纪要.pdf" : "回复函.pdf";
    case FieldType::kTextFile:
      return "正文.txt";
    case FieldType::kOrg:
      return field.name == "court" ? "FY" : "NY";
    case FieldType::kUser:
      return "zhang";
    case FieldType::kLead:
      return "L-000002";
    case FieldType::kMatter:
      return "C-000001";
    case FieldType::kDate:
      return "2024-05-13";
    case FieldType::kInt:
      return "20";
    case FieldType::kDecimal:
      return "1000";
    case FieldType::kMoney:
      return "3000000";
    default:
      return "“" + field.label + "”";
  }
}

// Adds an option per field of `required` and `optional` to `command`; returns the example's
// option text for the required ones.
std::string AddFieldOptions(CLI::App* command, const workflow::Procedure& procedure,
                            const std::vector<Requirement>& required,
                            const std::vector<Requirement>& optional, ActOptions* options) {
  std::string example;
  auto add = [&](const Requirement& requirement, bool mandatory) {
    const FieldRule* field = procedure.FindField(requirement.field);
    if (field == nullptr || command->get_option_no_throw(field->option) != nullptr) return;
    std::string help = workflow::DescribeRequirement(procedure, requirement);
    if (!requirement.when.empty()) {
      help += "；当";
      for (const auto& [other, value] : requirement.when) {
        const FieldRule* rule = procedure.FindField(other);
        help += (rule ? rule->label : other) + "为「" + value + "」时必填";
      }
    } else if (mandatory) {
      help += "；必填";
    }
    if (field->type == FieldType::kFlag) {
      command->add_flag(field->option, options->flags[field->name], help);
      return;
    }
    CLI::Option* option = command->add_option(field->option, options->values[field->name], help);
    if (field->type == FieldType::kFile || field->type == FieldType::kTextFile)
      option->type_name("FILE");
    if (mandatory && requirement.when.empty())
      example += " " + field->option + " " + SampleValue(*field, requirement);
  };
  for (const Requirement& requirement : required) add(requirement, true);
  for (const Requirement& requirement : optional) add(requirement, false);
  return example;
}

// Turns the parsed options into inputs and files.
Status CollectInputs(const workflow::Procedure& procedure, const ActOptions& options,
                     std::map<std::string, std::string>* inputs,
                     std::map<std::string, workflow::Upload>* files) {
  for (const auto& [name, value] : options.values) {
    if (value.empty()) continue;
    const FieldRule* field = procedure.FindField(name);
    if (field->type == FieldType::kFile) {
      SJ_ASSIGN_OR_RETURN(std::string content, ReadFileBytes(value, field->option));
      (*files)[name] = {value, std::move(content)};
    } else if (field->type == FieldType::kTextFile) {
      SJ_ASSIGN_OR_RETURN((*inputs)[name], ReadFileBytes(value, field->option));
    } else {
      (*inputs)[name] = value;
    }
  }
  for (const auto& [name, set] : options.flags) {
    if (set) (*inputs)[name] = "true";
  }
  return Status::Ok();
}

std::string SampleId(const Machine& machine) {
  return (machine.object == "lead" ? std::string("L") : machine.id_prefix) + "-000001";
}

std::string SampleActor(const std::vector<std::string>& roles) {
  for (const std::string& role : roles) {
    if (role == "检察官") return "zhang";
    if (role == "执法机关联络员") return "nyclerk";
    if (role == "部门负责人") return "wang";
    if (role == "检察长") return "chen";
  }
  return "zhang";
}

// Fills the actor, date, inputs and files of `request` from `options`, runs `perform` and prints
// the outcome.
template <typename Request, typename Perform>
ExitCode RunAct(const CommandContext& context, const ActOptions& options, Request* request,
                Perform perform) {
  auto environment = WorkflowEnvironment::Open(context);
  if (!environment.ok()) return Fail(context, environment.status());
  request->actor = options.acting.as;
  Result<std::optional<Date>> on = OptionalDate(options.acting.on, "--on");
  if (!on.ok()) return Fail(context, on.status());
  request->on = *on;
  Status collected =
      CollectInputs(workflow::Procedure::Shipped(), options, &request->inputs, &request->files);
  if (!collected.ok()) return Fail(context, collected);
  Result<workflow::ActionOutcome> outcome =
      perform(workflow::ProcedureRunner((*environment)->context()));
  if (!outcome.ok()) return Fail(context, outcome.status());
  return PrintActOutcome(context, **environment, request->actor, *outcome);
}

void AddTransitionCommand(CLI::App* parent, const Machine& machine,
                          const workflow::Transition& transition, CommandAction* action) {
  const workflow::Procedure& procedure = workflow::Procedure::Shipped();
  auto options = std::make_shared<ActOptions>();
  std::string roles;
  for (const std::string& role : transition.roles) roles += (roles.empty() ? "" : "、") + role;
  std::string from;
  for (const std::string& state : transition.from)
    from += (from.empty() ? "「" : "、「") + state + "」";
  CLI::App* command = parent->add_subcommand(transition.action, transition.label);
  command->add_option("id", options->id, machine.title + "编号")->required();
  AddActingOptions(command, &options->acting);
  std::string example =
      AddFieldOptions(command, procedure, transition.required, transition.optional, options.get());
  command->footer("可在" + from + "状态下进行；可以做的角色：" + roles +
                  "。\n\n示例：\n  shujian " + machine.command + " " + transition.action + " " +
                  SampleId(machine) + " --as " + SampleActor(transition.roles) + example);
  std::string machine_name = machine.name;
  std::string action_name = transition.action;
  command->callback([action, options, machine_name, action_name] {
    *action = [options, machine_name, action_name](const CommandContext& context) {
      workflow::ActionRequest request;
      request.object_id = options->id;
      request.action = action_name;
      request.expected_machine = machine_name;
      return RunAct(context, *options, &request, [&](const workflow::ProcedureRunner& runner) {
        return runner.Perform(request);
      });
    };
  });
}

void AddCreateCommand(CLI::App* parent, const Machine& machine, CommandAction* action) {
  const workflow::Procedure& procedure = workflow::Procedure::Shipped();
  const workflow::Creation& creation = *machine.creation;
  auto options = std::make_shared<ActOptions>();
  CLI::App* command = parent->add_subcommand(creation.command, creation.label);
  AddActingOptions(command, &options->acting);
  std::string example =
      AddFieldOptions(command, procedure, creation.required, creation.optional, options.get());
  command->footer("打印新建的" + machine.title + "编号。\n\n示例：\n  shujian " + machine.command +
                  " " + creation.command + " --as " + SampleActor(creation.roles) + example);
  std::string machine_name = machine.name;
  command->callback([action, options, machine_name] {
    *action = [options, machine_name](const CommandContext& context) {
      workflow::CreateRequest request;
      request.machine = machine_name;
      return RunAct(context, *options, &request, [&](const workflow::ProcedureRunner& runner) {
        return runner.Create(request);
      });
    };
  });
}

void PrintMatter(const CommandContext& context, const workflow::MatterView& view) {
  const Output& output = *context.output;
  if (output.json()) {
    output.Json(workflow::MatterJson(view));
    return;
  }
  const store::Matter& matter = view.matter;
  output.Line(matter.id + "  " + view.machine_title +
              (matter.kind.empty() ? "" : "（" + matter.kind + "）") + "  " + matter.state +
              (matter.doc_number.empty() ? "" : "  " + matter.doc_number));
  output.Line("  标题：" + matter.title);
  output.Line(
      "  承办：" + view.org_name + (view.dept_name.empty() ? "" : " " + view.dept_name) +
      (view.handler_name.empty() ? "" : " " + view.handler_name + "（" + matter.handler + "）"));
  if (!view.counterparty_name.empty()) output.Line("  对方：" + view.counterparty_name);
  if (view.case_summary)
    output.Line("  案件：" + view.case_summary->id + " " + view.case_summary->state);
  if (!view.lead_id.empty()) output.Line("  线索：" + view.lead_id);
  if (!view.dispositions.empty()) {
    output.Line(matter.machine == "case" ? "  处置：" : "  后续：");
    for (const workflow::MatterSummary& child : view.dispositions) {
      output.Line("    " + child.id + " " + child.machine_title + " " + child.state +
                  (child.doc_number.empty() ? "" : " " + child.doc_number));
    }
  }
  bool any_open = false;
  for (const workflow::DeadlineView& deadline : view.deadlines) {
    if (deadline.state != "open" && deadline.state != "paused") continue;
    if (!any_open) output.Line("  期限：");
    any_open = true;
    std::string colour = deadline.colour == "red"      ? "已逾期"
                         : deadline.colour == "yellow" ? "即将到期"
                                                       : "";
    output.Line("    " + deadline.title + "  至 " + deadline.due_on + "（" + deadline.period +
                "）" +
                (deadline.state == "paused" ? "  已中止"
                 : colour.empty()           ? ""
                                            : "  " + colour));
  }
  if (!view.attachments.empty()) {
    output.Line("  附件：");
    for (const store::Attachment& attachment : view.attachments) {
      output.Line("    " + attachment.id + " " + attachment.purpose + " " + attachment.file_name);
    }
  }
  output.Line("  经过：");
  for (const workflow::EventView& event : view.events) {
    output.Line("    " + event.acted_on + "  " + event.label + "  " + event.actor +
                (event.to_state.empty() || event.to_state == event.from_state
                     ? ""
                     : "  → " + event.to_state));
  }
  if (!view.next_actions.empty()) {
    output.Line("  接下来可以：");
    for (const workflow::NextAction& next : view.next_actions) {
      std::string needs;
      for (const std::string& need : next.needs) needs += (needs.empty() ? "" : "、") + need;
      output.Line("    " + next.label + "：" + next.command +
                  (needs.empty() ? "" : "  需要 " + needs));
    }
  }
}

void AddShowCommands(CLI::App* parent, const Machine& machine, CommandAction* action) {
  struct ShowOptions {
    std::string id;
    std::string as;
    std::string as_of;
    bool all = false;
    std::string out;
  };
  auto options = std::make_shared<ShowOptions>();
  CLI::App* show = parent->add_subcommand(
      "show", "查看" + machine.title + "：经过、期限、文书和接下来可以做什么");
  show->add_option("id", options->id, machine.title + "编号")->required();
  AddAsOption(show, &options->as);
  show->add_option("--as-of", options->as_of, "期限颜色以该日计算（默认今天）")->type_name("DATE");
  show->footer("示例：\n  shujian " + machine.command + " show " + SampleId(machine) +
               " --as zhang --json");
  show->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      Result<std::optional<Date>> as_of = OptionalDate(options->as_of, "--as-of");
      if (!as_of.ok()) return Fail(context, as_of.status());
      auto view =
          workflow::CaseViews((*environment)->context())
              .ShowMatter(options->as, options->id, as_of->value_or(context.clock->Today()));
      if (!view.ok()) return Fail(context, view.status());
      PrintMatter(context, *view);
      return kExitDone;
    };
  });

  CLI::App* list = parent->add_subcommand("list", "列出" + machine.title + "（按查看人的权限）");
  AddAsOption(list, &options->as);
  list->add_flag("--all", options->all, "也列出已办结的");
  list->footer("示例：\n  shujian " + machine.command + " list --as zhang");
  std::string machine_name = machine.name;
  list->callback([action, options, machine_name] {
    *action = [options, machine_name](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto matters = workflow::CaseViews((*environment)->context())
                         .ListMatters(options->as, machine_name, !options->all);
      if (!matters.ok()) return Fail(context, matters.status());
      if (context.output->json()) {
        workflow::OrderedJson items = workflow::OrderedJson::array();
        for (const workflow::MatterSummary& matter : *matters)
          items.push_back(workflow::MatterSummaryJson(matter));
        context.output->Json({{"items", items}});
        return kExitDone;
      }
      for (const workflow::MatterSummary& matter : *matters) {
        context.output->Line(matter.id + "  " + matter.state + "  " +
                             (matter.doc_number.empty() ? "" : matter.doc_number + "  ") +
                             matter.title);
      }
      if (matters->empty())
        context.output->Message("没有" + (options->all ? std::string() : "在办的") + "事项");
      return kExitDone;
    };
  });

  if (machine.document.empty()) return;
  const workflow::DocumentRule* rule =
      workflow::Procedure::Shipped().FindDocument(machine.document);
  if (rule == nullptr || rule->template_file.empty()) return;
  CLI::App* document =
      parent->add_subcommand("document", "生成" + rule->title + "（.docx，GB/T 9704 版式）");
  document->add_option("id", options->id, machine.title + "编号")->required();
  AddAsOption(document, &options->as);
  document->add_option("--out", options->out, "写到该文件（.docx）")->required()->type_name("FILE");
  document->footer(
      "签发前生成的是草稿（不编号）。生成的文书同时留存为附件，并记入审计。\n\n示例：\n  shujian " +
      machine.command + " document " + SampleId(machine) + " --as zhang --out " + rule->title +
      ".docx");
  document->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto generated =
          workflow::DocumentService((*environment)->context()).Generate(options->as, options->id);
      if (!generated.ok()) return Fail(context, generated.status());
      std::string temporary = options->out + ".part";
      {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(generated->bytes.data(), static_cast<std::streamsize>(generated->bytes.size()));
        if (!out) return Fail(context, Status::IoError("无法写入「" + options->out + "」"));
      }
      if (std::rename(temporary.c_str(), options->out.c_str()) != 0) {
        std::remove(temporary.c_str());
        return Fail(context, Status::IoError("无法写入「" + options->out + "」"));
      }
      if (context.output->json()) {
        context.output->Json(workflow::DocumentJson(*generated, options->out));
      } else {
        context.output->Line("已生成" + generated->title +
                             (generated->draft ? "（草稿）" : " " + generated->number) + "：" +
                             options->out);
      }
      return kExitDone;
    };
  });
}

}  // namespace

void AddMachineActs(CLI::App* command, const workflow::Machine& machine, CommandAction* action) {
  for (const workflow::Transition& transition : machine.transitions) {
    if (transition.automatic.empty()) AddTransitionCommand(command, machine, transition, action);
  }
}

void RegisterCaseHandlingCommands(CLI::App& app, CommandAction* action) {
  const workflow::Procedure& procedure = workflow::Procedure::Shipped();
  // In --help: the case first, then its dispositions in the order of procedure.md.
  static constexpr std::string_view kOrder[] = {
      "case",          "consultation",      "suggestion", "opinion", "police_transfer",
      "clue_transfer", "deputy_suggestion", "litigation"};
  std::vector<const workflow::Machine*> machines = procedure.machines();
  auto rank = [](const workflow::Machine* machine) {
    auto it = std::find(std::begin(kOrder), std::end(kOrder), machine->name);
    return static_cast<int>(it - std::begin(kOrder));
  };
  std::stable_sort(
      machines.begin(), machines.end(),
      [&](const workflow::Machine* a, const workflow::Machine* b) { return rank(a) < rank(b); });
  for (const workflow::Machine* machine : machines) {
    if (machine->object == "lead") continue;  // `shujian lead` (lead_command.cc)
    CLI::App* command = app.add_subcommand(machine->command, machine->title + "办理");
    command->require_subcommand(1);
    std::string states;
    for (const workflow::StateRule& state : machine->states)
      states += (states.empty() ? "" : " → ") + state.name;
    command->footer("状态：" + states + "\n流程定义：rules/procedure/" + machine->name + ".yaml");
    if (machine->creation && !machine->creation->command.empty())
      AddCreateCommand(command, *machine, action);
    AddShowCommands(command, *machine, action);
    AddMachineActs(command, *machine, action);
  }
}

}  // namespace shujian::cli
