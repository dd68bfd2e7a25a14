#include "engine/exec/row_grouper.h"

#include <algorithm>
#include <bit>

namespace shujian::engine {
namespace {

uint64_t MixPacked(uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdull;
  value ^= value >> 33;
  return value;
}

// When the keys of every row fit together in 64 bits — each key's range (max − min, plus one
// value for null) needs few enough bits — each row's keys pack into one integer, so grouping
// hashes and compares one value. Computed per row, never stored.
struct Packing {
  std::vector<uint64_t> low;        // per key: its smallest value
  std::vector<uint64_t> null_code;  // per key: the code of null (max − min + 1)
  std::vector<int> shift;           // per key: where its bits start
  uint64_t largest = 0;             // no packed value is larger

  uint64_t Pack(const KeyColumns& keys, size_t row) const {
    uint64_t packed = 0;
    const uint64_t nulls = keys.null_mask.empty() ? 0 : keys.null_mask[row];
    for (size_t key = 0; key < low.size(); ++key) {
      if (shift[key] >= 64) continue;  // a key with one value and no null takes no bits
      const uint64_t code = (nulls >> key & 1) != 0 ? null_code[key] : keys.values[key][row] - low[key];
      packed |= code << shift[key];
    }
    return packed;
  }
};

bool PlanPacking(const KeyColumns& keys, Packing* packing) {
  const size_t width = keys.values.size();
  if (width > 64) return false;  // null masks have one bit per key
  int bits = 0;
  for (size_t key = 0; key < width; ++key) {
    const auto* values = reinterpret_cast<const int64_t*>(keys.values[key]);
    const uint64_t null_bit = uint64_t{1} << key;
    bool any = false, nulls = false;
    int64_t min = 0, max = 0;
    for (size_t row = 0; row < keys.rows; ++row) {
      if (!keys.null_mask.empty() && (keys.null_mask[row] & null_bit) != 0) {
        nulls = true;
        continue;
      }
      const int64_t value = values[row];
      if (!any || value < min) min = value;
      if (!any || value > max) max = value;
      any = true;
    }
    const uint64_t spread = any ? static_cast<uint64_t>(max) - static_cast<uint64_t>(min) : 0;
    if (spread >= (uint64_t{1} << 62)) return false;
    const uint64_t range = spread + (nulls ? 1 : 0);  // values 0 .. spread, null spread + 1
    packing->low.push_back(static_cast<uint64_t>(min));
    packing->null_code.push_back(spread + 1);
    packing->shift.push_back(bits);
    bits += range == 0 ? 0 : std::bit_width(range);
    if (bits > 64) return false;
    packing->largest |= range == 0 ? 0 : ((uint64_t{1} << std::bit_width(range)) - 1) << packing->shift.back();
  }
  return true;
}

// Grouping on the packed keys. When the packed values are few enough (no more than half the
// rows, and at most 4M), they index an array of groups directly; else a slot of the table
// holds a packed key and its group.
RowGroups GroupPacked(const KeyColumns& keys, const Packing& packing, bool skip_null_keys) {
  RowGroups groups;
  const size_t rows = keys.rows;
  groups.group_of_row.assign(rows, -1);
  if (rows > 0 && packing.largest < std::min<uint64_t>(std::max<uint64_t>(rows / 2, 1024), uint64_t{1} << 22)) {
    std::vector<int32_t> group_of_key(packing.largest + 1, -1);
    for (size_t row = 0; row < rows; ++row) {
      if (skip_null_keys && keys.null_at(row)) continue;
      int32_t& group = group_of_key[packing.Pack(keys, row)];
      if (group < 0) {
        group = static_cast<int32_t>(groups.first_row.size());
        groups.first_row.push_back(static_cast<int32_t>(row));
      }
      groups.group_of_row[row] = group;
    }
    return groups;
  }
  struct Slot {
    uint64_t key;
    int32_t group;  // group + 1; 0 = empty
  };
  size_t mask = 1023;
  std::vector<Slot> slots(mask + 1, Slot{0, 0});
  std::vector<uint64_t> group_key;
  for (size_t row = 0; row < rows; ++row) {
    if (skip_null_keys && keys.null_at(row)) continue;
    const uint64_t key = packing.Pack(keys, row);
    size_t slot = MixPacked(key) & mask;
    while (true) {
      Slot& entry = slots[slot];
      if (entry.group == 0) {
        const auto number = static_cast<int32_t>(groups.first_row.size());
        entry = {key, number + 1};
        groups.group_of_row[row] = number;
        groups.first_row.push_back(static_cast<int32_t>(row));
        group_key.push_back(key);
        if (group_key.size() * 2 > slots.size()) {
          mask = slots.size() * 2 - 1;
          slots.assign(mask + 1, Slot{0, 0});
          for (size_t existing = 0; existing < group_key.size(); ++existing) {
            size_t target = MixPacked(group_key[existing]) & mask;
            while (slots[target].group != 0) target = (target + 1) & mask;
            slots[target] = {group_key[existing], static_cast<int32_t>(existing) + 1};
          }
        }
        break;
      }
      if (entry.key == key) {
        groups.group_of_row[row] = entry.group - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return groups;
}

}  // namespace

RowGroups GroupRows(const KeyColumns& keys, bool skip_null_keys) {
  Packing packing;
  if (PlanPacking(keys, &packing)) return GroupPacked(keys, packing, skip_null_keys);

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
