// Opening an input file: which format it is (from its first bytes, then its name) and the
// RecordReader that reads it. Formats that look like spreadsheets but are not readable
// (Excel 97-2003 .xls, encrypted workbooks, HTML saved with an .xls name, as some systems
// export) are refused with what to do instead.
//
// Thread safety: free functions.
#ifndef SHUJIAN_INGEST_INPUT_FILE_H_
#define SHUJIAN_INGEST_INPUT_FILE_H_

#include <memory>
#include <string>
#include <string_view>

#include "ingest/record_reader.h"

namespace shujian::ingest {

enum class FileFormat { kCsv, kXlsx, kJsonLines };

// "csv", "xlsx", "jsonl".
std::string_view FileFormatName(FileFormat format);

// The format of `name` whose content starts with `start`. InvalidArgument for unreadable
// formats, naming `name`.
Result<FileFormat> DetectFileFormat(std::string_view name, std::string_view start);

struct ReaderOptions {
  std::string sheet;  // XLSX: the sheet to read; empty: the first
};

// Opens `path`: detects its format and returns its reader.
Result<std::unique_ptr<RecordReader>> OpenRecordReader(const std::string& path,
                                                       const ReaderOptions& options,
                                                       FileFormat* format);

// The same over bytes in memory (which must outlive the reader); `name` is used for the
// format and in messages.
Result<std::unique_ptr<RecordReader>> OpenRecordReaderFromMemory(std::string_view bytes,
                                                                 const std::string& name,
                                                                 const ReaderOptions& options,
                                                                 FileFormat* format);

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_INPUT_FILE_H_
