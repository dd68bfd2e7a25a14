// Reading the dataset tables of the SQLite store (migration 0010): a dataset's key, column
// catalogue, segments and superseded versions, and the segment BLOBs. Shared by the row
// writer, the scan and the repository.
//
// Thread safety: one thread at a time, on the transaction's connection.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_DATASET_TABLES_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_DATASET_TABLES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sqlite/dataset_segment.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

// The row of `datasets`.
struct StoredDataset {
  std::string name;
  std::vector<std::string> key_columns;
  int64_t next_ordinal = 0;
  int64_t current_rows = 0;
};

// A row of `dataset_segments`.
struct SegmentInfo {
  int64_t id = 0;
  std::string batch_id;
  int64_t first_ordinal = 0;
  int64_t row_count = 0;
};

// The dataset's row, or nullopt when it has never stored a row.
Result<std::optional<StoredDataset>> LoadStoredDataset(SqliteConnection* connection,
                                                       std::string_view dataset);
// Column name → column number.
Result<std::map<std::string, int, std::less<>>> LoadColumnCatalog(SqliteConnection* connection,
                                                                  std::string_view dataset);
// Segments in ordinal order.
Result<std::vector<SegmentInfo>> LoadSegments(SqliteConnection* connection,
                                              std::string_view dataset);
// Superseded ordinals, ascending.
Result<std::vector<int64_t>> LoadSuperseded(SqliteConnection* connection, std::string_view dataset);

// The index in `segments` (ordinal order) of the segment holding `ordinal`, or -1.
int64_t FindSegment(const std::vector<SegmentInfo>& segments, int64_t ordinal);

// Reads segment BLOBs with one prepared statement.
class SegmentBlobReader {
 public:
  static Result<SegmentBlobReader> Create(SqliteConnection* connection);
  // Copies the BLOB of (segment, column) into *out. Returns false when there is none.
  Result<bool> Read(int64_t segment_id, int column_no, std::string* out);
  // The column numbers (>= kFirstDataColumn) that have a BLOB in the segment.
  Result<std::vector<int>> DataColumns(int64_t segment_id);

 private:
  SegmentBlobReader(SqliteStatement read, SqliteStatement list)
      : read_(std::move(read)), list_(std::move(list)) {}
  SqliteStatement read_;
  SqliteStatement list_;
};

// A segment whose columns are decoded on demand, for comparing stored rows.
class LoadedSegment {
 public:
  LoadedSegment(const SegmentInfo& info, SegmentBlobReader* reader) : info_(info), reader_(reader) {}
  const SegmentInfo& info() const { return info_; }
  // The decoded column `column_no` (an empty column if the segment has no BLOB for it).
  Result<const DecodedColumn*> Column(int column_no);
  Result<const Provenance*> Provenances();
  Result<const std::vector<int>*> PresentColumns();

 private:
  SegmentInfo info_;
  SegmentBlobReader* reader_;
  std::map<int, std::pair<std::unique_ptr<std::string>, DecodedColumn>> columns_;
  std::optional<Provenance> provenance_;
  std::optional<std::vector<int>> present_;
};

// Segment id * 1024 + column number: the rowid of a BLOB in dataset_segment_data.
inline int64_t SegmentDataId(int64_t segment_id, int column_no) {
  return segment_id * (kMaxColumnNumber + 1) + column_no;
}

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_DATASET_TABLES_H_
