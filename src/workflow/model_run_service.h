// ModelRunService: runs supervision models over the data in the store and keeps what they find
// as leads (线索). For each model, in one transaction: the model's datasets are loaded (only the
// columns it reads), the engine runs, the run is recorded (model version, as-of date, input
// batches, counts, duration), and every finding is upserted as the lead of (model, subject) —
// running again refreshes the evidence of an existing lead and adds no duplicate. A model that
// fails leaves no lead change and records a failed run; the other models still run.
//
// The tables a model returns besides leads (output steps, e.g. an agency scorecard) are kept
// with the run. This service does not decide anything about leads after they exist (evaluation, cases):
// that is the rest of the workflow layer. It reads no clock but the one it is given, and the
// engine reads no clock at all, so the same data, model version and as-of give the same leads.
//
// Thread safety: one Run at a time per service; the store serialises writers.
#ifndef SHUJIAN_WORKFLOW_MODEL_RUN_SERVICE_H_
#define SHUJIAN_WORKFLOW_MODEL_RUN_SERVICE_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/result.h"
#include "engine/input/dataset_source.h"
#include "engine/model_library.h"
#include "engine/run_result.h"
#include "store/store.h"

namespace shujian::workflow {

struct ModelRunRequest {
  std::vector<std::string> models;  // model ids; empty: every model of the library
  Date as_of;                       // the run's reference date ($as_of)
  // Parameter overrides: (model id, parameter, value); a model id of "" applies to every
  // model that has the parameter.
  std::vector<std::tuple<std::string, std::string, std::string>> params;
  std::string started_by;           // who runs it (recorded on the run)
  // Progress of the current model (index 1-based, count) and of its engine run.
  std::function<void(size_t model, size_t models, const std::string& id, const engine::RunProgress&)> progress;
};

struct ModelRunOutcome {
  std::string model;          // model id
  std::string version;
  std::string run_id;         // "R-000001" (also for a failed run)
  bool ok = false;
  std::string error;          // when !ok: what went wrong
  int leads = 0;              // leads found (subjects)
  int new_leads = 0;          // of them, leads that did not exist before
  double seconds = 0;         // load + run + store
  size_t rows_read = 0;
  std::vector<std::string> notes;  // for the analyst (unmapped violation types, ...)
  std::vector<engine::OutputTable> outputs;
};

struct ModelRunReport {
  Date as_of;
  std::vector<ModelRunOutcome> models;
  bool any_failed() const;
};

// Makes the DatasetSource a model run reads from, inside the run's transaction.
using DatasetSourceFactory =
    std::function<Result<std::unique_ptr<engine::DatasetSource>>(store::Transaction& transaction)>;

class ModelRunService {
 public:
  // All three must outlive the service.
  ModelRunService(store::Store* store, const engine::ModelLibrary* models, const Clock* clock)
      : store_(store), models_(models), clock_(clock) {}

  // Runs the requested models, reading inputs from the source `sources` makes. Returns
  // NotFound for an unknown model id and InvalidArgument for a parameter no requested model
  // has or a value not of its parameter's type (nothing runs then); a model that fails while
  // running is reported in its outcome.
  Result<ModelRunReport> Run(const ModelRunRequest& request, const DatasetSourceFactory& sources);

 private:
  ModelRunOutcome RunOne(const engine::CompiledModel& model, const ModelRunRequest& request,
                         const DatasetSourceFactory& sources, size_t index, size_t count);

  store::Store* store_;
  const engine::ModelLibrary* models_;
  const Clock* clock_;
};

// The store's form of a lead the engine found.
store::ModelFinding ToFinding(const engine::CompiledModel& model, const engine::EngineLead& lead);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_MODEL_RUN_SERVICE_H_
