// The native executor: runs a plan step by step over loaded inputs, dispatching each step to
// its operator, timing it, releasing the columns of relations no later step reads (their
// lineage stays for evidence), and assembling the emitted rows into leads.
//
// Thread safety: one run, one thread.
#ifndef SHUJIAN_ENGINE_EXEC_EXECUTOR_H_
#define SHUJIAN_ENGINE_EXEC_EXECUTOR_H_

#include "engine/compiled_model.h"
#include "engine/plan/plan.h"
#include "engine/run_inputs.h"
#include "engine/run_result.h"

namespace shujian::engine {

// Executes `plan` of `model` over `inputs` and fills result->leads, outputs, notes and steps.
void ExecutePlan(const CompiledModel& model, const Plan& plan, RunInputs* inputs, const RunOptions& options,
                 RunResult* result);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_EXECUTOR_H_
