#include "workflow/model_run_service.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "engine/run_inputs.h"

namespace shujian::workflow {
namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string NowIso(const Clock& clock) { return clock.Now().ToIso(); }

// The engine options of `model`'s run: the as-of date and the overrides that concern it.
engine::RunOptions OptionsFor(const engine::CompiledModel& model, const ModelRunRequest& request) {
  engine::RunOptions options;
  options.as_of = request.as_of;
  for (const auto& [model_id, name, value] : request.params) {
    if (!model_id.empty() && model_id != model.spec().id) continue;
    for (const engine::BoundParameter& parameter : model.bound().parameters) {
      if (parameter.name == name) options.params.emplace_back(name, value);
    }
  }
  return options;
}

}  // namespace

bool ModelRunReport::any_failed() const {
  for (const ModelRunOutcome& outcome : models) {
    if (!outcome.ok) return true;
  }
  return false;
}

store::ModelFinding ToFinding(const engine::CompiledModel& model, const engine::EngineLead& lead) {
  store::ModelFinding finding;
  finding.model_id = model.spec().id;
  finding.model_version = model.spec().version;
  finding.subject = {lead.subject_kind, lead.subject_dataset, lead.subject_key, lead.subject_label};
  finding.rules_json = nlohmann::json(lead.rules).dump();
  finding.title = lead.title;
  finding.facts_json = lead.facts_json;
  finding.legal_basis = lead.legal_basis;
  finding.addressee = lead.addressee;
  for (const engine::LeadEvidence& evidence : lead.evidence) {
    finding.evidence.push_back({evidence.dataset, evidence.key, evidence.batch, evidence.role, evidence.values_json});
  }
  return finding;
}

Result<ModelRunReport> ModelRunService::Run(const ModelRunRequest& request, const DatasetSourceFactory& sources) {
  std::vector<const engine::CompiledModel*> selected;
  if (request.models.empty()) {
    selected = models_->All();
  } else {
    for (const std::string& id : request.models) {
      const engine::CompiledModel* model = models_->Find(id);
      if (model == nullptr) {
        std::string known;
        for (const engine::CompiledModel* candidate : models_->All()) {
          known += (known.empty() ? "" : "、") + candidate->spec().id;
        }
        return Status::NotFound("没有编号为「" + id + "」的模型" + (known.empty() ? "" : "（可用：" + known + "）"));
      }
      selected.push_back(model);
    }
  }
  for (const auto& [model_id, name, value] : request.params) {
    bool known = false;
    for (const engine::CompiledModel* model : selected) {
      if (!model_id.empty() && model->spec().id != model_id) continue;
      for (const engine::BoundParameter& parameter : model->bound().parameters) {
        known = known || (parameter.name == name && name != "as_of");
      }
    }
    if (!known) {
      return Status::InvalidArgument("参数「" + (model_id.empty() ? "" : model_id + ".") + name +
                                     "」不属于要运行的任何模型");
    }
  }
  for (const engine::CompiledModel* model : selected) {
    Result<std::vector<std::vector<engine::Value>>> values =
        engine::ResolveParameters(model->bound(), OptionsFor(*model, request));
    if (!values.ok()) return values.status().WithContext("模型 " + model->spec().id);
  }
  ModelRunReport report;
  report.as_of = request.as_of;
  for (size_t index = 0; index < selected.size(); ++index) {
    report.models.push_back(RunOne(*selected[index], request, sources, index + 1, selected.size()));
  }
  return report;
}

ModelRunOutcome ModelRunService::RunOne(const engine::CompiledModel& model, const ModelRunRequest& request,
                                        const DatasetSourceFactory& sources, size_t index, size_t count) {
  ModelRunOutcome outcome;
  outcome.model = model.spec().id;
  outcome.version = model.spec().version;
  auto start = std::chrono::steady_clock::now();
  store::ModelRun run;
  run.model_id = outcome.model;
  run.model_version = outcome.version;
  run.as_of = request.as_of.ToIso();
  run.started_at = NowIso(*clock_);
  run.started_by = request.started_by;

  engine::RunOptions options = OptionsFor(model, request);
  if (request.progress) {
    options.progress = [&](const engine::RunProgress& progress) { request.progress(index, count, outcome.model, progress); };
  }

  Status status = [&]() -> Status {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<store::Transaction> transaction, store_->Begin(store::TransactionMode::kReadWrite));
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<engine::DatasetSource> source, sources(*transaction));
    SJ_ASSIGN_OR_RETURN(engine::RunResult result, engine::RunModel(model, source.get(), options));
    source.reset();
    store::LeadRepository& leads = transaction->leads();
    SJ_ASSIGN_OR_RETURN(run.id, leads.RecordRun(run));
    std::string now = NowIso(*clock_);
    for (const engine::EngineLead& lead : result.leads) {
      SJ_ASSIGN_OR_RETURN(store::UpsertOutcome upserted, leads.UpsertModelFinding(ToFinding(model, lead), run.id, now));
      if (upserted.created) ++outcome.new_leads;
    }
    outcome.leads = static_cast<int>(result.leads.size());
    outcome.rows_read = result.rows_read;
    outcome.notes = result.notes;
    outcome.outputs = std::move(result.outputs);
    run.input_batches = result.input_batches;
    run.leads_found = outcome.leads;
    run.leads_new = outcome.new_leads;
    run.seconds = Since(start);
    for (const std::string& note : result.notes) run.message += (run.message.empty() ? "" : "\n") + note;
    SJ_RETURN_IF_ERROR(leads.FinishRun(run));
    std::vector<store::RunOutput> outputs;
    for (const engine::OutputTable& table : outcome.outputs) {
      outputs.push_back({table.step, table.title, table.columns, table.rows});
    }
    if (!outputs.empty()) SJ_RETURN_IF_ERROR(leads.RecordRunOutputs(run.id, outputs));
    return transaction->Commit();
  }();

  outcome.seconds = Since(start);
  if (status.ok()) {
    outcome.ok = true;
    outcome.run_id = run.id;
    return outcome;
  }
  // Nothing of the failed attempt was kept; record the failure in its own transaction.
  outcome.ok = false;
  outcome.error = status.message();
  outcome.leads = 0;
  outcome.new_leads = 0;
  outcome.notes.clear();
  outcome.outputs.clear();
  store::ModelRun failed = run;
  failed.id.clear();
  failed.ok = false;
  failed.message = status.message();
  failed.seconds = outcome.seconds;
  failed.leads_found = 0;
  failed.leads_new = 0;
  Result<std::unique_ptr<store::Transaction>> transaction = store_->Begin(store::TransactionMode::kReadWrite);
  if (transaction.ok()) {
    Result<std::string> id = (*transaction)->leads().RecordRun(failed);
    if (id.ok() && (*transaction)->Commit().ok()) outcome.run_id = *id;
  }
  return outcome;
}

}  // namespace shujian::workflow
