// Tests of the comparators and normalisers of src/engine/function/: published Jaro–Winkler
// values, distances on code points (Chinese names), pinyin, company-name forms, masked ID
// numbers, exact arithmetic and calendar windows.
#include <gtest/gtest.h>

#include "core/date.h"
#include "engine/common/value.h"
#include "engine/function/company_name.h"
#include "engine/function/comparison_levels.h"
#include "engine/function/jaro_winkler.h"
#include "engine/function/levenshtein.h"
#include "engine/function/masked_id.h"
#include "engine/function/pinyin.h"
#include "engine/function/scalar_ops.h"
#include "engine/function/string_functions.h"
#include "engine/function/window_bounds.h"

namespace shujian::engine {
namespace {

int64_t Day(int year, int month, int day) { return Date::FromYmd(year, month, day)->days_since_epoch(); }

TEST(JaroWinklerTest, PublishedValues) {
  // Winkler (1990) and the DuckDB test suite (test/sql/function/string/test_jaro_winkler.test).
  EXPECT_NEAR(JaroWinklerUtf8("MARTHA", "MARHTA"), 0.961111, 1e-6);
  EXPECT_NEAR(JaroWinklerUtf8("DWAYNE", "DUANE"), 0.84, 1e-6);
  EXPECT_NEAR(JaroWinklerUtf8("DIXON", "DICKSONX"), 0.813333, 1e-6);
  EXPECT_NEAR(JaroWinklerUtf8("CRATE", "TRACE"), 0.733333, 1e-6);
  EXPECT_NEAR(JaroSimilarity(U"MARTHA", U"MARHTA"), 0.944444, 1e-6);
  EXPECT_EQ(JaroWinklerUtf8("", ""), 1.0);
  EXPECT_EQ(JaroWinklerUtf8("", "张"), 0.0);
}

TEST(JaroWinklerTest, CountsCodePointsNotBytes) {
  // 张伟 / 张玮: two characters, one shared prefix character. Byte-based code sees six bytes
  // with a three-byte common prefix and scores higher.
  EXPECT_NEAR(JaroWinklerUtf8("张伟", "张玮"), 0.7, 1e-9);
  EXPECT_EQ(JaroWinklerUtf8("张伟", "张伟"), 1.0);
  EXPECT_EQ(JaroWinklerMillionths("张伟", "张玮"), 700000);
}

TEST(LevenshteinTest, CodePoints) {
  EXPECT_EQ(LevenshteinUtf8("张伟", "张玮"), 1u);
  EXPECT_EQ(LevenshteinUtf8("kitten", "sitting"), 3u);
  EXPECT_EQ(LevenshteinUtf8("", "十堰"), 2u);
  EXPECT_EQ(LevenshteinUtf8("郧阳区农业农村局", "郧阳区农业局"), 2u);
  EXPECT_EQ(LevenshteinUtf8("abc", "abc"), 0u);
}

TEST(PinyinTest, Names) {
  ASSERT_TRUE(PinyinStatus().ok()) << PinyinStatus().ToString();
  EXPECT_EQ(Pinyin("张伟"), "zhang wei");
  EXPECT_EQ(Pinyin("章玮"), "zhang wei");
  EXPECT_EQ(Pinyin("十堰 ABC"), "shi yan abc");
  EXPECT_EQ(PinyinKey("張 偉"), "zhangwei");
  EXPECT_EQ(PinyinKey(""), "");
}

TEST(CompanyNameTest, SuffixesBranchesAndPlaces) {
  EXPECT_EQ(CompanyNameForm("十堰市某某物流有限责任公司"), "十堰市某某物流");
  EXPECT_EQ(CompanyNameForm("十堰市某某物流有限公司"), "十堰市某某物流");
  EXPECT_EQ(CompanyNameForm("十堰市某某物流有限公司（郧阳）"), "十堰市某某物流");
  EXPECT_EQ(CompanyNameForm("某某物流（十堰）有限公司"), "某某物流");
  EXPECT_EQ(CompanyNameForm("某某物流有限公司郧阳分公司"), "某某物流");
  EXPECT_EQ(CompanyNameForm("某某股份有限公司"), "某某");
  EXPECT_EQ(CompanyNameForm("某某集團有限責任公司"), "某某");  // 繁→简 first
  EXPECT_EQ(CompanyNameForm("ＡＢＣ贸易公司"), "ABC贸易");
  EXPECT_EQ(CompanyNameForm("有限公司"), "有限公司");  // nothing left: keep the name
}

TEST(MaskedIdTest, VisibleDigitsMustAgree) {
  EXPECT_TRUE(MaskedIdCompatible("4203**********1016", "420304198001011016"));
  EXPECT_TRUE(MaskedIdCompatible("420304198001011016", "4203**********1016"));
  EXPECT_FALSE(MaskedIdCompatible("4203**********1017", "420304198001011016"));
  EXPECT_FALSE(MaskedIdCompatible("4204**********1016", "420304198001011016"));
  // Full-width digits and a lower-case x are folded.
  EXPECT_TRUE(MaskedIdCompatible("４２０３**********102x", "42030419800102102X"));
  // A 15-digit number lines up with its 18-digit form (the year gains "19").
  EXPECT_TRUE(MaskedIdCompatible("420304800101101", "420304198001011016"));
  EXPECT_TRUE(MaskedIdCompatible("4203048001*****", "420304198001011016"));
  // Too few visible digits in common is no evidence.
  EXPECT_FALSE(MaskedIdCompatible("42**************16", "420304198001011016"));
  // Two unmasked numbers must be equal; a USCC is not an ID number.
  EXPECT_FALSE(MaskedIdCompatible("420304198001011016", "42030419800102102X"));
  EXPECT_FALSE(MaskedIdCompatible("91420300MA49ABC01D", "91420300MA49ABC01D"));
}

TEST(ScalarOpsTest, ExactArithmetic) {
  int64_t result;
  // Money × decimal rounds to the 分, half away from zero: 0.05 元 × 0.5 = 0.025 → 0.03.
  ASSERT_TRUE(NumericArith(ArithOp::kMul, TypeId::kMoney, 5, TypeId::kDecimal, 500000, TypeId::kMoney, &result));
  EXPECT_EQ(result, 3);
  // int / int is a decimal: 1 / 3 = 0.333333.
  ASSERT_TRUE(NumericArith(ArithOp::kDiv, TypeId::kInt, 1, TypeId::kInt, 3, TypeId::kDecimal, &result));
  EXPECT_EQ(result, 333333);
  // Money + int: the int is 元.
  ASSERT_TRUE(NumericArith(ArithOp::kAdd, TypeId::kMoney, 150, TypeId::kInt, 1, TypeId::kMoney, &result));
  EXPECT_EQ(result, 250);
  // Money ÷ money is a ratio.
  ASSERT_TRUE(NumericArith(ArithOp::kDiv, TypeId::kMoney, 100, TypeId::kMoney, 300, TypeId::kDecimal, &result));
  EXPECT_EQ(result, 333333);
  EXPECT_FALSE(NumericArith(ArithOp::kDiv, TypeId::kInt, 1, TypeId::kInt, 0, TypeId::kDecimal, &result));
  EXPECT_FALSE(NumericArith(ArithOp::kMul, TypeId::kInt, INT64_MAX, TypeId::kInt, 2, TypeId::kInt, &result));
  EXPECT_EQ(NumericResultType(ArithOp::kMul, TypeId::kMoney, TypeId::kMoney), std::nullopt);
  EXPECT_EQ(NumericResultType(ArithOp::kDiv, TypeId::kInt, TypeId::kInt), TypeId::kDecimal);
}

TEST(ScalarOpsTest, ComparesAmountsAcrossTypes) {
  EXPECT_EQ(CompareNumeric(TypeId::kMoney, 1000000, TypeId::kInt, 10000), 0);       // 10,000 元
  EXPECT_EQ(CompareNumeric(TypeId::kDecimal, 499900000, TypeId::kInt, 500), -1);    // 499.9 < 500
  EXPECT_EQ(CompareNumeric(TypeId::kMoney, 1, TypeId::kDecimal, 10000), 0);         // 0.01 元
}

TEST(ScalarOpsTest, MeansAndMedians) {
  std::vector<int64_t> fen = {400000, 400100, 500000};
  int64_t result;
  ASSERT_TRUE(MeanOf(fen, TypeId::kMoney, TypeId::kMoney, &result));
  EXPECT_EQ(result, 433367);  // 4333.666… 元 → 4333.67
  std::vector<int64_t> ints = {1, 2};
  ASSERT_TRUE(MeanOf(ints, TypeId::kInt, TypeId::kDecimal, &result));
  EXPECT_EQ(result, 1500000);
  ASSERT_TRUE(MedianOf(ints, TypeId::kInt, TypeId::kDecimal, false, &result));
  EXPECT_EQ(result, 1500000);
  std::vector<int64_t> days = {10, 30, 20, 40};
  ASSERT_TRUE(MedianOf(days, TypeId::kDate, TypeId::kDate, true, &result));
  EXPECT_EQ(result, 20);  // dates: the earlier middle value
}

TEST(StringFunctionsTest, CodePointsAndCalendar) {
  EXPECT_EQ(CodePointLength("十堰市"), 3);
  EXPECT_EQ(SubstringByCodePoints("十堰市郧阳区", 4, 2), "郧阳");
  EXPECT_EQ(SubstringByCodePoints("十堰市", 0, 2), "十");  // positions before 1 count
  EXPECT_EQ(SubstringByCodePoints("十堰市", 9, std::nullopt), "");
  EXPECT_EQ(ReplaceAll("有限责任公司", "责任", ""), "有限公司");
  EXPECT_EQ(MonthsBetween(TypeId::kDate, Day(2023, 1, 15), Day(2023, 2, 14)), 0);
  EXPECT_EQ(MonthsBetween(TypeId::kDate, Day(2023, 1, 15), Day(2023, 2, 15)), 1);
  EXPECT_EQ(MonthsBetween(TypeId::kDate, Day(2023, 1, 31), Day(2023, 2, 28)), 1);
  EXPECT_EQ(MonthsBetween(TypeId::kDate, Day(2023, 3, 1), Day(2023, 1, 31)), -1);
  EXPECT_EQ(YearOf(TypeId::kPeriod, 2023 * 12 + 11), 2023);
  EXPECT_EQ(MonthOf(TypeId::kPeriod, 2023 * 12 + 11), 12);
  EXPECT_EQ(MakeDate(2023, 2, 29), std::nullopt);
}

TEST(WindowBoundsTest, InclusiveExclusiveAndMonths) {
  WindowSpecValues window;
  window.lower = 0;
  window.upper = 365;
  int64_t lo, hi;
  WindowRange(window, Day(2022, 3, 1), &lo, &hi);
  EXPECT_EQ(lo, Day(2022, 3, 1));
  EXPECT_EQ(hi, Day(2023, 3, 1));
  window.lower_inclusive = false;
  window.upper_inclusive = false;
  WindowRange(window, Day(2022, 3, 1), &lo, &hi);
  EXPECT_EQ(lo, Day(2022, 3, 2));
  EXPECT_EQ(hi, Day(2023, 2, 28));
  WindowSpecValues months;
  months.unit = WindowSpecValues::Unit::kMonths;
  months.lower = -24;
  months.upper = 0;
  months.upper_inclusive = false;
  WindowRange(months, Day(2024, 2, 29), &lo, &hi);
  EXPECT_EQ(lo, Day(2022, 2, 28));  // 29 February less two years: the last day of February
  EXPECT_EQ(hi, Day(2024, 2, 28));
  WindowSpecValues open;
  open.lower = 0;
  WindowRange(open, 100, &lo, &hi);
  EXPECT_EQ(lo, 100);
  EXPECT_EQ(hi, INT64_MAX);
}

TEST(ValueTest, FormsForStorageAndTitles) {
  EXPECT_EQ(FormatScalar(TypeId::kMoney, 123450), "1234.5");
  EXPECT_EQ(FormatScalarForTitle(TypeId::kMoney, 1200000), "12,000元");
  EXPECT_EQ(FormatScalarForTitle(TypeId::kMoney, 123450), "1,234.5元");
  EXPECT_EQ(FormatScalarForTitle(TypeId::kDate, Day(2023, 2, 16)), "2023年2月16日");
  EXPECT_EQ(FormatScalar(TypeId::kPeriod, 2023 * 12 + 1), "2023-02");
  EXPECT_EQ(FormatScalar(TypeId::kBool, 1), "是");
  EXPECT_EQ(*ParseScalar(TypeId::kDate, "2023年2月16日"), Day(2023, 2, 16));
  EXPECT_EQ(*ParseScalar(TypeId::kMoney, "1.5万"), 1500000);
  EXPECT_EQ(*ParseScalar(TypeId::kDecimal, "0.9"), 900000);
  EXPECT_FALSE(ParseScalar(TypeId::kInt, "1.5").ok());
  EXPECT_FALSE(ParseScalar(TypeId::kBool, "也许").ok());
}

}  // namespace
}  // namespace shujian::engine
