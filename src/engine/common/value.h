// Value: one typed value held on its own (a literal, a parameter, a cell the reference
// evaluator computes, a fact of a lead), and the text forms values take in leads and outputs.
//
// Columns hold values as integers and string codes (common/vector.h); a Value holds a string
// as text, so it is usable without a StringPool. FormatValue gives the canonical stored form
// (the form the store keeps and facts record: "2023-02-16", "1234.5", "是"); FormatForTitle the
// form a prosecutor reads in a lead title ("2023年2月16日", "1,234.5元").
//
// Thread safety: plain values and pure functions.
#ifndef SHUJIAN_ENGINE_COMMON_VALUE_H_
#define SHUJIAN_ENGINE_COMMON_VALUE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "engine/common/value_type.h"

namespace shujian::engine {

struct Value {
  ValueType type;     // kNull: a null of no particular type
  bool null = true;   // true: no value
  int64_t i = 0;      // the value of a non-string (see TypeId)
  std::string s;      // the value of a string

  static Value Null(ValueType type = ValueType()) {
    Value value;
    value.type = type;
    return value;
  }
  static Value Scalar(ValueType type, int64_t i) {
    Value value;
    value.type = type;
    value.null = false;
    value.i = i;
    return value;
  }
  static Value Text(std::string s, ValueType type = ValueType::String()) {
    Value value;
    value.type = type;
    value.null = false;
    value.s = std::move(s);
    return value;
  }
  static Value Bool(bool b) { return Scalar(ValueType::Of(TypeId::kBool), b ? 1 : 0); }
};

// The canonical text of a non-string scalar of type `type`: int "12", decimal "3.25",
// money "1234.5" (元), date "2023-02-16", datetime "2023-02-16T14:30:00", period "2023-02",
// bool "是"/"否".
std::string FormatScalar(TypeId type, int64_t value);
// FormatScalar, or the string itself; "" for null.
std::string FormatValue(const Value& value);
// For lead titles: dates as 2023年2月16日, money as 12,000元 (分 only when present); else
// FormatValue.
std::string FormatScalarForTitle(TypeId type, int64_t value);

// Parses `text` as a value of `type`: the canonical forms above and every form the import
// accepts for that type (core parsers). Returns InvalidArgument with the reason.
// REQUIRES: type is not kString or kNull.
Result<int64_t> ParseScalar(TypeId type, std::string_view text);

// The fast path of ParseScalar for the canonical stored forms of numbers, dates and periods
// (digits and '-' only, no spaces or full-width characters): true and *out set when `text` is
// one; false sends the caller to ParseScalar. Copies nothing.
bool ParseCanonicalScalar(TypeId type, std::string_view text, int64_t* out);

// Datetime helpers: seconds since the epoch (Beijing civil time) ↔ parts.
int64_t DateTimeSeconds(int32_t days, int seconds_of_day);
int32_t DateOfDateTime(int64_t seconds);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_COMMON_VALUE_H_
