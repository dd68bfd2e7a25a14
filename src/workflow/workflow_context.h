// What every workflow service works with: the store, the clock, the procedure and calendar, the
// audit log, and (optionally) the rectification verifier. Built once by the CLI or the server
// and passed by reference; it owns nothing.
//
// Thread safety: the pointed-to objects are safe for concurrent use, except the verifier, which
// is used by one operation at a time.
#ifndef SHUJIAN_WORKFLOW_WORKFLOW_CONTEXT_H_
#define SHUJIAN_WORKFLOW_WORKFLOW_CONTEXT_H_

#include <functional>
#include <memory>
#include <string_view>

#include "core/clock.h"
#include "store/store.h"
#include "workflow/access_policy.h"
#include "workflow/audit_log.h"
#include "workflow/procedure.h"
#include "workflow/rectification_verifier.h"
#include "workflow/work_calendar.h"

namespace shujian::workflow {

struct WorkflowContext {
  store::Store* store = nullptr;
  const Clock* clock = nullptr;
  const Procedure* procedure = nullptr;
  const WorkCalendar* calendar = nullptr;
  const AuditLog* audit = nullptr;
  RectificationVerifier* verifier = nullptr;  // may be null: verification is then skipped

  AccessPolicy policy() const { return AccessPolicy(procedure->access()); }
};

// A read transaction with the actor resolved.
struct Reading {
  std::unique_ptr<store::Transaction> transaction;
  Actor actor;
};

// Begins a read transaction for `actor_login`, who must be allowed to read case data (not one of
// the three administrators); `what` names the reading in the refusal.
Result<Reading> BeginCaseReading(const WorkflowContext& context, std::string_view actor_login,
                                 const std::string& what);

// Runs `body` in a write transaction and commits it. When `body` fails with PermissionDenied,
// the transaction is rolled back and the refused attempt is audited in a transaction of its own
// (shared/design/security.md §6.4: denied access leaves an audit row); nothing else is changed.
// `actor_login` and `what` describe the attempt for that row.
Status RunAudited(const WorkflowContext& context, std::string_view actor_login,
                  std::string_view action, std::string_view object_id,
                  const std::function<Status(store::Transaction&)>& body);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_WORKFLOW_CONTEXT_H_
