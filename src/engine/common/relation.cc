#include "engine/common/relation.h"

namespace shujian::engine {

size_t Relation::MemoryBytes() const {
  size_t bytes = 0;
  for (const ColumnPtr& column : columns) {
    if (column) bytes += column->data.capacity() * 8 + column->nulls.capacity();
  }
  for (const LineageLink& link : lineage) bytes += (link.rows.capacity() + link.offsets.capacity()) * 4;
  return bytes;
}

void TraceBaseRows(const std::vector<const Relation*>& relations, int step, int32_t row,
                   std::vector<std::vector<int32_t>>* base_rows, bool self_only) {
  if (row < 0) return;
  const Relation& relation = *relations[step];
  for (const LineageLink& link : relation.lineage) {
    auto visit = [&](int32_t parent_row) {
      if (parent_row < 0) return;
      if (link.parent < 0) {
        (*base_rows)[relation.base_step >= 0 ? relation.base_step : step].push_back(parent_row);
      } else {
        TraceBaseRows(relations, link.parent, parent_row, base_rows, self_only);
      }
    };
    switch (link.kind) {
      case LineageLink::Kind::kIdentity:
        visit(row);
        break;
      case LineageLink::Kind::kRows:
        visit(link.rows[row]);
        break;
      case LineageLink::Kind::kGroups: {
        int32_t end = (self_only && link.self_first) ? link.offsets[row] + 1 : link.offsets[row + 1];
        for (int32_t member = link.offsets[row]; member < end; ++member) visit(link.rows[member]);
        break;
      }
    }
  }
}

}  // namespace shujian::engine
