// Calendar dates and date-times, and the calendar arithmetic the legal rules need.
//
// A Date is a day of the proleptic Gregorian calendar with no time zone: the day an act was
// done, as written on its document. Periods in days, months and years follow the rules of
// 刑事诉讼法 第105条 as far as arithmetic goes (a month added to 31 January ends on the last day
// of February); which day a period starts from, and working days, belong to the callers.
// Parsing the many ways agencies write dates is in core/date_parse.h.
//
// Thread safety: Date and DateTime are plain values.
#ifndef SHUJIAN_CORE_DATE_H_
#define SHUJIAN_CORE_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

namespace shujian {

class Date {
 public:
  // 1970-01-01.
  constexpr Date() = default;

  // The date year-month-day, or nullopt when it is not a real calendar date
  // (e.g. 2023-02-29). Years 1..9999 only.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // The date `days` after 1970-01-01 (negative: before).
  static constexpr Date FromDaysSinceEpoch(int32_t days) {
    Date date;
    date.days_ = days;
    return date;
  }

  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  // ISO weekday: 1 = Monday ... 7 = Sunday.
  int iso_weekday() const;
  int32_t days_since_epoch() const { return days_; }

  Date AddDays(int32_t days) const { return FromDaysSinceEpoch(days_ + days); }
  // Adds calendar months; a day that does not exist in the target month becomes that
  // month's last day (2024-01-31 + 1 month = 2024-02-29).
  Date AddMonths(int months) const;
  Date AddYears(int years) const { return AddMonths(years * 12); }
  // Days from `earlier` to this date; negative when this date is before it.
  int32_t DaysSince(Date earlier) const { return days_ - earlier.days_; }

  // "2023-02-16".
  std::string ToIso() const;
  // "2023年2月16日", as Chinese documents write it.
  std::string ToChinese() const;

  friend constexpr auto operator<=>(Date a, Date b) = default;

 private:
  int32_t days_ = 0;  // days since 1970-01-01
};

// A date with a time of day, to the second, in local (Beijing) time.
class DateTime {
 public:
  constexpr DateTime() = default;
  // REQUIRES: 0 <= hour < 24, 0 <= minute < 60, 0 <= second < 60.
  static std::optional<DateTime> FromParts(Date date, int hour, int minute, int second);

  Date date() const { return date_; }
  int seconds_of_day() const { return seconds_; }
  int hour() const { return seconds_ / 3600; }
  int minute() const { return seconds_ / 60 % 60; }
  int second() const { return seconds_ % 60; }

  // "2023-02-16T14:30:00" (ISO 8601).
  std::string ToIso() const;

  friend constexpr auto operator<=>(const DateTime& a, const DateTime& b) = default;

 private:
  Date date_;
  int seconds_ = 0;  // seconds since midnight
};

// A calendar month, e.g. a social-insurance contribution period (缴费年月).
class Period {
 public:
  constexpr Period() = default;
  static std::optional<Period> FromYm(int year, int month);

  int year() const { return months_ / 12; }
  int month() const { return months_ % 12 + 1; }
  Date first_day() const;
  Period AddMonths(int months) const;

  // "2023-02".
  std::string ToIso() const;

  friend constexpr auto operator<=>(Period a, Period b) = default;

 private:
  int32_t months_ = 0;  // year * 12 + (month - 1)
};

}  // namespace shujian

#endif  // SHUJIAN_CORE_DATE_H_
