#include "engine/engine.h"

#include <chrono>

#include "engine/exec/executor.h"
#include "engine/run_inputs.h"

namespace shujian::engine {

Plan PlanModel(const CompiledModel& model, DatasetSource* source, const PlanOptions& options) {
  return MakePlan(model.bound(), options, [source](std::string_view dataset) -> std::optional<size_t> {
    return source == nullptr ? std::nullopt : source->CountRows(dataset);
  });
}

Result<RunResult> RunModel(const CompiledModel& model, DatasetSource* source, const RunOptions& options) {
  Plan plan = PlanModel(model, source, options.plan);
  auto start = std::chrono::steady_clock::now();
  SJ_ASSIGN_OR_RETURN(RunInputs inputs, LoadInputs(model, source, plan.load_columns, plan.load_keys, options));
  RunResult result;
  result.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.input_batches = inputs.input_batches;
  result.rows_read = inputs.rows_read;
  ExecutePlan(model, plan, &inputs, options, &result);
  return result;
}

}  // namespace shujian::engine
