#include "engine/exec/join_output.h"

#include <algorithm>
#include <numeric>

#include "engine/bind/column_refs.h"

namespace shujian::engine {

Relation GatherPairs(const Relation& left, const Relation& right, const PairList& pairs, size_t begin,
                     size_t end, const std::vector<bool>& needed, const std::vector<ColumnInfo>& pair_schema,
                     const std::vector<Vector>* extra) {
  Relation out;
  out.rows = end - begin;
  size_t left_width = left.columns.size();
  size_t right_width = right.columns.size();
  out.columns.resize(pair_schema.size());
  std::span<const int32_t> left_rows(pairs.left.data() + begin, end - begin);
  std::span<const int32_t> right_rows(pairs.right.data() + begin, end - begin);
  for (size_t column = 0; column < pair_schema.size(); ++column) {
    if (!needed[column]) continue;
    Vector vector;
    vector.type = pair_schema[column].type;
    if (column < left_width) {
      vector.AppendGather(left.column(column), left_rows);
    } else if (column < left_width + right_width) {
      vector.AppendGather(right.column(column - left_width), right_rows);
    } else if (extra != nullptr) {
      vector.AppendRange((*extra)[column - left_width - right_width], begin, end);
    }
    out.columns[column] = MakeColumn(std::move(vector));
  }
  return out;
}

void FilterPairs(ExecContext* context, ExpressionEvaluator* evaluator, const BoundExpr& condition,
                 const std::vector<ColumnInfo>& pair_schema, const Relation& left, const Relation& right,
                 PairList* pairs, std::vector<Vector>* extra) {
  std::vector<bool> needed(pair_schema.size(), false);
  MarkColumns(condition, &needed);
  PairList kept;
  std::vector<Vector> kept_extra;
  if (extra != nullptr) {
    for (const Vector& vector : *extra) kept_extra.push_back(Vector{vector.type, {}, {}});
  }
  for (size_t begin = 0; begin < pairs->size(); begin += context->batch_size) {
    size_t end = std::min(pairs->size(), begin + context->batch_size);
    Relation batch = GatherPairs(left, right, *pairs, begin, end, needed, pair_schema, extra);
    std::vector<int32_t> selected;
    evaluator->Select(condition, batch, 0, batch.rows, &selected);
    for (int32_t row : selected) {
      kept.Add(pairs->left[begin + row], pairs->right[begin + row]);
      if (extra != nullptr) {
        for (size_t index = 0; index < extra->size(); ++index) {
          kept_extra[index].AppendRange((*extra)[index], begin + row, begin + row + 1);
        }
      }
    }
  }
  *pairs = std::move(kept);
  if (extra != nullptr) *extra = std::move(kept_extra);
}

Relation JoinOutput(ExecContext* context, int step_index, JoinKind kind, const Relation& left,
                    const Relation& right, int left_step, int right_step, PairList pairs,
                    const std::vector<Vector>* extra) {
  const BoundStep& step = context->model->steps[step_index];
  const std::vector<bool>& live = context->plan->nodes[step_index].live;
  Relation out;
  if (kind == JoinKind::kInner || kind == JoinKind::kLeft) {
    if (kind == JoinKind::kLeft) {
      std::vector<uint8_t> matched(left.rows, 0);
      for (int32_t row : pairs.left) matched[row] = 1;
      for (size_t row = 0; row < left.rows; ++row) {
        if (!matched[row]) pairs.Add(static_cast<int32_t>(row), -1);
      }
    }
    out = GatherPairs(left, right, pairs, 0, pairs.size(), live, step.schema, extra);
    out.lineage.push_back(LineageLink{left_step, LineageLink::Kind::kRows, std::move(pairs.left), {}});
    out.lineage.push_back(LineageLink{right_step, LineageLink::Kind::kRows, std::move(pairs.right), {}});
    return out;
  }
  // Semi and anti: left rows in order.
  std::vector<int32_t> order(pairs.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return std::tie(pairs.left[a], pairs.right[a]) < std::tie(pairs.left[b], pairs.right[b]);
  });
  std::vector<int32_t> kept;
  LineageLink right_link{right_step, LineageLink::Kind::kGroups, {}, {0}};
  size_t cursor = 0;
  for (size_t row = 0; row < left.rows; ++row) {
    size_t first = cursor;
    while (cursor < order.size() && pairs.left[order[cursor]] == static_cast<int32_t>(row)) ++cursor;
    bool has_match = cursor > first;
    if (has_match != (kind == JoinKind::kSemi)) continue;
    kept.push_back(static_cast<int32_t>(row));
    if (kind == JoinKind::kSemi) {
      int32_t previous = -1;
      for (size_t index = first; index < cursor; ++index) {
        int32_t right_row = pairs.right[order[index]];
        if (right_row != previous) right_link.rows.push_back(right_row);
        previous = right_row;
      }
      right_link.offsets.push_back(static_cast<int32_t>(right_link.rows.size()));
    }
  }
  out.rows = kept.size();
  out.columns.resize(step.schema.size());
  bool all_rows = kept.size() == left.rows;
  for (size_t column = 0; column < step.schema.size(); ++column) {
    if (!live[column]) continue;
    if (all_rows) {
      out.columns[column] = left.columns[column];  // every left row kept, in order: share
      continue;
    }
    Vector vector;
    vector.type = step.schema[column].type;
    vector.AppendGather(left.column(column), kept);
    out.columns[column] = MakeColumn(std::move(vector));
  }
  out.lineage.push_back(LineageLink{left_step, LineageLink::Kind::kRows, std::move(kept), {}});
  if (kind == JoinKind::kSemi) out.lineage.push_back(std::move(right_link));
  return out;
}

}  // namespace shujian::engine
