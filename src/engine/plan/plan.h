// Plan: how a bound model will run — the physical operator of each step, which columns each
// step must materialise, which side of a join is hashed, which filters run inside the scan,
// and the estimated row count of every step (shown by `shujian model explain`).
//
// The planner's optimisations are named passes that can be switched off (PlanOptions). Each is
// an optimisation only: with every pass off the plan computes the same leads, more slowly and
// with more memory; the golden tests run every file both ways.
//
// Thread safety: plain values.
#ifndef SHUJIAN_ENGINE_PLAN_PLAN_H_
#define SHUJIAN_ENGINE_PLAN_PLAN_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/bind/bound_model.h"

namespace shujian::engine {

enum class PhysicalOp {
  kScan,           // read a dataset's columns (and evaluate a filter while scanning)
  kFilter,
  kCompute,
  kHashJoin,       // inner or left equi-join
  kWindowJoin,     // equi-join with a time window (inner, left, semi or anti)
  kSemiJoin,
  kAntiJoin,
  kLookupJoin,     // join with a parameter table
  kHashAggregate,
  kRollingWindow,
  kFuzzyJoin,      // blocking, comparison levels, match condition
  kEmit,
  kOutput,
};

// "扫描", "过滤", "哈希连接" ... for explain.
const char* PhysicalOpName(PhysicalOp op);

struct PlanOptions {
  bool fuse_filters = true;       // a filter right after a read runs inside the scan
  bool prune_columns = true;      // materialise only the columns later steps read
  bool choose_build_side = true;  // an inner join hashes its smaller input
};

struct PlanNode {
  int step = -1;                  // the bound step (same index)
  PhysicalOp op = PhysicalOp::kScan;
  bool fused = false;             // a filter executed inside its read step's scan
  int fused_filter = -1;          // scan: the filter step fused into it, or -1
  bool build_left = false;        // inner hash join: hash the left input, probe with the right
  double estimated_rows = 0;      // estimate of output rows
  std::vector<bool> live;         // output columns later steps read
  std::string detail;             // one line: keys, window, dataset … for explain
};

struct Plan {
  PlanOptions options;
  std::vector<PlanNode> nodes;    // one per bound step
  // For each read step, the dataset columns (canonical names) to load: what later steps read
  // plus what evidence shows.
  std::vector<std::vector<std::string>> load_columns;
  // For each read step, whether its key columns are loaded too (KeysNeededByStep).
  std::vector<bool> load_keys;
  // Whether relations keep their lineage: only emits trace it (evidence), so a model without
  // emits drops each step's lineage as soon as the step has run.
  bool keep_lineage = true;
};

// Row counts of datasets for estimates: nullopt when unknown.
using RowCountFunction = std::function<std::optional<size_t>(std::string_view dataset)>;

// Plans `model`. Never fails: every bound model has a plan.
Plan MakePlan(const BoundModel& model, const PlanOptions& options, const RowCountFunction& row_counts);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_PLAN_PLAN_H_
