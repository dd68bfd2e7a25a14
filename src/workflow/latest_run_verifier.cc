#include "workflow/latest_run_verifier.h"

namespace shujian::workflow {

Result<VerificationOutcome> LatestRunVerifier::Verify(store::Transaction& transaction,
                                                      const VerificationRequest& request) {
  SJ_ASSIGN_OR_RETURN(std::vector<store::ModelRun> runs,
                      transaction.leads().ListRuns(request.model_id, 0));
  const store::ModelRun* newest = nullptr;
  for (const store::ModelRun& run : runs) {  // newest first
    if (!run.ok) continue;
    if (newest == nullptr || run.as_of > newest->as_of) newest = &run;
  }
  if (newest == nullptr || newest->as_of < request.data_since.ToIso()) {
    return Status::FailedPrecondition("模型「" + request.model_id + "」还没有在 " +
                                      request.data_since.ToIso() +
                                      " 以后的数据上运行过；请先导入最新数据并运行 shujian run " +
                                      request.model_id + " --as-of " + request.as_of.ToIso());
  }
  store::LeadFilter filter;
  filter.model_id = request.model_id;
  filter.subject = request.subject;
  SJ_ASSIGN_OR_RETURN(std::vector<store::Lead> leads, transaction.leads().ListLeads(filter));
  VerificationOutcome outcome;
  outcome.run_id = newest->id;
  outcome.run_as_of = newest->as_of;
  for (const store::Lead& lead : leads) {
    if (lead.subject == request.subject && lead.last_run_id == newest->id) {
      outcome.still_found = true;
      break;
    }
  }
  outcome.evidence = "模型「" + request.model_id + "」" + newest->as_of + "的运行（" + newest->id +
                     "）" + (outcome.still_found ? "仍然发现该主体" : "已不再发现该主体");
  return outcome;
}

}  // namespace shujian::workflow
