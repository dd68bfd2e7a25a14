// Join keys and the hash table joins probe.
//
// KeyColumns holds, for each row of one side, its key values as 64-bit integers in a form that
// is equal exactly when the values are equal as the model compares them: strings as the pool
// code of their matching form (so 郧农（渔）罚〔2023〕15号 and 郧农(渔)罚[2023]15号 have one key),
// numbers in millionths (an int 3 equals a decimal 3.0), dates as days. A row with a null key
// matches nothing.
//
// JoinHashTable groups the build side's rows by key (open addressing on a 64-bit hash, keys
// verified, so collisions never pair wrong rows) and stores each group's rows contiguously; a
// probe returns the group as a span. Groups can be reordered in place (the window join sorts
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

struct KeyColumns {
  size_t rows = 0;
  std::vector<std::vector<uint64_t>> values;  // [key][row]
  std::vector<uint8_t> has_null;              // [row]: some key is null
  std::vector<uint64_t> null_mask;            // [row]: bit k set when key k is null (when any is)
};

// Evaluates `exprs` over all rows of `relation` and normalises them (`matches[i]` says how
// strings of key i compare).
KeyColumns EvaluateKeys(ExpressionEvaluator* evaluator, StringPool* pool,
                        const std::vector<const BoundExpr*>& exprs, const std::vector<MatchKind>& matches,
                        const Relation& relation);

// The key expressions of a list of key pairs, one side.
std::vector<const BoundExpr*> KeySide(const std::vector<KeyPair>& keys, bool left);
std::vector<MatchKind> KeyMatches(const std::vector<KeyPair>& keys);

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
  bool Equal(const KeyColumns& probe, size_t probe_row, int32_t build_row) const;

  const KeyColumns& build_;
  std::vector<uint64_t> slot_hash_;   // per slot
  std::vector<int32_t> slot_group_;   // per slot: group index + 1 (0 = empty)
  std::vector<int32_t> offsets_;      // per group: start in rows_ (+ end sentinel)
  std::vector<int32_t> rows_;         // build rows grouped by key
  size_t mask_ = 0;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_JOIN_HASH_TABLE_H_
