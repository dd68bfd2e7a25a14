#include "engine/common/value.h"

#include <cstdio>

#include "core/date.h"
#include "core/date_parse.h"
#include "core/decimal.h"
#include "core/fixed_point.h"
#include "core/money.h"
#include "core/unicode_fold.h"

namespace shujian::engine {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Parses the canonical forms quickly (the store holds them); nullopt sends the caller to the
// general parsers.
bool FastInt(std::string_view text, int64_t* out) {
  if (text.empty() || text.size() > 18) return false;
  size_t pos = 0;
  bool negative = text[0] == '-';
  if (negative) pos = 1;
  if (pos == text.size()) return false;
  int64_t value = 0;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = negative ? -value : value;
  return true;
}

bool Digits(std::string_view text, size_t pos, size_t count, int* out) {
  int value = 0;
  for (size_t index = 0; index < count; ++index) {
    char c = text[pos + index];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

bool FastDate(std::string_view text, int32_t* days) {
  int year, month, day;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!Digits(text, 0, 4, &year) || !Digits(text, 5, 2, &month) || !Digits(text, 8, 2, &day)) {
    return false;
  }
  std::optional<Date> date = Date::FromYmd(year, month, day);
  if (!date) return false;
  *days = date->days_since_epoch();
  return true;
}

}  // namespace

int64_t DateTimeSeconds(int32_t days, int seconds_of_day) {
  return static_cast<int64_t>(days) * 86400 + seconds_of_day;
}

int32_t DateOfDateTime(int64_t seconds) { return static_cast<int32_t>(FloorDiv(seconds, 86400)); }

std::string FormatScalar(TypeId type, int64_t value) {
  switch (type) {
    case TypeId::kBool:
      return value != 0 ? "是" : "否";
    case TypeId::kInt:
      return std::to_string(value);
    case TypeId::kDecimal:
      return Decimal::FromMillionths(value).ToString();
    case TypeId::kMoney:
      return Money::FromFen(value).ToString();
    case TypeId::kDate:
      return Date::FromDaysSinceEpoch(static_cast<int32_t>(value)).ToIso();
    case TypeId::kDateTime: {
      int32_t days = DateOfDateTime(value);
      int seconds = static_cast<int>(value - static_cast<int64_t>(days) * 86400);
      std::optional<DateTime> time = DateTime::FromParts(
          Date::FromDaysSinceEpoch(days), seconds / 3600, seconds / 60 % 60, seconds % 60);
      return time ? time->ToIso() : std::string();
    }
    case TypeId::kPeriod: {
      int64_t year = FloorDiv(value, 12);
      std::optional<Period> period =
          Period::FromYm(static_cast<int>(year), static_cast<int>(value - year * 12) + 1);
      return period ? period->ToIso() : std::string();
    }
    case TypeId::kNull:
    case TypeId::kString:
      break;
  }
  return std::string();
}

std::string FormatValue(const Value& value) {
  if (value.null) return std::string();
  if (value.type.id == TypeId::kString) return value.s;
  return FormatScalar(value.type.id, value.i);
}

std::string FormatScalarForTitle(TypeId type, int64_t value) {
  switch (type) {
    case TypeId::kDate:
      return Date::FromDaysSinceEpoch(static_cast<int32_t>(value)).ToChinese();
    case TypeId::kDateTime: {
      int32_t days = DateOfDateTime(value);
      int seconds = static_cast<int>(value - static_cast<int64_t>(days) * 86400);
      char clock[48];
      std::snprintf(clock, sizeof clock, "%d时%02d分", seconds / 3600, seconds / 60 % 60);
      return Date::FromDaysSinceEpoch(days).ToChinese() + clock;
    }
    case TypeId::kPeriod: {
      int64_t year = FloorDiv(value, 12);
      return std::to_string(year) + "年" + std::to_string(value - year * 12 + 1) + "月";
    }
    case TypeId::kMoney: {
      // Thousands separators; 分 only when the amount has them.
      std::string text = FormatFixedPoint(value < 0 ? -value : value, 2, 0);
      size_t dot = text.find('.');
      std::string whole = text.substr(0, dot);
      std::string grouped;
      for (size_t index = 0; index < whole.size(); ++index) {
        if (index > 0 && (whole.size() - index) % 3 == 0) grouped += ',';
        grouped += whole[index];
      }
      if (dot != std::string::npos) grouped += text.substr(dot);
      return (value < 0 ? "-" : "") + grouped + "元";
    }
    default:
      return FormatScalar(type, value);
  }
}

bool ParseCanonicalScalar(TypeId type, std::string_view text, int64_t* out) {
  int64_t value;
  switch (type) {
    case TypeId::kInt:
      if (!FastInt(text, &value)) return false;
      *out = value;
      return true;
    case TypeId::kDecimal:
      if (!FastInt(text, &value) || value >= 1000000000000ll || value <= -1000000000000ll)
        return false;
      *out = value * Decimal::kOne;
      return true;
    case TypeId::kMoney:
      if (!FastInt(text, &value) || value >= 1000000000000000ll || value <= -1000000000000000ll)
        return false;
      *out = value * 100;
      return true;
    case TypeId::kDate: {
      int32_t days;
      if (!FastDate(text, &days)) return false;
      *out = days;
      return true;
    }
    case TypeId::kPeriod: {
      int year, month;
      if (text.size() != 7 || text[4] != '-' || !Digits(text, 0, 4, &year) ||
          !Digits(text, 5, 2, &month) || month < 1 || month > 12) {
        return false;
      }
      *out = static_cast<int64_t>(year) * 12 + month - 1;
      return true;
    }
    default:
      return false;
  }
}

Result<int64_t> ParseScalar(TypeId type, std::string_view raw) {
  if (int64_t value; ParseCanonicalScalar(type, raw, &value)) return value;
  std::string text = TrimSpaces(FoldFullWidth(raw));
  if (int64_t value; ParseCanonicalScalar(type, text, &value)) return value;
  switch (type) {
    case TypeId::kBool: {
      if (text == "是" || text == "true" || text == "TRUE" || text == "True" || text == "1" ||
          text == "Y" || text == "y") {
        return 1;
      }
      if (text == "否" || text == "false" || text == "FALSE" || text == "False" || text == "0" ||
          text == "N" || text == "n") {
        return 0;
      }
      return Status::InvalidArgument("「" + text + "」应为是或否（true/false）");
    }
    case TypeId::kInt: {
      FixedPointOptions options;
      options.scale = 0;
      options.too_precise_reason = "应为整数";
      return ParseFixedPoint(text, options);
    }
    case TypeId::kDecimal: {
      SJ_ASSIGN_OR_RETURN(Decimal decimal, ParseDecimal(text));
      return decimal.millionths();
    }
    case TypeId::kMoney: {
      SJ_ASSIGN_OR_RETURN(Money money, ParseMoney(text));
      return money.fen();
    }
    case TypeId::kDate: {
      SJ_ASSIGN_OR_RETURN(Date date, ParseDate(text));
      return date.days_since_epoch();
    }
    case TypeId::kDateTime: {
      SJ_ASSIGN_OR_RETURN(DateTime time, ParseDateTime(text));
      return DateTimeSeconds(time.date().days_since_epoch(), time.seconds_of_day());
    }
    case TypeId::kPeriod: {
      SJ_ASSIGN_OR_RETURN(Period period, ParsePeriod(text));
      return static_cast<int64_t>(period.year()) * 12 + period.month() - 1;
    }
    case TypeId::kNull:
    case TypeId::kString:
      break;
  }
  return Status::Internal("ParseScalar 不处理文本");
}

}  // namespace shujian::engine
