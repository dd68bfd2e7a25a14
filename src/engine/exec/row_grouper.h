// Groups rows with equal keys: assigns each row the number of its group, groups numbered in
// order of first appearance. Used by aggregates (group by), rolling windows (partition by) and
// distinct counts. Keys compare as join keys do (exec/join_hash_table.h); a null key is a
// value of its own (rows with null keys group together), unless the caller skips them.
//
// Thread safety: pure function.
#ifndef SHUJIAN_ENGINE_EXEC_ROW_GROUPER_H_
#define SHUJIAN_ENGINE_EXEC_ROW_GROUPER_H_

#include <cstdint>
#include <vector>

#include "engine/exec/join_hash_table.h"

namespace shujian::engine {

struct RowGroups {
  std::vector<int32_t> group_of_row;  // -1 for skipped rows
  std::vector<int32_t> first_row;     // per group: its first row
  size_t count() const { return first_row.size(); }
};

RowGroups GroupRows(const KeyColumns& keys, bool skip_null_keys);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_ROW_GROUPER_H_
