// What a person sees of a lead, a matter (case, suggestion ...), a subject or a to-do list: the
// object with its history, deadlines (with their colour as of a date), attachments, what came of
// it, and the acts the viewer may perform next with what each needs. Views are scoped and masked
// for the viewer (access_policy.h): a lead or matter outside the viewer's scope is refused, and
// personal data is masked unless the viewer's role needs it. A view that shows someone's ID
// number in full is audited (security.md AUD-1: plaintext PII views).
//
// Thread safety: safe for concurrent use; each call runs its own transactions.
#ifndef SHUJIAN_WORKFLOW_CASE_VIEWS_H_
#define SHUJIAN_WORKFLOW_CASE_VIEWS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "workflow/workflow_context.h"

namespace shujian::workflow {

struct DeadlineView {
  std::string name;
  std::string title;
  std::string period;
  std::string base_on;
  std::string due_on;
  std::string state;  // open, paused, done, cancelled
  std::string closed_on;
  std::string colour;       // for open deadlines: green, yellow, red; else ""
  int days_left = 0;        // due - as_of, for open deadlines
  std::optional<bool> met;  // for done deadlines: closed on or before the due date
  std::string note;
};

struct EventView {
  int64_t seq = 0;
  std::string action;
  std::string label;
  std::string from_state;
  std::string to_state;
  std::string actor;
  std::string acted_on;
  std::string recorded_at;
  nlohmann::ordered_json inputs;
};

struct NextAction {
  std::string action;
  std::string label;
  std::string command;             // e.g. "shujian suggestion serve S-000001"
  std::vector<std::string> needs;  // the inputs it requires, as "送达方式（--method，可选：…）"
};

struct MatterSummary {
  std::string id;
  std::string machine;
  std::string machine_title;
  std::string kind;
  std::string state;
  bool final = false;
  std::string title;
  std::string doc_number;
};

struct MatterView {
  store::Matter matter;
  std::string machine_title;
  std::string state_description;
  bool final = false;
  std::string org_name;
  std::string dept_name;
  std::string handler_name;
  std::string counterparty_name;
  nlohmann::ordered_json attributes;  // masked for the viewer
  std::vector<EventView> events;
  std::vector<DeadlineView> deadlines;
  std::vector<store::Attachment> attachments;
  std::vector<MatterSummary> dispositions;  // for a case: its dispositions; else what came of it
  std::optional<MatterSummary> case_summary;
  std::string lead_id;
  std::vector<std::string> sites;
  std::vector<NextAction> next_actions;
};

struct LeadView {
  store::Lead lead;  // subject and evidence masked for the viewer
  std::optional<store::LeadHandling> handling;
  std::string org_name;
  std::string assignee_name;
  std::vector<EventView> events;
  std::vector<DeadlineView> deadlines;
  std::vector<std::string> merged_from;
  std::vector<MatterSummary> matters;  // the case, transfers and deputy matter it produced
  std::vector<NextAction> next_actions;
};

struct SubjectView {
  store::LeadSubject subject;          // masked for the viewer
  std::vector<store::Lead> leads;      // every lead about it the viewer may see, by id
  std::vector<std::string> models;     // the distinct models that flagged it
  std::vector<std::string> sources;    // the distinct sources
  std::vector<std::string> orgs;       // the procuratorates holding its leads
  std::vector<MatterSummary> matters;  // the cases and dispositions that came of those leads
  int hidden = 0;                      // leads about it outside the viewer's scope
};

// "green", "yellow" (due within warning_days), "red" (overdue).
std::string DeadlineColour(Date due, Date as_of, int warning_days);

class CaseViews {
 public:
  explicit CaseViews(const WorkflowContext& context) : context_(context) {}

  // Errors: NotFound, PermissionDenied (outside the viewer's scope, or an administrator).
  Result<MatterView> ShowMatter(const std::string& actor, const std::string& id, Date as_of) const;
  Result<LeadView> ShowLead(const std::string& actor, const std::string& id, Date as_of) const;
  // Every lead about (kind, key) across models and procuratorates, as the viewer may see them.
  // `key` is normalised like the leads' (an ID number, credit code or plate in any accepted form).
  Result<SubjectView> ShowSubject(const std::string& actor, const std::string& kind,
                                  const std::string& key, Date as_of) const;
  // The leads matching `filter` that the viewer may see, with their evidence, masked for the
  // viewer (a plain view of personal data is audited); `hidden` counts the others.
  Result<std::vector<store::Lead>> ListLeads(const std::string& actor,
                                             const store::LeadFilter& filter, Date as_of,
                                             int* hidden) const;
  // Matters of `machine` (all when empty) the viewer may see, open ones only when `open_only`.
  Result<std::vector<MatterSummary>> ListMatters(const std::string& actor,
                                                 const std::string& machine, bool open_only) const;

 private:
  const WorkflowContext& context_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_CASE_VIEWS_H_
