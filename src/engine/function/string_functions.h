// The string and calendar functions of the model language, on plain values, shared by the
// vectorised evaluator (which memoises them per distinct string) and the reference evaluator.
// Lengths and substrings count code points; upper/lower change ASCII letters only (IDs, codes
// and Latin parts of names); pinyin comes from function/pinyin.h.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_FUNCTION_STRING_FUNCTIONS_H_
#define SHUJIAN_ENGINE_FUNCTION_STRING_FUNCTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/common/value_type.h"

namespace shujian::engine {

// One-argument string functions.
enum class StringTransform {
  kUpper, kLower, kTrim,
  kNormName,     // core NormalizeNameForMatching
  kCompanyName,  // function/company_name.h
  kSimplified,   // 繁 → 简
  kFoldWidth,    // full-width ASCII → ASCII
  kPinyin,       // function/pinyin.h
  kCaseNo,       // core NormalizeCaseNumber
};

std::string TransformString(StringTransform transform, std::string_view text);

int64_t CodePointLength(std::string_view text);
// Code points [start, start + length) counted from 1; a start below 1 counts from 1, a
// missing length takes the rest.
std::string SubstringByCodePoints(std::string_view text, int64_t start, std::optional<int64_t> length);
std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to);

// Calendar parts of a date (days), date-time (seconds) or period (months) value.
int64_t YearOf(TypeId type, int64_t value);
int64_t MonthOf(TypeId type, int64_t value);
int64_t DayOfMonth(TypeId type, int64_t value);
int64_t ToPeriod(TypeId type, int64_t value);
// The date y-m-d, or nullopt when it is not a real date.
std::optional<int64_t> MakeDate(int64_t year, int64_t month, int64_t day);
// Whole calendar months from a to b (negative when b is before a), counted as core/date.h adds
// months: 2023-01-15 → 2023-02-14 is 0, → 2023-02-15 is 1; 2023-01-31 → 2023-02-28 is 1 (a month
// after 31 January ends on the last day of February). Periods: the difference of months.
int64_t MonthsBetween(TypeId type, int64_t a, int64_t b);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_STRING_FUNCTIONS_H_
