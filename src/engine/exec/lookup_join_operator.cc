// Parameter-table join: each input row joined with the rows of a parameter table whose keys
// match (and whose `where` holds). The table (tens of rows) is hashed; its rows stay in the
// lineage, so a lead can cite the source of the threshold it was compared with. Rows without
// a match are dropped, kept with nulls, or dropped and reported to the analyst (`missing`).
#include <set>

#include "engine/exec/join_hash_table.h"
#include "engine/exec/join_output.h"
#include "engine/exec/operators.h"
#include "engine/lead/notes.h"

namespace shujian::engine {

Relation LookupJoinOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const Relation& left = *context->relations[step.input];
  const ParamTable& table = *step.table;
  ExpressionEvaluator evaluator(context);

  Relation right;
  right.rows = table.rows.size();
  for (size_t column = 0; column < table.columns.size(); ++column) {
    Vector vector;
    vector.type = table.columns[column].type;
    for (const std::vector<Value>& row : table.rows) {
      if (row[column].null) {
        vector.AppendNull();
      } else {
        vector.Append(evaluator.ScalarOf(row[column]));
      }
    }
    right.columns.push_back(MakeColumn(std::move(vector)));
  }

  JoinKeys keys = EvaluateJoinKeys(&evaluator, context->pool, step.keys, left, right);
  KeyColumns& left_keys = keys.left;
  KeyColumns& right_keys = keys.right;
  JoinHashTable hashed(right_keys);
  PairList pairs;
  for (size_t row = 0; row < left.rows; ++row) {
    for (int32_t match : hashed.Find(left_keys, row)) pairs.Add(static_cast<int32_t>(row), match);
  }
  if (step.where) FilterPairs(context, &evaluator, *step.where, step.pair_schema, left, right, &pairs);

  if (step.missing == MissingPolicy::kNote) {
    std::vector<uint8_t> matched(left.rows, 0);
    for (int32_t row : pairs.left) matched[row] = 1;
    size_t missing = 0;
    std::set<std::string> values;
    std::vector<Vector> key_values;
    for (const KeyPair& key : step.keys) key_values.push_back(evaluator.EvaluateAll(key.left, left));
    for (size_t row = 0; row < left.rows; ++row) {
      if (matched[row]) continue;
      ++missing;
      std::string value;
      for (size_t key = 0; key < key_values.size(); ++key) {
        const Vector& vector = key_values[key];
        std::string part = vector.IsNull(row) ? "（空）"
                           : vector.type.id == TypeId::kString
                               ? std::string(context->pool->Get(static_cast<uint32_t>(vector.data[row])))
                               : FormatScalar(vector.type.id, vector.data[row]);
        value += (key == 0 ? "" : "/") + part;
      }
      values.insert(value);
    }
    if (missing > 0) context->notes.push_back(LookupMissingNote(step.name, table, missing, values));
  }
  JoinKind kind = step.missing == MissingPolicy::kKeep ? JoinKind::kLeft : JoinKind::kInner;
  Relation out = JoinOutput(context, step_index, kind, left, right, step.input, -1, std::move(pairs));
  out.base_step = step_index;
  return out;
}

}  // namespace shujian::engine
