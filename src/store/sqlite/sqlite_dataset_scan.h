// DatasetScan on SQLite: walks a dataset's segments in ordinal order, reads only the BLOBs of
// the requested columns (and of the key columns), skips superseded versions, and hands out
// one RowBatch per segment with views into the BLOBs it holds.
//
// Thread safety: one thread at a time, inside its transaction.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_DATASET_SCAN_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_DATASET_SCAN_H_

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/dataset_repository.h"
#include "store/sqlite/sqlite_dataset_tables.h"

namespace shujian::store {

class SqliteDatasetScan final : public DatasetScan {
 public:
  static Result<std::unique_ptr<SqliteDatasetScan>> Open(SqliteConnection* connection,
                                                         const ScanRequest& request);
  Result<bool> Next(RowBatch* batch) override;

 private:
  explicit SqliteDatasetScan(SegmentBlobReader reader) : reader_(std::move(reader)) {}

  // A column of the current segment: its BLOB (the buffer is kept from segment to segment)
  // and its decoded views, or none when the segment has no BLOB for it (every value empty).
  struct SegmentColumn {
    int number = -1;
    std::string blob;
    std::optional<DecodedColumn> decoded;
  };
  // Reads and decodes column `number` of segment `info` into the slot of `number`.
  Result<const SegmentColumn*> ReadColumn(const SegmentInfo& info, int number);

  SegmentBlobReader reader_;
  ScanRequest request_;
  std::vector<int> request_numbers_;  // per requested column; -1: never stored
  std::vector<int> key_numbers_;
  std::vector<SegmentInfo> segments_;
  std::vector<int64_t> superseded_;
  size_t next_segment_ = 0;
  size_t next_superseded_ = 0;
  // The columns the last batch points into (requested and key columns, each once); a deque,
  // so that adding one moves none.
  std::deque<SegmentColumn> columns_;
  int64_t columns_segment_ = -1;            // the segment whose columns columns_ holds
  std::unique_ptr<LoadedSegment> current_;  // with provenance: the last batch's segment
  std::vector<size_t> slots_;
  std::string key_arena_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_DATASET_SCAN_H_
