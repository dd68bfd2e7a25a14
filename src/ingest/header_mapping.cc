#include "ingest/header_mapping.h"

#include <set>

#include "core/unicode_fold.h"

namespace shujian::ingest {
namespace {

bool StripSuffix(std::string* text, std::string_view suffix) {
  if (text->size() >= suffix.size() && std::string_view(*text).substr(text->size() - suffix.size()) == suffix) {
    text->resize(text->size() - suffix.size());
    return true;
  }
  return false;
}

std::string Spellings(const data::ColumnSchema& column) {
  std::string list;
  for (const std::string& alias : column.aliases) list += (list.empty() ? "" : "、") + alias;
  return list;
}

}  // namespace

std::string CleanHeader(std::string_view header) {
  std::string text = TrimSpaces(header);
  for (std::string_view suffix : {"（必填）", "(必填)", "（选填）", "(选填)", "（非必填）", "(非必填)"}) {
    if (StripSuffix(&text, suffix)) break;
  }
  while (!text.empty() && (text.front() == '*' || text.back() == '*')) {
    if (text.front() == '*') text.erase(0, 1);
    if (!text.empty() && text.back() == '*') text.pop_back();
  }
  for (std::string_view star : {"＊", "※"}) {
    if (text.starts_with(star)) text.erase(0, star.size());
    StripSuffix(&text, star);
  }
  return TrimSpaces(text);
}

Result<HeaderMapping> HeaderMapping::Build(const data::DatasetSchema& schema,
                                           std::span<const std::string> headers,
                                           std::string_view file_name) {
  HeaderMapping mapping;
  mapping.schema_ = &schema;
  mapping.file_name_ = std::string(file_name);
  mapping.source_of_column_.assign(schema.columns.size(), -1);
  SJ_RETURN_IF_ERROR(mapping.Extend(headers));
  std::string missing;
  for (size_t column = 0; column < schema.columns.size(); ++column) {
    const data::ColumnSchema& spec = schema.columns[column];
    if (!spec.required || mapping.source_of_column_[column] >= 0) continue;
    missing += (missing.empty() ? "" : "；") + ("「" + spec.header + "」");
    std::string spellings = Spellings(spec);
    if (!spellings.empty()) missing += "（也可写作：" + spellings + "）";
  }
  if (!missing.empty()) {
    return Status::InvalidArgument("文件「" + mapping.file_name_ + "」缺少必填列" + missing +
                                   "；整个文件未导入。表头应在第一行；可用 shujian template " + schema.name +
                                   " --out 模板.xlsx 获取导入模板");
  }
  return mapping;
}

Status HeaderMapping::Extend(std::span<const std::string> headers) {
  const size_t first = headers_.size();
  for (size_t source = first; source < headers.size(); ++source) {
    std::string header = CleanHeader(headers[source]);
    if (header.empty()) header = "第" + std::to_string(source + 1) + "列";
    headers_.push_back(header);
  }
  return MapFrom(first);
}

Status HeaderMapping::MapFrom(size_t first) {
  std::set<std::string> extras;
  for (size_t source = 0; source < first; ++source) {
    if (column_of_source_[source] < 0) extras.insert(headers_[source]);
  }
  for (size_t source = first; source < headers_.size(); ++source) {
    const data::ColumnSchema* column = schema_->MatchHeader(headers_[source]);
    if (column == nullptr) {
      // An extra attribute; a repeated header gets a number so no value is lost.
      std::string name = headers_[source];
      for (int copy = 2; extras.count(name); ++copy) name = headers_[source] + "（" + std::to_string(copy) + "）";
      extras.insert(name);
      headers_[source] = name;
      column_of_source_.push_back(-1);
      continue;
    }
    const size_t index = static_cast<size_t>(column - schema_->columns.data());
    if (source_of_column_[index] >= 0) {
      return Status::InvalidArgument(
          "文件「" + file_name_ + "」的列「" + headers_[static_cast<size_t>(source_of_column_[index])] +
          "」和「" + headers_[source] + "」都对应数据项「" + column->header +
          "」；请只保留其中一列（或把另一列改成别的表头）后重新导入");
    }
    source_of_column_[index] = static_cast<int>(source);
    column_of_source_.push_back(static_cast<int>(index));
  }
  return Status::Ok();
}

const std::string& HeaderMapping::HeaderOfColumn(size_t column) const {
  int source = source_of_column_[column];
  return source >= 0 ? headers_[static_cast<size_t>(source)] : schema_->columns[column].header;
}

size_t HeaderMapping::mapped_columns() const {
  size_t count = 0;
  for (int source : source_of_column_) count += source >= 0;
  return count;
}

}  // namespace shujian::ingest
