#include "workflow/procedure_runner.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "core/date_parse.h"
#include "core/decimal.h"
#include "core/fixed_point.h"
#include "core/money.h"
#include "core/unicode_fold.h"
#include "core/utf8.h"
#include "workflow/document_body.h"
#include "workflow/lead_subject.h"

namespace shujian::workflow {
namespace {

using Json = nlohmann::json;
using Inputs = std::map<std::string, std::string>;

constexpr size_t kMaxTextLength = 20000;  // characters of one typed input

Json ParseObject(const std::string& text) {
  Json json = Json::parse(text.empty() ? "{}" : text, nullptr, false);
  return json.is_object() ? json : Json::object();
}

std::string Quote(std::string_view text) { return "「" + std::string(text) + "」"; }

std::string JoinQuoted(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : "、") + Quote(item);
  return joined;
}

// A lead or a matter, as the runner acts on it.
struct WorkObject {
  const Machine* machine = nullptr;
  bool is_lead = false;
  store::Matter matter;
  store::Lead lead;
  store::LeadHandling handling;
  bool has_handling = false;
  Json attributes = Json::object();

  const std::string& id() const { return is_lead ? lead.id : matter.id; }
  const std::string& state() const { return is_lead ? lead.status : matter.state; }
  const std::string& kind() const { return is_lead ? lead.source : matter.kind; }
  const std::string& handler() const { return is_lead ? handling.assignee : matter.handler; }
  const std::string& org_code() const { return is_lead ? handling.org_code : matter.org_code; }
  std::string label() const {
    if (!is_lead && !matter.doc_number.empty()) return matter.doc_number;
    return machine->title + " " + id();
  }
  ActTarget target() const {
    if (is_lead) return {lead.id, handling.org_code, handling.dept_code, handling.assignee, ""};
    ActTarget target{matter.id, matter.org_code, matter.dept_code, matter.handler,
                     matter.counterparty_org};
    target.addressed = machine != nullptr && machine->shown_to_counterparty;
    return target;
  }
  void set_state(const std::string& state) {
    if (is_lead) {
      lead.status = state;
    } else {
      matter.state = state;
    }
  }
  Json Snapshot() const {
    if (is_lead) {
      return {{"status", lead.status},
              {"org", handling.org_code},
              {"assignee", handling.assignee},
              {"decision", handling.decision},
              {"merged_into", handling.merged_into}};
    }
    return {{"state", matter.state},           {"handler", matter.handler},
            {"dept", matter.dept_code},        {"counterparty", matter.counterparty_org},
            {"doc_number", matter.doc_number}, {"closed_on", matter.closed_on},
            {"attributes", attributes}};
  }
};

// What one act has to work with.
struct Act {
  const Actor& actor;
  Date on;
  const Transition* transition;  // null for a creation
  Inputs inputs;
  Json stored_files = Json::object();  // field → {id, file, sha256}
  ActionOutcome* outcome;
};

class Operation {
 public:
  Operation(const WorkflowContext& context, store::Transaction& transaction, const Actor& actor)
      : context_(context),
        procedure_(*context.procedure),
        policy_(context.policy()),
        transaction_(transaction),
        actor_(actor),
        system_(AccessPolicy::System()) {}

  Result<WorkObject> Load(std::string_view id) {
    WorkObject object;
    std::string prefix(id.substr(0, id.find('-')));
    if (prefix == "L") {
      SJ_ASSIGN_OR_RETURN(std::optional<store::Lead> lead, transaction_.leads().GetLead(id));
      if (!lead) return Status::NotFound("线索 " + std::string(id) + " 不存在");
      object.is_lead = true;
      object.lead = std::move(*lead);
      object.machine = procedure_.FindMachine("lead");
      SJ_ASSIGN_OR_RETURN(std::optional<store::LeadHandling> handling,
                          transaction_.lead_handling().GetHandling(id));
      if (handling) {
        object.handling = std::move(*handling);
        object.has_handling = true;
      } else {
        object.handling.lead_id = object.lead.id;
        object.handling.received_on = object.lead.created_at.substr(0, 10);
      }
      return object;
    }
    SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> matter, transaction_.matters().GetMatter(id));
    if (!matter) return Status::NotFound(Quote(id) + " 不存在（编号形如 C-000001、S-000001）");
    object.matter = std::move(*matter);
    object.machine = procedure_.FindMachine(object.matter.machine);
    if (object.machine == nullptr) {
      return Status::Corruption(Quote(id) + " 的流程「" + object.matter.machine +
                                "」在本程序中不存在");
    }
    object.attributes = ParseObject(object.matter.attributes_json);
    return object;
  }

  bool CanRead(const WorkObject& object) const {
    return object.is_lead ? policy_.CanReadLead(actor_, object.target())
                          : policy_.CanReadMatter(actor_, object.target());
  }

  Status Perform(const ActionRequest& request, Date on, ActionOutcome* outcome) {
    SJ_ASSIGN_OR_RETURN(WorkObject object, Load(request.object_id));
    const Machine& machine = *object.machine;
    if (!request.expected_machine.empty() && machine.name != request.expected_machine) {
      const Machine* expected = procedure_.FindMachine(request.expected_machine);
      return Status::InvalidArgument(request.object_id + " 是" + machine.title + "，不是" +
                                     (expected ? expected->title : request.expected_machine));
    }
    if (!CanRead(object)) {
      return Status::PermissionDenied(actor_.Describe() + "无权查看或办理 " + object.id());
    }
    const Transition* transition = machine.FindTransition(request.action);
    if (transition == nullptr) {
      std::vector<std::string> actions;
      for (const Transition& candidate : machine.transitions) {
        if (candidate.automatic.empty())
          actions.push_back(candidate.action + "（" + candidate.label + "）");
      }
      return Status::InvalidArgument(machine.title + "没有「" + request.action +
                                     "」这一办案行为；可用的有 " + JoinQuoted(actions));
    }
    std::string what = "对" + object.label() + "「" + transition->label + "」";
    if (!transition->automatic.empty()) {
      return Status::FailedPrecondition("「" + transition->label + "」由系统在" +
                                        procedure_.FindDeadline(transition->automatic)->title +
                                        "期限届满后自动记录，不能手工进行");
    }
    SJ_RETURN_IF_ERROR(CatchUp(object, on));
    SJ_RETURN_IF_ERROR(CheckState(object, *transition));
    if (!transition->if_kind.empty() &&
        std::find(transition->if_kind.begin(), transition->if_kind.end(), object.kind()) ==
            transition->if_kind.end()) {
      return Status::FailedPrecondition("不能" + what + "：只有" + JoinQuoted(transition->if_kind) +
                                        "类的" + machine.title + "可以这样做，而它是" +
                                        Quote(object.kind()));
    }
    SJ_RETURN_IF_ERROR(policy_.CheckAct(actor_, transition->roles, object.target(), what));
    SJ_RETURN_IF_ERROR(CheckDateOrder(object.id(), on, what));
    SJ_ASSIGN_OR_RETURN(Inputs inputs,
                        CheckInputs(transition->required, transition->optional, transition->fixed,
                                    request.inputs, request.files, what));
    for (const std::string& guard : transition->guards) {
      SJ_RETURN_IF_ERROR(CheckGuard(object, guard, on, what));
    }
    Act act{actor_, on, transition, std::move(inputs), Json::object(), outcome};
    SJ_RETURN_IF_ERROR(StoreFiles(object.id(), request.files, &act));
    return Apply(object, act);
  }

  Status Create(const Machine& machine, const CreateRequest& request, Date on,
                ActionOutcome* outcome) {
    if (!machine.creation || machine.creation->command.empty()) {
      return Status::InvalidArgument(machine.title + "不能直接创建");
    }
    const Creation& creation = *machine.creation;
    std::string what = creation.label;
    SJ_ASSIGN_OR_RETURN(Inputs inputs, CheckInputs(creation.required, creation.optional, {},
                                                   request.inputs, request.files, what));
    store::Matter matter;
    matter.machine = machine.name;
    matter.state = creation.state;
    matter.opened_on = on.ToIso();
    std::optional<WorkObject> parent;
    if (inputs.count("case") > 0) {
      SJ_ASSIGN_OR_RETURN(WorkObject loaded, Load(inputs["case"]));
      if (loaded.is_lead || loaded.machine->name != "case") {
        return Status::InvalidArgument(inputs["case"] + " 不是案件（案件编号形如 C-000001）");
      }
      parent = std::move(loaded);
    }
    if (parent) {
      if (!CanRead(*parent)) {
        return Status::PermissionDenied(actor_.Describe() + "无权查看或办理 " + parent->id());
      }
      SJ_RETURN_IF_ERROR(CatchUp(*parent, on));
      if (!machine.parent_states.empty() &&
          std::find(machine.parent_states.begin(), machine.parent_states.end(), parent->state()) ==
              machine.parent_states.end()) {
        return Status::FailedPrecondition(
            "不能" + what + "：案件 " + parent->id() + " 当前为「" + parent->state() +
            "」，只有在" + JoinQuoted(machine.parent_states) + "状态下才能" + what +
            (parent->state() == "立案"
                 ? "；请先送达立案决定书（shujian case serve_filing " + parent->id() + "）"
                 : ""));
      }
      SJ_RETURN_IF_ERROR(policy_.CheckAct(actor_, creation.roles, parent->target(),
                                          what + "（案件 " + parent->id() + "）"));
      SJ_RETURN_IF_ERROR(CheckDateOrder(parent->id(), on, what));
      matter.case_id = parent->id();
      matter.lead_id = parent->matter.lead_id;
      matter.org_code = parent->matter.org_code;
      matter.dept_code = parent->matter.dept_code;
      matter.handler = parent->matter.handler;
      matter.title = parent->matter.title;
    } else {
      ActTarget own{"", actor_.org.code, actor_.dept_code, actor_.login, ""};
      SJ_RETURN_IF_ERROR(policy_.CheckAct(actor_, creation.roles, own, what));
      matter.org_code = actor_.org.code;
      if (!creation.unassigned) {
        matter.dept_code = actor_.dept_code;
        matter.handler = actor_.login;
      }
    }
    if (auto it = inputs.find(machine.counterparty_field); it != inputs.end()) {
      matter.counterparty_org = it->second;
      if (matter.counterparty_org == matter.org_code) {
        return Status::InvalidArgument("不能" + what + "：主送单位不能是本院");
      }
    }
    if (auto it = inputs.find("type"); it != inputs.end()) matter.kind = it->second;
    if (machine.name == "clue_transfer") matter.kind = "移出";
    if (machine.name == "police_transfer" && matter.kind.empty()) matter.kind = "移送涉嫌犯罪线索";
    if (machine.name == "litigation" && parent) matter.kind = parent->matter.kind;
    matter.urgent = inputs.count("urgent") > 0 && inputs["urgent"] == "true";
    matter.title = DefaultTitle(machine, inputs, matter);
    if (auto it = inputs.find("title"); it != inputs.end()) matter.title = it->second;
    Json attributes = Json::object();
    for (const auto& [field, value] : inputs) {
      if (field == "case" || field == "title" || field == "urgent" || field == "type" ||
          field == machine.counterparty_field) {
        continue;
      }
      attributes[field] = value;
    }
    Act act{actor_, on, nullptr, inputs, Json::object(), outcome};
    SJ_ASSIGN_OR_RETURN(WorkObject created, NewMatter(machine, std::move(matter),
                                                      std::move(attributes), act, request.files));
    outcome->object_id = created.id();
    outcome->machine = machine.name;
    outcome->to_state = created.state();
    if (parent && !machine.parent_to.empty() && parent->state() != machine.parent_to) {
      SJ_RETURN_IF_ERROR(MoveParent(*parent, machine.parent_to, created, on));
    }
    return Status::Ok();
  }

  Status Intake(const LeadIntakeRequest& request, Date on, ActionOutcome* outcome) {
    const Machine& machine = *procedure_.FindMachine("lead");
    const Creation& creation = *machine.creation;
    ActTarget own{"", actor_.org.code, actor_.dept_code, actor_.login, ""};
    SJ_RETURN_IF_ERROR(policy_.CheckAct(actor_, creation.roles, own, "登记线索"));
    if (std::find(std::begin(kLeadSources), std::end(kLeadSources), request.source) ==
        std::end(kLeadSources)) {
      std::vector<std::string> sources(std::begin(kLeadSources), std::end(kLeadSources));
      return Status::InvalidArgument("线索来源" + Quote(request.source) + "不认识；可用的有 " +
                                     JoinQuoted(sources) + "（模型线索由 shujian run 产生）");
    }
    store::LeadIntake intake;
    intake.source = request.source;
    SJ_ASSIGN_OR_RETURN(intake.subject, NormalizeSubject(request, on));
    intake.title = TrimSpaces(request.title);
    if (intake.title.empty()) return Status::InvalidArgument("线索缺少标题（--title）");
    Json facts = Json::object();
    if (!TrimSpaces(request.facts).empty()) facts["描述"] = TrimSpaces(request.facts);
    intake.facts_json = facts.dump();
    intake.legal_basis = TrimSpaces(request.legal_basis);
    if (!request.addressee.empty()) {
      SJ_ASSIGN_OR_RETURN(store::Organisation agency,
                          FindOrganisation(request.addressee, "被监督单位"));
      intake.addressee = agency.name;
    }
    Date received = request.received_on.value_or(on);
    if (received > on) return Status::InvalidArgument("接收日期不能晚于登记日期");
    std::string now = context_.clock->Now().ToIso();
    SJ_ASSIGN_OR_RETURN(std::string lead_id, transaction_.lead_handling().CreateLead(intake, now));
    SJ_ASSIGN_OR_RETURN(WorkObject lead, Load(lead_id));
    lead.handling.org_code = actor_.org.code;
    lead.handling.dept_code = actor_.dept_code;
    lead.handling.received_on = received.ToIso();
    Json detail = Json::object();
    if (!request.deputy.empty()) detail["deputy"] = request.deputy;
    if (!request.from_org.empty()) detail["from_org"] = request.from_org;
    lead.handling.source_detail_json = detail.dump();
    lead.has_handling = true;

    Act act{actor_, on, nullptr, {}, Json::object(), outcome};
    for (const DeadlineStart& start : creation.starts)
      SJ_RETURN_IF_ERROR(StartDeadline(lead, start, act));
    SJ_RETURN_IF_ERROR(SaveLead(lead));
    Json event_inputs = {{"source", request.source}, {"received_on", received.ToIso()}};
    SJ_RETURN_IF_ERROR(
        AddEvent(lead.id(), "add", creation.label, "", lead.state(), actor_, on, event_inputs));
    SJ_RETURN_IF_ERROR(Audit(actor_, "lead.add", "lead", lead.id(), "登记线索：" + intake.title,
                             Json::object(), lead.Snapshot()));
    outcome->object_id = lead.id();
    outcome->machine = "lead";
    outcome->to_state = lead.state();

    if (request.source == "代表委员建议") {
      if (TrimSpaces(request.deputy).empty()) {
        return Status::InvalidArgument("代表委员建议须写明代表或委员的姓名（--deputy）");
      }
      store::Matter matter = MatterFrom(lead);
      if (!request.from_org.empty()) {
        SJ_ASSIGN_OR_RETURN(store::Organisation congress,
                            FindOrganisation(request.from_org, "人大"));
        if (congress.kind != "人大") return Status::InvalidArgument(congress.name + " 不是人大");
        matter.counterparty_org = congress.code;
      }
      matter.title = TrimSpaces(request.deputy) + "代表建议：" + intake.title;
      SJ_ASSIGN_OR_RETURN(WorkObject deputy,
                          NewMatter(*procedure_.FindMachine("deputy_suggestion"), std::move(matter),
                                    Json{{"deputy", TrimSpaces(request.deputy)}}, act, {}));
      (void)deputy;
    } else if (request.source == "纪委监委移送") {
      if (request.from_org.empty()) {
        return Status::InvalidArgument("纪委监委移送的线索须写明移送单位（--from 组织编码）");
      }
      SJ_ASSIGN_OR_RETURN(store::Organisation commission,
                          FindOrganisation(request.from_org, "移送单位"));
      if (commission.kind != "纪委监委")
        return Status::InvalidArgument(commission.name + " 不是纪委监委");
      store::Matter matter = MatterFrom(lead);
      matter.kind = "移入";
      matter.counterparty_org = commission.code;
      matter.title = commission.name + "移送：" + intake.title;
      SJ_ASSIGN_OR_RETURN(WorkObject transfer,
                          NewMatter(*procedure_.FindMachine("clue_transfer"), std::move(matter),
                                    Json::object(), act, {}, "已接收"));
      (void)transfer;
    }
    return Status::Ok();
  }

  // Performs the automatic transitions of `object` whose deadlines passed before `until`.
  Status CatchUp(WorkObject& object, Date until) {
    for (int round = 0; round < 8; ++round) {
      bool changed = false;
      for (const Transition& transition : object.machine->transitions) {
        if (transition.automatic.empty() || !InState(object, transition.from)) continue;
        SJ_ASSIGN_OR_RETURN(std::vector<store::Deadline> deadlines,
                            transaction_.matters().ListDeadlines(
                                {.object_id = object.id(), .name = transition.automatic}));
        for (const store::Deadline& deadline : deadlines) {
          if (deadline.state != "open") continue;
          Result<Date> due = ParseDate(deadline.due_on);
          if (!due.ok() || *due >= until) continue;
          ActionOutcome ignored;
          Act act{system_, due->AddDays(1), &transition, {}, Json::object(), &ignored};
          SJ_RETURN_IF_ERROR(Apply(object, act));
          sweep_log_.push_back(object.id() + " " + transition.label + "（" + act.on.ToIso() + "）");
          changed = true;
          break;
        }
        if (changed) break;
      }
      if (!changed) break;
    }
    return Status::Ok();
  }

  const std::vector<std::string>& sweep_log() const { return sweep_log_; }

 private:
  static bool InState(const WorkObject& object, const std::vector<std::string>& states) {
    return std::find(states.begin(), states.end(), object.state()) != states.end();
  }

  Status CheckState(const WorkObject& object, const Transition& transition) {
    if (InState(object, transition.from)) return Status::Ok();
    const Machine& machine = *object.machine;
    std::string message = "不能对" + object.label() + "「" + transition.label + "」：它当前为「" +
                          object.state() + "」，而「" + transition.label + "」只能在" +
                          JoinQuoted(transition.from) + "状态下进行";
    if (machine.IsFinal(object.state())) return Status::FailedPrecondition(message + "；它已办结");
    std::vector<std::string> leading;  // acts from the current state that reach a `from` state
    std::vector<std::string> possible;
    for (const Transition& candidate : machine.transitions) {
      if (!candidate.automatic.empty() || !InState(object, candidate.from)) continue;
      std::string how = candidate.label + "（shujian " + machine.command + " " + candidate.action +
                        " " + object.id() + "）";
      possible.push_back(how);
      std::vector<std::string> targets;
      if (!candidate.to.by_field.empty()) {
        for (const auto& [value, state] : candidate.to.by_value) targets.push_back(state);
      } else {
        targets.push_back(candidate.to.state);
      }
      for (const std::string& target : targets) {
        if (std::find(transition.from.begin(), transition.from.end(), target) !=
            transition.from.end()) {
          leading.push_back(how);
          break;
        }
      }
    }
    if (!leading.empty()) {
      message += "；请先" + JoinQuoted(leading);
    } else if (!possible.empty()) {
      message += "；当前可以进行的有 " + JoinQuoted(possible);
    }
    return Status::FailedPrecondition(message);
  }

  Status CheckDateOrder(const std::string& object_id, Date on, const std::string& what) {
    SJ_ASSIGN_OR_RETURN(std::vector<store::WorkflowEvent> events,
                        transaction_.matters().ListEvents(object_id));
    for (const store::WorkflowEvent& event : events) {
      if (event.acted_on > on.ToIso()) {
        return Status::FailedPrecondition("不能" + what + "：日期 " + on.ToIso() +
                                          " 早于该事项已记录的" + Quote(event.label) + "（" +
                                          event.acted_on + "）；办案行为须按时间顺序记录");
      }
    }
    return Status::Ok();
  }

  Result<store::Organisation> FindOrganisation(const std::string& code_or_name,
                                               const std::string& what) {
    SJ_ASSIGN_OR_RETURN(std::optional<store::Organisation> org,
                        transaction_.orgs().GetOrganisation(code_or_name));
    if (org) return *org;
    SJ_ASSIGN_OR_RETURN(std::vector<store::Organisation> all,
                        transaction_.orgs().ListOrganisations());
    for (store::Organisation& candidate : all) {
      if (candidate.name == code_or_name) return candidate;
    }
    return Status::NotFound(what + Quote(code_or_name) +
                            "不存在；请用组织编码（shujian org list 查看）");
  }

  // The value of one input, checked and normalised by its field's type.
  Result<std::string> NormalizeInput(const FieldRule& field, const Requirement& requirement,
                                     const std::string& raw, const std::string& what) {
    std::string label =
        (requirement.label.empty() ? field.label : requirement.label) + "（" + field.option + "）";
    std::string value = field.type == FieldType::kTextFile ? raw : TrimSpaces(raw);
    if (!IsValidUtf8(value))
      return Status::InvalidArgument(what + "：" + label + "不是 UTF-8 文字");
    if (value.empty()) return Status::InvalidArgument(what + "：" + label + "不能为空");
    if (field.type != FieldType::kTextFile && CodePointCount(value) > kMaxTextLength) {
      return Status::InvalidArgument(what + "：" + label + "过长（超过" +
                                     std::to_string(kMaxTextLength) + "字）");
    }
    if (!requirement.values.empty() &&
        std::find(requirement.values.begin(), requirement.values.end(), value) ==
            requirement.values.end()) {
      return Status::InvalidArgument(what + "：" + label + "不能是" + Quote(value) + "；可选：" +
                                     JoinQuoted(requirement.values));
    }
    switch (field.type) {
      case FieldType::kText:
      case FieldType::kEnum:
      case FieldType::kFile:
        return value;
      case FieldType::kTextFile: {
        Result<DocumentBody> body = ParseDocumentBody(value);
        if (!body.ok())
          return Status::InvalidArgument(what + "：" + label + "：" + body.status().message());
        return value;
      }
      case FieldType::kOrg: {
        SJ_ASSIGN_OR_RETURN(store::Organisation org, FindOrganisation(value, label));
        if (!org.active) return Status::FailedPrecondition(label + Quote(org.name) + "已停用");
        return org.code;
      }
      case FieldType::kUser: {
        SJ_ASSIGN_OR_RETURN(std::optional<store::User> user, transaction_.orgs().GetUser(value));
        if (!user) return Status::NotFound(label + "：用户" + Quote(value) + "不存在");
        if (!user->active)
          return Status::FailedPrecondition(label + "：用户" + Quote(value) + "已停用");
        return value;
      }
      case FieldType::kLead: {
        SJ_ASSIGN_OR_RETURN(std::optional<store::Lead> lead, transaction_.leads().GetLead(value));
        if (!lead) return Status::NotFound(label + "：线索" + Quote(value) + "不存在");
        return value;
      }
      case FieldType::kMatter: {
        SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> matter,
                            transaction_.matters().GetMatter(value));
        if (!matter) return Status::NotFound(label + "：" + Quote(value) + "不存在");
        return value;
      }
      case FieldType::kDate: {
        Result<Date> date = ParseDate(value);
        if (!date.ok())
          return Status::InvalidArgument(what + "：" + label + "：" + date.status().message());
        return date->ToIso();
      }
      case FieldType::kFlag: {
        if (value == "true" || value == "1" || value == "是") return std::string("true");
        if (value == "false" || value == "0" || value == "否") return std::string("false");
        return Status::InvalidArgument(what + "：" + label + "应为 true 或 false");
      }
      case FieldType::kInt: {
        Result<int64_t> number = ParseFixedPoint(value, {.scale = 0});
        if (!number.ok() || *number < 0) {
          return Status::InvalidArgument(what + "：" + label + "应为非负整数，而不是" +
                                         Quote(value));
        }
        return std::to_string(*number);
      }
      case FieldType::kDecimal: {
        Result<Decimal> number = ParseDecimal(value);
        if (!number.ok() || number->millionths() < 0) {
          return Status::InvalidArgument(what + "：" + label + "应为非负数，而不是" + Quote(value));
        }
        return number->ToString();
      }
      case FieldType::kMoney: {
        Result<Money> money = ParseMoney(value);
        if (!money.ok() || money->fen() < 0) {
          return Status::InvalidArgument(what + "：" + label + "应为金额（元），而不是" +
                                         Quote(value));
        }
        return money->ToString();
      }
    }
    return value;
  }

  static bool WhenHolds(const std::map<std::string, std::string>& when, const Inputs& inputs) {
    for (const auto& [field, value] : when) {
      auto it = inputs.find(field);
      if (it == inputs.end() || it->second != value) return false;
    }
    return true;
  }

  std::string Describe(const Requirement& requirement) const {
    return DescribeRequirement(procedure_, requirement);
  }

  Result<Inputs> CheckInputs(const std::vector<Requirement>& required,
                             const std::vector<Requirement>& optional,
                             const std::map<std::string, std::string>& fixed, const Inputs& raw,
                             const std::map<std::string, Upload>& files, const std::string& what) {
    Inputs inputs;
    for (const auto& [field, value] : raw) inputs[field] = value;
    for (const auto& [field, value] : fixed) {
      if (auto it = inputs.find(field); it != inputs.end() && TrimSpaces(it->second) != value) {
        return Status::InvalidArgument(what + "：" + procedure_.FindField(field)->label + "只能是" +
                                       Quote(value));
      }
      inputs[field] = value;
    }
    std::map<std::string, const Requirement*> accepted;
    for (const Requirement& requirement : optional) accepted[requirement.field] = &requirement;
    for (const Requirement& requirement : required) accepted[requirement.field] = &requirement;
    auto refuse_unknown = [&](const std::string& field) {
      const FieldRule* rule = procedure_.FindField(field);
      return Status::InvalidArgument(
          what + "不需要" + (rule ? rule->label + "（" + rule->option + "）" : Quote(field)));
    };
    for (const auto& [field, value] : inputs) {
      if (fixed.count(field) > 0) continue;
      auto it = accepted.find(field);
      if (it == accepted.end()) return refuse_unknown(field);
      const FieldRule* rule = procedure_.FindField(field);
      if (rule->type == FieldType::kFile) {
        return Status::InvalidArgument(what + "：" + rule->label + "须以文件提供（" + rule->option +
                                       " 文件）");
      }
    }
    for (const auto& [field, upload] : files) {
      auto it = accepted.find(field);
      if (it == accepted.end()) return refuse_unknown(field);
      if (procedure_.FindField(field)->type != FieldType::kFile) return refuse_unknown(field);
    }
    std::vector<std::string> missing;
    for (const Requirement& requirement : required) {
      if (!WhenHolds(requirement.when, inputs)) continue;
      const FieldRule* rule = procedure_.FindField(requirement.field);
      bool present = rule->type == FieldType::kFile ? files.count(requirement.field) > 0
                                                    : inputs.count(requirement.field) > 0;
      if (!present) missing.push_back(Describe(requirement));
    }
    if (!missing.empty()) {
      std::string list;
      for (const std::string& item : missing) list += (list.empty() ? "" : "、") + item;
      return Status::InvalidArgument("不能" + what + "：缺少" + list);
    }
    Inputs normalized;
    for (const auto& [field, value] : inputs) {
      if (fixed.count(field) > 0) {
        normalized[field] = value;
        continue;
      }
      SJ_ASSIGN_OR_RETURN(normalized[field], NormalizeInput(*procedure_.FindField(field),
                                                            *accepted[field], value, what));
    }
    return normalized;
  }

  Status StoreFiles(const std::string& object_id, const std::map<std::string, Upload>& files,
                    Act* act) {
    const AttachmentRules& rules = procedure_.attachments();
    for (const auto& [field, upload] : files) {
      const FieldRule* rule = procedure_.FindField(field);
      SJ_ASSIGN_OR_RETURN(CheckedUpload checked,
                          CheckUpload(upload, rules.types, rules.max_bytes, rule->label));
      store::Attachment attachment;
      attachment.sha256 = checked.sha256;
      attachment.size = checked.size;
      attachment.media_type = checked.media_type;
      attachment.file_name = checked.file_name;
      attachment.purpose = rule->label;
      attachment.object_id = object_id;
      attachment.uploaded_by = act->actor.login;
      attachment.uploaded_at = context_.clock->Now().ToIso();
      attachment.content = upload.content;
      SJ_ASSIGN_OR_RETURN(std::string id, transaction_.attachments().AddAttachment(attachment));
      act->stored_files[field] = {{"attachment", id},
                                  {"file", checked.file_name},
                                  {"sha256", checked.sha256},
                                  {"size", checked.size}};
      act->inputs[field] = id;
    }
    return Status::Ok();
  }

  Status CheckGuard(const WorkObject& object, const std::string& guard, Date on,
                    const std::string& what) {
    if (guard == "dispositions_final") {
      store::MatterFilter filter;
      if (object.machine->name == "case") {
        filter.case_id = object.id();
      } else {
        filter.parent_id = object.id();
      }
      SJ_ASSIGN_OR_RETURN(std::vector<store::Matter> children,
                          transaction_.matters().ListMatters(filter));
      std::vector<std::string> open;
      for (const store::Matter& child : children) {
        const Machine* machine = procedure_.FindMachine(child.machine);
        if (machine != nullptr && !machine->IsFinal(child.state)) {
          open.push_back(child.id + "（" + machine->title + "，" + child.state + "）");
        }
      }
      if (!open.empty()) {
        return Status::FailedPrecondition("不能" + what + "：尚有未办结的处置 " + JoinQuoted(open) +
                                          "；请先办结它们");
      }
      return Status::Ok();
    }
    if (guard.starts_with("overdue:")) {
      std::string name = guard.substr(8);
      SJ_ASSIGN_OR_RETURN(std::vector<store::Deadline> deadlines,
                          transaction_.matters().ListDeadlines(
                              {.object_id = object.id(), .name = name, .active_only = true}));
      for (const store::Deadline& deadline : deadlines) {
        if (deadline.due_on < on.ToIso()) return Status::Ok();
      }
      const DeadlineRule* rule = procedure_.FindDeadline(name);
      return Status::FailedPrecondition("不能" + what + "：" + rule->title + "期限" +
                                        (deadlines.empty()
                                             ? std::string("尚未开始")
                                             : "到 " + deadlines.front().due_on + " 才届满") +
                                        "，届满后才能这样做");
    }
    if (guard.starts_with("done:")) {
      std::string action = guard.substr(5);
      SJ_ASSIGN_OR_RETURN(std::vector<store::WorkflowEvent> events,
                          transaction_.matters().ListEvents(object.id()));
      for (const store::WorkflowEvent& event : events) {
        if (event.action == action) return Status::Ok();
      }
      const Transition* needed = object.machine->FindTransition(action);
      return Status::FailedPrecondition("不能" + what + "：须先「" +
                                        (needed ? needed->label : action) + "」");
    }
    return Status::Internal("未实现的条件 " + guard);
  }

  Result<std::string> ResolveTarget(const WorkObject& object, const Transition& transition,
                                    const Inputs& inputs) {
    std::string state = transition.to.state;
    if (!transition.to.by_field.empty()) {
      auto value = inputs.find(transition.to.by_field);
      if (value == inputs.end()) return Status::Internal("流转目标所依据的字段缺失");
      auto target = transition.to.by_value.find(value->second);
      if (target == transition.to.by_value.end()) {
        return Status::InvalidArgument(procedure_.FindField(transition.to.by_field)->label +
                                       "不能是" + Quote(value->second));
      }
      state = target->second;
    }
    if (state == "$same") return object.state();
    if (state == "$resume") {
      if (!object.attributes.contains("resume_state"))
        return Status::Corruption("缺少异议前的状态");
      return object.attributes["resume_state"].get<std::string>();
    }
    return state;
  }

  // Applies a checked act: effects, state, deadlines, event, audit.
  Status Apply(WorkObject& object, Act& act) {
    const Transition& transition = *act.transition;
    Json before = object.Snapshot();
    std::string from = object.state();
    SJ_ASSIGN_OR_RETURN(std::string to, ResolveTarget(object, transition, act.inputs));
    if (!object.is_lead && !act.inputs.empty()) {
      Json recorded = Json::object();
      for (const auto& [field, value] : act.inputs) recorded[field] = value;
      object.attributes["acts"][transition.action] = recorded;
    }
    for (const std::string& effect : transition.effects) {
      SJ_RETURN_IF_ERROR(RunEffect(object, effect, act));
    }
    object.set_state(to);
    bool final = object.machine->IsFinal(to);
    if (final && !object.is_lead) object.matter.closed_on = act.on.ToIso();
    SJ_RETURN_IF_ERROR(StopDeadlines(object.id(), transition.stops, act.on));
    if (!transition.stops_on_case.empty() && !object.is_lead && !object.matter.case_id.empty()) {
      SJ_RETURN_IF_ERROR(StopDeadlines(object.matter.case_id, transition.stops_on_case, act.on));
    }
    SJ_RETURN_IF_ERROR(PauseDeadlines(object.id(), transition.pauses, act.on));
    SJ_RETURN_IF_ERROR(ResumeDeadlines(object.id(), transition.resumes, act));
    for (const DeadlineStart& start : transition.starts)
      SJ_RETURN_IF_ERROR(StartDeadline(object, start, act));
    if (final) SJ_RETURN_IF_ERROR(CancelDeadlines(object.id(), act.on));
    SJ_RETURN_IF_ERROR(Save(object));
    Json event_inputs = Json::object();
    for (const auto& [field, value] : act.inputs) event_inputs[field] = value;
    for (auto& [field, file] : act.stored_files.items()) event_inputs[field] = file;
    SJ_RETURN_IF_ERROR(AddEvent(object.id(), transition.action, transition.label, from, to,
                                act.actor, act.on, event_inputs));
    SJ_RETURN_IF_ERROR(
        Audit(act.actor, object.machine->name + "." + transition.action, object.machine->name,
              object.id(), transition.label + "：" + from + " → " + to, before, object.Snapshot()));
    act.outcome->object_id = object.id();
    act.outcome->machine = object.machine->name;
    act.outcome->from_state = from;
    act.outcome->to_state = to;
    return Status::Ok();
  }

  // ---- persistence ----

  Status SaveLead(WorkObject& lead) {
    std::string now = context_.clock->Now().ToIso();
    SJ_RETURN_IF_ERROR(
        transaction_.lead_handling().SetLeadStatus(lead.lead.id, lead.lead.status, now));
    lead.handling.updated_at = now;
    lead.has_handling = true;
    return transaction_.lead_handling().PutHandling(lead.handling);
  }

  Status Save(WorkObject& object) {
    if (object.is_lead) return SaveLead(object);
    object.matter.attributes_json = object.attributes.dump();
    object.matter.updated_at = context_.clock->Now().ToIso();
    return transaction_.matters().UpdateMatter(object.matter);
  }

  Status AddEvent(const std::string& object_id, const std::string& action, const std::string& label,
                  const std::string& from, const std::string& to, const Actor& actor, Date on,
                  const Json& inputs) {
    store::WorkflowEvent event;
    event.object_id = object_id;
    event.action = action;
    event.label = label;
    event.from_state = from;
    event.to_state = to;
    event.actor = actor.login;
    event.acted_on = on.ToIso();
    event.recorded_at = context_.clock->Now().ToIso();
    event.inputs_json = inputs.dump();
    return transaction_.matters().AppendEvent(event).status();
  }

  Status Audit(const Actor& actor, const std::string& action, const std::string& object_type,
               const std::string& object_id, const std::string& summary, const Json& before,
               const Json& after) {
    AuditEntry entry;
    entry.action = action;
    entry.object_type = object_type;
    entry.object_id = object_id;
    entry.summary = summary;
    entry.before_json = before.dump();
    entry.after_json = after.dump();
    return context_.audit->Record(transaction_, actor, entry);
  }

  // ---- deadlines ----

  Result<Date> DeadlineBase(const WorkObject& object, const DeadlineRule& rule, Date on,
                            std::vector<std::string>* notes) {
    if (rule.base == "act") return on;
    if (rule.base == "received") {
      Result<Date> received = ParseDate(object.handling.received_on);
      return received.ok() ? *received : on;
    }
    if (rule.base.starts_with("attr:")) {
      std::string field = rule.base.substr(5);
      if (object.attributes.contains(field) && object.attributes[field].is_string()) {
        Result<Date> date = ParseDate(object.attributes[field].get<std::string>());
        if (date.ok()) return *date;
      }
      notes->push_back(rule.title + "期限：未记录" + Quote(field) + "，从本次办案行为之日起算");
      return on;
    }
    std::string other = rule.base.substr(4);  // due:<deadline>
    SJ_ASSIGN_OR_RETURN(
        std::vector<store::Deadline> deadlines,
        transaction_.matters().ListDeadlines({.object_id = object.id(), .name = other}));
    if (!deadlines.empty()) {
      Result<Date> due = ParseDate(deadlines.back().due_on);
      if (due.ok()) return *due;
    }
    return on;
  }

  Status StartDeadline(WorkObject& object, const DeadlineStart& start, Act& act) {
    if (!WhenHolds(start.when, act.inputs)) return Status::Ok();
    if (!start.if_kind.empty() && std::find(start.if_kind.begin(), start.if_kind.end(),
                                            object.kind()) == start.if_kind.end()) {
      return Status::Ok();
    }
    const DeadlineRule& rule = *procedure_.FindDeadline(start.deadline);
    SJ_ASSIGN_OR_RETURN(std::vector<store::Deadline> existing,
                        transaction_.matters().ListDeadlines(
                            {.object_id = object.id(), .name = rule.name, .active_only = true}));
    std::string handler = rule.for_approvers ? "" : object.handler();
    if (!existing.empty()) {  // already running: keep its due date, follow the handler
      for (store::Deadline& deadline : existing) {
        if (deadline.handler != handler) {
          deadline.handler = handler;
          SJ_RETURN_IF_ERROR(transaction_.matters().UpdateDeadline(deadline));
        }
      }
      return Status::Ok();
    }
    bool urgent = !object.is_lead && object.matter.urgent && rule.urgent_period.has_value();
    const PeriodSpec& period = urgent ? *rule.urgent_period : rule.period;
    std::vector<std::string> notes;
    SJ_ASSIGN_OR_RETURN(Date base, DeadlineBase(object, rule, act.on, &notes));
    DueDate due = ComputeDue(base, period, *context_.calendar, rule.holiday_extends);
    store::Deadline deadline;
    deadline.object_id = object.id();
    deadline.name = rule.name;
    deadline.title = rule.title;
    deadline.base_on = base.ToIso();
    deadline.due_on = due.due.ToIso();
    deadline.period = period.ToString() + (urgent ? "（紧急）" : "");
    deadline.handler = handler;
    deadline.org_code = object.org_code();
    deadline.counterparty_org =
        rule.notify_counterparty && !object.is_lead ? object.matter.counterparty_org : "";
    for (const std::string& note : due.notes)
      deadline.note += (deadline.note.empty() ? "" : "；") + note;
    SJ_RETURN_IF_ERROR(transaction_.matters().AddDeadline(deadline).status());
    act.outcome->notes.push_back(rule.title + "期限：" + deadline.due_on + "（自 " +
                                 deadline.base_on + " 起" + deadline.period + "）");
    for (const std::string& note : notes) act.outcome->notes.push_back(note);
    for (const std::string& note : due.notes) act.outcome->notes.push_back(note);
    return Status::Ok();
  }

  // Calls `change` on every running (open or paused) deadline of `object_id` named in `names` (all
  // of them when `names` is null) and saves those for which it returns true.
  Status ChangeRunningDeadlines(const std::string& object_id, const std::vector<std::string>* names,
                                const std::function<Result<bool>(store::Deadline&)>& change) {
    SJ_ASSIGN_OR_RETURN(
        std::vector<store::Deadline> deadlines,
        transaction_.matters().ListDeadlines({.object_id = object_id, .active_only = true}));
    for (store::Deadline& deadline : deadlines) {
      if (names != nullptr &&
          std::find(names->begin(), names->end(), deadline.name) == names->end()) {
        continue;
      }
      SJ_ASSIGN_OR_RETURN(bool changed, change(deadline));
      if (changed) SJ_RETURN_IF_ERROR(transaction_.matters().UpdateDeadline(deadline));
    }
    return Status::Ok();
  }

  Status StopDeadlines(const std::string& object_id, const std::vector<std::string>& names,
                       Date on) {
    return ChangeRunningDeadlines(object_id, &names,
                                  [&](store::Deadline& deadline) -> Result<bool> {
                                    deadline.state = "done";
                                    deadline.closed_on = on.ToIso();
                                    return true;
                                  });
  }

  Status CancelDeadlines(const std::string& object_id, Date on) {
    return ChangeRunningDeadlines(object_id, nullptr,
                                  [&](store::Deadline& deadline) -> Result<bool> {
                                    deadline.state = "cancelled";
                                    deadline.closed_on = on.ToIso();
                                    return true;
                                  });
  }

  Status PauseDeadlines(const std::string& object_id, const std::vector<std::string>& names,
                        Date on) {
    return ChangeRunningDeadlines(object_id, &names,
                                  [&](store::Deadline& deadline) -> Result<bool> {
                                    if (deadline.state != "open") return false;
                                    deadline.state = "paused";
                                    deadline.paused_on = on.ToIso();
                                    return true;
                                  });
  }

  // A resumed period keeps what was left of it when paused: the days (or working days) between the
  // pause and the old due date run again from the resumption.
  Status ResumeDeadlines(const std::string& object_id, const std::vector<std::string>& names,
                         Act& act) {
    return ChangeRunningDeadlines(
        object_id, &names, [&](store::Deadline& deadline) -> Result<bool> {
          if (deadline.state != "paused") return false;
          Result<Date> paused = ParseDate(deadline.paused_on);
          Result<Date> due = ParseDate(deadline.due_on);
          if (!paused.ok() || !due.ok()) return Status::Corruption("期限日期无法读取");
          const DeadlineRule* rule = procedure_.FindDeadline(deadline.name);
          Date new_due;
          if (rule->period.unit == PeriodUnit::kWorkingDays) {
            int remaining = context_.calendar->WorkingDaysBetween(*paused, *due);
            new_due = context_.calendar->AddWorkingDays(act.on, remaining);
          } else {
            new_due = due->AddDays(act.on.DaysSince(*paused));
            if (rule->holiday_extends) new_due = context_.calendar->OnOrNextWorkingDay(new_due);
          }
          std::string note = "中止 " + deadline.paused_on + " 至 " + act.on.ToIso() + "，期限由 " +
                             deadline.due_on + " 顺延至 " + new_due.ToIso();
          deadline.note += (deadline.note.empty() ? "" : "；") + note;
          deadline.state = "open";
          deadline.paused_on.clear();
          deadline.due_on = new_due.ToIso();
          act.outcome->notes.push_back(rule->title + "期限" + note);
          return true;
        });
  }

  // ---- matters created by acts ----

  store::Matter MatterFrom(const WorkObject& lead) {
    store::Matter matter;
    matter.lead_id = lead.lead.id;
    matter.org_code = lead.handling.org_code.empty() ? actor_.org.code : lead.handling.org_code;
    matter.dept_code = lead.handling.org_code.empty() ? actor_.dept_code : lead.handling.dept_code;
    matter.handler = lead.handling.assignee.empty() ? actor_.login : lead.handling.assignee;
    matter.title = lead.lead.title;
    return matter;
  }

  std::string DefaultTitle(const Machine& machine, const Inputs& inputs,
                           const store::Matter& matter) {
    if (machine.name == "opinion") {
      return inputs.count("person_name")
                 ? inputs.at("person_name") + "不起诉案（" + inputs.at("decision_no") + "）反向衔接"
                 : machine.title;
    }
    std::string base = matter.title.empty() ? machine.title : matter.title;
    return base;
  }

  // Stores a new matter of `machine` in `state` (default: its creation state), with its creation
  // effects, deadlines, event and audit row.
  Result<WorkObject> NewMatter(const Machine& machine, store::Matter matter, Json attributes,
                               Act& act, const std::map<std::string, Upload>& files,
                               std::string state = "") {
    const Creation* creation = machine.creation ? &*machine.creation : nullptr;
    matter.machine = machine.name;
    matter.state = !state.empty() ? state
                   : creation     ? creation->state
                                  : machine.states.front().name;
    if (matter.opened_on.empty()) matter.opened_on = act.on.ToIso();
    matter.created_at = matter.updated_at = context_.clock->Now().ToIso();
    matter.attributes_json = attributes.dump();
    if (!matter.counterparty_org.empty() && matter.counterparty_org == matter.org_code) {
      return Status::InvalidArgument("主送或移送单位不能是本院");
    }
    SJ_ASSIGN_OR_RETURN(std::string id,
                        transaction_.matters().CreateMatter(matter, machine.id_prefix));
    SJ_ASSIGN_OR_RETURN(WorkObject object, Load(id));
    Act own{act.actor, act.on, nullptr, act.inputs, Json::object(), act.outcome};
    SJ_RETURN_IF_ERROR(StoreFiles(id, files, &own));
    if (creation != nullptr) {
      for (const std::string& effect : creation->effects)
        SJ_RETURN_IF_ERROR(RunEffect(object, effect, own));
      for (const DeadlineStart& start : creation->starts)
        SJ_RETURN_IF_ERROR(StartDeadline(object, start, own));
    }
    SJ_RETURN_IF_ERROR(Save(object));
    Json event_inputs = Json::object();
    for (const auto& [field, value] : own.inputs) event_inputs[field] = value;
    for (auto& [field, file] : own.stored_files.items()) event_inputs[field] = file;
    std::string label = creation != nullptr ? creation->label : machine.title;
    SJ_RETURN_IF_ERROR(
        AddEvent(id, "create", label, "", object.state(), act.actor, act.on, event_inputs));
    SJ_RETURN_IF_ERROR(Audit(act.actor, machine.name + ".create", machine.name, id,
                             label + "：" + object.matter.title, Json::object(),
                             object.Snapshot()));
    act.outcome->created.push_back(id);
    act.outcome->notes.push_back(
        "已建立" + machine.title + " " + id +
        (object.matter.doc_number.empty() ? "" : "（" + object.matter.doc_number + "）"));
    return object;
  }

  Status MoveParent(WorkObject& parent, const std::string& state, const WorkObject& child,
                    Date on) {
    Json before = parent.Snapshot();
    std::string from = parent.state();
    parent.set_state(state);
    SJ_RETURN_IF_ERROR(Save(parent));
    std::string label = "处置：" + child.machine->title + " " + child.id();
    SJ_RETURN_IF_ERROR(AddEvent(parent.id(), "dispose", label, from, state, actor_, on,
                                Json{{"disposition", child.id()}}));
    return Audit(actor_, parent.machine->name + ".dispose", parent.machine->name, parent.id(),
                 label + "：" + from + " → " + state, before, parent.Snapshot());
  }

  // ---- effects ----

  Status RunEffect(WorkObject& object, const std::string& effect, Act& act) {
    std::string name = effect.substr(0, effect.find(':'));
    std::string argument =
        effect.find(':') == std::string::npos ? "" : effect.substr(effect.find(':') + 1);
    if (name == "assign") return EffectAssign(object, act);
    if (name == "evaluate") return EffectEvaluate(object, act);
    if (name == "allocate_number") return EffectAllocateNumber(object, argument, act);
    if (name == "reassign") return EffectReassign(object, act);
    if (name == "take_over") return EffectTakeOver(object, act);
    if (name == "record_reply") return EffectRecordReply(object, act);
    if (name == "verify_rectification") return EffectVerify(object, act);
    if (name == "record_heritage_outcome") return EffectHeritageOutcome(object, act);
    if (name == "start_litigation") return EffectStartLitigation(object, act);
    if (name == "save_resume_state") {
      object.attributes["resume_state"] = object.state();
      return Status::Ok();
    }
    return Status::Internal("未实现的效果 " + name);
  }

  // A user who may handle matters of `org_code` (a procuratorate role that handles cases).
  Result<store::User> Handler(const std::string& login, const std::string& org_code,
                              const std::string& what) {
    SJ_ASSIGN_OR_RETURN(std::optional<store::User> user, transaction_.orgs().GetUser(login));
    if (!user) return Status::NotFound("用户" + Quote(login) + "不存在");
    bool handles = false;
    for (const std::string& role : user->roles) {
      const RoleRule* rule = procedure_.access().FindRole(role);
      if (rule != nullptr && rule->handles) handles = true;
    }
    if (!handles)
      return Status::InvalidArgument(what + "：" + login + " 没有办案角色，不能作为承办人");
    if (!org_code.empty() && user->org_code != org_code) {
      return Status::InvalidArgument(what + "：" + login + " 不是承办院的人员");
    }
    return *user;
  }

  Status EffectAssign(WorkObject& lead, Act& act) {
    std::string org = lead.handling.org_code;
    SJ_ASSIGN_OR_RETURN(store::User assignee, Handler(act.inputs["assignee"], "", "分派线索"));
    if (org.empty()) {
      // Claiming a lead from the pool: one's own procuratorate, or (the city) any procuratorate.
      if (!actor_.SeesAll() && assignee.org_code != actor_.org.code) {
        return Status::InvalidArgument("分派线索：" + assignee.login + " 不是本院人员");
      }
    } else if (assignee.org_code != org) {
      return Status::InvalidArgument("分派线索：" + assignee.login + " 不是该线索所属院的人员");
    }
    lead.handling.org_code = assignee.org_code;
    lead.handling.dept_code = assignee.dept_code;
    lead.handling.assignee = assignee.login;
    act.outcome->notes.push_back("承办人：" + assignee.name + "（" + assignee.login + "）");
    return Status::Ok();
  }

  Status EffectEvaluate(WorkObject& lead, Act& act) {
    const std::string decision = act.inputs["decision"];
    lead.handling.decision = decision;
    lead.handling.reason = act.inputs.count("reason") ? act.inputs["reason"] : "";
    lead.handling.decided_by = act.actor.login;
    lead.handling.decided_on = act.on.ToIso();
    if (lead.handling.org_code.empty()) {  // evaluating straight from the pool claims it
      lead.handling.org_code = actor_.org.code;
      lead.handling.dept_code = actor_.dept_code;
    }
    if (decision == "合并") {
      std::string into = act.inputs["into"];
      std::set<std::string> seen = {lead.id()};
      while (true) {
        if (seen.count(into) > 0) {
          return Status::InvalidArgument("不能把线索 " + lead.id() +
                                         " 合并到它自己（或合并链回到它）");
        }
        seen.insert(into);
        SJ_ASSIGN_OR_RETURN(std::optional<store::LeadHandling> target,
                            transaction_.lead_handling().GetHandling(into));
        if (!target || target->merged_into.empty()) break;
        into = target->merged_into;
      }
      SJ_ASSIGN_OR_RETURN(WorkObject target, Load(into));
      if (!CanRead(target))
        return Status::PermissionDenied(actor_.Describe() + "无权查看线索 " + into);
      lead.handling.merged_into = into;
      lead.handling.outcome_ref = into;
      act.outcome->notes.push_back("已并入线索 " + into);
      return Status::Ok();
    }
    if (decision == "立案") {
      const Machine& case_machine = *procedure_.FindMachine("case");
      store::Matter matter = MatterFrom(lead);
      SJ_ASSIGN_OR_RETURN(store::User handler, Handler(matter.handler, matter.org_code, "立案"));
      matter.dept_code = handler.dept_code;
      matter.kind = act.inputs["case_kind"];
      if (!lead.lead.addressee.empty()) {
        Result<store::Organisation> agency = FindOrganisation(lead.lead.addressee, "被监督单位");
        if (agency.ok()) matter.counterparty_org = agency->code;
      }
      SJ_ASSIGN_OR_RETURN(WorkObject created,
                          NewMatter(case_machine, std::move(matter),
                                    Json{{"lead_source", lead.lead.source}}, act, {}));
      lead.handling.outcome_ref = created.id();
      if (lead.lead.subject.kind == "site") {
        SJ_ASSIGN_OR_RETURN(std::optional<store::HeritageSite> site,
                            transaction_.heritage().GetSite(lead.lead.subject.key));
        if (site) {
          SJ_RETURN_IF_ERROR(transaction_.heritage().LinkMatter(site->site_no, created.id(),
                                                                context_.clock->Now().ToIso()));
        }
      }
      return Status::Ok();
    }
    if (decision == "移送") {
      SJ_ASSIGN_OR_RETURN(store::Organisation receiver,
                          FindOrganisation(act.inputs["transfer_to"], "移送对象"));
      store::Matter matter = MatterFrom(lead);
      if (receiver.code == matter.org_code) return Status::InvalidArgument("不能把线索移送给本院");
      matter.counterparty_org = receiver.code;
      bool police = receiver.kind == "公安";
      matter.kind = police ? "移送涉嫌犯罪线索" : "移出";
      matter.title = "移送" + receiver.name + "：" + lead.lead.title;
      const Machine& machine =
          *procedure_.FindMachine(police ? "police_transfer" : "clue_transfer");
      std::map<std::string, Upload> no_files;
      SJ_ASSIGN_OR_RETURN(WorkObject created,
                          NewMatter(machine, std::move(matter), Json::object(), act, no_files));
      if (act.inputs.count("document") > 0) {
        created.attributes["transfer_letter"] = act.inputs["document"];
        SJ_RETURN_IF_ERROR(Save(created));
      }
      lead.handling.outcome_ref = created.id();
      return Status::Ok();
    }
    return Status::Ok();  // 不予立案: the reason is recorded above
  }

  Status EffectAllocateNumber(WorkObject& object, const std::string& argument, Act& act) {
    std::string type = argument.empty() ? object.machine->document : argument;
    const DocumentRule& rule = *procedure_.FindDocument(type);
    SJ_ASSIGN_OR_RETURN(std::optional<store::Organisation> org,
                        transaction_.orgs().GetOrganisation(object.matter.org_code));
    if (!org || org->short_name.empty()) {
      return Status::FailedPrecondition(
          "不能为" + rule.title + "编号：" + (org ? org->name : object.matter.org_code) +
          "尚未设置院简称；请用 shujian org add 时加 --short（如「郧」）");
    }
    if (object.matter.dept_code.empty()) {
      return Status::FailedPrecondition("不能为" + rule.title +
                                        "编号：承办人不属于任何部门；请先为用户设置部门");
    }
    SJ_ASSIGN_OR_RETURN(
        std::optional<store::Department> dept,
        transaction_.orgs().GetDepartment(object.matter.org_code, object.matter.dept_code));
    if (!dept)
      return Status::FailedPrecondition("承办部门「" + object.matter.dept_code + "」不存在");
    store::DocumentNumberKey key{org->code, dept->code, type, act.on.year()};
    SJ_ASSIGN_OR_RETURN(int64_t n, transaction_.matters().AllocateDocumentNumber(key));
    std::string number = rule.number_format;
    auto replace = [&number](std::string_view placeholder, const std::string& value) {
      for (size_t pos = number.find(placeholder); pos != std::string::npos;
           pos = number.find(placeholder)) {
        number.replace(pos, placeholder.size(), value);
      }
    };
    replace("{院}", org->short_name);
    replace("{部门}", dept->short_name);
    replace("{年}", std::to_string(act.on.year()));
    replace("{号}", std::to_string(n));
    SJ_RETURN_IF_ERROR(transaction_.matters().RecordDocumentNumber(
        number, key, n, object.id(), context_.clock->Now().ToIso(), act.actor.login));
    if (type == object.machine->document) {
      object.matter.doc_number = number;
    } else {
      object.attributes[type + "_number"] = number;
    }
    act.outcome->notes.push_back(rule.title + "文号：" + number);
    return Status::Ok();
  }

  // Hands the matter and its open dispositions to another handler, with their deadlines.
  Status EffectReassign(WorkObject& object, Act& act) {
    SJ_ASSIGN_OR_RETURN(store::User handler,
                        Handler(act.inputs["assignee"], object.matter.org_code, "变更承办人"));
    std::string previous = object.matter.handler;
    object.matter.handler = handler.login;
    object.matter.dept_code = handler.dept_code;
    SJ_RETURN_IF_ERROR(MoveDeadlines(object.id(), previous, handler.login));
    SJ_ASSIGN_OR_RETURN(
        std::vector<store::Matter> children,
        transaction_.matters().ListMatters({.case_id = object.id(), .open_only = true}));
    for (store::Matter& child : children) {
      if (child.handler != previous) continue;
      child.handler = handler.login;
      child.dept_code = handler.dept_code;
      child.updated_at = context_.clock->Now().ToIso();
      SJ_RETURN_IF_ERROR(transaction_.matters().UpdateMatter(child));
      SJ_RETURN_IF_ERROR(MoveDeadlines(child.id, previous, handler.login));
    }
    act.outcome->notes.push_back("承办人由 " + previous + " 变更为 " + handler.login);
    return Status::Ok();
  }

  Status MoveDeadlines(const std::string& object_id, const std::string& from,
                       const std::string& to) {
    if (from.empty()) return Status::Ok();
    return ChangeRunningDeadlines(object_id, nullptr,
                                  [&](store::Deadline& deadline) -> Result<bool> {
                                    if (deadline.handler != from) return false;
                                    deadline.handler = to;
                                    return true;
                                  });
  }

  Status EffectTakeOver(WorkObject& object, Act& act) {
    std::string login = act.inputs.count("assignee") ? act.inputs["assignee"] : act.actor.login;
    SJ_ASSIGN_OR_RETURN(store::User handler, Handler(login, object.matter.org_code, "受理"));
    std::string previous = object.matter.handler;
    object.matter.handler = handler.login;
    object.matter.dept_code = handler.dept_code;
    act.outcome->notes.push_back("承办人：" + handler.name + "（" + handler.login + "）");
    return MoveDeadlines(object.id(), previous, handler.login);
  }

  Status EffectRecordReply(WorkObject& object, Act& act) {
    object.attributes["replied_on"] = act.on.ToIso();
    if (act.transition == nullptr) return Status::Ok();
    for (const std::string& name : act.transition->stops) {
      SJ_ASSIGN_OR_RETURN(std::vector<store::Deadline> deadlines,
                          transaction_.matters().ListDeadlines(
                              {.object_id = object.id(), .name = name, .active_only = true}));
      for (const store::Deadline& deadline : deadlines) {
        bool on_time = act.on.ToIso() <= deadline.due_on;
        object.attributes["reply_on_time"] = on_time;
        if (!on_time) {
          Result<Date> due = ParseDate(deadline.due_on);
          act.outcome->notes.push_back(
              "逾期回复：期限为 " + deadline.due_on +
              (due.ok() ? "，逾期" + std::to_string(act.on.DaysSince(*due)) + "日" : ""));
        }
      }
    }
    return Status::Ok();
  }

  // The model lead a matter came from: its own, or its case's.
  Result<std::optional<store::Lead>> ModelLead(const WorkObject& object) {
    std::string lead_id = object.matter.lead_id;
    if (lead_id.empty() && !object.matter.case_id.empty()) {
      SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> parent,
                          transaction_.matters().GetMatter(object.matter.case_id));
      if (parent) lead_id = parent->lead_id;
    }
    if (lead_id.empty()) return std::optional<store::Lead>();
    SJ_ASSIGN_OR_RETURN(std::optional<store::Lead> lead, transaction_.leads().GetLead(lead_id));
    if (!lead || lead->model_id.empty()) return std::optional<store::Lead>();
    return lead;
  }

  Status EffectVerify(WorkObject& object, Act& act) {
    SJ_ASSIGN_OR_RETURN(std::optional<store::Lead> lead, ModelLead(object));
    bool explicit_request = act.transition != nullptr && act.transition->action == "verify";
    if (!lead) {
      if (explicit_request) {
        return Status::FailedPrecondition("不能模型复核：" + object.label() +
                                          " 不是由模型线索产生的");
      }
      return Status::Ok();
    }
    if (context_.verifier == nullptr) {
      act.outcome->notes.push_back("未进行模型复核：本程序未配置模型复核");
      return Status::Ok();
    }
    // The data must postdate the agency's reply (or, without one, the service of the suggestion).
    Date since = act.on;
    if (Result<Date> replied = ParseDate(object.attributes.value("replied_on", "")); replied.ok()) {
      since = *replied;
    } else {
      SJ_ASSIGN_OR_RETURN(std::vector<store::WorkflowEvent> events,
                          transaction_.matters().ListEvents(object.id()));
      for (const store::WorkflowEvent& event : events) {
        if (event.action == "serve") since = *ParseDate(event.acted_on);
      }
    }
    Result<VerificationOutcome> verified =
        context_.verifier->Verify(transaction_, {lead->model_id, lead->subject, act.on, since});
    Json record = {{"checked_on", act.on.ToIso()}, {"model", lead->model_id}, {"lead", lead->id}};
    if (!verified.ok()) {
      if (verified.status().code() != StatusCode::kFailedPrecondition) return verified.status();
      record["result"] = "无法复核";
      record["reason"] = verified.status().message();
      object.attributes["verification"] = record;
      act.outcome->notes.push_back("无法进行模型复核：" + verified.status().message());
      act.outcome->needs_attention = act.outcome->needs_attention || explicit_request;
      return Status::Ok();
    }
    record["result"] = verified->still_found ? "仍被发现" : "已不再发现";
    record["still_found"] = verified->still_found;
    record["run"] = verified->run_id;
    record["run_as_of"] = verified->run_as_of;
    record["evidence"] = verified->evidence;
    object.attributes["verification"] = record;
    bool claims_rectified =
        (act.inputs.count("result") > 0 &&
         (act.inputs["result"] == "已整改" || act.inputs["result"] == "整改到位"));
    if (verified->still_found) {
      act.outcome->notes.push_back("模型复核：" + verified->evidence + "，整改可能不到位");
      if (claims_rectified || explicit_request) act.outcome->needs_attention = true;
    } else {
      act.outcome->notes.push_back("模型复核：" + verified->evidence + "，可作为整改到位的证据");
    }
    return Status::Ok();
  }

  Status EffectHeritageOutcome(WorkObject& object, Act& act) {
    bool any = act.inputs.count("rooms") || act.inputs.count("area") || act.inputs.count("funds");
    if (!any) {
      if (act.inputs.count("site")) {
        return Status::InvalidArgument(
            "写明了红色资源点位（--site），但没有修缮房屋、面积或资金（--rooms --area --funds）");
      }
      return Status::Ok();
    }
    std::string site_no = act.inputs.count("site") ? act.inputs["site"] : "";
    if (site_no.empty()) {
      std::set<std::string> sites;
      for (const std::string& id : {object.id(), object.matter.case_id}) {
        if (id.empty()) continue;
        SJ_ASSIGN_OR_RETURN(std::vector<std::string> linked,
                            transaction_.heritage().ListMatterSites(id));
        sites.insert(linked.begin(), linked.end());
      }
      if (sites.size() != 1) {
        return Status::InvalidArgument(
            "修缮成果须记到一个红色资源点位：请用 --site 写明点位编号" +
            std::string(sites.empty() ? "（本案尚未关联点位）" : "（本案关联了多个点位）"));
      }
      site_no = *sites.begin();
    }
    SJ_ASSIGN_OR_RETURN(std::optional<store::HeritageSite> site,
                        transaction_.heritage().GetSite(site_no));
    if (!site) return Status::NotFound("红色资源点位" + Quote(site_no) + "不存在");
    store::HeritageOutcome outcome;
    outcome.site_no = site_no;
    outcome.matter_id = object.id();
    if (act.inputs.count("rooms")) outcome.rooms = std::stoll(act.inputs["rooms"]);
    if (act.inputs.count("area")) {
      SJ_ASSIGN_OR_RETURN(outcome.area_milli, ParseFixedPoint(act.inputs["area"], {.scale = 3}));
    }
    if (act.inputs.count("funds")) {
      SJ_ASSIGN_OR_RETURN(Money funds, ParseMoney(act.inputs["funds"]));
      outcome.funds_fen = funds.fen();
    }
    outcome.recorded_on = act.on.ToIso();
    outcome.recorded_by = act.actor.login;
    SJ_RETURN_IF_ERROR(transaction_.heritage().AddOutcome(outcome).status());
    std::string now = context_.clock->Now().ToIso();
    SJ_RETURN_IF_ERROR(transaction_.heritage().LinkMatter(site_no, object.id(), now));
    if (!object.matter.case_id.empty()) {
      SJ_RETURN_IF_ERROR(transaction_.heritage().LinkMatter(site_no, object.matter.case_id, now));
    }
    act.outcome->notes.push_back("已记入红色资源点位 " + site_no + " 的修缮成果");
    return Status::Ok();
  }

  Status EffectStartLitigation(WorkObject& suggestion, Act& act) {
    SJ_ASSIGN_OR_RETURN(store::Organisation court,
                        FindOrganisation(act.inputs["court"], "受诉法院"));
    if (court.kind != "法院") return Status::InvalidArgument(court.name + " 不是法院");
    store::Matter matter;
    matter.case_id = suggestion.matter.case_id;
    matter.parent_id = suggestion.id();
    matter.lead_id = suggestion.matter.lead_id;
    matter.org_code = suggestion.matter.org_code;
    matter.dept_code = suggestion.matter.dept_code;
    matter.handler = suggestion.matter.handler;
    matter.counterparty_org = court.code;
    matter.title = suggestion.matter.title;
    if (!suggestion.matter.case_id.empty()) {
      SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> parent,
                          transaction_.matters().GetMatter(suggestion.matter.case_id));
      if (parent) matter.kind = parent->kind;
    }
    SJ_ASSIGN_OR_RETURN(WorkObject created,
                        NewMatter(*procedure_.FindMachine("litigation"), std::move(matter),
                                  Json{{"suggestion", suggestion.id()}}, act, {}));
    suggestion.attributes["litigation"] = created.id();
    return Status::Ok();
  }

  Result<store::LeadSubject> NormalizeSubject(const LeadIntakeRequest& request, Date today) {
    Result<store::LeadSubject> subject =
        NormalizeLeadSubject(request.subject_kind, request.subject_key, request.subject_dataset,
                             request.subject_label, today);
    if (!subject.ok()) return Status::InvalidArgument("线索主体：" + subject.status().message());
    return subject;
  }

  const WorkflowContext& context_;
  const Procedure& procedure_;
  AccessPolicy policy_;
  store::Transaction& transaction_;
  const Actor& actor_;
  Actor system_;
  std::vector<std::string> sweep_log_;
};

Result<Date> ActDate(const WorkflowContext& context, const std::optional<Date>& on) {
  Date today = context.clock->Today();
  Date date = on.value_or(today);
  if (date > today) {
    return Status::InvalidArgument("办案日期 " + date.ToIso() + " 晚于今天（" + today.ToIso() +
                                   "）；不能预先记录尚未发生的办案行为");
  }
  return date;
}

std::string AuditActionFor(const Procedure& procedure, const std::string& object_id,
                           const std::string& action) {
  std::string prefix = object_id.substr(0, object_id.find('-'));
  if (prefix == "L") return "lead." + action;
  const Machine* machine = procedure.FindMachineByPrefix(prefix);
  return (machine ? machine->name : std::string("matter")) + "." + action;
}

}  // namespace

Result<ActionOutcome> ProcedureRunner::Perform(const ActionRequest& request) const {
  SJ_ASSIGN_OR_RETURN(Date on, ActDate(context_, request.on));
  ActionOutcome outcome;
  SJ_RETURN_IF_ERROR(RunAudited(
      context_, request.actor,
      AuditActionFor(*context_.procedure, request.object_id, request.action), request.object_id,
      [&](store::Transaction& transaction) -> Status {
        SJ_ASSIGN_OR_RETURN(Actor actor, context_.policy().Resolve(transaction, request.actor));
        Operation operation(context_, transaction, actor);
        return operation.Perform(request, on, &outcome);
      }));
  return outcome;
}

Result<ActionOutcome> ProcedureRunner::Create(const CreateRequest& request) const {
  const Machine* machine = context_.procedure->FindMachine(request.machine);
  if (machine == nullptr) return Status::InvalidArgument("没有「" + request.machine + "」这一流程");
  SJ_ASSIGN_OR_RETURN(Date on, ActDate(context_, request.on));
  ActionOutcome outcome;
  SJ_RETURN_IF_ERROR(RunAudited(context_, request.actor, machine->name + ".create", "",
                                [&](store::Transaction& transaction) -> Status {
                                  SJ_ASSIGN_OR_RETURN(Actor actor, context_.policy().Resolve(
                                                                       transaction, request.actor));
                                  Operation operation(context_, transaction, actor);
                                  return operation.Create(*machine, request, on, &outcome);
                                }));
  return outcome;
}

Result<ActionOutcome> ProcedureRunner::IntakeLead(const LeadIntakeRequest& request) const {
  SJ_ASSIGN_OR_RETURN(Date on, ActDate(context_, request.on));
  ActionOutcome outcome;
  SJ_RETURN_IF_ERROR(RunAudited(
      context_, request.actor, "lead.add", "", [&](store::Transaction& transaction) -> Status {
        SJ_ASSIGN_OR_RETURN(Actor actor, context_.policy().Resolve(transaction, request.actor));
        Operation operation(context_, transaction, actor);
        return operation.Intake(request, on, &outcome);
      }));
  return outcome;
}

Result<SweepReport> ProcedureRunner::Sweep(Date as_of) const {
  SweepReport report;
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<store::Transaction> transaction,
                      context_.store->Begin(store::TransactionMode::kReadWrite));
  SJ_ASSIGN_OR_RETURN(std::vector<store::Deadline> deadlines,
                      transaction->matters().ListDeadlines({.active_only = true}));
  Actor system = AccessPolicy::System();
  Operation operation(context_, *transaction, system);
  std::set<std::string> done;
  for (const store::Deadline& deadline : deadlines) {
    if (deadline.state != "open" || deadline.due_on >= as_of.ToIso() ||
        done.count(deadline.object_id))
      continue;
    done.insert(deadline.object_id);
    SJ_ASSIGN_OR_RETURN(WorkObject object, operation.Load(deadline.object_id));
    SJ_RETURN_IF_ERROR(operation.CatchUp(object, as_of));
  }
  SJ_RETURN_IF_ERROR(transaction->Commit());
  report.acts = operation.sweep_log();
  return report;
}

}  // namespace shujian::workflow
