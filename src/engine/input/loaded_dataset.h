// LoadedDataset: the current rows of one dataset in the engine's column form — the columns a
// model reads, plus each row's key and the import batch that stored it — and DatasetBuilder,
// which turns rows of stored values (the canonical text the store keeps, as
// data::NormalizeValue produced it) into one.
//
// Thread safety: a LoadedDataset is immutable once built; a builder is used by one thread.
#ifndef SHUJIAN_ENGINE_INPUT_LOADED_DATASET_H_
#define SHUJIAN_ENGINE_INPUT_LOADED_DATASET_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "data/dataset_schema.h"
#include "engine/common/string_pool.h"
#include "engine/common/relation.h"

namespace shujian::engine {

struct LoadedDataset {
  const data::DatasetSchema* schema = nullptr;
  size_t rows = 0;
  std::vector<std::string> column_names;  // canonical names, in load order
  std::vector<ColumnPtr> columns;         // one per name (shared with the scans that read it)
  std::vector<uint32_t> keys;             // per row: the row's key (pool code)
  std::vector<uint32_t> batches;          // per row: the batch id (pool code)

  // Index of column `name`, or -1.
  int Find(std::string_view name) const;
  // Bytes held by columns, keys and batches.
  size_t MemoryBytes() const;
};

class DatasetBuilder {
 public:
  // Builds rows of `schema` with `columns` (canonical names, each in the schema), interning
  // strings into `pool`. REQUIRES: the schema and pool outlive the builder and the result.
  DatasetBuilder(const data::DatasetSchema& schema, std::vector<std::string> columns, StringPool* pool);

  // Appends one row: `key` and `batch` identify it; values[i] is the stored form of
  // columns[i] (nullopt for null). Returns InvalidArgument naming the column when a stored
  // value is not of its column's type (a store corrupted or written by hand).
  Status AppendRow(std::string_view key, std::string_view batch,
                   std::span<const std::optional<std::string_view>> values);
  void Reserve(size_t rows);
  LoadedDataset Finish();

 private:
  LoadedDataset dataset_;
  std::vector<Vector> columns_;  // being built
  std::vector<TypeId> types_;
  StringPool* pool_;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_INPUT_LOADED_DATASET_H_
