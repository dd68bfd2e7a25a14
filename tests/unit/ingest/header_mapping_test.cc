// Tests of header mapping: Chinese headers, names and aliases; decorations of required
// columns; extra columns kept; files refused for a missing required column or two headers
// for one column, naming the file and the column.
#include "ingest/header_mapping.h"

#include <gtest/gtest.h>

namespace shujian::ingest {
namespace {

const data::DatasetSchema& Schema(const char* name) { return *data::SchemaRegistry::Shipped().Find(name); }

TEST(HeaderMappingTest, HeadersAliasesAndExtras) {
  const data::DatasetSchema& schema = Schema("social_insurance");
  std::vector<std::string> headers = {"*单位统一社会信用代码", " 公民身份号码 ", "姓名（必填）", "费款所属期",
                                      "备注", "", "备注", "WAGE"};
  Result<HeaderMapping> mapping = HeaderMapping::Build(schema, headers, "社保.csv");
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  EXPECT_EQ(mapping->source_of_column(0), 0);
  EXPECT_EQ(mapping->source_of_column(1), 1);
  EXPECT_EQ(mapping->source_of_column(3), 3);
  EXPECT_EQ(mapping->source_of_column(4), 7) << "the canonical name, in any case";
  EXPECT_EQ(mapping->column_of_source(4), -1);
  EXPECT_EQ(mapping->header(4), "备注");
  EXPECT_EQ(mapping->header(5), "第6列");
  EXPECT_EQ(mapping->header(6), "备注（2）") << "a repeated extra header is numbered, not lost";
  EXPECT_EQ(mapping->HeaderOfColumn(1), "公民身份号码");
  EXPECT_EQ(mapping->mapped_columns(), 5u);
}

TEST(HeaderMappingTest, AMissingRequiredColumnRefusesTheFile) {
  const data::DatasetSchema& schema = Schema("admin_case");
  std::vector<std::string> headers = {"案件编号", "执法机关", "当事人类型", "当事人", "证件号码", "违法类型",
                                      "处罚决定日期", "是否移送公安"};
  Result<HeaderMapping> mapping = HeaderMapping::Build(schema, headers, "农业局.xlsx");
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.status().code(), StatusCode::kInvalidArgument);
  const std::string& message = mapping.status().message();
  EXPECT_NE(message.find("农业局.xlsx"), std::string::npos) << message;
  EXPECT_NE(message.find("执法机关代码"), std::string::npos) << message;
  EXPECT_EQ(message.find("移送日期"), std::string::npos) << "a conditional column is not required of the file";
  headers.push_back("执法机关统一社会信用代码");
  EXPECT_TRUE(HeaderMapping::Build(schema, headers, "农业局.xlsx").ok());
}

TEST(HeaderMappingTest, TwoHeadersForOneColumnRefuseTheFile) {
  const data::DatasetSchema& schema = Schema("death_record");
  Result<HeaderMapping> mapping =
      HeaderMapping::Build(schema, std::vector<std::string>{"身份证号", "姓名", "死亡日期", "公民身份号码"}, "x.csv");
  ASSERT_FALSE(mapping.ok());
  EXPECT_NE(mapping.status().message().find("「身份证号」和「公民身份号码」"), std::string::npos)
      << mapping.status().message();
}

TEST(HeaderMappingTest, ExtendMapsHeadersThatAppearLater) {
  const data::DatasetSchema& schema = Schema("death_record");
  std::vector<std::string> headers = {"身份证号", "姓名", "死亡日期"};
  HeaderMapping mapping = HeaderMapping::Build(schema, headers, "x.jsonl").value();
  headers.push_back("来源");
  ASSERT_TRUE(mapping.Extend(headers).ok());
  EXPECT_EQ(mapping.source_count(), 4u);
  EXPECT_EQ(mapping.column_of_source(3), -1);
  headers.push_back("id_card_number");  // not an alias: an extra
  headers.push_back("person_id");       // the canonical name of a column already mapped
  EXPECT_FALSE(mapping.Extend(headers).ok());
}

}  // namespace
}  // namespace shujian::ingest
