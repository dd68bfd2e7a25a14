#include "workflow/model_rerun_verifier.h"

#include <algorithm>

#include "engine/engine.h"
#include "workflow/store_dataset_source.h"

namespace shujian::workflow {

Result<VerificationOutcome> ModelRerunVerifier::Verify(store::Transaction& transaction,
                                                       const VerificationRequest& request) {
  const engine::CompiledModel* model = library_->Find(request.model_id);
  if (model == nullptr) {
    return Status::NotFound("没有编号为「" + request.model_id + "」的模型，无法重新运行以核验整改");
  }
  StoreDatasetSource source(&transaction);
  engine::RunOptions options;
  options.as_of = request.as_of;
  SJ_ASSIGN_OR_RETURN(engine::RunResult result, engine::RunModel(*model, &source, options));

  // The newest import of any dataset the model reads (an upload whose rows were all unchanged
  // counts: the agency sent its current data).
  std::string newest_batch_at;
  for (const std::string& dataset : model->Datasets()) {
    SJ_ASSIGN_OR_RETURN(std::vector<store::BatchManifest> batches,
                        transaction.datasets().ListBatches(dataset, 1));
    for (const store::BatchManifest& batch : batches)
      newest_batch_at = std::max(newest_batch_at, batch.imported_at);
  }
  if (newest_batch_at.substr(0, 10) < request.data_since.ToIso()) {
    std::string datasets;
    for (const std::string& dataset : model->Datasets())
      datasets += (datasets.empty() ? "" : "、") + dataset;
    return Status::FailedPrecondition(
        "模型「" + request.model_id + "」读取的数据（" + datasets + "）在 " +
        request.data_since.ToIso() + " 以后没有导入过新批次" +
        (newest_batch_at.empty() ? "" : "（最近一次导入于 " + newest_batch_at + "）") +
        "；请先导入整改后的最新数据，再核验整改");
  }

  VerificationOutcome outcome;
  outcome.run_as_of = request.as_of.ToIso();
  for (const engine::EngineLead& lead : result.leads) {
    store::LeadSubject found{lead.subject_kind, lead.subject_dataset, lead.subject_key,
                             lead.subject_label};
    if (found == request.subject) {
      outcome.still_found = true;
      break;
    }
  }
  outcome.evidence = "以 " + outcome.run_as_of + " 为基准日在最新数据（最近导入于 " +
                     newest_batch_at + "，共 " + std::to_string(result.rows_read) +
                     " 行）上重新运行模型「" + request.model_id + "」（版本 " +
                     model->spec().version + "）：" +
                     (outcome.still_found ? "仍然发现该对象" : "已不再发现该对象");
  return outcome;
}

}  // namespace shujian::workflow
