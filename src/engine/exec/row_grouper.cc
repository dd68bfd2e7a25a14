#include "engine/exec/row_grouper.h"

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

}  // namespace

RowGroups GroupRows(const KeyColumns& keys, bool skip_null_keys, const std::vector<uint64_t>* extra) {
  RowGroups groups;
  size_t rows = keys.rows;
  groups.group_of_row.assign(rows, -1);
  bool masks = !keys.null_mask.empty();
  auto hash_of = [&](size_t row) {
    uint64_t hash = 0x9E3779B97F4A7C15ull;
    for (const std::vector<uint64_t>& column : keys.values) hash = Mix(hash ^ column[row]) + 0x632BE59BD9B4E019ull;
    if (masks) hash = Mix(hash ^ keys.null_mask[row]);
    if (extra != nullptr) hash = Mix(hash ^ (*extra)[row]) + 1;
    return hash;
  };
  auto equal = [&](size_t a, size_t b) {
    for (const std::vector<uint64_t>& column : keys.values) {
      if (column[a] != column[b]) return false;
    }
    if (masks && keys.null_mask[a] != keys.null_mask[b]) return false;
    return extra == nullptr || (*extra)[a] == (*extra)[b];
  };
  size_t capacity = 16;
  while (capacity < rows * 2) capacity <<= 1;
  size_t mask = capacity - 1;
  std::vector<uint64_t> slot_hash(capacity, 0);
  std::vector<int32_t> slot_group(capacity, 0);
  for (size_t row = 0; row < rows; ++row) {
    if (skip_null_keys && keys.has_null[row]) continue;
    uint64_t hash = hash_of(row);
    size_t slot = hash & mask;
    while (true) {
      int32_t group = slot_group[slot];
      if (group == 0) {
        slot_hash[slot] = hash;
        slot_group[slot] = static_cast<int32_t>(groups.first_row.size()) + 1;
        groups.group_of_row[row] = static_cast<int32_t>(groups.first_row.size());
        groups.first_row.push_back(static_cast<int32_t>(row));
        break;
      }
      if (slot_hash[slot] == hash && equal(row, groups.first_row[group - 1])) {
        groups.group_of_row[row] = group - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return groups;
}

}  // namespace shujian::engine
