// The JSON shapes of the workflow's views, shared by the CLI (--json) and the server: a lead as
// shared/spec/cli.md `lead ID` shows it, a matter with its events, deadlines and documents, the
// to-do list of cli.md `todo --json`, the outcome of an act, organisations, users, audit rows.
// Field names are stable; new fields may be added.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_WORKFLOW_JSON_VIEWS_H_
#define SHUJIAN_WORKFLOW_JSON_VIEWS_H_

#include <nlohmann/json.hpp>

#include "workflow/audit_log.h"
#include "workflow/case_views.h"
#include "workflow/document_service.h"
#include "workflow/heritage_registry.h"
#include "workflow/procedure_runner.h"
#include "workflow/todo_list.h"

namespace shujian::workflow {

using OrderedJson = nlohmann::ordered_json;

OrderedJson LeadJson(const LeadView& view);
OrderedJson MatterJson(const MatterView& view);
OrderedJson SubjectJson(const SubjectView& view);
OrderedJson MatterSummaryJson(const MatterSummary& summary);
// {"action", "from", "to", "created", "notes", "needs_attention"}
OrderedJson OutcomeJson(const ActionOutcome& outcome);
// {"as_of", "user", "items": [{"kind", "ref", "title", "due", "colour", ...}]}
OrderedJson TodoJson(const TodoReport& report);
OrderedJson OrganisationJson(const store::Organisation& org);
OrderedJson DepartmentJson(const store::Department& dept);
OrderedJson UserJson(const store::User& user);
OrderedJson AuditEventJson(const store::AuditEvent& event);
OrderedJson VerificationJson(const AuditVerification& verification);
OrderedJson DocumentJson(const GeneratedDocument& document, const std::string& path);
OrderedJson SiteJson(const store::HeritageSite& site);
OrderedJson SiteViewJson(const SiteView& view);
OrderedJson TotalsJson(const HeritageTotalsView& totals);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_JSON_VIEWS_H_
