// Rolling window: for every input row, aggregates over the rows of its partition whose order
// date lies within the window relative to the row's own date (e.g. [-364, 0] days: the row
// and those of the 364 days before). Rows are sorted by (partition, date) once; because the
// window bounds move forward with the date, each window is a contiguous range found with two
// moving pointers. Rows with a null date belong to no window and are left out. Each output row
// keeps its input columns, gains the named outputs, and must pass `having`; its lineage is the
// row itself and the rows of its window.
#include <algorithm>

#include "engine/exec/aggregate_function.h"
#include "engine/exec/operators.h"
#include "engine/exec/row_grouper.h"
#include "engine/function/window_bounds.h"

namespace shujian::engine {

Relation RollingWindowOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const PlanNode& node = context->plan->nodes[step_index];
  const Relation& input = *context->relations[step.input];
  ExpressionEvaluator evaluator(context);
  size_t input_width = step.schema.size() - step.outputs.size();

  std::vector<int32_t> partition(input.rows, 0);
  if (!step.group_keys.empty()) {
    std::vector<const BoundExpr*> exprs;
    for (const BoundExpr& key : step.group_keys) exprs.push_back(&key);
    std::vector<Vector> evaluated;
    KeyColumns keys = EvaluateKeys(&evaluator, context->pool, exprs, GroupForms(exprs), input, &evaluated);
    partition = GroupRows(keys, /*skip_null_keys=*/false).group_of_row;
  }
  const BoundExpr& order = *step.order_by;
  WindowSpecValues window = ResolveWindow(*step.window, order.type.id, order.type.id, *context->params);
  Vector order_values = evaluator.EvaluateAll(order, input);
  std::vector<int64_t> points(input.rows, 0);
  std::vector<int32_t> sorted;
  for (size_t row = 0; row < input.rows; ++row) {
    if (order_values.IsNull(row)) continue;
    points[row] = WindowPoint(order.type.id, order_values.data[row], window.in_months);
    sorted.push_back(static_cast<int32_t>(row));
  }
  std::sort(sorted.begin(), sorted.end(), [&](int32_t a, int32_t b) {
    return std::tie(partition[a], points[a], a) < std::tie(partition[b], points[b], b);
  });

  // Window of sorted position i: sorted[begin[i] .. end[i]).
  size_t count = sorted.size();
  std::vector<int32_t> window_begin(count), window_end(count);
  size_t part_start = 0;
  while (part_start < count) {
    size_t part_end = part_start;
    while (part_end < count && partition[sorted[part_end]] == partition[sorted[part_start]]) ++part_end;
    size_t low = part_start, high = part_start;
    for (size_t position = part_start; position < part_end; ++position) {
      int64_t lo, hi;
      WindowRange(window, points[sorted[position]], &lo, &hi);
      while (low < part_end && points[sorted[low]] < lo) ++low;
      if (high < low) high = low;
      while (high < part_end && points[sorted[high]] <= hi) ++high;
      window_begin[position] = static_cast<int32_t>(low);
      window_end[position] = static_cast<int32_t>(std::max(low, high));
    }
    part_start = part_end;
  }
  auto members = [&](size_t position) {
    return std::span<const int32_t>(sorted.data() + window_begin[position],
                                    static_cast<size_t>(window_end[position] - window_begin[position]));
  };

  // Intermediate layout: [input columns, outputs, calls], one row per sorted row.
  Relation working;
  working.rows = count;
  working.columns.resize(input_width + step.outputs.size() + step.aggregates.size());
  for (size_t column = 0; column < input_width; ++column) {
    if (!input.live(column)) continue;
    Vector vector;
    vector.type = step.schema[column].type;
    vector.AppendGather(input.column(column), sorted);
    working.columns[column] = MakeColumn(std::move(vector));
  }
  for (size_t call = 0; call < step.aggregates.size(); ++call) {
    AggregateFunction function(context, &evaluator, step.aggregates[call], input);
    Vector vector;
    vector.type = step.aggregates[call].type;
    for (size_t position = 0; position < count; ++position) function.Compute(members(position), &vector);
    working.columns[input_width + step.outputs.size() + call] = MakeColumn(std::move(vector));
  }
  std::vector<int32_t> kept = FinishAggregateRows(context, &evaluator, step, input_width, &working);
  Relation out;
  out.rows = kept.size();
  out.columns.resize(step.schema.size());
  for (size_t column = 0; column < step.schema.size(); ++column) {
    if (!node.live[column] || !working.live(column)) continue;
    Vector vector;
    vector.type = step.schema[column].type;
    vector.AppendGather(working.column(column), kept);
    out.columns[column] = MakeColumn(std::move(vector));
  }
  LineageLink link{step.input, LineageLink::Kind::kGroups, {}, {0}, /*self_first=*/true};
  for (int32_t position : kept) {
    std::span<const int32_t> rows = members(position);
    link.rows.push_back(sorted[position]);  // the row itself, whether or not in its window
    link.rows.insert(link.rows.end(), rows.begin(), rows.end());
    link.offsets.push_back(static_cast<int32_t>(link.rows.size()));
  }
  out.lineage.push_back(std::move(link));
  return out;
}

}  // namespace shujian::engine
