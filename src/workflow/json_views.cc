#include "workflow/json_views.h"

#include "core/fixed_point.h"

namespace shujian::workflow {
namespace {

// Exact decimal as a JSON string ("1010.5"): amounts never pass through binary floating point.
std::string FormatFixedPointForJson(int64_t scaled, int scale) {
  return FormatFixedPoint(scaled, scale, 0);
}

OrderedJson ParsedOr(const std::string& text, OrderedJson fallback) {
  OrderedJson json = OrderedJson::parse(text.empty() ? "null" : text, nullptr, false);
  return json.is_discarded() || json.is_null() ? fallback : json;
}

OrderedJson SubjectObject(const store::LeadSubject& subject) {
  OrderedJson json = {{"kind", subject.kind}};
  if (subject.kind == "record") json["dataset"] = subject.dataset;
  json["key"] = subject.key;
  if (!subject.label.empty()) json["label"] = subject.label;
  return json;
}

OrderedJson DeadlinesJson(const std::vector<DeadlineView>& deadlines) {
  OrderedJson list = OrderedJson::array();
  for (const DeadlineView& deadline : deadlines) {
    OrderedJson json = {{"name", deadline.name},     {"title", deadline.title},
                        {"period", deadline.period}, {"from", deadline.base_on},
                        {"due", deadline.due_on},    {"state", deadline.state}};
    if (!deadline.colour.empty()) {
      json["colour"] = deadline.colour;
      json["days_left"] = deadline.days_left;
    }
    if (!deadline.closed_on.empty()) json["closed_on"] = deadline.closed_on;
    if (deadline.met.has_value()) json["met"] = *deadline.met;
    if (!deadline.note.empty()) json["note"] = deadline.note;
    list.push_back(std::move(json));
  }
  return list;
}

OrderedJson EventsJson(const std::vector<EventView>& events) {
  OrderedJson list = OrderedJson::array();
  for (const EventView& event : events) {
    list.push_back({{"seq", event.seq},
                    {"action", event.action},
                    {"label", event.label},
                    {"from", event.from_state},
                    {"to", event.to_state},
                    {"actor", event.actor},
                    {"on", event.acted_on},
                    {"recorded_at", event.recorded_at},
                    {"inputs", event.inputs}});
  }
  return list;
}

OrderedJson NextJson(const std::vector<NextAction>& actions) {
  OrderedJson list = OrderedJson::array();
  for (const NextAction& action : actions) {
    list.push_back({{"action", action.action},
                    {"label", action.label},
                    {"command", action.command},
                    {"needs", action.needs}});
  }
  return list;
}

OrderedJson AttachmentJson(const store::Attachment& attachment) {
  return {{"id", attachment.id},
          {"file", attachment.file_name},
          {"purpose", attachment.purpose},
          {"media_type", attachment.media_type},
          {"size", attachment.size},
          {"sha256", attachment.sha256},
          {"uploaded_by", attachment.uploaded_by},
          {"uploaded_at", attachment.uploaded_at}};
}

}  // namespace

OrderedJson MatterSummaryJson(const MatterSummary& summary) {
  OrderedJson json = {
      {"id", summary.id},      {"type", summary.machine}, {"type_title", summary.machine_title},
      {"kind", summary.kind},  {"state", summary.state},  {"final", summary.final},
      {"title", summary.title}};
  if (!summary.doc_number.empty()) json["doc_number"] = summary.doc_number;
  return json;
}

OrderedJson LeadJson(const LeadView& view) {
  const store::Lead& lead = view.lead;
  OrderedJson json = {
      {"id", lead.id}, {"model", lead.model_id}, {"subject", SubjectObject(lead.subject)}};
  json["rules"] = ParsedOr(lead.rules_json, OrderedJson::array());
  json["title"] = lead.title;
  json["status"] = lead.status;
  OrderedJson evidence = OrderedJson::array();
  for (const store::EvidenceRow& row : lead.evidence) {
    OrderedJson item = {{"dataset", row.dataset}, {"key", row.key}};
    if (!row.role.empty()) item["role"] = row.role;
    if (!row.batch_id.empty()) item["batch"] = row.batch_id;
    item["values"] = ParsedOr(row.values_json, OrderedJson::object());
    evidence.push_back(std::move(item));
  }
  json["evidence"] = std::move(evidence);
  json["source"] = lead.source;
  if (!lead.model_version.empty()) json["model_version"] = lead.model_version;
  json["facts"] = ParsedOr(lead.facts_json, OrderedJson::object());
  json["legal_basis"] = lead.legal_basis;
  json["addressee"] = lead.addressee;
  json["created_at"] = lead.created_at;
  json["updated_at"] = lead.updated_at;
  if (!lead.first_run_id.empty())
    json["runs"] = {{"first", lead.first_run_id}, {"last", lead.last_run_id}};
  if (view.handling) {
    const store::LeadHandling& handling = *view.handling;
    OrderedJson handling_json = {
        {"org", handling.org_code},
        {"org_name", view.org_name},
        {"dept", handling.dept_code},
        {"assignee", handling.assignee},
        {"assignee_name", view.assignee_name},
        {"received_on", handling.received_on},
        {"source_detail", ParsedOr(handling.source_detail_json, OrderedJson::object())}};
    if (!handling.decision.empty()) {
      handling_json["decision"] = handling.decision;
      handling_json["reason"] = handling.reason;
      handling_json["decided_by"] = handling.decided_by;
      handling_json["decided_on"] = handling.decided_on;
    }
    if (!handling.merged_into.empty()) handling_json["merged_into"] = handling.merged_into;
    if (!handling.outcome_ref.empty()) handling_json["outcome"] = handling.outcome_ref;
    json["handling"] = std::move(handling_json);
  }
  json["merged_from"] = view.merged_from;
  OrderedJson matters = OrderedJson::array();
  for (const MatterSummary& summary : view.matters) matters.push_back(MatterSummaryJson(summary));
  json["matters"] = std::move(matters);
  json["deadlines"] = DeadlinesJson(view.deadlines);
  json["events"] = EventsJson(view.events);
  json["next"] = NextJson(view.next_actions);
  return json;
}

OrderedJson MatterJson(const MatterView& view) {
  const store::Matter& matter = view.matter;
  OrderedJson json = {{"id", matter.id},
                      {"type", matter.machine},
                      {"type_title", view.machine_title},
                      {"kind", matter.kind},
                      {"state", matter.state}};
  if (!view.state_description.empty()) json["state_description"] = view.state_description;
  json["final"] = view.final;
  json["title"] = matter.title;
  json["doc_number"] = matter.doc_number;
  json["urgent"] = matter.urgent;
  json["org"] = {{"code", matter.org_code}, {"name", view.org_name}};
  json["dept"] = {{"code", matter.dept_code}, {"name", view.dept_name}};
  json["handler"] = {{"login", matter.handler}, {"name", view.handler_name}};
  json["counterparty"] = {{"code", matter.counterparty_org}, {"name", view.counterparty_name}};
  if (view.case_summary) json["case"] = MatterSummaryJson(*view.case_summary);
  if (!matter.parent_id.empty()) json["parent"] = matter.parent_id;
  if (!view.lead_id.empty()) json["lead"] = view.lead_id;
  json["opened_on"] = matter.opened_on;
  if (!matter.closed_on.empty()) json["closed_on"] = matter.closed_on;
  json["attributes"] = view.attributes;
  OrderedJson dispositions = OrderedJson::array();
  for (const MatterSummary& summary : view.dispositions)
    dispositions.push_back(MatterSummaryJson(summary));
  json[matter.machine == "case" ? "dispositions" : "followed_by"] = std::move(dispositions);
  json["deadlines"] = DeadlinesJson(view.deadlines);
  OrderedJson documents = OrderedJson::array();
  for (const store::Attachment& attachment : view.attachments)
    documents.push_back(AttachmentJson(attachment));
  json["documents"] = std::move(documents);
  if (!view.sites.empty()) json["sites"] = view.sites;
  json["events"] = EventsJson(view.events);
  json["next"] = NextJson(view.next_actions);
  return json;
}

OrderedJson SubjectJson(const SubjectView& view) {
  OrderedJson leads = OrderedJson::array();
  for (const store::Lead& lead : view.leads) {
    leads.push_back({{"id", lead.id},
                     {"model", lead.model_id},
                     {"source", lead.source},
                     {"title", lead.title},
                     {"status", lead.status},
                     {"created_at", lead.created_at}});
  }
  OrderedJson matters = OrderedJson::array();
  for (const MatterSummary& summary : view.matters) matters.push_back(MatterSummaryJson(summary));
  return {{"subject", SubjectObject(view.subject)},
          {"leads", leads},
          {"models", view.models},
          {"sources", view.sources},
          {"procuratorates", view.orgs},
          {"matters", matters},
          {"hidden_leads", view.hidden}};
}

OrderedJson OutcomeJson(const ActionOutcome& outcome) {
  return {{"object", outcome.object_id},
          {"type", outcome.machine},
          {"from", outcome.from_state},
          {"to", outcome.to_state},
          {"created", outcome.created},
          {"notes", outcome.notes},
          {"needs_attention", outcome.needs_attention}};
}

OrderedJson TodoJson(const TodoReport& report) {
  OrderedJson items = OrderedJson::array();
  for (const TodoItem& item : report.items) {
    OrderedJson json = {{"kind", item.kind},
                        {"ref", item.ref},
                        {"title", item.title},
                        {"due", item.due},
                        {"colour", item.colour},
                        {"days_left", item.days_left},
                        {"deadline", item.deadline_title},
                        {"type", item.machine},
                        {"state", item.state}};
    if (!item.note.empty()) json["note"] = item.note;
    items.push_back(std::move(json));
  }
  return {{"as_of", report.as_of.ToIso()}, {"user", report.user}, {"items", items}};
}

OrderedJson OrganisationJson(const store::Organisation& org) {
  return {{"code", org.code},    {"name", org.name},          {"short_name", org.short_name},
          {"kind", org.kind},    {"parent", org.parent_code}, {"region", org.region},
          {"active", org.active}};
}

OrderedJson DepartmentJson(const store::Department& dept) {
  return {{"org", dept.org_code},
          {"code", dept.code},
          {"name", dept.name},
          {"short_name", dept.short_name}};
}

OrderedJson UserJson(const store::User& user) {
  return {{"login", user.login},    {"name", user.name},   {"org", user.org_code},
          {"dept", user.dept_code}, {"roles", user.roles}, {"active", user.active}};
}

OrderedJson AuditEventJson(const store::AuditEvent& event) {
  return {{"seq", event.seq},
          {"at", event.at},
          {"actor", event.actor},
          {"actor_org", event.actor_org},
          {"action", event.action},
          {"object_type", event.object_type},
          {"object", event.object_id},
          {"outcome", event.outcome},
          {"summary", event.summary},
          {"before", ParsedOr(event.before_json, OrderedJson::object())},
          {"after", ParsedOr(event.after_json, OrderedJson::object())},
          {"key", event.key_id},
          {"mac", event.mac}};
}

OrderedJson VerificationJson(const AuditVerification& verification) {
  OrderedJson json = {{"intact", verification.intact},
                      {"rows", verification.rows},
                      {"anchor", {{"seq", verification.last_seq}, {"mac", verification.last_mac}}}};
  if (!verification.intact) {
    json["first_bad_seq"] = verification.first_bad_seq;
    json["problem"] = verification.problem;
  }
  return json;
}

OrderedJson DocumentJson(const GeneratedDocument& document, const std::string& path) {
  return {{"file", path},
          {"title", document.title},
          {"doc_number", document.number},
          {"draft", document.draft},
          {"size", document.bytes.size()},
          {"sha256", document.sha256},
          {"attachment", document.attachment_id}};
}

OrderedJson SiteJson(const store::HeritageSite& site) {
  return {{"site_no", site.site_no},
          {"name", site.name},
          {"category", site.category},
          {"level", site.level},
          {"township", site.township},
          {"lon", site.lon},
          {"lat", site.lat},
          {"responsible_agency", site.responsible_agency},
          {"caretaker", site.caretaker},
          {"org", site.org_code},
          {"source", site.source}};
}

OrderedJson SiteViewJson(const SiteView& view) {
  OrderedJson json = SiteJson(view.site);
  json["org_name"] = view.org_name;
  OrderedJson inspections = OrderedJson::array();
  for (const InspectionView& inspection : view.inspections) {
    OrderedJson photos = OrderedJson::array();
    for (const store::Attachment& photo : inspection.photos)
      photos.push_back(AttachmentJson(photo));
    inspections.push_back({{"on", inspection.inspection.inspected_on},
                           {"condition", inspection.inspection.condition},
                           {"issues", inspection.inspection.issues},
                           {"inspector", inspection.inspection.inspector},
                           {"photos", photos}});
  }
  json["inspections"] = std::move(inspections);
  OrderedJson matters = OrderedJson::array();
  for (const MatterSummary& summary : view.matters) matters.push_back(MatterSummaryJson(summary));
  json["matters"] = std::move(matters);
  OrderedJson outcomes = OrderedJson::array();
  for (const store::HeritageOutcome& outcome : view.outcomes) {
    outcomes.push_back({{"matter", outcome.matter_id},
                        {"rooms", outcome.rooms},
                        {"area_m2", FormatFixedPointForJson(outcome.area_milli, 3)},
                        {"funds_yuan", FormatFixedPointForJson(outcome.funds_fen, 2)},
                        {"recorded_on", outcome.recorded_on}});
  }
  json["outcomes"] = std::move(outcomes);
  json["totals"] = {{"rooms", view.totals.rooms},
                    {"area_m2", FormatFixedPointForJson(view.totals.area_milli, 3)},
                    {"funds_yuan", FormatFixedPointForJson(view.totals.funds_fen, 2)}};
  return json;
}

OrderedJson TotalsJson(const HeritageTotalsView& view) {
  return {{"sites", view.totals.sites},
          {"rooms", view.totals.rooms},
          {"area_m2", FormatFixedPointForJson(view.totals.area_milli, 3)},
          {"funds_yuan", FormatFixedPointForJson(view.totals.funds_fen, 2)},
          {"text", view.text}};
}

}  // namespace shujian::workflow
