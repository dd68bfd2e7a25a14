// The reference evaluator: runs a bound model the obvious way — one row at a time, rows as
// vectors of Values holding real strings, nested loops for every join, std::map for groups,
// every window found by scanning its whole partition — to check the native engine against.
// It is slow on purpose and used only by tests (the golden runner and `model test` run both
// and require identical leads, outputs and notes).
//
// It shares with the native engine only what defines the language's meaning on single values
// (function/: arithmetic, calendar, string and comparison functions) and the assembly of
// emitted rows into leads (lead/); it never uses exec/ or the plan.
//
// Thread safety: one run, one thread.
#ifndef SHUJIAN_ENGINE_REFERENCE_REFERENCE_EVALUATOR_H_
#define SHUJIAN_ENGINE_REFERENCE_REFERENCE_EVALUATOR_H_

#include "core/result.h"
#include "engine/compiled_model.h"
#include "engine/input/dataset_source.h"
#include "engine/run_result.h"

namespace shujian::engine {

// Runs `model` naively. Returns the same errors as RunModel.
Result<RunResult> RunReference(const CompiledModel& model, DatasetSource* source, const RunOptions& options);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_REFERENCE_REFERENCE_EVALUATOR_H_
