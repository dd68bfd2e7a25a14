#include "ingest/input_file.h"

#include <algorithm>
#include <fstream>

#include "ingest/byte_source.h"
#include "ingest/csv_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/xlsx_reader.h"

namespace shujian::ingest {
namespace {

std::string Extension(std::string_view name) {
  size_t slash = name.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string extension(base.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

bool LooksLikeHtml(std::string_view start) {
  if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
  size_t first = start.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  std::string head(start.substr(first, 16));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return head.starts_with("<html") || head.starts_with("<!doctype html") || head.starts_with("<table") ||
         head.starts_with("<?xml");
}

}  // namespace

std::string_view FileFormatName(FileFormat format) {
  switch (format) {
    case FileFormat::kCsv: return "csv";
    case FileFormat::kXlsx: return "xlsx";
    case FileFormat::kJsonLines: return "jsonl";
  }
  return "";
}

Result<FileFormat> DetectFileFormat(std::string_view name, std::string_view start) {
  const std::string extension = Extension(name);
  if (start.starts_with(std::string_view("PK\x03\x04", 4))) return FileFormat::kXlsx;
  if (start.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
    return Status::InvalidArgument("文件「" + std::string(name) +
                                   "」是旧版Excel（.xls/.et）或加密的工作簿，无法直接读取；请在Excel或WPS中"
                                   "打开后另存为.xlsx（不设密码）或CSV，再导入");
  }
  if (extension == "xlsx" || extension == "xlsm") return FileFormat::kXlsx;
  if (extension == "xls" || extension == "et") {
    if (LooksLikeHtml(start)) {
      return Status::InvalidArgument("文件「" + std::string(name) +
                                     "」的扩展名是.xls，内容却是网页（HTML/XML），不是Excel工作簿；请在Excel中"
                                     "打开后另存为.xlsx或CSV，再导入");
    }
    return Status::InvalidArgument("文件「" + std::string(name) +
                                   "」不是可以读取的Excel格式；请另存为.xlsx或CSV后导入");
  }
  if (extension == "jsonl" || extension == "ndjson" || extension == "json") return FileFormat::kJsonLines;
  return FileFormat::kCsv;
}

Result<std::unique_ptr<RecordReader>> OpenRecordReader(const std::string& path,
                                                       const ReaderOptions& options,
                                                       FileFormat* format) {
  std::string start(16, '\0');
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      SJ_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> missing, ByteSource::OpenFile(path));
      (void)missing;
      return Status::IoError("无法打开文件「" + path + "」");
    }
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<size_t>(in.gcount()));
  }
  SJ_ASSIGN_OR_RETURN(*format, DetectFileFormat(path, start));
  if (*format == FileFormat::kXlsx) {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<XlsxReader> reader, XlsxReader::OpenFile(path, {options.sheet}));
    return std::unique_ptr<RecordReader>(std::move(reader));
  }
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, ByteSource::OpenFile(path));
  if (*format == FileFormat::kJsonLines) {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<JsonLinesReader> reader, JsonLinesReader::Open(std::move(source)));
    return std::unique_ptr<RecordReader>(std::move(reader));
  }
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<CsvReader> reader, CsvReader::Open(std::move(source)));
  return std::unique_ptr<RecordReader>(std::move(reader));
}

Result<std::unique_ptr<RecordReader>> OpenRecordReaderFromMemory(std::string_view bytes,
                                                                 const std::string& name,
                                                                 const ReaderOptions& options,
                                                                 FileFormat* format) {
  SJ_ASSIGN_OR_RETURN(*format, DetectFileFormat(name, bytes.substr(0, 16)));
  if (*format == FileFormat::kXlsx) {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<XlsxReader> reader, XlsxReader::OpenMemory(bytes, name, {options.sheet}));
    return std::unique_ptr<RecordReader>(std::move(reader));
  }
  std::unique_ptr<ByteSource> source = ByteSource::FromMemory(bytes, name);
  if (*format == FileFormat::kJsonLines) {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<JsonLinesReader> reader, JsonLinesReader::Open(std::move(source)));
    return std::unique_ptr<RecordReader>(std::move(reader));
  }
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<CsvReader> reader, CsvReader::Open(std::move(source)));
  return std::unique_ptr<RecordReader>(std::move(reader));
}

}  // namespace shujian::ingest
