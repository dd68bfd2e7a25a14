#include "core/money.h"

#include <gtest/gtest.h>

#include "core/decimal.h"

namespace shujian {
namespace {

int64_t Fen(std::string_view text) {
  Result<Money> money = ParseMoney(text);
  EXPECT_TRUE(money.ok()) << text << ": " << money.status().ToString();
  return money.ok() ? money->fen() : -1;
}

TEST(MoneyTest, AcceptsWhatAgenciesWrite) {
  EXPECT_EQ(Fen("12000"), 1200000);
  EXPECT_EQ(Fen("12,000"), 1200000);
  EXPECT_EQ(Fen("1,234,567.89"), 123456789);
  EXPECT_EQ(Fen("12000.5"), 1200050);
  EXPECT_EQ(Fen("￥1,200.00"), 120000);
  EXPECT_EQ(Fen("¥1200元"), 120000);
  EXPECT_EQ(Fen("１２０００"), 1200000);
  EXPECT_EQ(Fen(" 500 "), 50000);
  EXPECT_EQ(Fen("1.2万元"), 1200000);
  EXPECT_EQ(Fen("1.2345万"), 1234500);
  EXPECT_EQ(Fen("0.5"), 50);
  EXPECT_EQ(Fen(".5"), 50);
  EXPECT_EQ(Fen("-300"), -30000);
  EXPECT_EQ(Fen("100.000"), 10000);  // trailing zeros carry nothing
}

TEST(MoneyTest, RejectsWithReasons) {
  EXPECT_EQ(ParseMoney("100.005").status().message(), "「100.005」超过两位小数（金额精确到分）");
  EXPECT_EQ(ParseMoney("1.2345678万").status().message(), "「1.2345678万」超过两位小数（金额精确到分）");
  EXPECT_EQ(Fen("1.234567万"), 1234567);
  EXPECT_EQ(ParseMoney("12,34").status().message(), "「12,34」的千分位分隔符位置不对");
  EXPECT_EQ(ParseMoney("1234,567").status().message(), "「1234,567」的千分位分隔符位置不对");
  EXPECT_EQ(ParseMoney("一千元").status().message(), "「一千元」不是数字");
  EXPECT_EQ(ParseMoney("1.2.3").status().message(), "「1.2.3」不是数字");
  EXPECT_EQ(ParseMoney("").status().message(), "为空");
  EXPECT_EQ(ParseMoney("元").status().message(), "「元」不是数字");
  EXPECT_EQ(ParseMoney("99999999999999999999").status().message(),
            "「99999999999999999999」超出范围");
}

TEST(MoneyTest, Formats) {
  EXPECT_EQ(Money::FromFen(123456789).ToString(), "1234567.89");
  EXPECT_EQ(Money::FromFen(1200050).ToString(), "12000.5");
  EXPECT_EQ(Money::FromFen(1200000).ToString(), "12000");
  EXPECT_EQ(Money::FromFen(123456789).ToDisplay(), "1,234,567.89元");
  EXPECT_EQ(Money::FromFen(-123456).ToDisplay(), "-1,234.56元");
  EXPECT_EQ(Money::FromFen(5).ToDisplay(), "0.05元");
  EXPECT_EQ(Money::FromYuan(100) + Money::FromFen(1), Money::FromFen(10001));
}

TEST(DecimalTest, ParsesExactly) {
  EXPECT_EQ(ParseDecimal("860")->ToString(), "860");
  EXPECT_EQ(ParseDecimal("3.25")->ToString(), "3.25");
  EXPECT_EQ(ParseDecimal("0.000001")->millionths(), 1);
  EXPECT_EQ(ParseDecimal("1,000.5")->ToString(), "1000.5");
  EXPECT_EQ(ParseDecimal("-0.5")->ToString(), "-0.5");
  EXPECT_EQ(ParseDecimal("８６０．５")->ToString(), "860.5");
  EXPECT_EQ(ParseDecimal("0.1234567").status().message(), "「0.1234567」超过六位小数");
  EXPECT_FALSE(ParseDecimal("abc").ok());
  EXPECT_FALSE(ParseDecimal("1.5万").ok());  // 万 is for money only
  EXPECT_LT(*ParseDecimal("499.999999"), *ParseDecimal("500"));
  EXPECT_EQ(*ParseDecimal("500.000"), Decimal::FromInteger(500));
}

}  // namespace
}  // namespace shujian
