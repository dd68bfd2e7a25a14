// RecordReader: the rows of one input file as records of cells, whatever the format (CSV,
// XLSX, JSON Lines), read front to back in constant memory. Readers say what the bytes hold
// and where; they never judge values (row_validator.h does) and never drop anything: a row
// they cannot read completely comes back with `problem` set, to be shown to the user as a
// reject.
//
// Thread safety: one thread at a time.
#ifndef SHUJIAN_INGEST_RECORD_READER_H_
#define SHUJIAN_INGEST_RECORD_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::ingest {

// What a cell held in the file.
enum class CellKind : uint8_t {
  kText,      // text (every CSV cell; XLSX strings; JSON strings)
  kNumber,    // a number cell (XLSX, JSON): `text` is the number as stored in the file, e.g.
              // "4.2030419800101197E+17"; ExcelNumberText() gives what Excel displays
  kDate,      // an XLSX number in a date format, converted: "2023-02-16"
  kDateTime,  // likewise with a time: "2023-02-16 08:30:00"
  kBool,      // "TRUE" / "FALSE"
  kError,     // an Excel error value such as "#N/A" (a formula that failed)
};

struct Cell {
  std::string_view text;
  CellKind kind = CellKind::kText;
};

struct Record {
  int64_t line = 0;         // 1-based; CSV: the row (record) number, XLSX: the sheet's row
                            // number, JSON Lines: the line number
  std::vector<Cell> cells;  // in column order; may be shorter or longer than the header
  std::string problem;      // non-empty: the row could not be read completely (why, in Chinese)
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;

  // Reads the next record into *record (views valid until the next call). Returns false at the
  // end. An error (unreadable or malformed file) refuses the whole file.
  virtual Result<bool> Next(Record* record) = 0;

  // JSON Lines: true. Records are then aligned with header(), which the reader fills from the
  // keys it meets (it may grow between records). Tabular formats: false; the first row is the
  // header and is returned as a record.
  virtual bool self_describing() const { return false; }
  virtual const std::vector<std::string>& header() const;

  // Bytes of the file consumed so far, and its size (-1 when unknown), for progress.
  virtual int64_t bytes_consumed() const = 0;
  virtual int64_t bytes_total() const = 0;
  // For the manifest: the text encoding ("UTF-8", "GB18030", ...; "" for XLSX) and the sheet.
  virtual std::string encoding() const { return ""; }
  virtual std::string sheet() const { return ""; }
  // The SHA-256 of the file once Next returned false; "" when the reader cannot tell.
  virtual std::string Sha256Hex() const { return ""; }
};

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_RECORD_READER_H_
