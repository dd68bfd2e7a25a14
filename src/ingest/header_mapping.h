// HeaderMapping: which column of a file is which column of a dataset. Headers are matched
// with data::DatasetSchema::MatchHeader (the Chinese header, the canonical name or an alias;
// full-width forms, spaces and case ignored), after removing the decorations templates add to
// required columns ("*案件编号", "案件编号（必填）"). Every other column is kept as an extra
// attribute under the header the user wrote ("第N列" when the header cell is empty).
//
// A file is refused (InvalidArgument naming the file) when it lacks a required column, or
// when two of its headers name the same dataset column.
//
// Thread safety: immutable after Build/Extend; const methods may be called concurrently.
#ifndef SHUJIAN_INGEST_HEADER_MAPPING_H_
#define SHUJIAN_INGEST_HEADER_MAPPING_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "data/dataset_schema.h"

namespace shujian::ingest {

class HeaderMapping {
 public:
  // Maps `headers` (the file's header row, as written) onto `schema`'s columns.
  static Result<HeaderMapping> Build(const data::DatasetSchema& schema,
                                     std::span<const std::string> headers, std::string_view file_name);

  // Maps headers that appeared after Build (JSON Lines): `headers` is the whole header, of
  // which the first source_count() are mapped already. Refuses a duplicate like Build.
  Status Extend(std::span<const std::string> headers);

  size_t source_count() const { return column_of_source_.size(); }
  // The schema column index of file column `source`, or -1 for an extra attribute.
  int column_of_source(size_t source) const { return column_of_source_[source]; }
  // The file column holding schema column `column`, or -1 when the file lacks it.
  int source_of_column(size_t column) const { return source_of_column_[column]; }
  // The header the user wrote for file column `source` (trimmed), or "第N列" when empty.
  const std::string& header(size_t source) const { return headers_[source]; }
  // How the user called schema column `column`: the header written in the file, or the
  // schema's header when the file lacks it.
  const std::string& HeaderOfColumn(size_t column) const;
  // How many schema columns the file has.
  size_t mapped_columns() const;

 private:
  Status MapFrom(size_t first);

  const data::DatasetSchema* schema_ = nullptr;
  std::string file_name_;
  std::vector<std::string> headers_;
  std::vector<int> column_of_source_;
  std::vector<int> source_of_column_;
};

// The header as the matcher sees it: trimmed, without the decorations of required columns.
std::string CleanHeader(std::string_view header);

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_HEADER_MAPPING_H_
