#include "engine/exec/row_grouper.h"

namespace shujian::engine {

RowGroups GroupRows(const KeyColumns& keys, bool skip_null_keys) {
  RowGroups groups;
  size_t rows = keys.rows;
  groups.group_of_row.assign(rows, -1);
  bool masks = !keys.null_mask.empty();

  auto equal = [&](size_t a, size_t b) {
    for (const uint64_t* column : keys.values) {
      if (column[a] != column[b]) return false;
    }
    return !masks || keys.null_mask[a] == keys.null_mask[b];
  };
  // The table grows with the number of groups (not rows), so few groups stay in cache.
  size_t mask = 1023;
  std::vector<uint64_t> slot_hash(mask + 1, 0);
  std::vector<int32_t> slot_group(mask + 1, 0);
  std::vector<uint64_t> group_hash;
  for (size_t row = 0; row < rows; ++row) {
    if (skip_null_keys && keys.null_at(row)) continue;
    uint64_t hash = HashKeyRow(keys, row);
    size_t slot = hash & mask;
    while (true) {
      int32_t group = slot_group[slot];
      if (group == 0) {
        slot_hash[slot] = hash;
        slot_group[slot] = static_cast<int32_t>(groups.first_row.size()) + 1;
        groups.group_of_row[row] = static_cast<int32_t>(groups.first_row.size());
        groups.first_row.push_back(static_cast<int32_t>(row));
        group_hash.push_back(hash);
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
