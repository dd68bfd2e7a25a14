// The types of values inside the model engine, and how each is held in memory.
//
// A dataset column has a logical type (data::LogicalType: text, case_no, id_card, money, ...).
// The engine computes with fewer, physical types: every value is one 64-bit integer in a
// column, whatever its type (TypeId below says how to read it), plus a null flag. Strings are
// codes into the run's StringPool; their logical type is kept because it decides how two of
// them are compared (a case number on its normalised form, a name on its matching form).
//
// This header does not evaluate anything; function/scalar_ops.h does arithmetic and comparison.
//
// Thread safety: plain values.
#ifndef SHUJIAN_ENGINE_COMMON_VALUE_TYPE_H_
#define SHUJIAN_ENGINE_COMMON_VALUE_TYPE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/logical_type.h"

namespace shujian::engine {

enum class TypeId : uint8_t {
  kNull,      // the literal null before it meets a typed operand
  kBool,      // 0 or 1
  kInt,       // a whole number
  kDecimal,   // millionths (core/decimal.h)
  kMoney,     // 分 (core/money.h); compared with numbers as 元
  kDate,      // days since 1970-01-01
  kDateTime,  // seconds since 1970-01-01T00:00:00, Beijing civil time
  kPeriod,    // months: year * 12 + (month - 1)
  kString,    // a code of the run's StringPool
};

// How two strings are compared for equality (joins, =, in, group by).
enum class MatchKind : uint8_t {
  kExact,   // byte for byte (identifiers already normalised on import, enums, computed text)
  kName,    // core NormalizeNameForMatching: 繁→简, full-width, spaces and dots removed
  kCaseNo,  // core NormalizeCaseNumber: 〔〕【】 → [], （） → (), spaces removed
};

struct ValueType {
  TypeId id = TypeId::kNull;
  // For kString: the logical type of the column it came from (kText for computed strings);
  // decides MatchKind and, for kEnum, which literals are allowed.
  data::LogicalType logical = data::LogicalType::kText;
  // For strings of an enum column: its allowed values (owned by the dataset schema or the
  // parameter table, which outlive every bound model); else null.
  const std::vector<std::string>* enum_values = nullptr;
  // For kString: the value is already a matching form (norm_name(x), pinyin(x) ...), so it is
  // compared byte for byte.
  bool normalized = false;

  static ValueType Of(TypeId id) { return ValueType{id, data::LogicalType::kText, nullptr, false}; }
  static ValueType Normalized() {
    return ValueType{TypeId::kString, data::LogicalType::kText, nullptr, true};
  }
  static ValueType String(data::LogicalType logical = data::LogicalType::kText,
                          const std::vector<std::string>* enum_values = nullptr) {
    return ValueType{TypeId::kString, logical, enum_values, false};
  }
  bool is_numeric() const {
    return id == TypeId::kInt || id == TypeId::kDecimal || id == TypeId::kMoney;
  }
  bool is_temporal() const {
    return id == TypeId::kDate || id == TypeId::kDateTime || id == TypeId::kPeriod;
  }
  friend bool operator==(const ValueType& a, const ValueType& b) {
    return a.id == b.id && (a.id != TypeId::kString || a.logical == b.logical);
  }
};

// The engine type of a dataset column of logical type `logical`.
ValueType TypeOfLogical(data::LogicalType logical, const std::vector<std::string>* enum_values);

// The engine type named in a model or parameter-table file: "int", "decimal", "money", "date",
// "datetime", "period", "bool", "text", and every logical type name of data/logical_type.h
// (strings keep their logical type). Returns false for an unknown name.
bool ParseTypeName(std::string_view name, ValueType* type);

// How strings of `type` are compared; kExact for non-strings.
MatchKind MatchKindOf(const ValueType& type);
// The match kind used when comparing strings of types `a` and `b`: case numbers win over
// names, names over exact.
MatchKind CommonMatchKind(const ValueType& a, const ValueType& b);

// A short Chinese name for messages: "日期", "金额", "整数", "文本（案件编号）" ...
std::string TypeLabel(const ValueType& type);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_COMMON_VALUE_TYPE_H_
