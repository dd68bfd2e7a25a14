// The logical types of dataset columns (shared/spec/datasets.md, "Types"): what a value means,
// independent of how a file or a store holds it. Schemas (schemas/*.yaml) name these types.
//
// Thread safety: plain values and pure functions.
#ifndef SHUJIAN_DATA_LOGICAL_TYPE_H_
#define SHUJIAN_DATA_LOGICAL_TYPE_H_

#include <optional>
#include <string_view>

namespace shujian::data {

enum class LogicalType {
  kText,        // trimmed, full-width ASCII folded; names also get a matching form
  kInteger,     // a whole number
  kDecimal,     // exact, up to six decimals
  kMoney,       // 元, exact to the 分
  kDate,        // ISO 8601 date
  kDateTime,    // ISO 8601 date and time
  kPeriod,      // year-month
  kBool,        // 是/否
  kEnum,        // one of the values the schema lists
  kIdCard,      // 居民身份证号, normalised to 18 characters
  kUscc,        // 统一社会信用代码
  kPartyId,     // an id_card or a uscc, by the row's party type
  kPlate,       // 号牌号码
  kCaseNo,      // a case or document number: kept as given, matched on its normalised form
  kRegionCode,  // GB/T 2260 six-digit code
  kPartyCode,   // as published: a uscc when it is one, else an ID number, possibly masked
};

// The name used in schema files: "text", "int", "decimal", "money", "date", "datetime",
// "period", "bool", "enum", "id_card", "uscc", "party_id", "plate", "case_no", "region_code",
// "party_code".
std::string_view LogicalTypeName(LogicalType type);

// The type called `name` in schema files, or nullopt.
std::optional<LogicalType> ParseLogicalType(std::string_view name);

// A short Chinese description for messages and templates, e.g. "日期", "身份证号".
std::string_view LogicalTypeLabel(LogicalType type);

}  // namespace shujian::data

#endif  // SHUJIAN_DATA_LOGICAL_TYPE_H_
