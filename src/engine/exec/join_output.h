// What every join-like operator (hash, window, semi/anti, lookup, fuzzy) shares once it has the
// matching pairs of rows: evaluating an extra condition on pairs (batch by batch, gathering only
// the columns it reads), and building the output relation and its lineage for the join kind.
//
// Output and lineage by kind (the reference evaluator implements the same):
//   inner: one row per pair; lineage: the left row and the right row.
//   left:  inner, plus each left row without a pair, with nulls on the right.
//   semi:  each left row with at least one pair, once; lineage: the left row and every right
//          row it matched (they are evidence: "the two earlier penalties").
//   anti:  each left row without a pair; lineage: the left row.
//
// Thread safety: functions of one run.
#ifndef SHUJIAN_ENGINE_EXEC_JOIN_OUTPUT_H_
#define SHUJIAN_ENGINE_EXEC_JOIN_OUTPUT_H_

#include <vector>

#include "engine/exec/expression_evaluator.h"

namespace shujian::engine {

struct PairList {
  std::vector<int32_t> left;
  std::vector<int32_t> right;
  size_t size() const { return left.size(); }
  void Add(int32_t l, int32_t r) {
    left.push_back(l);
    right.push_back(r);
  }
};

// Gathers the columns `needed` (indices of the pair schema: the left's columns, then the
// right's, then `extra` columns already aligned with the pairs) for pairs [begin, end).
Relation GatherPairs(const Relation& left, const Relation& right, const PairList& pairs, size_t begin,
                     size_t end, const std::vector<bool>& needed, const std::vector<ColumnInfo>& pair_schema,
                     const std::vector<Vector>* extra = nullptr);

// Keeps the pairs for which `condition` (over `pair_schema`) is true.
void FilterPairs(ExecContext* context, ExpressionEvaluator* evaluator, const BoundExpr& condition,
                 const std::vector<ColumnInfo>& pair_schema, const Relation& left, const Relation& right,
                 PairList* pairs, std::vector<Vector>* extra = nullptr);

// The output of step `step_index` (kind `kind`) from its matching pairs. `right_step` is the
// lineage parent of right rows (-1: the step's own base rows, e.g. a parameter table).
Relation JoinOutput(ExecContext* context, int step_index, JoinKind kind, const Relation& left,
                    const Relation& right, int left_step, int right_step, PairList pairs,
                    const std::vector<Vector>* extra = nullptr);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_JOIN_OUTPUT_H_
