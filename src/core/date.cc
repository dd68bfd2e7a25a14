#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace shujian {
namespace {

namespace chr = std::chrono;

chr::year_month_day ToYmd(int32_t days) {
  return chr::year_month_day(chr::sys_days(chr::days(days)));
}

}  // namespace

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  chr::year_month_day ymd{chr::year(year), chr::month(static_cast<unsigned>(month)),
                          chr::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return FromDaysSinceEpoch(
      static_cast<int32_t>(chr::sys_days(ymd).time_since_epoch().count()));
}

int Date::year() const { return static_cast<int>(ToYmd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ToYmd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ToYmd(days_).day())); }

int Date::iso_weekday() const {
  return static_cast<int>(chr::weekday(chr::sys_days(chr::days(days_))).iso_encoding());
}

Date Date::AddMonths(int months) const {
  chr::year_month_day ymd = ToYmd(days_);
  chr::year_month target = chr::year_month(ymd.year(), ymd.month()) + chr::months(months);
  chr::day last = chr::year_month_day_last(target.year(), chr::month_day_last(target.month())).day();
  chr::day day = ymd.day() > last ? last : ymd.day();
  return FromDaysSinceEpoch(static_cast<int32_t>(
      chr::sys_days(chr::year_month_day(target.year(), target.month(), day))
          .time_since_epoch()
          .count()));
}

std::string Date::ToIso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year(), month(), day());
  return buffer;
}

std::string Date::ToChinese() const {
  return std::to_string(year()) + "年" + std::to_string(month()) + "月" + std::to_string(day()) +
         "日";
}

std::optional<DateTime> DateTime::FromParts(Date date, int hour, int minute, int second) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return std::nullopt;
  }
  DateTime result;
  result.date_ = date;
  result.seconds_ = hour * 3600 + minute * 60 + second;
  return result;
}

std::string DateTime::ToIso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", hour(), minute(), second());
  return date_.ToIso() + buffer;
}

std::optional<Period> Period::FromYm(int year, int month) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  Period period;
  period.months_ = year * 12 + month - 1;
  return period;
}

Date Period::first_day() const { return *Date::FromYmd(year(), month(), 1); }

Period Period::AddMonths(int months) const {
  Period period;
  period.months_ = months_ + months;
  return period;
}

std::string Period::ToIso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year(), month());
  return buffer;
}

}  // namespace shujian
