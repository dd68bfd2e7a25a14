#include "engine/exec/join_hash_table.h"

#include <algorithm>
#include <limits>

namespace shujian::engine {
namespace {

uint64_t Mix(uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdull;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ull;
  value ^= value >> 33;
  return value;
}

int64_t Millionths(TypeId type, int64_t value) {
  __extension__ __int128 scaled = value;
  if (type == TypeId::kInt) scaled *= 1000000;
  if (type == TypeId::kMoney) scaled *= 10000;
  if (scaled > std::numeric_limits<int64_t>::max()) return std::numeric_limits<int64_t>::max();
  if (scaled < std::numeric_limits<int64_t>::min()) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(scaled);
}

}  // namespace

std::vector<const BoundExpr*> KeySide(const std::vector<KeyPair>& keys, bool left) {
  std::vector<const BoundExpr*> side;
  for (const KeyPair& key : keys) side.push_back(left ? &key.left : &key.right);
  return side;
}

std::vector<MatchKind> KeyMatches(const std::vector<KeyPair>& keys) {
  std::vector<MatchKind> matches;
  for (const KeyPair& key : keys) matches.push_back(key.match);
  return matches;
}

KeyColumns EvaluateKeys(ExpressionEvaluator* evaluator, StringPool* pool,
                        const std::vector<const BoundExpr*>& exprs, const std::vector<MatchKind>& matches,
                        const Relation& relation) {
  KeyColumns keys;
  keys.rows = relation.rows;
  keys.has_null.assign(relation.rows, 0);
  for (size_t index = 0; index < exprs.size(); ++index) {
    const BoundExpr& expr = *exprs[index];
    std::vector<uint64_t> values(relation.rows);
    Vector vector;
    const Vector* source;
    if (expr.kind == BoundKind::kColumn) {
      source = &relation.column(expr.column);
    } else {
      vector = evaluator->EvaluateAll(expr, relation);
      source = &vector;
    }
    TypeId type = expr.type.id;
    if (type == TypeId::kString) {
      MatchKind match = matches[index];
      for (size_t row = 0; row < relation.rows; ++row) {
        values[row] = pool->MatchCode(static_cast<uint32_t>(source->data[row]), match);
      }
    } else if (expr.type.is_numeric()) {
      for (size_t row = 0; row < relation.rows; ++row) {
        values[row] = static_cast<uint64_t>(Millionths(type, source->data[row]));
      }
    } else {
      for (size_t row = 0; row < relation.rows; ++row) values[row] = static_cast<uint64_t>(source->data[row]);
    }
    if (source->has_nulls()) {
      if (keys.null_mask.empty()) keys.null_mask.assign(relation.rows, 0);
      for (size_t row = 0; row < relation.rows; ++row) {
        if (!source->nulls[row]) continue;
        keys.has_null[row] = 1;
        keys.null_mask[row] |= uint64_t{1} << (index % 64);
        values[row] = 0;
      }
    }
    keys.values.push_back(std::move(values));
  }
  return keys;
}

uint64_t JoinHashTable::Hash(const KeyColumns& keys, size_t row) const {
  uint64_t hash = 0x9E3779B97F4A7C15ull;
  for (const std::vector<uint64_t>& column : keys.values) hash = Mix(hash ^ column[row]) + 0x632BE59BD9B4E019ull;
  return hash;
}

bool JoinHashTable::Equal(const KeyColumns& probe, size_t probe_row, int32_t build_row) const {
  for (size_t key = 0; key < probe.values.size(); ++key) {
    if (probe.values[key][probe_row] != build_.values[key][build_row]) return false;
  }
  return true;
}

JoinHashTable::JoinHashTable(const KeyColumns& build) : build_(build) {
  size_t capacity = 16;
  while (capacity < build.rows * 2) capacity <<= 1;
  mask_ = capacity - 1;
  slot_hash_.assign(capacity, 0);
  slot_group_.assign(capacity, 0);
  std::vector<int32_t> group_of_row(build.rows, -1);
  std::vector<int32_t> first_row;  // per group: a representative row
  std::vector<int32_t> counts;
  for (size_t row = 0; row < build.rows; ++row) {
    if (build.has_null[row]) continue;
    uint64_t hash = Hash(build, row);
    size_t slot = hash & mask_;
    while (true) {
      int32_t group = slot_group_[slot];
      if (group == 0) {
        slot_hash_[slot] = hash;
        slot_group_[slot] = static_cast<int32_t>(first_row.size()) + 1;
        group_of_row[row] = static_cast<int32_t>(first_row.size());
        first_row.push_back(static_cast<int32_t>(row));
        counts.push_back(1);
        break;
      }
      if (slot_hash_[slot] == hash && Equal(build, row, first_row[group - 1])) {
        group_of_row[row] = group - 1;
        ++counts[group - 1];
        break;
      }
      slot = (slot + 1) & mask_;
    }
  }
  offsets_.assign(first_row.size() + 1, 0);
  for (size_t group = 0; group < counts.size(); ++group) offsets_[group + 1] = offsets_[group] + counts[group];
  rows_.assign(offsets_.back(), 0);
  std::vector<int32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (size_t row = 0; row < build.rows; ++row) {
    if (group_of_row[row] >= 0) rows_[fill[group_of_row[row]]++] = static_cast<int32_t>(row);
  }
}

std::span<const int32_t> JoinHashTable::Find(const KeyColumns& probe, size_t row) const {
  if (probe.has_null[row]) return {};
  uint64_t hash = Hash(probe, row);
  size_t slot = hash & mask_;
  while (true) {
    int32_t group = slot_group_[slot];
    if (group == 0) return {};
    if (slot_hash_[slot] == hash) {
      int32_t begin = offsets_[group - 1];
      if (Equal(probe, row, rows_[begin])) {
        return std::span<const int32_t>(rows_.data() + begin, offsets_[group] - begin);
      }
    }
    slot = (slot + 1) & mask_;
  }
}

}  // namespace shujian::engine
