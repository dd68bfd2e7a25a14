// Output: a result table the run returns besides its leads (e.g. an agency scorecard), its
// rows as canonical text sorted, so the table is the same whatever order rows arrived in.
#include <algorithm>

#include "engine/exec/expression_evaluator.h"
#include "engine/exec/operators.h"

namespace shujian::engine {

void OutputOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const Relation& input = *context->relations[step.input];
  const StringPool& pool = *context->pool;
  ExpressionEvaluator evaluator(context);
  OutputTable table;
  table.step = step.name;
  table.title = step.output_title;
  table.columns = step.output_names;
  table.rows.assign(input.rows, std::vector<std::string>(step.output_columns.size()));
  for (size_t column = 0; column < step.output_columns.size(); ++column) {
    Vector values = evaluator.EvaluateAll(step.output_columns[column], input);
    for (size_t row = 0; row < input.rows; ++row) {
      if (values.IsNull(row)) continue;
      table.rows[row][column] = values.type.id == TypeId::kString
                                    ? std::string(pool.Get(static_cast<uint32_t>(values.data[row])))
                                    : FormatScalar(values.type.id, values.data[row]);
    }
  }
  std::sort(table.rows.begin(), table.rows.end());
  context->outputs.push_back(std::move(table));
}

}  // namespace shujian::engine
