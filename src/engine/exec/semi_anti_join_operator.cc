// Semi and anti joins without a time window: the right side is hashed, every left row probes
// it. Without an extra condition an anti join needs only to know whether a match exists.
#include "engine/exec/join_hash_table.h"
#include "engine/exec/join_output.h"
#include "engine/exec/operators.h"

namespace shujian::engine {

Relation SemiAntiJoinOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const Relation& left = *context->relations[step.input];
  const Relation& right = *context->relations[step.other];
  ExpressionEvaluator evaluator(context);
  JoinKeys keys = EvaluateJoinKeys(&evaluator, context->pool, step.keys, left, right);
  KeyColumns& left_keys = keys.left;
  KeyColumns& right_keys = keys.right;
  JoinHashTable table(right_keys);
  bool first_only = step.join == JoinKind::kAnti && !step.where;
  PairList pairs;
  for (size_t row = 0; row < left.rows; ++row) {
    std::span<const int32_t> found = table.Find(left_keys, row);
    if (first_only && !found.empty()) found = found.first(1);
    for (int32_t match : found) pairs.Add(static_cast<int32_t>(row), match);
  }
  if (step.where) FilterPairs(context, &evaluator, *step.where, step.pair_schema, left, right, &pairs);
  return JoinOutput(context, step_index, step.join, left, right, step.input, step.other, std::move(pairs));
}

}  // namespace shujian::engine
