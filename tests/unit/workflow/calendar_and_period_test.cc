// Tests of the working-day calendar (the State Council's holiday notices 2023–2026 as data) and of
// period computation (刑事诉讼法第105条 as rules.md §0.3 states it): start day not counted, month
// ends, rest days extending the last day, working days across 春节 and 调休.
#include <gtest/gtest.h>

#include "workflow/period.h"
#include "workflow/work_calendar.h"

namespace shujian::workflow {
namespace {

Date D(int year, int month, int day) { return *Date::FromYmd(year, month, day); }

TEST(WorkCalendarTest, ShippedYearsAreLoaded) {
  const WorkCalendar& calendar = WorkCalendar::Shipped();
  EXPECT_EQ(calendar.CoveredYears(), (std::vector<int>{2023, 2024, 2025, 2026}));
  EXPECT_FALSE(calendar.Covers(2027));
}

TEST(WorkCalendarTest, HolidaysAndAdjustedWorkingDays) {
  const WorkCalendar& calendar = WorkCalendar::Shipped();
  // 2024 春节: 2月10日至17日放假；2月4日（周日）、2月18日（周日）上班.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 2, 12)));  // a Monday in the holiday
  EXPECT_TRUE(calendar.IsWorkingDay(D(2024, 2, 4)));    // a Sunday made a working day
  EXPECT_TRUE(calendar.IsWorkingDay(D(2024, 2, 18)));
  EXPECT_EQ(calendar.DayName(D(2024, 2, 18)), "春节调休上班");
  // 2025: 除夕 is a holiday from 2025 (放假办法 2024 修订); 1月26日（周日）上班.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2025, 1, 28)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2025, 1, 26)));
  // 2025 国庆中秋 8 days, 10月11日（周六）上班.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2025, 10, 8)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2025, 10, 11)));
  // 2026: 元旦 1月1日至3日; 1月4日（周日）上班; 春节 2月15日至23日, 2月14日、28日上班.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2026, 1, 2)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2026, 1, 4)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2026, 2, 23)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2026, 2, 28)));
  // 2023 劳动节: 4月29日至5月3日; 4月23日（周日）、5月6日（周六）上班.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2023, 5, 2)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2023, 5, 6)));
  // Ordinary days.
  EXPECT_TRUE(calendar.IsWorkingDay(D(2024, 3, 6)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 3, 9)));
}

TEST(WorkCalendarTest, WorkingDayArithmetic) {
  const WorkCalendar& calendar = WorkCalendar::Shipped();
  // From Thursday 2024-02-08: the 9th is a Friday (working), then the holiday 10–17, then the
  // adjusted Sunday 18th, Monday 19th.
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 2, 8), 1), D(2024, 2, 9));
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 2, 8), 2), D(2024, 2, 18));
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 2, 8), 3), D(2024, 2, 19));
  EXPECT_EQ(calendar.WorkingDaysBetween(D(2024, 2, 8), D(2024, 2, 19)), 3);
  EXPECT_EQ(calendar.WorkingDaysBetween(D(2024, 2, 19), D(2024, 2, 8)), 0);
  EXPECT_EQ(calendar.OnOrNextWorkingDay(D(2024, 10, 1)), D(2024, 10, 8));
}

TEST(WorkCalendarTest, BadFilesAreRefusedWithTheLine) {
  EmbeddedFile wrong_weekday{"2024.csv", "date,kind,name,weekday\n2024-02-04,班,春节,周一\n"};
  auto result = WorkCalendar::Parse(std::span(&wrong_weekday, 1));
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("第2行"), std::string::npos)
      << result.status().message();
  EXPECT_NE(result.status().message().find("周日"), std::string::npos);
  EmbeddedFile weekday_as_work{"2024.csv", "date,kind,name\n2024-02-05,班,春节\n"};
  EXPECT_FALSE(WorkCalendar::Parse(std::span(&weekday_as_work, 1)).ok());
  EmbeddedFile bad_kind{"2024.csv", "date,kind,name\n2024-02-10,假,春节\n"};
  EXPECT_FALSE(WorkCalendar::Parse(std::span(&bad_kind, 1)).ok());
  EmbeddedFile other_year{"2024.csv", "date,kind,name\n2021-02-10,休,春节\n"};
  EXPECT_FALSE(WorkCalendar::Parse(std::span(&other_year, 1)).ok());
}

TEST(PeriodTest, ParsesAndWrites) {
  EXPECT_EQ(ParsePeriodSpec("2个月")->unit, PeriodUnit::kMonths);
  EXPECT_EQ(ParsePeriodSpec("１５日")->amount, 15);
  EXPECT_EQ(ParsePeriodSpec("3个工作日")->unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(ParsePeriodSpec("1年")->unit, PeriodUnit::kYears);
  EXPECT_FALSE(ParsePeriodSpec("两个月").ok());
  EXPECT_FALSE(ParsePeriodSpec("0日").ok());
  EXPECT_FALSE(ParsePeriodSpec("-3日").ok());
  EXPECT_FALSE(ParsePeriodSpec("日").ok());
  EXPECT_EQ(ParsePeriodSpec("2个月")->InWords(), "两个月");
  EXPECT_EQ(ParsePeriodSpec("15日")->InWords(), "十五日");
  EXPECT_EQ(ParsePeriodSpec("10个工作日")->InWords(), "十个工作日");
  EXPECT_EQ(ChineseNumeral(105), "一百零五");
  EXPECT_EQ(ChineseNumeral(1010), "一千零一十");
  EXPECT_EQ(ChineseNumeral(20), "二十");
}

TEST(PeriodTest, ComputesStatutoryDueDates) {
  const WorkCalendar& calendar = WorkCalendar::Shipped();
  // Two months from service on 2024-03-15 end on 2024-05-15 (a Wednesday).
  EXPECT_EQ(ComputeDue(D(2024, 3, 15), *ParsePeriodSpec("2个月"), calendar).due, D(2024, 5, 15));
  // Served 2023-12-31: two months end on the last day of February (2024 is a leap year).
  EXPECT_EQ(ComputeDue(D(2023, 12, 31), *ParsePeriodSpec("2个月"), calendar).due, D(2024, 2, 29));
  // Served 2024-07-31: 2024-09-30 is a Monday, a working day.
  EXPECT_EQ(ComputeDue(D(2024, 7, 31), *ParsePeriodSpec("2个月"), calendar).due, D(2024, 9, 30));
  // Served 2024-08-01: 2024-10-01 is 国庆 → the period ends on 2024-10-08.
  EXPECT_EQ(ComputeDue(D(2024, 8, 1), *ParsePeriodSpec("2个月"), calendar).due, D(2024, 10, 8));
  // 15 days from 2024-01-27 end on 2024-02-11, inside 春节 → 2024-02-18 (the adjusted Sunday).
  EXPECT_EQ(ComputeDue(D(2024, 1, 27), *ParsePeriodSpec("15日"), calendar).due, D(2024, 2, 18));
  // Without extension the last day stays on the holiday.
  EXPECT_EQ(ComputeDue(D(2024, 1, 27), *ParsePeriodSpec("15日"), calendar, false).due,
            D(2024, 2, 11));
  // 3 working days from Friday 2025-01-24: Sun 26th (调休上班), Mon 27th, then 春节 28th–4th → Feb
  // 5th.
  EXPECT_EQ(ComputeDue(D(2025, 1, 24), *ParsePeriodSpec("3个工作日"), calendar).due, D(2025, 2, 5));
  // 10 working days from 2025-09-26 (Fri): Sep 28 (Sun, 调休), 29, 30, Oct 9, 10, 11 (Sat, 调休),
  // 13, 14, 15, 16.
  EXPECT_EQ(ComputeDue(D(2025, 9, 26), *ParsePeriodSpec("10个工作日"), calendar).due,
            D(2025, 10, 16));
  // A period reaching an uncovered year says so.
  DueDate late = ComputeDue(D(2026, 12, 1), *ParsePeriodSpec("2个月"), calendar);
  ASSERT_EQ(late.notes.size(), 1u);
  EXPECT_NE(late.notes[0].find("2027"), std::string::npos);
}

}  // namespace
}  // namespace shujian::workflow
