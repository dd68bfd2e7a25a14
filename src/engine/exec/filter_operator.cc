// Filter: the input rows where the condition is true (null counts as not true), batch by batch.
#include "engine/exec/expression_evaluator.h"
#include "engine/exec/operators.h"

namespace shujian::engine {

Relation FilterOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const PlanNode& node = context->plan->nodes[step_index];
  const Relation& input = *context->relations[step.input];
  ExpressionEvaluator evaluator(context);
  std::vector<int32_t> selected;
  for (size_t begin = 0; begin < input.rows; begin += context->batch_size) {
    size_t end = std::min(input.rows, begin + context->batch_size);
    evaluator.Select(*step.filter, input, begin, end, &selected);
  }
  Relation out;
  out.rows = selected.size();
  out.columns.resize(step.schema.size());
  for (size_t column = 0; column < step.schema.size(); ++column) {
    if (!node.live[column] || !input.live(column)) continue;
    if (selected.size() == input.rows) {
      out.columns[column] = input.columns[column];
      continue;
    }
    Vector vector;
    vector.type = step.schema[column].type;
    vector.AppendGather(input.column(column), selected);
    out.columns[column] = MakeColumn(std::move(vector));
  }
  out.lineage.push_back(LineageLink{step.input, LineageLink::Kind::kRows, std::move(selected), {}});
  return out;
}

}  // namespace shujian::engine
