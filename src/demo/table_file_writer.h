// Writes a table the way an agency's office software would: CSV in UTF-8 (with or without a
// byte-order mark) or in GBK as Excel on Chinese Windows saves it, or an XLSX workbook whose
// cells have the kinds Excel gives them (dates as date-formatted serials, amounts as numbers,
// everything else as text). On request it also reproduces Excel's best-known trap: 18-digit ID
// numbers typed into a number cell, which keep only 15 significant digits.
//
// Thread safety: a writer is used by one thread.
#ifndef SHUJIAN_DEMO_TABLE_FILE_WRITER_H_
#define SHUJIAN_DEMO_TABLE_FILE_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "data/logical_type.h"

namespace shujian::demo {

enum class FileFormat { kCsvUtf8, kCsvUtf8Bom, kCsvGbk, kXlsx };

// "csv-utf8", "csv-utf8-bom", "csv-gbk", "xlsx".
std::string_view FileFormatName(FileFormat format);
// The file name extension: ".csv" or ".xlsx".
std::string_view FileFormatExtension(FileFormat format);

struct OutputColumn {
  std::string header;                              // as the agency titles it
  data::LogicalType type = data::LogicalType::kText;  // decides the XLSX cell kind
};

struct WriterOptions {
  bool ids_as_numbers = false;  // XLSX: id_card cells as numbers (Excel's 15-digit trap)
  std::string sheet_name = "Sheet1";
  // XLSX: the creation time recorded in the document properties (seconds since 1970), so that
  // the same content gives the same bytes. 0: now.
  int64_t created_unix_seconds = 0;
};

class TableFileWriter {
 public:
  virtual ~TableFileWriter() = default;
  // Creates `path` and writes the header row.
  static Result<std::unique_ptr<TableFileWriter>> Open(const std::string& path, FileFormat format,
                                                       std::vector<OutputColumn> columns,
                                                       const WriterOptions& options = {});
  // Writes one row; cells.size() may differ from the column count (a ragged row, on purpose).
  virtual Status Write(const std::vector<std::string>& cells) = 0;
  // Finishes the file. Must be called; the file is incomplete before.
  virtual Status Close() = 0;
};

}  // namespace shujian::demo

#endif  // SHUJIAN_DEMO_TABLE_FILE_WRITER_H_
