// Fuzzy join: for records without a usable common key. Candidate pairs are the union of the
// pairs each blocking rule finds by hashing (any rule suffices; a pair found by two rules counts
// once), so the costly comparisons never run on the full cross product. An optional `where`
// narrows the candidates; then every comparison assigns each pair the label of its first level
// that holds (function/comparison_levels.h), and `match_when` — a condition over those labels
// and any column — decides which pairs match. Normalised forms and pinyin are computed once
// per distinct string. inner: one row per matching pair with the labels; semi/anti: the left
// rows with / without a match.
#include <algorithm>

#include "engine/exec/join_hash_table.h"
#include "engine/exec/join_output.h"
#include "engine/exec/operators.h"
#include "engine/function/comparison_levels.h"
#include "engine/function/scalar_ops.h"

namespace shujian::engine {
namespace {

constexpr int kLevelMemoBase = 1000;  // pool memo slots for level normalisations

// The form of string `code` a level compares, memoised in the pool.
uint32_t LevelForm(StringPool* pool, const BoundLevel& level, uint32_t code) {
  int slot = kLevelMemoBase + (level.kind == LevelKind::kPinyin ? 10 : static_cast<int>(level.normalize));
  std::vector<uint32_t>& memo = pool->Memo(slot);
  pool->EnsureMemoSize(&memo);
  if (memo[code] != StringPool::kUnset) return memo[code];
  std::string form = level.kind == LevelKind::kPinyin ? PinyinKey(pool->Get(code))
                                                      : NormalizeForLevel(level.normalize, pool->Get(code));
  uint32_t result = pool->Intern(form);
  std::vector<uint32_t>& table = pool->Memo(slot);
  pool->EnsureMemoSize(&table);
  table[code] = result;
  return result;
}

int64_t Threshold(const BoundLevel& level, const std::vector<std::vector<Value>>& params) {
  if (!level.threshold) return 0;
  const BoundExpr& bound = *level.threshold;
  Value value = bound.kind == BoundKind::kLiteral ? bound.literal
                : (params[bound.param].empty() ? Value::Null() : params[bound.param][0]);
  if (value.null) return 0;
  if (level.kind == LevelKind::kJaroWinkler && value.type.id == TypeId::kInt) return value.i * 1000000;
  return value.i;
}

}  // namespace

Relation FuzzyJoinOperator(ExecContext* context, int step_index) {
  const BoundStep& step = context->model->steps[step_index];
  const Relation& left = *context->relations[step.input];
  const Relation& right = *context->relations[step.other];
  StringPool* pool = context->pool;
  ExpressionEvaluator evaluator(context);

  // Candidates: the union over blocking rules.
  std::vector<uint64_t> candidates;
  for (const std::vector<KeyPair>& rule : step.blocking) {
    JoinKeys keys = EvaluateJoinKeys(&evaluator, pool, rule, left, right);
    JoinHashTable table(keys.right);
    for (size_t row = 0; row < left.rows; ++row) {
      for (int32_t match : table.Find(keys.left, row)) {
        candidates.push_back((static_cast<uint64_t>(row) << 32) | static_cast<uint32_t>(match));
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  PairList pairs;
  for (uint64_t packed : candidates) pairs.Add(static_cast<int32_t>(packed >> 32), static_cast<int32_t>(packed & 0xFFFFFFFFu));
  candidates.clear();
  candidates.shrink_to_fit();
  if (step.where) FilterPairs(context, &evaluator, *step.where, step.pair_schema, left, right, &pairs);

  // Comparison labels per pair.
  std::vector<Vector> labels;
  for (const BoundComparison& comparison : step.comparisons) {
    Vector left_values = evaluator.EvaluateAll(comparison.left, left);
    Vector right_values = evaluator.EvaluateAll(comparison.right, right);
    std::vector<uint32_t> label_codes;
    std::vector<int64_t> thresholds;
    for (const BoundLevel& level : comparison.levels) {
      label_codes.push_back(pool->Intern(level.label));
      thresholds.push_back(Threshold(level, *context->params));
    }
    Vector out;
    out.type = ValueType::String(data::LogicalType::kEnum);
    out.data.resize(pairs.size());
    TypeId left_type = comparison.left.type.id;
    TypeId right_type = comparison.right.type.id;
    for (size_t pair = 0; pair < pairs.size(); ++pair) {
      int32_t l = pairs.left[pair];
      int32_t r = pairs.right[pair];
      bool left_null = left_values.IsNull(l);
      bool right_null = right_values.IsNull(r);
      size_t chosen = comparison.levels.size() - 1;
      for (size_t index = 0; index < comparison.levels.size(); ++index) {
        const BoundLevel& level = comparison.levels[index];
        bool holds = false;
        switch (level.kind) {
          case LevelKind::kElse: holds = true; break;
          case LevelKind::kNull: holds = left_null || right_null; break;
          case LevelKind::kDateWithin:
            holds = !left_null && !right_null &&
                    DateLevelHolds(thresholds[index], DayOf(left_type, left_values.data[l]),
                                   DayOf(right_type, right_values.data[r]));
            break;
          default: {
            if (left_null || right_null) break;
            uint32_t a = static_cast<uint32_t>(left_values.data[l]);
            uint32_t b = static_cast<uint32_t>(right_values.data[r]);
            if (level.kind == LevelKind::kExact || level.kind == LevelKind::kPinyin) {
              holds = StringLevelHolds(level.kind, thresholds[index], pool->Get(LevelForm(pool, level, a)),
                                       pool->Get(LevelForm(pool, level, b)));
            } else if (level.kind == LevelKind::kMaskedId) {
              holds = StringLevelHolds(level.kind, thresholds[index], pool->Get(a), pool->Get(b));
            } else {
              holds = StringLevelHolds(level.kind, thresholds[index], pool->Get(LevelForm(pool, level, a)),
                                       pool->Get(LevelForm(pool, level, b)));
            }
            break;
          }
        }
        if (holds) {
          chosen = index;
          break;
        }
      }
      out.data[pair] = label_codes[chosen];
    }
    labels.push_back(std::move(out));
  }
  FilterPairs(context, &evaluator, *step.match_when, step.pair_schema, left, right, &pairs, &labels);
  return JoinOutput(context, step_index, step.join, left, right, step.input, step.other, std::move(pairs),
                    step.join == JoinKind::kInner ? &labels : nullptr);
}

}  // namespace shujian::engine
