// Explaining a model: its plan as a table a person reads (one line per step: operator, what it
// does, estimated rows and, after a run, actual rows, time and memory), and the same as JSON.
// `shujian model explain` prints these.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_EXPLAIN_EXPLAIN_H_
#define SHUJIAN_ENGINE_EXPLAIN_EXPLAIN_H_

#include <nlohmann/json.hpp>
#include <string>

#include "engine/compiled_model.h"
#include "engine/plan/plan.h"
#include "engine/run_result.h"

namespace shujian::engine {

// The plan as JSON: {"model", "version", "steps": [{"step", "name", "operator", "detail",
// "estimated_rows", "actual_rows"?, "seconds"?, "bytes"?}], "notes"?}.
nlohmann::ordered_json ExplainJson(const CompiledModel& model, const Plan& plan, const RunResult* run);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXPLAIN_EXPLAIN_H_
