// ProcedureRunner: performs the acts of the procedure (rules/procedure/) on leads and matters —
// checking, in this order, that the object exists and the actor may see it, that the act exists
// and is allowed in the object's state (an illegal transition is refused with the reason and
// what must happen first), that the actor's role and scope allow it, that every required input
// is there and valid, and that the act's guards hold — and then, in one transaction: the state
// change, the named effects (a case from a lead, a document number, a litigation ...), the
// deadlines it starts, stops, pauses or resumes, the event in the object's history and the
// audit row. A refused act changes nothing (a refusal for lack of rights leaves an audit row).
//
// Time: acts are dated by `on` (the procedural date, default the clock's today), which may not be
// in the future nor before the object's last act. Before an act, deadlines that passed by `on`
// take their automatic transitions (e.g. 已送达 → 逾期未回复), done by the system and audited;
// Sweep() does the same for every object, for a daily job.
//
// Thread safety: safe for concurrent use; each call runs its own transaction.
#ifndef SHUJIAN_WORKFLOW_PROCEDURE_RUNNER_H_
#define SHUJIAN_WORKFLOW_PROCEDURE_RUNNER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "workflow/attachments.h"
#include "workflow/workflow_context.h"

namespace shujian::workflow {

struct ActionRequest {
  std::string actor;                          // login; empty: the local operator
  std::string object_id;                      // L-…, C-…, S-…
  std::string action;                         // a transition of the object's machine, e.g. sign
  std::string expected_machine;               // when set, other kinds of object are refused
  std::optional<Date> on;                     // the procedural date; default today
  std::map<std::string, std::string> inputs;  // field → value as typed (flags: "true")
  std::map<std::string, Upload> files;        // file fields → content
};

struct CreateRequest {
  std::string actor;
  std::string machine;  // suggestion, consultation, opinion ...
  std::optional<Date> on;
  std::map<std::string, std::string> inputs;
  std::map<std::string, Upload> files;
};

// A lead from a source other than a model (12309, a deputy, the discipline commission ...).
struct LeadIntakeRequest {
  std::string actor;
  std::optional<Date> on;
  std::string source;           // one of kLeadSources
  std::string subject_kind;     // person, organisation, vehicle, site, record
  std::string subject_key;      // ID number, credit code, plate, site number, record key
  std::string subject_dataset;  // for a record
  std::string subject_label;    // a name, for display
  std::string title;
  std::string facts;  // what the source said
  std::string legal_basis;
  std::string addressee;  // the agency concerned (organisation code or name); may be empty
  std::optional<Date> received_on;  // default: on
  std::string deputy;               // for 代表委员建议: the deputy's name
  std::string from_org;             // the transferring or congress organisation (code)
};

// The sources of a lead (procedure.md «Lead»).
inline constexpr std::string_view kLeadSources[] = {
    "12309",        "来信来访",         "代表委员建议", "纪委监委移送", "刑事检察部门",
    "民事检察部门", "控告申诉检察部门", "两法衔接平台", "媒体",         "其他"};

struct ActionOutcome {
  std::string object_id;
  std::string machine;
  std::string from_state;
  std::string to_state;
  std::vector<std::string> created;  // ids of what the act created (a case, a transfer ...)
  std::vector<std::string> notes;    // for people: deadlines set, numbers given, checks made
  bool needs_attention = false;      // e.g. rectification recorded but the model still finds it
};

struct SweepReport {
  std::vector<std::string> acts;  // "S-000001 逾期未回复（2024-05-16）"
};

class ProcedureRunner {
 public:
  explicit ProcedureRunner(const WorkflowContext& context) : context_(context) {}

  // Performs `request.action` on `request.object_id`. Errors: NotFound (no such object, user or
  // referenced thing), PermissionDenied (role or scope), FailedPrecondition (not allowed in the
  // current state, a guard fails, a date out of order), InvalidArgument (a missing, unknown or
  // invalid input). Every error message says why and what is needed.
  Result<ActionOutcome> Perform(const ActionRequest& request) const;
  // Creates a matter of `request.machine` (its `create` block: e.g. a suggestion draft under a
  // case). Errors as Perform.
  Result<ActionOutcome> Create(const CreateRequest& request) const;
  // Registers a lead from a non-model source, with its handling; a deputy's suggestion also opens
  // a 代表委员建议 matter and a discipline-commission transfer a 线索移送 (移入) matter.
  Result<ActionOutcome> IntakeLead(const LeadIntakeRequest& request) const;
  // Performs every automatic transition whose deadline passed before `as_of`.
  Result<SweepReport> Sweep(Date as_of) const;

 private:
  const WorkflowContext& context_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_PROCEDURE_RUNNER_H_
