// Tests of what Excel makes of values: number formats, displayed numbers, serial dates, and
// identifiers that went through a number.
#include "ingest/excel_values.h"

#include <gtest/gtest.h>

namespace shujian::ingest {
namespace {

TEST(ExcelValuesTest, NumberFormats) {
  EXPECT_EQ(BuiltInNumberFormat(14), NumberFormatKind::kDate);
  EXPECT_EQ(BuiltInNumberFormat(22), NumberFormatKind::kDateTime);
  EXPECT_EQ(BuiltInNumberFormat(20), NumberFormatKind::kTime);
  EXPECT_EQ(BuiltInNumberFormat(31), NumberFormatKind::kDate);  // yyyy"年"m"月"d"日" (zh-CN)
  EXPECT_EQ(BuiltInNumberFormat(57), NumberFormatKind::kDate);
  EXPECT_EQ(BuiltInNumberFormat(9), NumberFormatKind::kPercent);
  EXPECT_EQ(BuiltInNumberFormat(49), NumberFormatKind::kText);
  EXPECT_EQ(BuiltInNumberFormat(0), NumberFormatKind::kGeneral);
  EXPECT_EQ(BuiltInNumberFormat(170), std::nullopt);
  EXPECT_EQ(CustomNumberFormat("yyyy/m/d"), NumberFormatKind::kDate);
  EXPECT_EQ(CustomNumberFormat("[$-804]yyyy\"年\"m\"月\"d\"日\";@"), NumberFormatKind::kDate);
  EXPECT_EQ(CustomNumberFormat("[DBNum1][$-804]yyyy\"年\"m\"月\""), NumberFormatKind::kDate);
  EXPECT_EQ(CustomNumberFormat("yyyy-mm-dd hh:mm:ss"), NumberFormatKind::kDateTime);
  EXPECT_EQ(CustomNumberFormat("h:mm"), NumberFormatKind::kTime);
  EXPECT_EQ(CustomNumberFormat("[h]:mm:ss"), NumberFormatKind::kTime);
  EXPECT_EQ(CustomNumberFormat("mmm-yy"), NumberFormatKind::kDate);
  EXPECT_EQ(CustomNumberFormat("0.00%"), NumberFormatKind::kPercent);
  EXPECT_EQ(CustomNumberFormat("#,##0.00_ ;[Red]-#,##0.00 "), NumberFormatKind::kGeneral);
  EXPECT_EQ(CustomNumberFormat("0.00E+00"), NumberFormatKind::kGeneral);
  EXPECT_EQ(CustomNumberFormat("General"), NumberFormatKind::kGeneral);
  EXPECT_EQ(CustomNumberFormat("\"天数\"0"), NumberFormatKind::kGeneral) << "quoted text is not a date";
  EXPECT_EQ(CustomNumberFormat("@"), NumberFormatKind::kText);
}

TEST(ExcelValuesTest, NumbersAsExcelShowsThem) {
  EXPECT_EQ(ExcelNumberText("44973"), "44973");
  EXPECT_EQ(ExcelNumberText("12000.5"), "12000.5");
  EXPECT_EQ(ExcelNumberText("0.30000000000000004"), "0.3");
  EXPECT_EQ(ExcelNumberText("4.2030419800101248E+17"), "4.20304198001012E+17");
  EXPECT_EQ(ExcelNumberText("420304"), "420304");
  EXPECT_EQ(ExcelNumberText("-0"), "0");
  EXPECT_EQ(ExcelNumberText("not a number"), "not a number");
}

TEST(ExcelValuesTest, SerialDates) {
  EXPECT_EQ(ExcelSerialText("44973", NumberFormatKind::kDate, false), "2023-02-16");
  EXPECT_EQ(ExcelSerialText("44973.5", NumberFormatKind::kDate, false), "2023-02-16 12:00:00");
  EXPECT_EQ(ExcelSerialText("44973.354166666664", NumberFormatKind::kDateTime, false), "2023-02-16 08:30:00");
  EXPECT_EQ(ExcelSerialText("0.75", NumberFormatKind::kTime, false), "18:00:00");
  EXPECT_EQ(ExcelSerialText("43511", NumberFormatKind::kDate, true), "2023-02-16");
  EXPECT_EQ(ExcelSerialText("60", NumberFormatKind::kDate, false), std::nullopt) << "1900-02-29 never existed";
  EXPECT_EQ(ExcelSerialText("-1", NumberFormatKind::kDate, false), std::nullopt);
  EXPECT_EQ(ExcelSerialText("abc", NumberFormatKind::kDate, false), std::nullopt);
}

TEST(ExcelValuesTest, IdentifiersThatWentThroughANumber) {
  // Scientific notation: text from a CSV saved by Excel, or a number cell.
  EXPECT_NE(IdentifierTurnedIntoNumber("4.20304E+17", false), std::nullopt);
  EXPECT_NE(IdentifierTurnedIntoNumber("4.2030419800101248E+17", true), std::nullopt);
  EXPECT_NE(IdentifierTurnedIntoNumber("420304198001012000.0", false), std::nullopt);
  // A number cell whose digits beyond the 15th are zero, or that a double holds exactly.
  EXPECT_NE(IdentifierTurnedIntoNumber("420304198001012000", true), std::nullopt);
  EXPECT_NE(IdentifierTurnedIntoNumber("420304198001012480", true), std::nullopt) << "exactly a double";
  EXPECT_NE(IdentifierTurnedIntoNumber("420304198001012500", true), std::nullopt) << "JavaScript's shortest digits";
  // Digits a double cannot hold were written as they are: the validator judges them.
  EXPECT_EQ(IdentifierTurnedIntoNumber("420304198001012510", true), std::nullopt);
  // A 15-digit old ID number fits a double exactly.
  EXPECT_EQ(IdentifierTurnedIntoNumber("420304800101251", true), std::nullopt);
  // Text identifiers are not numbers.
  EXPECT_EQ(IdentifierTurnedIntoNumber("420304198001012510", false), std::nullopt);
  EXPECT_EQ(IdentifierTurnedIntoNumber("91420300MA49ABCD1T", false), std::nullopt);
  EXPECT_EQ(IdentifierTurnedIntoNumber("4203041980E1012510", false), std::nullopt);
  // A credit code with an E between digits (found by the demonstration city) is not a number.
  EXPECT_EQ(IdentifierTurnedIntoNumber("914203046253437E20", false), std::nullopt);
  EXPECT_EQ(IdentifierTurnedIntoNumber("914203046253437E20", true), std::nullopt);
  EXPECT_NE(IdentifierTurnedIntoNumber("4E17", false), std::nullopt);
  EXPECT_NE(IdentifierTurnedIntoNumber("42E+16", false), std::nullopt);
  std::string reason = *IdentifierTurnedIntoNumber("4.20304E+17", false);
  EXPECT_NE(reason.find("4.20304E+17"), std::string::npos);
  EXPECT_NE(reason.find("15位"), std::string::npos);
  EXPECT_NE(reason.find("文本"), std::string::npos) << reason;
}

}  // namespace
}  // namespace shujian::ingest
