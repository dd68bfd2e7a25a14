// Scan: the rows of a read step's dataset as the step's columns, evaluating the step's filter
// (and a filter step fused into it by the planner) batch by batch, so rows the filter drops
// are never copied.
#include <numeric>

#include "engine/bind/column_refs.h"
#include "engine/exec/expression_evaluator.h"
#include "engine/exec/operators.h"

namespace shujian::engine {

Relation ScanOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const PlanNode& node = context->plan->nodes[step_index];
  const LoadedDataset& dataset = *context->datasets[step_index];
  size_t width = step.schema.size();

  // The dataset's columns as this step's schema, as vectors shared with the dataset view.
  std::vector<const Vector*> source(width, nullptr);
  // The pseudo-columns _key and _batch, made only when a later step reads them.
  Vector keys, batches, imported;
  auto make_keys = [&] {
    keys.type = ValueType::Normalized();
    for (size_t row = 0; row < dataset.rows; ++row)
      keys.data.push_back(context->pool->Intern(dataset.Key(row, *context->pool)));
  };
  auto make_batches = [&] {
    batches.type = ValueType::Normalized();
    for (size_t row = 0; row < dataset.rows; ++row) batches.data.push_back(dataset.BatchCode(row));
  };
  auto make_imported = [&] {
    imported.type = ValueType::Of(TypeId::kDate);
    for (size_t row = 0; row < dataset.rows; ++row) {
      auto day = context->batch_imported_on->find(dataset.BatchCode(row));
      if (day == context->batch_imported_on->end()) {
        imported.AppendNull();
      } else {
        imported.Append(day->second);
      }
    }
  };
  std::vector<bool> needed = node.live;
  const BoundExpr* conditions[2] = {
      step.filter ? &*step.filter : nullptr,
      node.fused_filter >= 0 ? &*context->model->steps[node.fused_filter].filter : nullptr};
  for (const BoundExpr* condition : conditions) {
    if (condition != nullptr) MarkColumns(*condition, &needed);
  }
  for (size_t column = 0; column < width; ++column) {
    if (!needed[column]) continue;
    int dataset_column = step.dataset_columns[column];
    if (dataset_column == -1) {
      if (keys.data.empty()) make_keys();
      source[column] = &keys;
    } else if (dataset_column == -2) {
      if (batches.data.empty()) make_batches();
      source[column] = &batches;
    } else if (dataset_column == -3) {
      if (imported.data.empty()) make_imported();
      source[column] = &imported;
    } else {
      int loaded = dataset.Find(step.dataset->columns[dataset_column].name);
      source[column] = loaded >= 0 ? dataset.columns[loaded].get() : nullptr;
    }
  }

  Relation out;
  out.base_step = step_index;
  out.columns.resize(width);
  bool filtered = conditions[0] != nullptr || conditions[1] != nullptr;
  if (!filtered) {
    out.rows = dataset.rows;
    for (size_t column = 0; column < width; ++column) {
      if (!node.live[column] || source[column] == nullptr) continue;
      int dataset_column = step.dataset_columns[column];
      if (dataset_column >= 0) {
        out.columns[column] =
            dataset.columns[dataset.Find(step.dataset->columns[dataset_column].name)];
      } else {
        out.columns[column] = MakeColumn(*source[column]);
      }
    }
    out.lineage.push_back(LineageLink{-1, LineageLink::Kind::kIdentity, {}, {}});
    return out;
  }

  ExpressionEvaluator evaluator(context);
  std::vector<int32_t> selected;
  for (size_t begin = 0; begin < dataset.rows; begin += context->batch_size) {
    size_t end = std::min(dataset.rows, begin + context->batch_size);
    Relation batch;
    batch.rows = end - begin;
    batch.columns.resize(width);
    for (size_t column = 0; column < width; ++column) {
      if (!needed[column] || source[column] == nullptr) continue;
      Vector slice;
      slice.type = step.schema[column].type;
      slice.AppendRange(*source[column], begin, end);
      batch.columns[column] = MakeColumn(std::move(slice));
    }
    std::vector<int32_t> batch_selected;
    std::vector<int32_t> candidates(batch.rows);
    std::iota(candidates.begin(), candidates.end(), 0);
    for (const BoundExpr* condition : conditions) {
      if (condition == nullptr) continue;
      Vector result = evaluator.Evaluate(*condition, batch, 0, batch.rows);
      std::vector<int32_t> still;
      for (int32_t row : candidates) {
        if (result.data[row] != 0 && !result.IsNull(row)) still.push_back(row);
      }
      candidates.swap(still);
    }
    for (int32_t row : candidates) selected.push_back(static_cast<int32_t>(begin) + row);
  }
  out.rows = selected.size();
  for (size_t column = 0; column < width; ++column) {
    if (!node.live[column] || source[column] == nullptr) continue;
    Vector vector;
    vector.type = step.schema[column].type;
    vector.AppendGather(*source[column], selected);
    out.columns[column] = MakeColumn(std::move(vector));
  }
  out.lineage.push_back(LineageLink{-1, LineageLink::Kind::kRows, std::move(selected), {}});
  return out;
}

}  // namespace shujian::engine
