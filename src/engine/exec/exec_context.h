// ExecContext: what the operators of one native run share — the bound model and its plan, the
// run's string pool and parameter values, the loaded datasets, the relation each step produced,
// and what the run has found so far (emitted rows, output tables, notes for the analyst).
//
// Thread safety: one run, one thread.
#ifndef SHUJIAN_ENGINE_EXEC_EXEC_CONTEXT_H_
#define SHUJIAN_ENGINE_EXEC_EXEC_CONTEXT_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/bind/bound_model.h"
#include "engine/common/relation.h"
#include "engine/common/string_pool.h"
#include "engine/input/loaded_dataset.h"
#include "engine/lead/lead_assembler.h"
#include "engine/plan/plan.h"
#include "engine/run_result.h"

namespace shujian::engine {

struct ExecContext {
  const BoundModel* model = nullptr;
  const Plan* plan = nullptr;
  StringPool* pool = nullptr;
  const std::vector<std::vector<Value>>* params = nullptr;  // value(s) of each parameter
  size_t batch_size = 2048;                       // rows per batch
  std::vector<const LoadedDataset*> datasets;     // per step: the dataset of a read step
  const std::map<uint32_t, int32_t>* batch_imported_on = nullptr;  // batch code → import day
  // Per step: its output. Shared because a fused filter's output is its scan's.
  std::vector<std::shared_ptr<Relation>> relations;
  std::vector<std::string> notes;                 // for the analyst (unmapped types, ...)
  std::vector<EmittedRow> emitted;
  std::vector<OutputTable> outputs;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_EXEC_CONTEXT_H_
