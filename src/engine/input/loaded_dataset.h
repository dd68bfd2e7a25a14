// LoadedDataset: the current rows of one dataset in the engine's column form — the columns a
// model reads (always including the dataset's key columns) and the import batch of each row —
// and DatasetBuilder, which turns rows of stored values (the canonical text the store keeps,
// as data::NormalizeValue produced it) into one.
//
// A row's key is not kept as text: it is rebuilt when needed (a lead's subject or evidence)
// from the key columns, by the store's rule: each key column's matching form (the normalised
// case number, the name's matching form; the stored value for identifiers and dates) joined
// with '|'. Batch ids are kept as runs (rows of one batch arrive together). So memory is the
// columns a model reads and nothing per row beside them.
//
// Thread safety: a LoadedDataset is immutable once built; a builder is used by one thread,
// except Prepare, which may run on others (see there).
#ifndef SHUJIAN_ENGINE_INPUT_LOADED_DATASET_H_
#define SHUJIAN_ENGINE_INPUT_LOADED_DATASET_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "data/dataset_schema.h"
#include "engine/common/relation.h"
#include "engine/common/string_pool.h"

namespace shujian::engine {

struct LoadedDataset {
  const data::DatasetSchema* schema = nullptr;
  size_t rows = 0;
  std::vector<std::string> column_names;  // canonical names, in load order
  std::vector<ColumnPtr> columns;         // one per name (shared with the scans that read it)
  std::vector<int> key_columns;           // indices into columns of the key, in key order;
                                          // empty when the keys were not loaded
  // Batch runs: rows [batch_starts[i], batch_starts[i+1]) came from batch batch_codes[i].
  std::vector<uint32_t> batch_starts;
  std::vector<uint32_t> batch_codes;

  // Index of column `name`, or -1.
  int Find(std::string_view name) const;
  // The key of `row` (see the top of this file).
  std::string Key(size_t row, const StringPool& pool) const;
  // The pool code of the batch of `row`.
  uint32_t BatchCode(size_t row) const;
  // Bytes held by columns and batch runs.
  size_t MemoryBytes() const;
};

// The key part of a stored value of a key column of `type`: its matching form.
std::string KeyPart(data::LogicalType type, std::string_view stored);

class DatasetBuilder {
 public:
  // Builds rows of `schema` with `columns` (canonical names, each in the schema; with `keys`
  // the key columns are added when missing), interning strings into `pool`. Without keys,
  // Key() of the result is empty. REQUIRES: the schema and pool outlive the builder and the
  // result.
  DatasetBuilder(const data::DatasetSchema& schema, std::vector<std::string> columns, StringPool* pool,
                 bool keys = true);

  // The columns the builder expects, in order (the requested ones, then missing key columns).
  const std::vector<std::string>& columns() const { return dataset_.column_names; }

  // Appends one row from `batch`: values[i] is the stored form of columns()[i] (nullopt or ""
  // for null). Returns InvalidArgument naming the column when a stored value is not of its
  // column's type (a store corrupted or written by hand).
  Status AppendRow(std::string_view batch, std::span<const std::optional<std::string_view>> values);
  // Appends `rows` rows from `batch`: columns[i][row] is the stored form of columns()[i] ("" for
  // null). The same errors as AppendRow; on error nothing of the call is kept. Faster than
  // AppendRow for bulk loads: it works a column at a time and converts a value that repeats at
  // the same address (a store's dictionary-encoded column) once per call.
  Status AppendColumns(std::string_view batch, size_t rows, std::span<const std::vector<std::string_view>> columns);

  // AppendColumns in two halves, so that a loader can convert one batch on another thread
  // while the builder's thread appends the previous one: Prepare does everything that needs
  // neither the builder's columns nor the pool (parsing dates, periods and numbers, finding the
  // distinct texts and their hashes, copying them out of `columns`), AppendPrepared the rest
  // (interning and appending). Prepare(...) then AppendPrepared(...) appends exactly what
  // AppendColumns appends, interning the same strings in the same order.
  struct PreparedBatch {
    struct Column {
      std::vector<int64_t> values;  // per row: the value; for text, an index into `ends`
      std::vector<uint8_t> nulls;   // empty when no row is null, else 1 for a null row
      // Text columns: the values to intern, in order of first appearance; value i is
      // bytes[ends[i-1], ends[i]) and hashes[i] is its StringPool::Hash.
      std::string bytes;
      std::vector<size_t> ends;
      std::vector<uint32_t> hashes;
    };
    std::string batch;
    size_t rows = 0;
    std::vector<Column> columns;
    // The first stored value that is not of its column's type (AppendPrepared reports it).
    bool bad = false;
    size_t bad_column = 0;
    size_t bad_row = 0;  // within the batch
    std::string bad_value;
    Status bad_reason;
  };
  // Fills `out` (reusing its buffers) from the arguments of AppendColumns. Returns Internal
  // when the column counts do not match. Reads only what the constructor fixed, so it may run
  // on any thread, concurrently with AppendPrepared and other Prepare calls; `out` no longer
  // refers to `columns` afterwards.
  Status Prepare(std::string_view batch, size_t rows, std::span<const std::vector<std::string_view>> columns,
                 PreparedBatch* out) const;
  // Appends a prepared batch (the builder's thread). Returns the errors of AppendColumns; on
  // error nothing of the batch is kept.
  Status AppendPrepared(const PreparedBatch& prepared);

  void Reserve(size_t rows);
  LoadedDataset Finish();

 private:
  LoadedDataset dataset_;
  std::vector<Vector> columns_;  // being built
  std::vector<TypeId> types_;
  Status AppendValue(size_t column, std::string_view value);
  void NoteBatch(std::string_view batch);
  Status TypeError(size_t column, size_t row, std::string_view value, const Status& reason) const;

  StringPool* pool_;
  std::string last_batch_;
  PreparedBatch scratch_;  // AppendColumns' buffers, kept between calls
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_INPUT_LOADED_DATASET_H_
