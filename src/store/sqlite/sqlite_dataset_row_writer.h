// DatasetRowWriter on SQLite. Decides for each row whether it is new, a new version or
// unchanged with an in-memory KeyIndex of the dataset's current keys (built on open from the
// persisted key hashes), compares candidate rows exactly, and buffers accepted rows into a
// segment that is written as a few BLOBs every kSegmentRows rows.
//
// Thread safety: one thread at a time, inside the transaction that created the batch.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_DATASET_ROW_WRITER_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_DATASET_ROW_WRITER_H_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "store/dataset_repository.h"
#include "store/sqlite/dataset_segment.h"
#include "store/sqlite/key_index.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_dataset_tables.h"

namespace shujian::store {

class SqliteDatasetRowWriter final : public DatasetRowWriter {
 public:
  // See DatasetRepository::OpenRowWriter.
  static Result<std::unique_ptr<SqliteDatasetRowWriter>> Open(SqliteConnection* connection,
                                                              std::string_view batch_id,
                                                              const DatasetLayout& layout);

  Result<PutResult> Put(std::span<const DatasetCell> cells, int file, int64_t line) override;
  Status PutRows(std::span<const DatasetCell> cells, int file, std::span<const int64_t> lines,
                 std::vector<PutResult>* results) override;
  Status Finish() override;

 private:
  SqliteDatasetRowWriter(SqliteConnection* connection, SegmentBlobReader reader)
      : connection_(connection), reader_(std::move(reader)) {}

  Status LoadIndex(const std::vector<int64_t>& superseded);
  // The key of a row: its parts (into parts_) and their hash. InvalidArgument for an empty part.
  Result<uint64_t> KeyOf(std::span<const DatasetCell> cells, std::vector<std::string_view>* parts);
  // Put, once the key is known.
  Result<PutResult> PutKeyed(std::span<const DatasetCell> cells, int file, int64_t line,
                             std::span<const std::string_view> parts, uint64_t hash);
  // The segment holding a stored (flushed) ordinal, decoded on demand; a few are cached.
  Result<LoadedSegment*> SegmentOf(int64_t ordinal);
  Result<bool> KeyEquals(int64_t ordinal, std::span<const std::string_view> parts);
  Result<bool> RowEquals(int64_t ordinal, std::span<const DatasetCell> cells);
  Result<std::pair<int, int64_t>> ProvenanceOf(int64_t ordinal);
  int64_t Append(std::span<const DatasetCell> cells, int file, int64_t line, uint64_t hash);
  Status Flush();

  SqliteConnection* connection_;
  SegmentBlobReader reader_;
  std::string batch_id_;
  DatasetLayout layout_;
  std::vector<int> column_numbers_;   // per layout column
  std::vector<size_t> key_positions_;  // layout index of each key column
  std::vector<SegmentInfo> segments_;  // stored segments, in ordinal order
  KeyIndex index_;
  int64_t next_ordinal_ = 0;
  int64_t current_rows_ = 0;
  int64_t batch_first_ordinal_ = 0;    // ordinals from here on belong to this batch
  int64_t builder_first_ordinal_ = 0;  // the first ordinal still in the builders
  std::vector<ColumnBuilder> builders_;
  std::vector<uint64_t> hashes_;
  Provenance provenance_;
  std::deque<std::unique_ptr<LoadedSegment>> cache_;  // most recently used first
  std::string encoded_;
  std::vector<std::string_view> parts_;
  std::vector<uint64_t> batch_hashes_;
  std::vector<std::string_view> batch_parts_;
  bool finished_ = false;
  std::unique_ptr<SqliteStatement> insert_superseded_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_DATASET_ROW_WRITER_H_
