#include "demo/table_file_writer.h"

#include <unicode/ucnv.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "core/date_parse.h"

namespace shujian::demo {
namespace {

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

class CsvWriter final : public TableFileWriter {
 public:
  CsvWriter(std::string path, FileFormat format) : path_(std::move(path)), format_(format) {}

  Status Start(const std::vector<OutputColumn>& columns) {
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) return Status::IoError("无法创建文件「" + path_ + "」");
    if (format_ == FileFormat::kCsvUtf8Bom) out_ << "\xEF\xBB\xBF";
    if (format_ == FileFormat::kCsvGbk) {
      UErrorCode error = U_ZERO_ERROR;
      converter_ = ucnv_open("GBK", &error);
      if (U_FAILURE(error)) return Status::Internal("无法打开 GBK 编码转换器");
    }
    std::vector<std::string> headers;
    for (const OutputColumn& column : columns) headers.push_back(column.header);
    return Write(headers);
  }

  ~CsvWriter() override {
    if (converter_ != nullptr) ucnv_close(converter_);
  }

  Status Write(const std::vector<std::string>& cells) override {
    std::string line;
    for (size_t index = 0; index < cells.size(); ++index) {
      if (index > 0) line += ',';
      line += CsvField(cells[index]);
    }
    line += "\r\n";
    if (converter_ != nullptr) {
      std::string encoded(line.size() * 2 + 16, '\0');
      UErrorCode error = U_ZERO_ERROR;
      int32_t length = ucnv_fromAlgorithmic(converter_, UCNV_UTF8, encoded.data(),
                                            static_cast<int32_t>(encoded.size()), line.data(),
                                            static_cast<int32_t>(line.size()), &error);
      if (U_FAILURE(error)) return Status::Internal("无法把一行转换为 GBK：" + line);
      encoded.resize(static_cast<size_t>(length));
      line = std::move(encoded);
    }
    out_ << line;
    return out_ ? Status::Ok() : Status::IoError("写入文件「" + path_ + "」失败");
  }

  Status Close() override {
    out_.close();
    return out_ ? Status::Ok() : Status::IoError("写入文件「" + path_ + "」失败");
  }

 private:
  std::string path_;
  FileFormat format_;
  std::ofstream out_;
  UConverter* converter_ = nullptr;
};

class XlsxWriter final : public TableFileWriter {
 public:
  XlsxWriter(std::string path, std::vector<OutputColumn> columns, WriterOptions options)
      : path_(std::move(path)), columns_(std::move(columns)), options_(std::move(options)) {}

  ~XlsxWriter() override {
    if (workbook_ != nullptr) workbook_close(workbook_);
  }

  Status Start() {
    lxw_workbook_options workbook_options = {};
    workbook_options.constant_memory = LXW_TRUE;
    workbook_ = workbook_new_opt(path_.c_str(), &workbook_options);
    if (workbook_ == nullptr) return Status::IoError("无法创建文件「" + path_ + "」");
    if (options_.created_unix_seconds != 0) {
      lxw_doc_properties properties = {};
      properties.created = static_cast<time_t>(options_.created_unix_seconds);
      workbook_set_properties(workbook_, &properties);
    }
    sheet_ = workbook_add_worksheet(workbook_, options_.sheet_name.c_str());
    date_format_ = workbook_add_format(workbook_);
    format_set_num_format(date_format_, "yyyy-mm-dd");
    datetime_format_ = workbook_add_format(workbook_);
    format_set_num_format(datetime_format_, "yyyy-mm-dd hh:mm");
    lxw_format* bold = workbook_add_format(workbook_);
    format_set_bold(bold);
    for (size_t index = 0; index < columns_.size(); ++index) {
      worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(index), columns_[index].header.c_str(),
                             bold);
    }
    row_ = 1;
    return Status::Ok();
  }

  Status Write(const std::vector<std::string>& cells) override {
    for (size_t index = 0; index < cells.size(); ++index) {
      const std::string& value = cells[index];
      if (value.empty()) continue;
      auto column = static_cast<lxw_col_t>(index);
      data::LogicalType type =
          index < columns_.size() ? columns_[index].type : data::LogicalType::kText;
      lxw_error error = WriteCell(column, type, value);
      if (error != LXW_NO_ERROR) {
        return Status::IoError("写入「" + path_ + "」失败：" + lxw_strerror(error));
      }
    }
    ++row_;
    return Status::Ok();
  }

  Status Close() override {
    lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) {
      return Status::IoError("写入「" + path_ + "」失败：" + lxw_strerror(error));
    }
    return Status::Ok();
  }

 private:
  static bool IsPlainNumber(const std::string& value) {
    if (value.empty() || value.size() > 15) return false;
    size_t dots = 0;
    for (size_t index = 0; index < value.size(); ++index) {
      char c = value[index];
      if (c == '.') {
        ++dots;
      } else if (!(c >= '0' && c <= '9') && !(c == '-' && index == 0)) {
        return false;
      }
    }
    return dots <= 1;
  }

  lxw_error WriteCell(lxw_col_t column, data::LogicalType type, const std::string& value) {
    using data::LogicalType;
    if (type == LogicalType::kDate || type == LogicalType::kDateTime) {
      Result<DateTime> parsed = ParseDateTime(value);
      // Only well-formed ISO values become date cells; anything else stays as typed text.
      if (parsed.ok() && value.size() >= 10 && value[4] == '-') {
        lxw_datetime datetime = {parsed->date().year(), parsed->date().month(),
                                 parsed->date().day(), parsed->hour(), parsed->minute(),
                                 static_cast<double>(parsed->second())};
        return worksheet_write_datetime(sheet_, row_, column, &datetime,
                                        type == LogicalType::kDate ? date_format_ : datetime_format_);
      }
    }
    if ((type == LogicalType::kInteger || type == LogicalType::kDecimal ||
         type == LogicalType::kMoney) &&
        IsPlainNumber(value)) {
      return worksheet_write_number(sheet_, row_, column, std::strtod(value.c_str(), nullptr),
                                    nullptr);
    }
    if (options_.ids_as_numbers && (type == LogicalType::kIdCard || type == LogicalType::kPartyId) &&
        value.size() == 18 && value.find_first_not_of("0123456789") == std::string::npos) {
      return worksheet_write_number(sheet_, row_, column, std::strtod(value.c_str(), nullptr),
                                    nullptr);
    }
    return worksheet_write_string(sheet_, row_, column, value.c_str(), nullptr);
  }

  std::string path_;
  std::vector<OutputColumn> columns_;
  WriterOptions options_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* date_format_ = nullptr;
  lxw_format* datetime_format_ = nullptr;
  lxw_row_t row_ = 0;
};

}  // namespace

std::string_view FileFormatName(FileFormat format) {
  switch (format) {
    case FileFormat::kCsvUtf8: return "csv-utf8";
    case FileFormat::kCsvUtf8Bom: return "csv-utf8-bom";
    case FileFormat::kCsvGbk: return "csv-gbk";
    case FileFormat::kXlsx: return "xlsx";
  }
  return "";
}

std::string_view FileFormatExtension(FileFormat format) {
  return format == FileFormat::kXlsx ? ".xlsx" : ".csv";
}

Result<std::unique_ptr<TableFileWriter>> TableFileWriter::Open(const std::string& path,
                                                               FileFormat format,
                                                               std::vector<OutputColumn> columns,
                                                               const WriterOptions& options) {
  if (format == FileFormat::kXlsx) {
    auto writer = std::make_unique<XlsxWriter>(path, std::move(columns), options);
    SJ_RETURN_IF_ERROR(writer->Start());
    return std::unique_ptr<TableFileWriter>(std::move(writer));
  }
  auto writer = std::make_unique<CsvWriter>(path, format);
  SJ_RETURN_IF_ERROR(writer->Start(columns));
  return std::unique_ptr<TableFileWriter>(std::move(writer));
}

}  // namespace shujian::demo
