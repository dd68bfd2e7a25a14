#include "engine/function/string_functions.h"

#include "core/case_number.h"
#include "core/date.h"
#include "core/name_normalize.h"
#include "core/simplified_chinese.h"
#include "core/unicode_fold.h"
#include "core/utf8.h"
#include "engine/common/value.h"
#include "engine/function/company_name.h"
#include "engine/function/pinyin.h"
#include "engine/function/scalar_ops.h"

namespace shujian::engine {

std::string TransformString(StringTransform transform, std::string_view text) {
  switch (transform) {
    case StringTransform::kUpper: {
      std::string out(text);
      for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      return out;
    }
    case StringTransform::kLower: {
      std::string out(text);
      for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      return out;
    }
    case StringTransform::kTrim: return TrimSpaces(text);
    case StringTransform::kNormName: return NormalizeNameForMatching(text);
    case StringTransform::kCompanyName: return CompanyNameForm(text);
    case StringTransform::kSimplified: return ToSimplified(text);
    case StringTransform::kFoldWidth: return FoldFullWidth(text);
    case StringTransform::kPinyin: return Pinyin(text);
    case StringTransform::kCaseNo: return NormalizeCaseNumber(text);
  }
  return std::string(text);
}

int64_t CodePointLength(std::string_view text) { return static_cast<int64_t>(CodePointCount(text)); }

std::string SubstringByCodePoints(std::string_view text, int64_t start, std::optional<int64_t> length) {
  std::u32string points = ToCodePoints(text);
  int64_t begin = std::max<int64_t>(start, 1) - 1;
  if (begin >= static_cast<int64_t>(points.size())) return std::string();
  int64_t count = static_cast<int64_t>(points.size()) - begin;
  if (length) count = std::min(count, std::max<int64_t>(*length - (std::max<int64_t>(1, start) - start), 0));
  return ToUtf8(std::u32string_view(points).substr(begin, count));
}

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
  if (from.empty()) return std::string(text);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t found = text.find(from, pos);
    if (found == std::string_view::npos) break;
    out.append(text.substr(pos, found - pos));
    out.append(to);
    pos = found + from.size();
  }
  out.append(text.substr(pos));
  return out;
}

int64_t YearOf(TypeId type, int64_t value) {
  if (type == TypeId::kPeriod) return value >= 0 ? value / 12 : (value - 11) / 12;
  return Date::FromDaysSinceEpoch(DayOf(type, value)).year();
}

int64_t MonthOf(TypeId type, int64_t value) {
  if (type == TypeId::kPeriod) return value - YearOf(type, value) * 12 + 1;
  return Date::FromDaysSinceEpoch(DayOf(type, value)).month();
}

int64_t DayOfMonth(TypeId type, int64_t value) { return Date::FromDaysSinceEpoch(DayOf(type, value)).day(); }

int64_t ToPeriod(TypeId type, int64_t value) {
  if (type == TypeId::kPeriod) return value;
  return YearOf(type, value) * 12 + MonthOf(type, value) - 1;
}

std::optional<int64_t> MakeDate(int64_t year, int64_t month, int64_t day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  std::optional<Date> date = Date::FromYmd(static_cast<int>(year), static_cast<int>(month), static_cast<int>(day));
  if (!date) return std::nullopt;
  return date->days_since_epoch();
}

int64_t MonthsBetween(TypeId type, int64_t a, int64_t b) {
  if (type == TypeId::kPeriod) return b - a;
  if (b < a) return -MonthsBetween(type, b, a);
  Date from = Date::FromDaysSinceEpoch(DayOf(type, a));
  Date to = Date::FromDaysSinceEpoch(DayOf(type, b));
  int64_t months = (to.year() - from.year()) * 12 + (to.month() - from.month());
  // A whole month has passed when the day of the month is reached, or the month ended first
  // (2023-01-31 → 2023-02-28 is one month by 刑事诉讼法 第105条's arithmetic).
  if (months > 0 && from.AddMonths(static_cast<int>(months)) > to) --months;
  return months;
}

}  // namespace shujian::engine
