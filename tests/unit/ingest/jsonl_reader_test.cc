// Tests of the JSON Lines reader: the header from the keys, values of every JSON type, lines
// that are not objects.
#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

namespace shujian::ingest {
namespace {

TEST(JsonLinesReaderTest, KeysMakeTheHeaderAndValuesKeepTheirKind) {
  const std::string text =
      "\xEF\xBB\xBF{\"案件编号\": \"A-1\", \"涉案数量\": 860, \"是否移送公安\": false}\r\n"
      "\n"
      "{\"案件编号\": \"A-2\", \"备注\": {\"x\": 1}, \"涉案数量\": null, \"证件号码\": 4.20304198001012e17}\n"
      "[1, 2]\n"
      "{broken\n"
      "{\"案件编号\": \"A-3\"}";
  auto reader = JsonLinesReader::Open(ByteSource::FromMemory(text, "t.jsonl"));
  ASSERT_TRUE(reader.ok());
  Record record;
  ASSERT_TRUE((*reader)->Next(&record).value());
  EXPECT_EQ(record.line, 1);
  EXPECT_EQ((*reader)->header(), (std::vector<std::string>{"案件编号", "涉案数量", "是否移送公安"}));
  ASSERT_EQ(record.cells.size(), 3u);
  EXPECT_EQ(record.cells[1].text, "860");
  EXPECT_EQ(record.cells[1].kind, CellKind::kNumber);
  EXPECT_EQ(record.cells[2].text, "FALSE");
  EXPECT_EQ(record.cells[2].kind, CellKind::kBool);

  ASSERT_TRUE((*reader)->Next(&record).value());
  EXPECT_EQ(record.line, 3) << "blank lines are skipped but counted";
  EXPECT_EQ((*reader)->header().size(), 5u);
  ASSERT_EQ(record.cells.size(), 5u);
  EXPECT_EQ(record.cells[0].text, "A-2");
  EXPECT_EQ(record.cells[1].text, "");  // null
  EXPECT_EQ(record.cells[3].text, "{\"x\":1}");
  EXPECT_EQ(record.cells[4].kind, CellKind::kNumber);

  ASSERT_TRUE((*reader)->Next(&record).value());
  EXPECT_EQ(record.line, 4);
  EXPECT_NE(record.problem.find("不是一个对象"), std::string::npos);
  ASSERT_TRUE((*reader)->Next(&record).value());
  EXPECT_NE(record.problem.find("不是有效的JSON"), std::string::npos);
  ASSERT_TRUE((*reader)->Next(&record).value());
  EXPECT_EQ(record.line, 6);
  EXPECT_EQ(record.cells[0].text, "A-3");
  EXPECT_FALSE((*reader)->Next(&record).value());
  EXPECT_EQ((*reader)->Sha256Hex().size(), 64u);
}

}  // namespace
}  // namespace shujian::ingest
