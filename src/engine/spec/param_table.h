// Parameter tables: the legal figures models compare with, shipped as data in rules/tables/
// (prosecution thresholds per violation type, 残保金 parameters per year and region ...), each
// row carrying its source (the law, interpretation or notice the figure comes from).
//
// A table file is YAML:
//   table: prosecution_thresholds          # the name models use (lookup: prosecution_thresholds)
//   title: 立案追诉标准
//   description: …
//   key: [violation_type, measure, unit]   # optional: these columns identify a row
//   columns:
//     - {name: violation_type, type: text, description: 违法类型}
//     - {name: measure, type: enum, values: [数量, 金额]}
//     - {name: threshold, type: decimal}
//   rows:
//     - {violation_type: 非法捕捞水产品, measure: 数量, threshold: 500, source: 法释〔2022〕12号 第3条}
// Instead of `rows:`, a table may take its rows from a CSV file kept beside the law it encodes
// (`csv: ../legal/prosecution_thresholds.csv`, relative to the YAML file): '#' comment lines,
// a header naming declared columns (any order, all of them, plus `source`), one row per line,
// fields without commas or quotes (core/rules_file.h). An administrator corrects a figure in
// the CSV; the YAML gives it types.
// Column types are the dataset types (data/logical_type.h); values are judged by
// data::NormalizeValue exactly as an import would judge them. Every row needs a non-empty
// `source`, which becomes the table's last column, named `source`. A missing cell is null.
// docs/reference/model_format.md documents the format.
//
// Thread safety: tables and libraries are immutable after loading.
#ifndef SHUJIAN_ENGINE_SPEC_PARAM_TABLE_H_
#define SHUJIAN_ENGINE_SPEC_PARAM_TABLE_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "engine/common/value.h"

namespace shujian::engine {

struct ParamColumn {
  std::string name;
  ValueType type;
  std::vector<std::string> enum_values;  // for enum columns (ValueType points here)
  std::string description;
};

struct ParamTable {
  std::string name;                       // e.g. "prosecution_thresholds"
  std::string title;
  std::string description;
  std::string source_name;                // the file, for messages
  std::vector<std::string> key;
  std::vector<ParamColumn> columns;       // the declared columns, then "source"
  std::vector<std::vector<Value>> rows;   // one Value per column
  std::string rows_file;                  // the file the rows are in (the YAML or its CSV)
  std::vector<int> row_lines;             // 1-based line of each row in rows_file

  // The index of column `name`, or -1.
  int FindColumn(std::string_view name) const;
};

// Reads the CSV file a table names (`path` as written in the YAML): returns its name for
// messages and its text, or an error.
using TableFileReader = std::function<Result<std::pair<std::string, std::string>>(const std::string& path)>;

// Parses a table file. Errors are "file:line:column：reason". `read_csv` serves `csv:`; without
// it a table with `csv:` is an error.
Result<std::unique_ptr<ParamTable>> ParseParamTable(std::string_view yaml_text, std::string_view source_name,
                                                    const TableFileReader& read_csv = nullptr);

// The parameter tables a run can use, by name.
class TableLibrary {
 public:
  // The tables shipped in rules/tables/ (compiled in). Aborts if a shipped table is invalid
  // (tests check them).
  static const TableLibrary& Shipped();
  // The shipped tables, then every *.yaml of `directory` (a table of the same name replaces
  // the shipped one).
  static Result<TableLibrary> LoadWithDirectory(const std::string& directory);

  Status Add(std::unique_ptr<ParamTable> table, bool replace = false);
  // The table called `name`, or null.
  const ParamTable* Find(std::string_view name) const;
  std::vector<const ParamTable*> All() const;

 private:
  // shared_ptr: libraries are copied (a directory library starts as a copy of the shipped
  // one) and tables are immutable, so sharing them is safe and cheap.
  std::map<std::string, std::shared_ptr<const ParamTable>, std::less<>> tables_;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_SPEC_PARAM_TABLE_H_
