#include "core/region_codes.h"

#include <gtest/gtest.h>

namespace shujian {
namespace {

TEST(RegionCodesTest, ShippedTableHasEveryLevel) {
  const RegionTable& table = RegionTable::Shipped();
  EXPECT_GT(table.size(), 3000u);
  EXPECT_EQ(table.FullName(420000), "湖北省");
  EXPECT_EQ(table.FullName(420300), "湖北省十堰市");
  EXPECT_EQ(table.FullName(420304), "湖北省十堰市郧阳区");
  EXPECT_EQ(table.FullName(420381), "湖北省十堰市丹江口市");
  EXPECT_EQ(table.FullName(110101), "北京市东城区");      // 市辖区 omitted
  EXPECT_EQ(table.FullName(429004), "湖北省仙桃市");      // 省直辖县级行政区划 omitted
  EXPECT_EQ(table.FullName(420399), "湖北省十堰市");      // unknown county: known prefix
  EXPECT_EQ(table.FullName(990000), "");
  EXPECT_TRUE(table.HasProvince(420304));
  EXPECT_FALSE(table.HasProvince(990304));
}

TEST(RegionCodesTest, TheEightBasicProcuratoratesOfShiyan) {
  // shared/domain/rules.md §5.3.
  const RegionTable& table = RegionTable::Shipped();
  const std::pair<int, const char*> expected[] = {
      {420302, "茅箭区"}, {420303, "张湾区"}, {420304, "郧阳区"}, {420322, "郧西县"},
      {420323, "竹山县"}, {420324, "竹溪县"}, {420325, "房县"},   {420381, "丹江口市"}};
  for (const auto& [code, name] : expected) {
    const RegionEntry* entry = table.Find(code);
    ASSERT_NE(entry, nullptr) << code;
    EXPECT_EQ(entry->name, name);
    EXPECT_EQ(entry->status, RegionStatus::kCurrent);
  }
}

TEST(RegionCodesTest, SupplementCodes) {
  const RegionTable& table = RegionTable::Shipped();
  ASSERT_NE(table.Find(810000), nullptr);
  EXPECT_EQ(table.Find(810000)->status, RegionStatus::kPermit);
  ASSERT_NE(table.Find(420321), nullptr);
  EXPECT_EQ(table.Find(420321)->status, RegionStatus::kHistorical);
  EXPECT_TRUE(table.HasProvince(710000));
}

TEST(RegionCodesTest, ParseReportsTheBadLine) {
  Result<RegionTable> table = RegionTable::Parse("# c\ncode,name\n420304,郧阳区\n42030,短\n", "t.csv");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().message(), "t.csv 第4行：应为「六位代码,名称」，实际为「42030,短」");
  EXPECT_FALSE(RegionTable::Parse("code,name,status\n420304,郧阳区,gone\n", "t.csv").ok());
  Result<RegionTable> ok = RegionTable::Parse("code,name\r\n420000,湖北省\r\n420304,郧阳区,current,\r\n", "t.csv");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->FullName(420304), "湖北省郧阳区");
}

}  // namespace
}  // namespace shujian
