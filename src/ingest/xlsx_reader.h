// XlsxReader: the rows of one worksheet of an XLSX workbook, read directly from the ZIP
// container (libzip) with a streaming XML parser (expat), so a sheet of millions of rows is
// read in constant memory: only the shared-string table is held (compactly), as every reader
// of the format must.
//
// What it understands: the workbook's relationships (sheets by name, the first sheet by
// default), shared strings (rich text runs joined, phonetic runs left out), inline strings,
// formula results, booleans, error values, and number formats from styles.xml, so a number in
// a date format becomes a date ("2023-02-16", 1900 and 1904 date systems), a percentage is
// multiplied by 100 as Excel shows it, and any other number is passed on as stored with
// CellKind::kNumber (the validator decides what it means for the column). Rows are reported
// with the sheet's own row numbers; rows with no cells are skipped, as they hold nothing.
//
// Refuses (InvalidArgument) files that are not XLSX: not a ZIP (an old .xls, an encrypted
// workbook), a workbook without sheets, malformed XML, a DOCTYPE (no XLSX has one), a shared
// string table beyond 512 MiB.
//
// Thread safety: one thread at a time.
#ifndef SHUJIAN_INGEST_XLSX_READER_H_
#define SHUJIAN_INGEST_XLSX_READER_H_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "ingest/excel_values.h"
#include "ingest/record_reader.h"

namespace shujian::ingest {

class XlsxReader final : public RecordReader {
 public:
  struct Options {
    std::string sheet;                             // the sheet to read; empty: the first
    size_t max_shared_string_bytes = size_t{512} << 20;
  };

  static Result<std::unique_ptr<XlsxReader>> OpenFile(const std::string& path, const Options& options);
  // Reads a workbook held in memory (`bytes` must outlive the reader).
  static Result<std::unique_ptr<XlsxReader>> OpenMemory(std::string_view bytes, const std::string& name,
                                                        const Options& options);
  ~XlsxReader() override;

  Result<bool> Next(Record* record) override;
  int64_t bytes_consumed() const override { return sheet_bytes_read_; }
  int64_t bytes_total() const override { return sheet_bytes_total_; }
  std::string sheet() const override { return sheet_name_; }
  // Every sheet of the workbook, in order.
  const std::vector<std::string>& sheet_names() const { return sheet_names_; }

  // Parser state shared with the expat callbacks (xlsx_reader.cc).
  struct State;

 private:
  XlsxReader();
  Status Open(void* archive, const Options& options);
  Status Feed();

  std::string name_;
  void* archive_ = nullptr;     // zip_t*
  void* sheet_file_ = nullptr;  // zip_file_t*
  std::unique_ptr<State> state_;
  std::vector<std::string> sheet_names_;
  std::string sheet_name_;
  int64_t sheet_bytes_read_ = 0;
  int64_t sheet_bytes_total_ = -1;
  bool sheet_done_ = false;
  std::vector<std::string> current_;  // the texts of the record last returned
};

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_XLSX_READER_H_
