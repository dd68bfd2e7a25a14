// Compute: the input's columns (shared, not copied) plus new columns, each computed over the
// input and the columns computed before it in the same step.
#include "engine/exec/expression_evaluator.h"
#include "engine/exec/operators.h"

namespace shujian::engine {

Relation ComputeOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const PlanNode& node = context->plan->nodes[step_index];
  const Relation& input = *context->relations[step.input];
  size_t input_width = step.schema.size() - step.computes.size();
  Relation working;
  working.rows = input.rows;
  working.columns = input.columns;
  working.columns.resize(step.schema.size());
  ExpressionEvaluator evaluator(context);
  for (size_t index = 0; index < step.computes.size(); ++index) {
    Vector vector = evaluator.EvaluateAll(step.computes[index], working);
    vector.type = step.schema[input_width + index].type;
    vector.CompactNulls();
    working.columns[input_width + index] = MakeColumn(std::move(vector));
  }
  for (size_t column = 0; column < step.schema.size(); ++column) {
    if (!node.live[column]) working.columns[column] = nullptr;
  }
  working.lineage.push_back(LineageLink{step.input, LineageLink::Kind::kIdentity, {}, {}});
  return working;
}

}  // namespace shujian::engine
