// What both evaluators need before they run: the run's parameter values (defaults, overridden
// by the caller, with $as_of), and the datasets loaded from the source — each once, with the
// union of the columns its read steps need.
//
// Thread safety: one run, one thread.
#ifndef SHUJIAN_ENGINE_RUN_INPUTS_H_
#define SHUJIAN_ENGINE_RUN_INPUTS_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/common/string_pool.h"
#include "engine/compiled_model.h"
#include "engine/input/dataset_source.h"
#include "engine/run_result.h"

namespace shujian::engine {

struct RunInputs {
  std::unique_ptr<StringPool> owned_pool;                  // when the run made its own
  StringPool* pool = nullptr;                              // the run's pool
  std::vector<std::vector<Value>> params;                   // per parameter
  std::map<std::string, LoadedDataset> datasets;            // by dataset name
  std::vector<const LoadedDataset*> by_step;                // per step: its dataset (read steps)
  std::vector<std::string> input_batches;                   // sorted
  std::map<uint32_t, int32_t> batch_imported_on;            // batch pool code → days since epoch
  size_t rows_read = 0;
};

// The parameter values of a run: defaults, then `options.params` (unknown names and invalid
// values are InvalidArgument naming the parameter).
Result<std::vector<std::vector<Value>>> ResolveParameters(const BoundModel& model, const RunOptions& options);

// Loads the datasets of the model's read steps. `columns_by_step[s]` lists what read step s
// needs and `keys_by_step[s]` whether it needs its rows' keys; each dataset is loaded once with
// the union. Reports progress with loading = true.
Result<RunInputs> LoadInputs(const CompiledModel& model, DatasetSource* source,
                             const std::vector<std::vector<std::string>>& columns_by_step,
                             const std::vector<bool>& keys_by_step, const RunOptions& options);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_RUN_INPUTS_H_
