#include "core/date_parse.h"

#include <gtest/gtest.h>

namespace shujian {
namespace {

std::string ParsedDate(std::string_view text) {
  Result<Date> date = ParseDate(text);
  return date.ok() ? date->ToIso() : "error: " + date.status().message();
}

TEST(DateParseTest, AcceptedForms) {
  // shared/spec/datasets.md, type date.
  for (const char* text : {"2023-02-16", "2023/2/16", "2023.2.16", "2023年2月16日", "20230216",
                           "44973", "2023-2-16", "2023年02月16日", " 2023-02-16 ", "２０２３－０２－１６",
                           "2023/2/16 0:00", "2023-02-16 14:30:00", "2023-02-16T14:30", "2023年2月16号",
                           "44973.0", "44973.75"}) {
    EXPECT_EQ(ParsedDate(text), "2023-02-16") << text;
  }
}

TEST(DateParseTest, RejectsWithReasons) {
  EXPECT_EQ(ParsedDate("2023-02-30"), "error: 「2023-02-30」不是有效日期（2023年2月没有30日）");
  EXPECT_EQ(ParsedDate("20230230"), "error: 「20230230」不是有效日期（2023年2月没有30日）");
  EXPECT_EQ(ParsedDate("2023-13-01"), "error: 「2023-13-01」不是有效日期（2023年13月没有1日）");
  EXPECT_EQ(ParsedDate("1850-01-01"), "error: 「1850-01-01」的年份1850超出1900–2100");
  EXPECT_EQ(ParsedDate(""), "error: 为空");
  EXPECT_EQ(ParsedDate("2023"),
            "error: 无法识别的日期「2023」；可用格式：2023-02-16、2023/2/16、2023.2.16、2023年2月16日、20230216");
  EXPECT_EQ(ParsedDate("2023-02/16").substr(0, 28), "error: 无法识别的日期");
  EXPECT_EQ(ParsedDate("16/02/2023").substr(0, 28), "error: 无法识别的日期");
  EXPECT_EQ(ParsedDate("2023-02-16 25:00"), "error: 「2023-02-16 25:00」的时间不存在");
  EXPECT_EQ(ParsedDate("2023-02-16 下午"),
            "error: 「2023-02-16 下午」日期后的时间无法识别；时间应写作14:30或14:30:00");
  EXPECT_EQ(ParsedDate("00060"), "error: Excel日期序号60对应不存在的1900年2月29日");
}

TEST(DateParseTest, ExcelSerials) {
  EXPECT_EQ(DateFromExcelSerial(61)->ToIso(), "1900-03-01");
  EXPECT_EQ(DateFromExcelSerial(59)->ToIso(), "1900-02-28");
  EXPECT_EQ(DateFromExcelSerial(1)->ToIso(), "1900-01-01");
  EXPECT_EQ(DateFromExcelSerial(44927)->ToIso(), "2023-01-01");
  EXPECT_EQ(DateFromExcelSerial(45658)->ToIso(), "2025-01-01");
  EXPECT_FALSE(DateFromExcelSerial(0).ok());
  EXPECT_FALSE(DateFromExcelSerial(80000).ok());  // 2119: out of range
}

TEST(DateParseTest, DateTimes) {
  EXPECT_EQ(ParseDateTime("2023-02-16 14:30")->ToIso(), "2023-02-16T14:30:00");
  EXPECT_EQ(ParseDateTime("2023/2/16 8:05:09")->ToIso(), "2023-02-16T08:05:09");
  EXPECT_EQ(ParseDateTime("2023-02-16T14:30:05.123")->ToIso(), "2023-02-16T14:30:05");
  EXPECT_EQ(ParseDateTime("2023年2月16日 14时30分")->ToIso(), "2023-02-16T14:30:00");
  EXPECT_EQ(ParseDateTime("2023年2月16日14时30分5秒")->ToIso(), "2023-02-16T14:30:05");
  EXPECT_EQ(ParseDateTime("2023-02-16")->ToIso(), "2023-02-16T00:00:00");
  EXPECT_EQ(ParseDateTime("44973.5")->ToIso(), "2023-02-16T12:00:00");
  EXPECT_EQ(ParseDateTime("44973.99999999")->ToIso(), "2023-02-17T00:00:00");
  EXPECT_FALSE(ParseDateTime("2023-02-16 14:3").ok());
  EXPECT_FALSE(ParseDateTime("2023-02-16 14:30:61").ok());
}

TEST(DateParseTest, Periods) {
  for (const char* text : {"2023-02", "2023/2", "2023.2", "2023年2月", "202302", "2023-02-01",
                           "2023/2/1", "44958"}) {
    Result<Period> period = ParsePeriod(text);
    ASSERT_TRUE(period.ok()) << text << ": " << period.status().ToString();
    EXPECT_EQ(period->ToIso(), "2023-02") << text;
  }
  EXPECT_EQ(ParsePeriod("2023-02-16").status().message(),
            "「2023-02-16」是具体日期，缴费年月应写作年-月，如2023-02");
  EXPECT_EQ(ParsePeriod("2023-13").status().message(), "「2023-13」的月份13不存在");
  EXPECT_FALSE(ParsePeriod("2023").ok());
  EXPECT_FALSE(ParsePeriod("").ok());
  EXPECT_FALSE(ParsePeriod("二〇二三年二月").ok());
}

}  // namespace
}  // namespace shujian
