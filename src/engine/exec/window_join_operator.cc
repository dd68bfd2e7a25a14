// Time-window join (inner, left, semi or anti): rows match when their keys are equal and the
// right row's `to` date lies within the window of the left row's `from` date. The right side is
// hashed by key and each key's rows are sorted by date, so a left row finds its window by binary
// search instead of scanning every row of its key. Rows whose date is null match nothing.
#include <algorithm>

#include "engine/exec/join_hash_table.h"
#include "engine/exec/join_output.h"
#include "engine/exec/operators.h"
#include "engine/function/window_bounds.h"

namespace shujian::engine {

Relation WindowJoinOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const Relation& left = *context->relations[step.input];
  const Relation& right = *context->relations[step.other];
  const BoundWindow& window = *step.window;
  ExpressionEvaluator evaluator(context);
  JoinKeys keys = EvaluateJoinKeys(&evaluator, context->pool, step.keys, left, right);
  KeyColumns& left_keys = keys.left;
  KeyColumns& right_keys = keys.right;

  WindowSpecValues values = ResolveWindow(window, window.from.type.id, window.to.type.id, *context->params);
  Vector from = evaluator.EvaluateAll(window.from, left);
  Vector to = evaluator.EvaluateAll(window.to, right);
  std::vector<int64_t> to_points(right.rows);
  for (size_t row = 0; row < right.rows; ++row) {
    to_points[row] = WindowPoint(window.to.type.id, to.data[row], values.in_months);
    if (to.IsNull(row)) {  // a null date matches nothing
      if (right_keys.has_null.empty()) right_keys.has_null.assign(right.rows, 0);
      right_keys.has_null[row] = 1;
    }
  }
  JoinHashTable table(right_keys);
  for (size_t group = 0; group < table.group_count(); ++group) {
    std::span<int32_t> rows = table.Group(group);
    std::sort(rows.begin(), rows.end(), [&](int32_t a, int32_t b) {
      return to_points[a] != to_points[b] ? to_points[a] < to_points[b] : a < b;
    });
  }
  bool first_only = step.join == JoinKind::kAnti && !step.where;
  PairList pairs;
  for (size_t row = 0; row < left.rows; ++row) {
    if (from.IsNull(row)) continue;
    std::span<const int32_t> group = table.Find(left_keys, row);
    if (group.empty()) continue;
    int64_t lo, hi;
    WindowRange(values, WindowPoint(window.from.type.id, from.data[row], values.in_months), &lo, &hi);
    if (lo > hi) continue;
    auto first = std::lower_bound(group.begin(), group.end(), lo,
                                  [&](int32_t candidate, int64_t bound) { return to_points[candidate] < bound; });
    for (auto it = first; it != group.end() && to_points[*it] <= hi; ++it) {
      pairs.Add(static_cast<int32_t>(row), *it);
      if (first_only) break;
    }
  }
  if (step.where) FilterPairs(context, &evaluator, *step.where, step.pair_schema, left, right, &pairs);
  return JoinOutput(context, step_index, step.join, left, right, step.input, step.other, std::move(pairs));
}

}  // namespace shujian::engine
