// Relation: the rows one pipeline step produced, as typed columns, with their lineage.
//
// Lineage (provenance) says, for every output row, which rows of the step's inputs made it:
// a filter keeps one input row, a join pairs one row of each side, an aggregate or a rolling
// window gathers many. Following the links back to the read steps gives the dataset rows a
// lead cites as evidence (TraceBaseRows). Links are integer vectors kept beside the columns;
// a step that keeps every input row in order (compute) records an identity link.
//
// Columns that no later step reads are not materialised (null): memory follows the columns a
// model reads, not the width of the datasets. Columns are shared, immutable vectors, so a step
// that passes a column through (compute, lookup, rolling) does not copy it.
//
// Thread safety: a plain value; read concurrently only when no one writes.
#ifndef SHUJIAN_ENGINE_COMMON_RELATION_H_
#define SHUJIAN_ENGINE_COMMON_RELATION_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/common/vector.h"

namespace shujian::engine {

struct LineageLink {
  enum class Kind {
    kIdentity,  // output row r is parent row r
    kRows,      // output row r is parent row rows[r] (-1: no parent row, e.g. a left join miss)
    kGroups,    // output row r gathers parent rows rows[offsets[r] .. offsets[r+1])
  };
  int parent = -1;               // the parent step's index; -1: the dataset of a read step
  Kind kind = Kind::kIdentity;
  std::vector<int32_t> rows;     // see kind
  std::vector<int32_t> offsets;  // kGroups: size = output rows + 1
  // kGroups of a rolling window: each group starts with the output row's own input row (the
  // rest is its window). Subjects follow only that row; evidence follows all.
  bool self_first = false;
};

// A column shared between relations (shared because pass-through steps reuse it).
using ColumnPtr = std::shared_ptr<const Vector>;

struct Relation {
  size_t rows = 0;                   // number of rows
  std::vector<ColumnPtr> columns;    // one per column of the step's output schema; null: not live
  std::vector<LineageLink> lineage;  // one link per input (a read step: to its dataset)
  int base_step = -1;                // the step whose base rows a parent -1 link names

  const Vector& column(size_t index) const { return *columns[index]; }
  bool live(size_t index) const { return columns[index] != nullptr; }
  // Bytes held by columns and lineage, for explain (shared columns count in full).
  size_t MemoryBytes() const;
};

// A new column from a vector.
inline ColumnPtr MakeColumn(Vector vector) { return std::make_shared<const Vector>(std::move(vector)); }

// For `row` of the relation of step `step`, adds the dataset rows it came from to
// base_rows[read_step] for every read step it descends from. `relations[s]` is the relation of
// step s (kept until the run ends). Rows may repeat; callers sort and deduplicate. With
// `self_only`, a rolling window contributes only the row itself, not its window: the rows a
// finding is about, rather than all it cites.
void TraceBaseRows(const std::vector<const Relation*>& relations, int step, int32_t row,
                   std::vector<std::vector<int32_t>>* base_rows, bool self_only = false);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_COMMON_RELATION_H_
