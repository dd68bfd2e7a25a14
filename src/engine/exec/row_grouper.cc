#include "engine/exec/row_grouper.h"

namespace shujian::engine {

RowGroups GroupRows(const KeyColumns& keys, bool skip_null_keys) {
  RowGroups groups;
  const size_t rows = keys.rows;
  const size_t width = keys.values.size();
  groups.group_of_row.assign(rows, -1);
  const bool masks = !keys.null_mask.empty();

  // The table and each group's key values (copied, so that a probe compares against memory
  // that stays in cache instead of the group's first row somewhere in the input) grow with the
  // number of groups, not rows.
  size_t mask = 1023;
  std::vector<uint64_t> slot_hash(mask + 1, 0);
  std::vector<int32_t> slot_group(mask + 1, 0);
  std::vector<uint64_t> group_hash;
  std::vector<uint64_t> group_keys;   // [group * width + key]
  std::vector<uint64_t> group_nulls;  // [group], when masks
  auto equal = [&](size_t row, size_t group) {
    const uint64_t* stored = group_keys.data() + group * width;
    for (size_t key = 0; key < width; ++key) {
      if (keys.values[key][row] != stored[key]) return false;
    }
    return !masks || keys.null_mask[row] == group_nulls[group];
  };
  for (size_t row = 0; row < rows; ++row) {
    if (skip_null_keys && keys.null_at(row)) continue;
    const uint64_t hash = HashKeyRow(keys, row);
    size_t slot = hash & mask;
    while (true) {
      const int32_t group = slot_group[slot];
      if (group == 0) {
        const auto number = static_cast<int32_t>(groups.first_row.size());
        slot_hash[slot] = hash;
        slot_group[slot] = number + 1;
        groups.group_of_row[row] = number;
        groups.first_row.push_back(static_cast<int32_t>(row));
        group_hash.push_back(hash);
        for (size_t key = 0; key < width; ++key) group_keys.push_back(keys.values[key][row]);
        if (masks) group_nulls.push_back(keys.null_mask[row]);
        if (group_hash.size() * 2 > slot_group.size()) {
          mask = slot_group.size() * 2 - 1;
          slot_hash.assign(mask + 1, 0);
          slot_group.assign(mask + 1, 0);
          for (size_t existing = 0; existing < group_hash.size(); ++existing) {
            size_t target = group_hash[existing] & mask;
            while (slot_group[target] != 0) target = (target + 1) & mask;
            slot_hash[target] = group_hash[existing];
            slot_group[target] = static_cast<int32_t>(existing) + 1;
          }
        }
        break;
      }
      if (slot_hash[slot] == hash && equal(row, static_cast<size_t>(group - 1))) {
        groups.group_of_row[row] = group - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return groups;
}

}  // namespace shujian::engine
