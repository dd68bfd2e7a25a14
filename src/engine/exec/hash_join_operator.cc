// Hash join: inner and left equi-joins without a time window. The plan says which side is
// hashed (the smaller one for an inner join; always the right for a left join); the other
// side probes it. An extra `where` condition is evaluated on the matching pairs.
#include "engine/exec/join_hash_table.h"
#include "engine/exec/join_output.h"
#include "engine/exec/operators.h"

namespace shujian::engine {

Relation HashJoinOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const PlanNode& node = context->plan->nodes[step_index];
  const Relation& left = *context->relations[step.input];
  const Relation& right = *context->relations[step.other];
  ExpressionEvaluator evaluator(context);
  JoinKeys keys = EvaluateJoinKeys(&evaluator, context->pool, step.keys, left, right);
  KeyColumns& left_keys = keys.left;
  KeyColumns& right_keys = keys.right;
  PairList pairs;
  if (node.build_left) {
    JoinHashTable table(left_keys);
    for (size_t row = 0; row < right.rows; ++row) {
      for (int32_t match : table.Find(right_keys, row)) pairs.Add(match, static_cast<int32_t>(row));
    }
  } else {
    JoinHashTable table(right_keys);
    for (size_t row = 0; row < left.rows; ++row) {
      for (int32_t match : table.Find(left_keys, row)) pairs.Add(static_cast<int32_t>(row), match);
    }
  }
  if (step.where) FilterPairs(context, &evaluator, *step.where, step.pair_schema, left, right, &pairs);
  return JoinOutput(context, step_index, step.join, left, right, step.input, step.other, std::move(pairs));
}

}  // namespace shujian::engine
