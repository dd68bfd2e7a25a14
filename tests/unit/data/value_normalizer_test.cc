#include "data/value_normalizer.h"

#include <gtest/gtest.h>

#include <vector>

#include "data/logical_type.h"

namespace shujian::data {
namespace {

NormalizeContext Context(const std::vector<std::string>* enum_values = nullptr) {
  NormalizeContext context;
  context.today = *Date::FromYmd(2026, 11, 30);
  if (enum_values) context.enum_values = *enum_values;
  return context;
}

std::string Stored(LogicalType type, std::string_view raw) {
  Result<NormalizedValue> value = NormalizeValue(type, raw, Context());
  return value.ok() ? value->stored : "error: " + value.status().message();
}

TEST(LogicalTypeTest, NamesRoundTrip) {
  for (const char* name : {"text", "int", "decimal", "money", "date", "datetime", "period", "bool",
                           "enum", "id_card", "uscc", "party_id", "plate", "case_no",
                           "region_code"}) {
    std::optional<LogicalType> type = ParseLogicalType(name);
    ASSERT_TRUE(type.has_value()) << name;
    EXPECT_EQ(LogicalTypeName(*type), name);
    EXPECT_FALSE(LogicalTypeLabel(*type).empty());
  }
  EXPECT_FALSE(ParseLogicalType("float").has_value());
}

TEST(ValueNormalizerTest, EachType) {
  EXPECT_EQ(Stored(LogicalType::kText, "　张三ＡＢ "), "张三AB");
  // Free text keeps the full-width punctuation of Chinese as the agency wrote it.
  EXPECT_EQ(Stored(LogicalType::kText, "十堰市某某物流有限公司（郧阳），罚款１０００元"),
            "十堰市某某物流有限公司（郧阳），罚款1000元");
  EXPECT_EQ(Stored(LogicalType::kInteger, "1,200"), "1200");
  EXPECT_EQ(Stored(LogicalType::kInteger, "12.0"), "12");
  EXPECT_EQ(Stored(LogicalType::kInteger, "12.5"), "error: 「12.5」应为整数");
  EXPECT_EQ(Stored(LogicalType::kDecimal, "860.50"), "860.5");
  EXPECT_EQ(Stored(LogicalType::kMoney, "￥12,000.50"), "12000.5");
  EXPECT_EQ(Stored(LogicalType::kDate, "2023年2月16日"), "2023-02-16");
  EXPECT_EQ(Stored(LogicalType::kDateTime, "2023/2/16 8:05"), "2023-02-16T08:05:00");
  EXPECT_EQ(Stored(LogicalType::kPeriod, "2023年2月"), "2023-02");
  EXPECT_EQ(Stored(LogicalType::kBool, "是"), "是");
  EXPECT_EQ(Stored(LogicalType::kBool, "N"), "否");
  EXPECT_EQ(Stored(LogicalType::kBool, "true"), "是");
  EXPECT_EQ(Stored(LogicalType::kBool, "0"), "否");
  EXPECT_EQ(Stored(LogicalType::kBool, "也许"), "error: 「也许」应为是或否（也可写Y/N、1/0）");
  EXPECT_EQ(Stored(LogicalType::kIdCard, "420304800101251"), "420304198001012510");
  EXPECT_EQ(Stored(LogicalType::kIdCard, "420304198001011236"), "error: 校验位错误，应为5");
  EXPECT_EQ(Stored(LogicalType::kUscc, "91350100m000100y43"), "91350100M000100Y43");
  EXPECT_EQ(Stored(LogicalType::kPlate, "鄂C·12345"), "鄂C12345");
  EXPECT_EQ(Stored(LogicalType::kCaseNo, " 郧农（渔）罚〔2023〕15号 "), "郧农（渔）罚〔2023〕15号");
  EXPECT_EQ(Stored(LogicalType::kRegionCode, "420304"), "420304");
  EXPECT_EQ(Stored(LogicalType::kRegionCode, "4203"), "error: 行政区划代码应为6位数字，实际为「4203」");
  EXPECT_EQ(Stored(LogicalType::kRegionCode, "990304"), "error: 行政区划代码990304的省级代码不存在");
}

TEST(ValueNormalizerTest, MatchKeysAndWarnings) {
  Result<NormalizedValue> case_no =
      NormalizeValue(LogicalType::kCaseNo, "郧农（渔）罚〔2023〕15号", Context());
  ASSERT_TRUE(case_no.ok());
  EXPECT_EQ(case_no->match_key, "郧农(渔)罚[2023]15号");
  Result<NormalizedValue> name = NormalizeValue(LogicalType::kText, "張 偉", Context());
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(name->stored, "張 偉");  // stored as given
  EXPECT_EQ(name->match_key, "张伟");
  Result<NormalizedValue> region = NormalizeValue(LogicalType::kRegionCode, "420399", Context());
  ASSERT_TRUE(region.ok());
  EXPECT_EQ(region->warnings.size(), 1u);
}

TEST(ValueNormalizerTest, Enums) {
  std::vector<std::string> values = {"个人", "单位"};
  EXPECT_EQ(NormalizeValue(LogicalType::kEnum, " 单位 ", Context(&values))->stored, "单位");
  EXPECT_EQ(NormalizeValue(LogicalType::kEnum, "公司", Context(&values)).status().message(),
            "「公司」不是可选值（可选：个人、单位）");
}

}  // namespace
}  // namespace shujian::data
