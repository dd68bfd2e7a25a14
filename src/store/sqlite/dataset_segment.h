// The on-disk form of dataset rows in the SQLite store: segments of up to kSegmentRows rows of
// one batch, stored column by column as BLOBs (table dataset_segment_data, one BLOB per
// segment and column), so that a scan reads only the columns it needs and a write is a few
// large inserts instead of one insert per row. This file encodes and decodes those BLOBs; it
// knows nothing of SQLite.
//
// Format 1 (all integers little-endian; "varint" is unsigned LEB128):
//   key hashes  (column 0): u8 format=1, varint rows, rows x u64 RowKeyHash of the row's key
//   provenance  (column 1): u8 format=1, varint rows, varint runs, runs x (varint first slot,
//                           varint file index), rows x varint zigzag(line - previous line)
//   data column (2..1023):  u8 encoding, then
//       1 plain:      varint rows, rows x varint length, the bytes of every value
//       2 dictionary: varint rows, varint entries, entries x varint length, the bytes of every
//                     entry, u8 code width (1 or 2), rows x code
//     then u8 has_match; if 1: varint count, count x (varint slot delta, varint length), the
//     bytes of every matching form (only the rows whose matching form differs from the value)
//   A column whose every value is empty in a segment has no BLOB.
// RowKeyHash is part of the format: changing it requires a new format number.
//
// Thread safety: plain values; a builder or decoded column is used by one thread at a time.
#ifndef SHUJIAN_STORE_SQLITE_DATASET_SEGMENT_H_
#define SHUJIAN_STORE_SQLITE_DATASET_SEGMENT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace shujian::store {

inline constexpr int kSegmentFormat = 1;
// Rows per segment, and the bytes of values after which a segment is written early.
inline constexpr size_t kSegmentRows = 32768;
inline constexpr size_t kSegmentBytes = 16u << 20;
// Column numbers inside a segment; data columns are numbered from kFirstDataColumn.
inline constexpr int kKeyHashColumn = 0;
inline constexpr int kProvenanceColumn = 1;
inline constexpr int kFirstDataColumn = 2;
inline constexpr int kMaxColumnNumber = 1023;

// A stable 64-bit hash of a key tuple (each part's length and bytes). Persisted: never change.
uint64_t RowKeyHash(std::span<const std::string_view> parts);

// Accumulates one data column of a segment.
class ColumnBuilder {
 public:
  void Append(std::string_view value, std::string_view match);
  void Clear();
  size_t rows() const { return ends_.size(); }
  size_t bytes() const { return bytes_.size() + match_bytes_.size(); }
  bool empty() const { return bytes_.empty(); }  // every value is empty
  std::string_view value(size_t slot) const;
  // The matching form of `slot`, or its value when none differs.
  std::string_view match_or_value(size_t slot) const;
  // Appends the encoded BLOB (plain or dictionary, whichever is smaller) to `out`.
  void Encode(std::string* out) const;

 private:
  std::string bytes_;
  std::vector<uint32_t> ends_;  // end offset in bytes_ of each row's value
  std::string match_bytes_;
  std::vector<std::pair<uint32_t, uint32_t>> matches_;  // (slot, end offset in match_bytes_)
};

// A decoded data column: views into a BLOB that the caller keeps alive.
class DecodedColumn {
 public:
  // Decodes `blob` (which must outlive this object). Returns Corruption on malformed input.
  static Result<DecodedColumn> Decode(std::string_view blob);
  // A column that has no BLOB in its segment: `rows` empty values.
  static DecodedColumn Empty(size_t rows);

  size_t rows() const { return values_.size(); }
  std::string_view value(size_t slot) const { return values_[slot]; }
  std::string_view match_or_value(size_t slot) const;
  bool has_matches() const { return !matches_.empty(); }

 private:
  std::vector<std::string_view> values_;
  std::vector<std::pair<uint32_t, std::string_view>> matches_;  // sorted by slot
};

// Column 0.
void EncodeKeyHashes(std::span<const uint64_t> hashes, std::string* out);
Result<std::vector<uint64_t>> DecodeKeyHashes(std::string_view blob);

// Column 1: the file index and line of every row.
struct Provenance {
  std::vector<int32_t> files;
  std::vector<int64_t> lines;
};
void EncodeProvenance(const Provenance& provenance, std::string* out);
Result<Provenance> DecodeProvenance(std::string_view blob);

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_DATASET_SEGMENT_H_
