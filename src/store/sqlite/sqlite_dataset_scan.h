// DatasetScan on SQLite: walks a dataset's segments in ordinal order, reads only the BLOBs of
// the requested columns (and of the key columns), skips superseded versions, and hands out
// one RowBatch per segment with views into the BLOBs it holds.
//
// Thread safety: one thread at a time, inside its transaction.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_DATASET_SCAN_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_DATASET_SCAN_H_

#include <memory>
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

  SegmentBlobReader reader_;
  ScanRequest request_;
  std::vector<int> request_numbers_;  // per requested column; -1: never stored
  std::vector<int> key_numbers_;
  std::vector<SegmentInfo> segments_;
  std::vector<int64_t> superseded_;
  size_t next_segment_ = 0;
  size_t next_superseded_ = 0;
  std::unique_ptr<LoadedSegment> current_;  // owns the BLOBs the last batch points into
  std::string key_arena_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_DATASET_SCAN_H_
