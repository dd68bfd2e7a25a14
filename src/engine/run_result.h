// What a model run is asked (RunOptions) and what it returns (RunResult): leads, output
// tables, notes for the analyst, and per-step statistics for `model explain`.
//
// Thread safety: plain values.
#ifndef SHUJIAN_ENGINE_RUN_RESULT_H_
#define SHUJIAN_ENGINE_RUN_RESULT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "engine/lead/engine_lead.h"
#include "engine/plan/plan.h"

namespace shujian::engine {

class StringPool;

// Where a run is, for progress displays.
struct RunProgress {
  size_t step = 0;          // 1-based index of the step starting
  size_t steps = 0;         // number of steps
  std::string name;         // the step's name
  std::string op;           // its operator, e.g. "哈希连接"
  bool loading = false;     // true while loading datasets (step is then the dataset number)
};

struct RunOptions {
  Date as_of;                                              // $as_of; the day "today" is for the model
  std::vector<std::pair<std::string, std::string>> params;  // overrides of model parameters
  size_t batch_size = 2048;                                // rows per batch (tests use tiny batches)
  PlanOptions plan;                                        // optimiser passes
  std::function<void(const RunProgress&)> progress;        // called as steps start; may be empty
  // The string pool of the run; null: a new one. A source that keeps datasets in memory
  // (benchmarks) interns into its own pool and passes it here, so loading copies nothing.
  StringPool* pool = nullptr;
};

// A table an output step produced: rows of canonical values, sorted.
struct OutputTable {
  std::string step;                            // the output step's name (may be empty)
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // "" for null
};

struct StepStats {
  std::string name;            // the step's name ("" for an unnamed emit/output)
  PhysicalOp op = PhysicalOp::kScan;
  std::string detail;          // from the plan
  double estimated_rows = 0;
  int64_t actual_rows = -1;    // -1: not run
  double seconds = 0;
  size_t bytes = 0;            // memory of the step's output (columns and lineage)
  bool fused = false;          // a filter run inside its scan
};

struct RunResult {
  std::vector<EngineLead> leads;
  std::vector<OutputTable> outputs;
  std::vector<std::string> notes;          // for the analyst: unmapped types, missing subjects
  std::vector<StepStats> steps;            // one per step
  std::vector<std::string> input_batches;  // the import batches of the rows read, sorted
  size_t rows_read = 0;                    // rows loaded from the source
  double load_seconds = 0;                 // loading the datasets
  double run_seconds = 0;                  // executing the plan
  size_t pool_bytes = 0;                   // distinct strings of the run
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_RUN_RESULT_H_
