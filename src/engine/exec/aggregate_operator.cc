// Hash aggregate: rows grouped by the group keys (as equality compares them: names on their
// matching form, so 張偉 and 张伟 are one group — the group shows the smallest spelling), the
// aggregate calls computed per group, then the named outputs and `having` over
// [keys, outputs, calls]. Without group keys there is exactly one group, even over no rows.
// Each output row's lineage is its group's input rows.
#include "engine/exec/aggregate_function.h"
#include "engine/exec/operators.h"
#include "engine/exec/row_grouper.h"

namespace shujian::engine {

Relation AggregateOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const PlanNode& node = context->plan->nodes[step_index];
  const Relation& input = *context->relations[step.input];
  ExpressionEvaluator evaluator(context);
  StringPool& pool = *context->pool;
  size_t key_count = step.group_keys.size();

  // Groups. Key columns are read in place; key expressions are evaluated once.
  std::vector<Vector> evaluated;
  evaluated.reserve(key_count);
  std::vector<const Vector*> key_vectors;
  std::vector<const BoundExpr*> key_exprs;
  for (const BoundExpr& key : step.group_keys) {
    key_exprs.push_back(&key);
    if (key.kind == BoundKind::kColumn) {
      key_vectors.push_back(&input.column(key.column));
    } else {
      evaluated.push_back(evaluator.EvaluateAll(key, input));
      key_vectors.push_back(&evaluated.back());
    }
  }
  std::vector<KeyForm> forms = GroupForms(key_exprs);
  RowGroups groups;
  if (key_count == 0) {
    groups.group_of_row.assign(input.rows, 0);
    groups.first_row.push_back(0);
  } else {
    KeyColumns keys = KeysFromVectors(&pool, key_vectors, forms, input.rows);
    groups = GroupRows(keys, /*skip_null_keys=*/false);
  }
  size_t group_count = groups.count();
  std::vector<int32_t> offsets(group_count + 1, 0);
  for (int32_t group : groups.group_of_row) ++offsets[group + 1];
  for (size_t group = 0; group < group_count; ++group) offsets[group + 1] += offsets[group];
  std::vector<int32_t> members(input.rows);
  {
    std::vector<int32_t> fill(offsets.begin(), offsets.end() - 1);
    for (size_t row = 0; row < input.rows; ++row) members[fill[groups.group_of_row[row]]++] = static_cast<int32_t>(row);
  }
  auto group_rows = [&](size_t group) {
    return std::span<const int32_t>(members.data() + offsets[group], offsets[group + 1] - offsets[group]);
  };

  // Intermediate layout: [keys, outputs, calls].
  size_t output_count = step.outputs.size();
  Relation working;
  working.rows = group_count;
  working.columns.resize(key_count + output_count + step.aggregates.size());
  for (size_t key = 0; key < key_count; ++key) {
    Vector vector;
    vector.type = step.schema[key].type;
    const Vector& values = *key_vectors[key];
    bool pick_smallest = values.type.id == TypeId::kString && forms[key].match != MatchKind::kExact;
    for (size_t group = 0; group < group_count; ++group) {
      int32_t chosen = groups.first_row[group];
      if (pick_smallest && !values.IsNull(chosen)) {
        for (int32_t row : group_rows(group)) {
          if (pool.Get(static_cast<uint32_t>(values.data[row])) < pool.Get(static_cast<uint32_t>(values.data[chosen]))) {
            chosen = row;
          }
        }
      }
      if (input.rows == 0 || values.IsNull(chosen)) {
        vector.AppendNull();
      } else {
        vector.Append(values.data[chosen]);
      }
    }
    working.columns[key] = MakeColumn(std::move(vector));
  }
  for (size_t call = 0; call < step.aggregates.size(); ++call) {
    AggregateFunction function(context, &evaluator, step.aggregates[call], input);
    Vector vector;
    vector.type = step.aggregates[call].type;
    for (size_t group = 0; group < group_count; ++group) function.Compute(group_rows(group), &vector);
    working.columns[key_count + output_count + call] = MakeColumn(std::move(vector));
  }
  std::vector<int32_t> kept = FinishAggregateRows(context, &evaluator, step, key_count, &working);

  Relation out;
  out.rows = kept.size();
  out.columns.resize(step.schema.size());
  for (size_t column = 0; column < step.schema.size(); ++column) {
    if (!node.live[column]) continue;
    if (kept.size() == group_count) {
      out.columns[column] = working.columns[column];
      continue;
    }
    Vector vector;
    vector.type = step.schema[column].type;
    vector.AppendGather(working.column(column), kept);
    out.columns[column] = MakeColumn(std::move(vector));
  }
  LineageLink link{step.input, LineageLink::Kind::kGroups, {}, {0}};
  if (kept.size() == group_count) {
    link.rows = std::move(members);  // every group kept: the grouping is the lineage
    link.offsets = std::move(offsets);
  } else {
    for (int32_t group : kept) {
      std::span<const int32_t> rows = group_rows(group);
      link.rows.insert(link.rows.end(), rows.begin(), rows.end());
      link.offsets.push_back(static_cast<int32_t>(link.rows.size()));
    }
  }
  out.lineage.push_back(std::move(link));
  return out;
}

}  // namespace shujian::engine
