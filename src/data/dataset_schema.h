// Dataset schemas: the standard datasets of shared/spec/datasets.md as data (schemas/*.yaml,
// compiled into the binary), so the importer, the model engine's type checker, the import
// templates and the documentation all read one description.
//
// A schema names its columns with their canonical (English) name, the Chinese header of the
// import template, aliases agencies use, the logical type, and when a value is required:
// always (`required`), when another column has one of some values (`required_when`, e.g. 移送日期
// when 是否移送公安 = 是), or whenever another column is filled (`required_with`, e.g. 计量单位
// with 涉案数量). Enum columns list their values and accepted spellings (`value_aliases`, e.g.
// "1" → 一级). A party_id column names the column that says whether the party is a person or
// an organisation.
//
// Thread safety: schemas and registries are immutable after loading.
#ifndef SHUJIAN_DATA_DATASET_SCHEMA_H_
#define SHUJIAN_DATA_DATASET_SCHEMA_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "data/logical_type.h"

namespace shujian::data {

// "Required when <column> is one of <values>".
struct RequiredWhen {
  std::string column;
  std::vector<std::string> values;
};

struct ColumnSchema {
  std::string name;                       // canonical name, e.g. "party_id"
  std::string header;                     // the template's Chinese header, e.g. "证件号码"
  std::vector<std::string> aliases;       // other headers accepted on import
  LogicalType type = LogicalType::kText;
  bool required = false;                  // present and non-empty in every row
  std::optional<RequiredWhen> required_when;
  std::string required_with;              // required whenever this other column is filled
  std::vector<std::string> enum_values;   // kEnum: the allowed stored values
  std::map<std::string, std::string> value_aliases;  // kEnum: accepted spelling → stored value
  std::string party_type_column;          // kPartyId: the column holding 个人 / 单位
  std::string description;                // for templates and docs; may be empty
  std::string example;                    // a valid example value for templates; may be empty
};

struct DatasetSchema {
  std::string name;                 // e.g. "admin_case"
  std::string title;                // e.g. "行政执法案件（两法衔接平台上传）"
  std::string description;
  std::vector<std::string> key;     // canonical names of the key columns, in order
  std::vector<ColumnSchema> columns;

  // The column called `name` (canonical), or nullptr.
  const ColumnSchema* FindColumn(std::string_view name) const;
  // The column a file header denotes: the Chinese header, the canonical name or an alias,
  // compared after folding full-width forms, removing spaces and lower-casing Latin letters.
  // Returns nullptr for an unknown header.
  const ColumnSchema* MatchHeader(std::string_view header) const;
};

// The form used to compare headers (see MatchHeader).
std::string HeaderMatchingForm(std::string_view header);

// Parses one schema file. Errors name `source_name`, the line and column of the YAML node,
// and what was expected.
Result<DatasetSchema> ParseDatasetSchema(std::string_view yaml_text, std::string_view source_name);

class SchemaRegistry {
 public:
  // The schemas shipped in schemas/ (compiled in).
  static const SchemaRegistry& Shipped();
  // Every *.yaml file of `directory`.
  static Result<SchemaRegistry> LoadDirectory(const std::string& directory);

  Status Add(DatasetSchema schema);
  // The schema of `dataset`, or nullptr.
  const DatasetSchema* Find(std::string_view dataset) const;
  // All schemas, ordered by name.
  std::vector<const DatasetSchema*> All() const;

 private:
  std::map<std::string, DatasetSchema, std::less<>> schemas_;
};

}  // namespace shujian::data

#endif  // SHUJIAN_DATA_DATASET_SCHEMA_H_
