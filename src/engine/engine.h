// The model engine's entry points: compile a model file (compiled_model.h), plan it, run it
// natively over a DatasetSource, explain it. This is what the CLI, the workflow layer and the
// benchmarks call; the layers below (spec/, bind/, plan/, exec/, …) are the engine's inside.
//
// A run is reproducible: it reads no clock but RunOptions::as_of, and the same inputs, model
// version and as_of give the same leads byte for byte (leads and their evidence are sorted
// canonically; see lead/lead_assembler.h).
//
// Thread safety: functions are safe to call concurrently on different sources.
#ifndef SHUJIAN_ENGINE_ENGINE_H_
#define SHUJIAN_ENGINE_ENGINE_H_

#include <string>

#include "core/result.h"
#include "engine/compiled_model.h"
#include "engine/input/dataset_source.h"
#include "engine/plan/plan.h"
#include "engine/run_result.h"

namespace shujian::engine {

// Plans `model` with row counts from `source` (when known).
Plan PlanModel(const CompiledModel& model, DatasetSource* source, const PlanOptions& options);

// Runs `model` on the native engine. Returns InvalidArgument for bad parameter overrides and
// the source's error when loading fails.
Result<RunResult> RunModel(const CompiledModel& model, DatasetSource* source, const RunOptions& options);

// The plan as text: one line per step with its operator, detail, estimated rows and — when
// `run` is given — actual rows, time and memory.
std::string ExplainText(const CompiledModel& model, const Plan& plan, const RunResult* run);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_ENGINE_H_
