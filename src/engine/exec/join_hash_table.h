// Join keys and the hash table joins probe.
//
// KeyColumns holds, for each row of one side, its key values as 64-bit integers in a form that
// is equal exactly when the values are equal as the model compares them: strings as the pool
// code of their matching form (so 郧农（渔）罚〔2023〕15号 and 郧农(渔)罚[2023]15号 have one key),
// numbers in millionths (an int 3 equals a decimal 3.0), dates as days. A row with a null key
// matches nothing.
//
// JoinHashTable groups the build side's rows by key (open addressing on a 64-bit hash, keys
// verified, so collisions never pair wrong rows; the table grows with the number of distinct
// keys, not rows, so it stays in cache when keys repeat) and stores each group's rows
// contiguously; a probe returns the group as a span. Groups can be reordered in place (the window join sorts
// them by date).
//
// Thread safety: a built table may be probed concurrently.
#ifndef SHUJIAN_ENGINE_EXEC_JOIN_HASH_TABLE_H_
#define SHUJIAN_ENGINE_EXEC_JOIN_HASH_TABLE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "engine/bind/bound_model.h"
#include "engine/exec/expression_evaluator.h"

namespace shujian::engine {

// Key values of every row. A key column that is already in comparable form (exact strings,
// dates, numbers of one type, no nulls) is not copied: `values` points into the column.
// REQUIRES: the vectors the keys were made from outlive the KeyColumns (it may point into them).
struct KeyColumns {
  size_t rows = 0;
  std::vector<const uint64_t*> values;          // [key] → one value per row
  std::vector<std::vector<uint64_t>> owned;     // storage of converted keys
  std::vector<uint8_t> has_null;                // [row]: some key is null; empty when none is
  std::vector<uint64_t> null_mask;              // [row]: bit k set when key k is null (when any is)

  bool null_at(size_t row) const { return !has_null.empty() && has_null[row] != 0; }
};

// How one key is compared: strings on `match`, numbers in millionths when `scale` (the two
// sides of a join have different numeric types).
struct KeyForm {
  MatchKind match = MatchKind::kExact;
  bool scale = false;
};

// The keys of `vectors` (each `rows` long) in comparable form.
KeyColumns KeysFromVectors(StringPool* pool, const std::vector<const Vector*>& vectors,
                           const std::vector<KeyForm>& forms, size_t rows);

// Evaluates `exprs` over all rows of `relation` and makes their keys. Column references are
// read in place. `evaluated` keeps the vectors of other expressions alive as long as the keys.
KeyColumns EvaluateKeys(ExpressionEvaluator* evaluator, StringPool* pool,
                        const std::vector<const BoundExpr*>& exprs, const std::vector<KeyForm>& forms,
                        const Relation& relation, std::vector<Vector>* evaluated);

// A 64-bit hash of row `row`'s keys (values and, when present, null flags).
uint64_t HashKeyRow(const KeyColumns& keys, size_t row);

// Both sides' keys of a join, with the evaluated vectors they may point into.
struct JoinKeys {
  std::vector<Vector> evaluated;
  KeyColumns left;
  KeyColumns right;
};
JoinKeys EvaluateJoinKeys(ExpressionEvaluator* evaluator, StringPool* pool, const std::vector<KeyPair>& keys,
                          const Relation& left, const Relation& right);

// The key expressions of a list of key pairs, one side, and how each key compares.
std::vector<const BoundExpr*> KeySide(const std::vector<KeyPair>& keys, bool left);
std::vector<KeyForm> KeyForms(const std::vector<KeyPair>& keys);
// Forms for grouping expressions of one side: strings on their own matching form.
std::vector<KeyForm> GroupForms(const std::vector<const BoundExpr*>& exprs);

class JoinHashTable {
 public:
  // Builds over `build`, which must outlive the table.
  explicit JoinHashTable(const KeyColumns& build);

  // The build rows whose keys equal row `row` of `probe`.
  std::span<const int32_t> Find(const KeyColumns& probe, size_t row) const;
  size_t group_count() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::span<int32_t> Group(size_t group) {
    return std::span<int32_t>(rows_.data() + offsets_[group], offsets_[group + 1] - offsets_[group]);
  }

 private:
  uint64_t Hash(const KeyColumns& keys, size_t row) const;
  void Grow();
  bool Equal(const KeyColumns& probe, size_t probe_row, int32_t build_row) const;

  const KeyColumns& build_;
  // One key without nulls over a small range of values (string codes, dates): the group of
  // each value, indexed directly (-1: none), instead of the slots.
  bool direct_ = false;
  uint64_t direct_low_ = 0;
  std::vector<int32_t> direct_group_;
  std::vector<uint64_t> slot_hash_;   // per slot
  std::vector<int32_t> slot_group_;   // per slot: group index + 1 (0 = empty)
  std::vector<uint64_t> group_hash_;  // per group: its hash (for growing)
  std::vector<int32_t> offsets_;      // per group: start in rows_ (+ end sentinel)
  std::vector<int32_t> rows_;         // build rows grouped by key
  size_t mask_ = 0;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_JOIN_HASH_TABLE_H_
