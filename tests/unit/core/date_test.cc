#include "core/date.h"

#include <gtest/gtest.h>

#include "core/clock.h"

namespace shujian {
namespace {

Date D(int year, int month, int day) { return *Date::FromYmd(year, month, day); }

TEST(DateTest, RealDatesOnly) {
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29).has_value());
  EXPECT_FALSE(Date::FromYmd(2023, 2, 29).has_value());
  EXPECT_FALSE(Date::FromYmd(1900, 2, 29).has_value());  // not a leap year
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29).has_value());
  EXPECT_FALSE(Date::FromYmd(2023, 4, 31).has_value());
  EXPECT_FALSE(Date::FromYmd(2023, 13, 1).has_value());
  EXPECT_FALSE(Date::FromYmd(2023, 0, 1).has_value());
  EXPECT_FALSE(Date::FromYmd(2023, 1, 0).has_value());
}

TEST(DateTest, FieldsAndFormats) {
  Date date = D(2023, 2, 16);
  EXPECT_EQ(date.year(), 2023);
  EXPECT_EQ(date.month(), 2);
  EXPECT_EQ(date.day(), 16);
  EXPECT_EQ(date.iso_weekday(), 4);  // Thursday
  EXPECT_EQ(date.ToIso(), "2023-02-16");
  EXPECT_EQ(date.ToChinese(), "2023年2月16日");
  EXPECT_EQ(Date().ToIso(), "1970-01-01");
  EXPECT_EQ(D(1949, 10, 1).ToIso(), "1949-10-01");
}

TEST(DateTest, Arithmetic) {
  EXPECT_EQ(D(2023, 12, 31).AddDays(1), D(2024, 1, 1));
  EXPECT_EQ(D(2024, 3, 1).AddDays(-1), D(2024, 2, 29));
  EXPECT_EQ(D(2024, 1, 31).AddMonths(1), D(2024, 2, 29));  // last day of a shorter month
  EXPECT_EQ(D(2023, 1, 31).AddMonths(1), D(2023, 2, 28));
  EXPECT_EQ(D(2023, 3, 15).AddMonths(2), D(2023, 5, 15));
  EXPECT_EQ(D(2023, 11, 30).AddMonths(3), D(2024, 2, 29));
  EXPECT_EQ(D(2023, 3, 31).AddMonths(-1), D(2023, 2, 28));
  EXPECT_EQ(D(2024, 2, 29).AddYears(1), D(2025, 2, 28));
  EXPECT_EQ(D(2024, 1, 1).DaysSince(D(2023, 1, 1)), 365);
  EXPECT_EQ(D(2023, 1, 1).DaysSince(D(2024, 1, 1)), -365);
  EXPECT_LT(D(2023, 1, 1), D(2023, 1, 2));
}

TEST(DateTimeTest, Parts) {
  DateTime time = *DateTime::FromParts(D(2023, 2, 16), 14, 30, 5);
  EXPECT_EQ(time.ToIso(), "2023-02-16T14:30:05");
  EXPECT_FALSE(DateTime::FromParts(D(2023, 2, 16), 24, 0, 0).has_value());
  EXPECT_FALSE(DateTime::FromParts(D(2023, 2, 16), 1, 60, 0).has_value());
}

TEST(PeriodTest, Months) {
  Period period = *Period::FromYm(2023, 12);
  EXPECT_EQ(period.ToIso(), "2023-12");
  EXPECT_EQ(period.AddMonths(1).ToIso(), "2024-01");
  EXPECT_EQ(period.AddMonths(-12).ToIso(), "2022-12");
  EXPECT_EQ(period.first_day(), D(2023, 12, 1));
  EXPECT_FALSE(Period::FromYm(2023, 13).has_value());
}

TEST(ClockTest, FixedClockShowsBeijingDate) {
  FixedClock clock(D(2024, 5, 13));
  EXPECT_EQ(clock.Today(), D(2024, 5, 13));
  EXPECT_EQ(clock.Now().hour(), 12);
  // 2024-05-13T16:30:00Z is 00:30 on 14 May in Beijing.
  clock.Set(BeijingToUnixSeconds(*DateTime::FromParts(D(2024, 5, 14), 0, 30, 0)));
  EXPECT_EQ(clock.UnixSeconds(), 1715617800);
  EXPECT_EQ(clock.Today(), D(2024, 5, 14));
  clock.AdvanceSeconds(-3600);
  EXPECT_EQ(clock.Today(), D(2024, 5, 13));
  EXPECT_EQ(clock.Now().hour(), 23);
}

TEST(ClockTest, SystemClockIsAfterThisCodeWasWritten) {
  SystemClock clock;
  EXPECT_GE(clock.Today(), D(2026, 1, 1));
}

}  // namespace
}  // namespace shujian
