#include "workflow/workflow_context.h"

namespace shujian::workflow {

Result<Reading> BeginCaseReading(const WorkflowContext& context, std::string_view actor_login,
                                 const std::string& what) {
  Reading reading;
  SJ_ASSIGN_OR_RETURN(reading.transaction, context.store->Begin(store::TransactionMode::kRead));
  AccessPolicy policy = context.policy();
  SJ_ASSIGN_OR_RETURN(reading.actor, policy.Resolve(*reading.transaction, actor_login));
  SJ_RETURN_IF_ERROR(policy.CheckReadsCaseData(reading.actor, what));
  return reading;
}

Status RunAudited(const WorkflowContext& context, std::string_view actor_login,
                  std::string_view action, std::string_view object_id,
                  const std::function<Status(store::Transaction&)>& body) {
  Status status;
  {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<store::Transaction> transaction,
                        context.store->Begin(store::TransactionMode::kReadWrite));
    status = body(*transaction);
    if (status.ok()) return transaction->Commit();
  }
  if (status.code() == StatusCode::kPermissionDenied) {
    Result<std::unique_ptr<store::Transaction>> transaction =
        context.store->Begin(store::TransactionMode::kReadWrite);
    if (transaction.ok()) {
      Result<Actor> actor = context.policy().Resolve(**transaction, actor_login);
      Actor refused_actor;
      if (actor.ok()) {
        refused_actor = std::move(actor).value();
      } else {
        refused_actor.login = std::string(actor_login);
      }
      AuditEntry entry;
      entry.action = std::string(action);
      entry.object_id = std::string(object_id);
      entry.outcome = "refused";
      entry.summary = status.message();
      if (context.audit->Record(**transaction, refused_actor, entry).ok()) {
        (*transaction)->Commit().ok();  // The refusal is what the caller must hear about.
      }
    }
  }
  return status;
}

}  // namespace shujian::workflow
