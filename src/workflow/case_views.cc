#include "workflow/case_views.h"

#include <algorithm>
#include <set>

#include "core/date_parse.h"
#include "core/utf8.h"
#include "workflow/lead_subject.h"
#include "workflow/masking.h"

namespace shujian::workflow {
namespace {

using Json = nlohmann::ordered_json;

// Masks the values of personal-data keys in a JSON object (evidence values, matter attributes).
void MaskPersonalFields(Json* object, const AccessRules& rules, PersonalDataView view) {
  if (view == PersonalDataView::kPlain || !object->is_object()) return;
  bool organisation_party = object->contains("party_type") && (*object)["party_type"] == "单位";
  for (auto& [key, value] : object->items()) {
    if (value.is_object()) {
      MaskPersonalFields(&value, rules, view);
    } else if (value.is_string()) {
      std::string text = value.get<std::string>();
      if (rules.id_number_fields.count(key) && !(key == "party_id" && organisation_party)) {
        value = MaskIdNumber(text, view);
      } else if (rules.name_fields.count(key) && !(key == "party_name" && organisation_party)) {
        value = MaskName(text, view);
      } else {
        value = MaskIdNumbersInText(text, view);
      }
    }
  }
}

MatterSummary Summarize(const store::Matter& matter, const Procedure& procedure) {
  const Machine* machine = procedure.FindMachine(matter.machine);
  return {matter.id,    matter.machine,   machine ? machine->title : matter.machine,
          matter.kind,  matter.state,     machine != nullptr && machine->IsFinal(matter.state),
          matter.title, matter.doc_number};
}

class ViewBuilder {
 public:
  ViewBuilder(const WorkflowContext& context, store::Transaction& transaction, const Actor& actor,
              Date as_of)
      : procedure_(*context.procedure),
        policy_(context.policy()),
        transaction_(transaction),
        actor_(actor),
        as_of_(as_of) {}

  PersonalDataView view() const { return actor_.personal_data(); }

  Result<std::vector<DeadlineView>> Deadlines(const std::string& object_id) {
    SJ_ASSIGN_OR_RETURN(std::vector<store::Deadline> deadlines,
                        transaction_.matters().ListDeadlines({.object_id = object_id}));
    std::vector<DeadlineView> views;
    for (const store::Deadline& deadline : deadlines) {
      DeadlineView view{deadline.name,
                        deadline.title,
                        deadline.period,
                        deadline.base_on,
                        deadline.due_on,
                        deadline.state,
                        deadline.closed_on,
                        "",
                        0,
                        std::nullopt,
                        deadline.note};
      Result<Date> due = ParseDate(deadline.due_on);
      if (deadline.state == "open" && due.ok()) {
        view.colour = DeadlineColour(*due, as_of_, procedure_.warning_days());
        view.days_left = due->DaysSince(as_of_);
      }
      if (deadline.state == "done") view.met = deadline.closed_on <= deadline.due_on;
      views.push_back(std::move(view));
    }
    return views;
  }

  Result<std::vector<EventView>> Events(const std::string& object_id) {
    SJ_ASSIGN_OR_RETURN(std::vector<store::WorkflowEvent> events,
                        transaction_.matters().ListEvents(object_id));
    std::vector<EventView> views;
    for (const store::WorkflowEvent& event : events) {
      Json inputs = Json::parse(event.inputs_json, nullptr, false);
      if (!inputs.is_object()) inputs = Json::object();
      MaskPersonalFields(&inputs, procedure_.access(), view());
      views.push_back({event.seq, event.action, event.label, event.from_state, event.to_state,
                       event.actor, event.acted_on, event.recorded_at, inputs});
    }
    return views;
  }

  std::vector<NextAction> Next(const Machine& machine, const std::string& state,
                               const std::string& kind, const ActTarget& target,
                               const std::string& id) {
    std::vector<NextAction> actions;
    if (machine.IsFinal(state)) return actions;
    for (const Transition& transition : machine.transitions) {
      if (!transition.automatic.empty()) continue;
      if (std::find(transition.from.begin(), transition.from.end(), state) == transition.from.end())
        continue;
      if (!transition.if_kind.empty() &&
          std::find(transition.if_kind.begin(), transition.if_kind.end(), kind) ==
              transition.if_kind.end()) {
        continue;
      }
      if (!policy_.CheckAct(actor_, transition.roles, target, "").ok()) continue;
      if (!GuardsHold(transition, id)) continue;
      NextAction action{transition.action,
                        transition.label,
                        "shujian " + machine.command + " " + transition.action + " " + id,
                        {}};
      for (const Requirement& requirement : transition.required) {
        std::string need = DescribeRequirement(procedure_, requirement);
        if (!requirement.when.empty()) {
          need += "（当";
          for (const auto& [field, value] : requirement.when) {
            const FieldRule* rule = procedure_.FindField(field);
            need += (rule ? rule->label : field) + "为「" + value + "」";
          }
          need += "时）";
        }
        action.needs.push_back(need);
      }
      actions.push_back(std::move(action));
    }
    return actions;
  }

  // Whether the transition's guards hold now (the runner checks them again when the act is done).
  bool GuardsHold(const Transition& transition, const std::string& id) {
    for (const std::string& guard : transition.guards) {
      if (guard == "dispositions_final") {
        store::MatterFilter filter;
        if (id.starts_with("C-")) {
          filter.case_id = id;
        } else {
          filter.parent_id = id;
        }
        Result<std::vector<store::Matter>> children = transaction_.matters().ListMatters(filter);
        if (!children.ok()) return false;
        for (const store::Matter& child : *children) {
          const Machine* machine = procedure_.FindMachine(child.machine);
          if (machine != nullptr && !machine->IsFinal(child.state)) return false;
        }
      } else if (guard.starts_with("overdue:")) {
        Result<std::vector<store::Deadline>> deadlines = transaction_.matters().ListDeadlines(
            {.object_id = id, .name = guard.substr(8), .active_only = true});
        if (!deadlines.ok()) return false;
        bool overdue = false;
        for (const store::Deadline& deadline : *deadlines)
          overdue = overdue || deadline.due_on < as_of_.ToIso();
        if (!overdue) return false;
      } else if (guard.starts_with("done:")) {
        Result<std::vector<store::WorkflowEvent>> events = transaction_.matters().ListEvents(id);
        if (!events.ok()) return false;
        bool done = false;
        for (const store::WorkflowEvent& event : *events)
          done = done || event.action == guard.substr(5);
        if (!done) return false;
      }
    }
    return true;
  }

  Result<std::string> OrgName(const std::string& code) {
    if (code.empty()) return std::string();
    SJ_ASSIGN_OR_RETURN(std::optional<store::Organisation> org,
                        transaction_.orgs().GetOrganisation(code));
    return org ? org->name : code;
  }

  Result<std::string> UserName(const std::string& login) {
    if (login.empty()) return std::string();
    SJ_ASSIGN_OR_RETURN(std::optional<store::User> user, transaction_.orgs().GetUser(login));
    return user ? user->name : login;
  }

  // The lead with its subject and evidence masked for the viewer.
  // The people's names of a lead: its subject's when the subject is a person, and the values of
  // the evidence's name columns that read like a person's (at most 4 characters, no word of an
  // organisation — a company named in a title stays readable).
  std::set<std::string> PeopleNames(const store::Lead& lead) const {
    std::set<std::string> names;
    if (lead.subject.kind == "person") names.insert(lead.subject.label);
    for (const store::EvidenceRow& row : lead.evidence) {
      Json values = Json::parse(row.values_json, nullptr, false);
      if (!values.is_object()) continue;
      for (const std::string& field : procedure_.access().name_fields) {
        auto value = values.find(field);
        if (value == values.end() || !value->is_string()) continue;
        std::string name = value->get<std::string>();
        bool organisation = CodePointCount(name) > 4;
        for (const char* word : {"公司", "局", "厂", "店", "社", "中心", "队", "所", "院"}) {
          organisation = organisation || name.find(word) != std::string::npos;
        }
        if (!organisation) names.insert(std::move(name));
      }
    }
    names.erase("");
    return names;
  }

  // `text` with the ID numbers and each of `names` masked for `level`.
  static std::string MaskPeopleInText(std::string text, const std::set<std::string>& names,
                                      PersonalDataView level) {
    text = MaskIdNumbersInText(text, level);
    if (level == PersonalDataView::kPlain) return text;
    for (const std::string& name : names) {
      std::string masked = MaskName(name, level);
      for (size_t at = text.find(name); at != std::string::npos;
           at = text.find(name, at + masked.size())) {
        text.replace(at, name.size(), masked);
      }
    }
    return text;
  }

  store::Lead MaskLead(store::Lead lead) {
    PersonalDataView level = view();
    const std::set<std::string> people = PeopleNames(lead);
    lead.title = MaskPeopleInText(lead.title, people, level);
    if (lead.subject.kind == "record")
      lead.subject.label = MaskPeopleInText(lead.subject.label, people, level);
    if (lead.subject.kind == "person") {
      lead.subject.key = MaskIdNumber(lead.subject.key, level);
      lead.subject.label = MaskName(lead.subject.label, level);
    } else if (lead.subject.kind == "vehicle") {
      lead.subject.key = MaskPlate(lead.subject.key, level);
    }
    Json facts = Json::parse(lead.facts_json, nullptr, false);
    if (facts.is_object()) {
      MaskPersonalFields(&facts, procedure_.access(), level);
      lead.facts_json = facts.dump();
    }
    for (store::EvidenceRow& row : lead.evidence) {
      Json values = Json::parse(row.values_json, nullptr, false);
      if (values.is_object()) {
        MaskPersonalFields(&values, procedure_.access(), level);
        row.values_json = values.dump();
      }
      if (level != PersonalDataView::kPlain) row.key = MaskIdNumbersInText(row.key, level);
    }
    return lead;
  }

 private:
  const Procedure& procedure_;
  AccessPolicy policy_;
  store::Transaction& transaction_;
  const Actor& actor_;
  Date as_of_;
};

// Records that `actor` saw personal data of `object_id` in full (AUD-1).
Status AuditPlainView(const WorkflowContext& context, const std::string& actor_login,
                      const std::string& type, const std::string& object_id) {
  SJ_ASSIGN_OR_RETURN(auto transaction, context.store->Begin(store::TransactionMode::kReadWrite));
  SJ_ASSIGN_OR_RETURN(Actor actor, context.policy().Resolve(*transaction, actor_login));
  AuditEntry entry{type + ".view", type, object_id, "ok", "查看（含个人信息明文）", "{}", "{}"};
  SJ_RETURN_IF_ERROR(context.audit->Record(*transaction, actor, entry));
  return transaction->Commit();
}

bool HasPersonalData(const store::Lead& lead, const AccessRules& rules) {
  if (lead.subject.kind == "person" || lead.subject.kind == "vehicle") return true;
  for (const store::EvidenceRow& row : lead.evidence) {
    Json values = Json::parse(row.values_json, nullptr, false);
    if (!values.is_object()) continue;
    for (const auto& [key, value] : values.items()) {
      if (rules.id_number_fields.count(key) || rules.name_fields.count(key)) return true;
    }
  }
  return false;
}

}  // namespace

std::string DeadlineColour(Date due, Date as_of, int warning_days) {
  int days_left = due.DaysSince(as_of);
  if (days_left < 0) return "red";
  if (days_left <= warning_days) return "yellow";
  return "green";
}

Result<MatterView> CaseViews::ShowMatter(const std::string& actor_login, const std::string& id,
                                         Date as_of) const {
  MatterView view;
  bool audit_plain = false;
  {
    SJ_ASSIGN_OR_RETURN(Reading reading, BeginCaseReading(context_, actor_login, "查看" + id));
    std::unique_ptr<store::Transaction> transaction = std::move(reading.transaction);
    const Actor& actor = reading.actor;
    AccessPolicy policy = context_.policy();
    SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> matter, transaction->matters().GetMatter(id));
    if (!matter) return Status::NotFound("「" + id + "」不存在（编号形如 C-000001、S-000001）");
    if (!policy.CanReadMatter(actor, MatterTarget(*matter, *context_.procedure))) {
      return Status::PermissionDenied(actor.Describe() + "无权查看 " + id +
                                      "：它不属于本院，也不是发给本单位的");
    }
    const Machine* machine = context_.procedure->FindMachine(matter->machine);
    if (machine == nullptr) return Status::Corruption(id + " 的流程在本程序中不存在");
    ViewBuilder builder(context_, *transaction, actor, as_of);
    view.matter = *matter;
    view.matter.title = MaskIdNumbersInText(matter->title, builder.view());
    view.machine_title = machine->title;
    if (const StateRule* state = machine->FindState(matter->state))
      view.state_description = state->description;
    view.final = machine->IsFinal(matter->state);
    SJ_ASSIGN_OR_RETURN(view.org_name, builder.OrgName(matter->org_code));
    SJ_ASSIGN_OR_RETURN(view.counterparty_name, builder.OrgName(matter->counterparty_org));
    SJ_ASSIGN_OR_RETURN(view.handler_name, builder.UserName(matter->handler));
    if (!matter->dept_code.empty()) {
      SJ_ASSIGN_OR_RETURN(std::optional<store::Department> dept,
                          transaction->orgs().GetDepartment(matter->org_code, matter->dept_code));
      if (dept) view.dept_name = dept->name;
    }
    view.attributes = Json::parse(matter->attributes_json, nullptr, false);
    if (!view.attributes.is_object()) view.attributes = Json::object();
    audit_plain =
        builder.view() == PersonalDataView::kPlain && view.attributes.contains("person_id");
    MaskPersonalFields(&view.attributes, context_.procedure->access(), builder.view());
    SJ_ASSIGN_OR_RETURN(view.events, builder.Events(id));
    SJ_ASSIGN_OR_RETURN(view.deadlines, builder.Deadlines(id));
    SJ_ASSIGN_OR_RETURN(view.attachments, transaction->attachments().ListAttachments(id));
    store::MatterFilter filter;
    if (matter->machine == "case") {
      filter.case_id = id;
    } else {
      filter.parent_id = id;
    }
    SJ_ASSIGN_OR_RETURN(std::vector<store::Matter> children,
                        transaction->matters().ListMatters(filter));
    for (const store::Matter& child : children) {
      if (policy.CanReadMatter(actor, MatterTarget(child, *context_.procedure))) {
        view.dispositions.push_back(Summarize(child, *context_.procedure));
      }
    }
    if (!matter->case_id.empty()) {
      SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> parent,
                          transaction->matters().GetMatter(matter->case_id));
      if (parent && policy.CanReadMatter(actor, MatterTarget(*parent, *context_.procedure))) {
        view.case_summary = Summarize(*parent, *context_.procedure);
      }
    }
    if (policy.CanReadLead(actor, {matter->lead_id, matter->org_code, "", "", ""}) ||
        actor.IsProcuratorate()) {
      view.lead_id = matter->lead_id;
    }
    SJ_ASSIGN_OR_RETURN(view.sites, transaction->heritage().ListMatterSites(id));
    view.next_actions = builder.Next(*machine, matter->state, matter->kind,
                                     MatterTarget(*matter, *context_.procedure), id);
  }
  if (audit_plain)
    SJ_RETURN_IF_ERROR(AuditPlainView(context_, actor_login, view.matter.machine, id));
  return view;
}

Result<LeadView> CaseViews::ShowLead(const std::string& actor_login, const std::string& id,
                                     Date as_of) const {
  LeadView view;
  bool audit_plain = false;
  {
    SJ_ASSIGN_OR_RETURN(Reading reading, BeginCaseReading(context_, actor_login, "查看线索 " + id));
    std::unique_ptr<store::Transaction> transaction = std::move(reading.transaction);
    const Actor& actor = reading.actor;
    AccessPolicy policy = context_.policy();
    SJ_ASSIGN_OR_RETURN(std::optional<store::Lead> lead, transaction->leads().GetLead(id));
    if (!lead) return Status::NotFound("线索 " + id + " 不存在");
    SJ_ASSIGN_OR_RETURN(view.handling, transaction->lead_handling().GetHandling(id));
    ActTarget target{id, view.handling ? view.handling->org_code : "",
                     view.handling ? view.handling->dept_code : "",
                     view.handling ? view.handling->assignee : "", ""};
    if (!policy.CanReadLead(actor, target)) {
      return Status::PermissionDenied(actor.Describe() + "无权查看线索 " + id + "：它属于其他院");
    }
    ViewBuilder builder(context_, *transaction, actor, as_of);
    audit_plain = builder.view() == PersonalDataView::kPlain &&
                  HasPersonalData(*lead, context_.procedure->access());
    view.lead = builder.MaskLead(*lead);
    if (view.handling) {
      SJ_ASSIGN_OR_RETURN(view.org_name, builder.OrgName(view.handling->org_code));
      SJ_ASSIGN_OR_RETURN(view.assignee_name, builder.UserName(view.handling->assignee));
    }
    SJ_ASSIGN_OR_RETURN(view.events, builder.Events(id));
    SJ_ASSIGN_OR_RETURN(view.deadlines, builder.Deadlines(id));
    SJ_ASSIGN_OR_RETURN(view.merged_from, transaction->lead_handling().ListMergedInto(id));
    SJ_ASSIGN_OR_RETURN(std::vector<store::Matter> matters,
                        transaction->matters().ListMatters({.lead_id = id}));
    for (const store::Matter& matter : matters) {
      if (matter.case_id.empty() &&
          policy.CanReadMatter(actor, MatterTarget(matter, *context_.procedure))) {
        view.matters.push_back(Summarize(matter, *context_.procedure));
      }
    }
    const Machine& machine = *context_.procedure->FindMachine("lead");
    view.next_actions = builder.Next(machine, lead->status, lead->source, target, id);
  }
  if (audit_plain) SJ_RETURN_IF_ERROR(AuditPlainView(context_, actor_login, "lead", id));
  return view;
}

Result<std::vector<store::Lead>> CaseViews::ListLeads(const std::string& actor_login,
                                                      const store::LeadFilter& filter, Date as_of,
                                                      int* hidden) const {
  std::vector<store::Lead> visible;
  *hidden = 0;
  bool audit_plain = false;
  {
    SJ_ASSIGN_OR_RETURN(Reading reading, BeginCaseReading(context_, actor_login, "查看线索列表"));
    std::unique_ptr<store::Transaction> transaction = std::move(reading.transaction);
    const Actor& actor = reading.actor;
    AccessPolicy policy = context_.policy();
    SJ_ASSIGN_OR_RETURN(std::vector<store::Lead> leads, transaction->leads().ListLeads(filter));
    ViewBuilder builder(context_, *transaction, actor, as_of);
    for (const store::Lead& summary : leads) {
      SJ_ASSIGN_OR_RETURN(std::optional<store::LeadHandling> handling,
                          transaction->lead_handling().GetHandling(summary.id));
      ActTarget target{summary.id, handling ? handling->org_code : "",
                       handling ? handling->dept_code : "", handling ? handling->assignee : "", ""};
      if (!policy.CanReadLead(actor, target)) {
        ++*hidden;
        continue;
      }
      SJ_ASSIGN_OR_RETURN(std::optional<store::Lead> lead,
                          transaction->leads().GetLead(summary.id));
      if (!lead) continue;
      audit_plain = audit_plain || (builder.view() == PersonalDataView::kPlain &&
                                    HasPersonalData(*lead, context_.procedure->access()));
      visible.push_back(builder.MaskLead(*lead));
    }
  }
  if (audit_plain) SJ_RETURN_IF_ERROR(AuditPlainView(context_, actor_login, "lead", "线索列表"));
  return visible;
}

Result<SubjectView> CaseViews::ShowSubject(const std::string& actor_login, const std::string& kind,
                                           const std::string& key, Date as_of) const {
  SubjectView view;
  bool audit_plain = false;
  {
    SJ_ASSIGN_OR_RETURN(Reading reading, BeginCaseReading(context_, actor_login, "查看主体"));
    std::unique_ptr<store::Transaction> transaction = std::move(reading.transaction);
    const Actor& actor = reading.actor;
    AccessPolicy policy = context_.policy();
    store::LeadSubject subject;
    subject.kind = kind;
    subject.key = key;
    if (kind != "record") {
      Result<store::LeadSubject> normalized = NormalizeLeadSubject(kind, key, "", "", as_of);
      if (!normalized.ok()) return normalized.status();
      subject = *normalized;
    }
    store::LeadFilter filter;
    filter.subject = subject;
    SJ_ASSIGN_OR_RETURN(std::vector<store::Lead> leads, transaction->leads().ListLeads(filter));
    ViewBuilder builder(context_, *transaction, actor, as_of);
    std::set<std::string> models;
    std::set<std::string> sources;
    std::set<std::string> orgs;
    for (const store::Lead& lead : leads) {
      SJ_ASSIGN_OR_RETURN(std::optional<store::LeadHandling> handling,
                          transaction->lead_handling().GetHandling(lead.id));
      std::string org = handling ? handling->org_code : "";
      if (!policy.CanReadLead(actor, {lead.id, org, "", "", ""})) {
        ++view.hidden;
        continue;
      }
      if (view.subject.key.empty()) view.subject = lead.subject;
      if (view.subject.label.empty()) view.subject.label = lead.subject.label;
      if (!lead.model_id.empty()) models.insert(lead.model_id);
      sources.insert(lead.source);
      if (!org.empty()) {
        SJ_ASSIGN_OR_RETURN(std::string name, builder.OrgName(org));
        orgs.insert(name);
      }
      view.leads.push_back(builder.MaskLead(lead));
      SJ_ASSIGN_OR_RETURN(std::vector<store::Matter> matters,
                          transaction->matters().ListMatters({.lead_id = lead.id}));
      for (const store::Matter& matter : matters) {
        if (policy.CanReadMatter(actor, MatterTarget(matter, *context_.procedure))) {
          view.matters.push_back(Summarize(matter, *context_.procedure));
        }
      }
    }
    if (view.subject.key.empty()) view.subject = subject;
    audit_plain = builder.view() == PersonalDataView::kPlain && !view.leads.empty() &&
                  (kind == "person" || kind == "vehicle");
    store::Lead masked;
    masked.subject = view.subject;
    view.subject = builder.MaskLead(masked).subject;
    view.models.assign(models.begin(), models.end());
    view.sources.assign(sources.begin(), sources.end());
    view.orgs.assign(orgs.begin(), orgs.end());
  }
  if (audit_plain)
    SJ_RETURN_IF_ERROR(AuditPlainView(context_, actor_login, "subject", kind + ":" + key));
  return view;
}

Result<std::vector<MatterSummary>> CaseViews::ListMatters(const std::string& actor_login,
                                                          const std::string& machine,
                                                          bool open_only) const {
  SJ_ASSIGN_OR_RETURN(Reading reading, BeginCaseReading(context_, actor_login, "查看案件"));
  std::unique_ptr<store::Transaction> transaction = std::move(reading.transaction);
  const Actor& actor = reading.actor;
  AccessPolicy policy = context_.policy();
  store::MatterFilter filter;
  filter.machine = machine;
  filter.open_only = open_only;
  SJ_ASSIGN_OR_RETURN(std::vector<store::Matter> matters,
                      transaction->matters().ListMatters(filter));
  std::vector<MatterSummary> summaries;
  for (const store::Matter& matter : matters) {
    if (!policy.CanReadMatter(actor, MatterTarget(matter, *context_.procedure))) continue;
    MatterSummary summary = Summarize(matter, *context_.procedure);
    summary.title = MaskIdNumbersInText(summary.title, actor.personal_data());
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

}  // namespace shujian::workflow
