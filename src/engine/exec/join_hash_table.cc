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

std::vector<KeyForm> KeyForms(const std::vector<KeyPair>& keys) {
  std::vector<KeyForm> forms;
  for (const KeyPair& key : keys) {
    bool numeric = key.left.type.is_numeric() && key.right.type.is_numeric();
    forms.push_back(KeyForm{key.match, numeric && key.left.type.id != key.right.type.id});
  }
  return forms;
}

std::vector<KeyForm> GroupForms(const std::vector<const BoundExpr*>& exprs) {
  std::vector<KeyForm> forms;
  for (const BoundExpr* expr : exprs) forms.push_back(KeyForm{MatchKindOf(expr->type), false});
  return forms;
}

KeyColumns KeysFromVectors(StringPool* pool, const std::vector<const Vector*>& vectors,
                           const std::vector<KeyForm>& forms, size_t rows) {
  KeyColumns keys;
  keys.rows = rows;
  keys.owned.reserve(vectors.size());  // pointers into owned must stay valid
  bool any_nulls = false;
  for (const Vector* vector : vectors) any_nulls = any_nulls || vector->has_nulls();
  if (any_nulls) {
    keys.has_null.assign(rows, 0);
    keys.null_mask.assign(rows, 0);
  }
  for (size_t index = 0; index < vectors.size(); ++index) {
    const Vector& source = *vectors[index];
    const KeyForm& form = forms[index];
    TypeId type = source.type.id;
    bool convert = (type == TypeId::kString && form.match != MatchKind::kExact) ||
                   (source.type.is_numeric() && form.scale) || source.has_nulls();
    if (!convert) {
      keys.values.push_back(reinterpret_cast<const uint64_t*>(source.data.data()));
      continue;
    }
    std::vector<uint64_t>& values = keys.owned.emplace_back(rows);
    if (type == TypeId::kString && form.match != MatchKind::kExact) {
      for (size_t row = 0; row < rows; ++row) {
        values[row] = pool->MatchCode(static_cast<uint32_t>(source.data[row]), form.match);
      }
    } else if (source.type.is_numeric() && form.scale) {
      for (size_t row = 0; row < rows; ++row) values[row] = static_cast<uint64_t>(Millionths(type, source.data[row]));
    } else {
      for (size_t row = 0; row < rows; ++row) values[row] = static_cast<uint64_t>(source.data[row]);
    }
    if (source.has_nulls()) {
      for (size_t row = 0; row < rows; ++row) {
        if (!source.nulls[row]) continue;
        keys.has_null[row] = 1;
        keys.null_mask[row] |= uint64_t{1} << (index % 64);
        values[row] = 0;
      }
    }
    keys.values.push_back(values.data());
  }
  return keys;
}

KeyColumns EvaluateKeys(ExpressionEvaluator* evaluator, StringPool* pool,
                        const std::vector<const BoundExpr*>& exprs, const std::vector<KeyForm>& forms,
                        const Relation& relation, std::vector<Vector>* evaluated) {
  std::vector<const Vector*> vectors;
  evaluated->reserve(evaluated->size() + exprs.size());  // pointers into it must stay valid
  for (const BoundExpr* expr : exprs) {
    if (expr->kind == BoundKind::kColumn) {
      vectors.push_back(&relation.column(expr->column));
    } else {
      evaluated->push_back(evaluator->EvaluateAll(*expr, relation));
      vectors.push_back(&evaluated->back());
    }
  }
  return KeysFromVectors(pool, vectors, forms, relation.rows);
}

uint64_t HashKeyRow(const KeyColumns& keys, size_t row) {
  uint64_t hash = 0x9E3779B97F4A7C15ull;
  for (const uint64_t* column : keys.values) hash = Mix(hash ^ column[row]) + 0x632BE59BD9B4E019ull;
  if (!keys.null_mask.empty() && keys.null_mask[row] != 0) hash = Mix(hash ^ keys.null_mask[row]);
  return hash;
}

JoinKeys EvaluateJoinKeys(ExpressionEvaluator* evaluator, StringPool* pool, const std::vector<KeyPair>& keys,
                          const Relation& left, const Relation& right) {
  JoinKeys result;
  std::vector<KeyForm> forms = KeyForms(keys);
  result.left = EvaluateKeys(evaluator, pool, KeySide(keys, true), forms, left, &result.evaluated);
  result.right = EvaluateKeys(evaluator, pool, KeySide(keys, false), forms, right, &result.evaluated);
  return result;
}

uint64_t JoinHashTable::Hash(const KeyColumns& keys, size_t row) const { return HashKeyRow(keys, row); }

bool JoinHashTable::Equal(const KeyColumns& probe, size_t probe_row, int32_t build_row) const {
  if (!probe.null_mask.empty() || !build_.null_mask.empty()) {
    uint64_t a = probe.null_mask.empty() ? 0 : probe.null_mask[probe_row];
    uint64_t b = build_.null_mask.empty() ? 0 : build_.null_mask[build_row];
    if (a != b) return false;
  }
  for (size_t key = 0; key < probe.values.size(); ++key) {
    if (probe.values[key][probe_row] != build_.values[key][build_row]) return false;
  }
  return true;
}

JoinHashTable::JoinHashTable(const KeyColumns& build) : build_(build) {
  size_t capacity = 1024;
  mask_ = capacity - 1;
  slot_hash_.assign(capacity, 0);
  slot_group_.assign(capacity, 0);
  std::vector<int32_t> group_of_row(build.rows, -1);
  std::vector<int32_t> first_row;  // per group: a representative row
  std::vector<int32_t> counts;
  for (size_t row = 0; row < build.rows; ++row) {
    if (build.null_at(row)) continue;
    uint64_t hash = Hash(build, row);
    size_t slot = hash & mask_;
    while (true) {
      int32_t group = slot_group_[slot];
      if (group == 0) {
        slot_hash_[slot] = hash;
        slot_group_[slot] = static_cast<int32_t>(first_row.size()) + 1;
        group_of_row[row] = static_cast<int32_t>(first_row.size());
        first_row.push_back(static_cast<int32_t>(row));
        group_hash_.push_back(hash);
        counts.push_back(1);
        if (first_row.size() * 2 > slot_group_.size()) Grow();
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
  // A single key over a small range: index the groups by value.
  if (build.values.size() == 1 && build.null_mask.empty() && build.rows > 0) {
    const auto* values = reinterpret_cast<const int64_t*>(build.values[0]);
    int64_t min = values[0], max = values[0];
    for (size_t row = 1; row < build.rows; ++row) {
      min = std::min(min, values[row]);
      max = std::max(max, values[row]);
    }
    const uint64_t range = static_cast<uint64_t>(max) - static_cast<uint64_t>(min);
    if (range < std::max<uint64_t>(8 * build.rows, uint64_t{1} << 20)) {
      direct_ = true;
      direct_low_ = static_cast<uint64_t>(min);
      direct_group_.assign(range + 1, -1);
      for (size_t group = 0; group < first_row.size(); ++group) {
        direct_group_[build.values[0][first_row[group]] - direct_low_] = static_cast<int32_t>(group);
      }
      std::vector<uint64_t>().swap(slot_hash_);
      std::vector<int32_t>().swap(slot_group_);
    }
  }
}

void JoinHashTable::Grow() {
  size_t capacity = slot_group_.size() * 2;
  mask_ = capacity - 1;
  slot_hash_.assign(capacity, 0);
  slot_group_.assign(capacity, 0);
  for (size_t group = 0; group < group_hash_.size(); ++group) {
    size_t slot = group_hash_[group] & mask_;
    while (slot_group_[slot] != 0) slot = (slot + 1) & mask_;
    slot_hash_[slot] = group_hash_[group];
    slot_group_[slot] = static_cast<int32_t>(group) + 1;
  }
}

std::span<const int32_t> JoinHashTable::Find(const KeyColumns& probe, size_t row) const {
  if (probe.null_at(row)) return {};
  if (direct_) {
    const uint64_t index = probe.values[0][row] - direct_low_;
    if (index >= direct_group_.size()) return {};
    const int32_t group = direct_group_[index];
    if (group < 0) return {};
    return std::span<const int32_t>(rows_.data() + offsets_[group], offsets_[group + 1] - offsets_[group]);
  }
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
