// Tests of the CSV reader: encodings as agencies' files come (UTF-8 with and without BOM,
// GBK/GB18030, UTF-16 from Excel), RFC 4180 quoting, line endings, record numbers, and rows
// that cannot be read, at every chunk boundary.
#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include "test_files.h"

namespace shujian::ingest {
namespace {

using testing_support::ToGb18030;

struct Row {
  int64_t line;
  std::vector<std::string> cells;
  std::string problem;
  bool operator==(const Row& other) const = default;
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
  out << row.line << ":";
  for (const std::string& cell : row.cells) out << "[" << cell << "]";
  if (!row.problem.empty()) out << " problem=" << row.problem;
  return out;
}

// Every record of `bytes`, read with chunks of `chunk` bytes.
std::vector<Row> ReadAll(const std::string& bytes, size_t chunk = 1 << 20, std::string* encoding = nullptr,
                         char* delimiter = nullptr) {
  CsvReader::Options options;
  options.chunk_bytes = chunk;
  auto reader = CsvReader::Open(ByteSource::FromMemory(bytes, "t.csv"), options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return {};
  std::vector<Row> rows;
  Record record;
  while (true) {
    Result<bool> more = (*reader)->Next(&record);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    Row row{record.line, {}, record.problem};
    for (const Cell& cell : record.cells) row.cells.emplace_back(cell.text);
    rows.push_back(row);
  }
  if (encoding) *encoding = (*reader)->encoding();
  if (delimiter) *delimiter = (*reader)->delimiter();
  EXPECT_EQ((*reader)->Sha256Hex().size(), 64u);
  return rows;
}

TEST(CsvReaderTest, Rfc4180QuotingAndLineEndings) {
  const std::string csv =
      "案件编号,违法事实,当事人\r\n"
      "A-1,\"在禁渔期\r\n使用电鱼\",\"张三\"\r\n"
      "A-2,\"他说\"\"不知道\"\"\",李四\n"
      "A-3,,\"\"\r"
      "A-4,\"a,b\",王五";
  std::vector<Row> expected = {
      {1, {"案件编号", "违法事实", "当事人"}, ""},
      {2, {"A-1", "在禁渔期\r\n使用电鱼", "张三"}, ""},
      {3, {"A-2", "他说\"不知道\"", "李四"}, ""},
      {4, {"A-3", "", ""}, ""},
      {5, {"A-4", "a,b", "王五"}, ""},
  };
  // The same records whatever the chunk size: every boundary is crossed somewhere.
  for (size_t chunk : {size_t{1} << 20, size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{7}, size_t{64}}) {
    EXPECT_EQ(ReadAll(csv, chunk), expected) << "chunk " << chunk;
  }
}

TEST(CsvReaderTest, QuotesInsideAndAfterValuesAreKeptAsExcelReadsThem) {
  std::vector<Row> rows = ReadAll("a,b\nab\"c,\"x\"y\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"ab\"c", "xy"}));
}

TEST(CsvReaderTest, AQuoteLeftOpenIsAProblemOfTheLastRecord) {
  std::vector<Row> rows = ReadAll("a,b\n1,\"open\n2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_NE(rows[1].problem.find("引号不配对"), std::string::npos);
  EXPECT_EQ(rows[1].cells[1], "open\n2,3\n");
}

TEST(CsvReaderTest, EncodingsAreDetected) {
  const std::string text = "身份证号,姓名\n420304198001012510,张三\n";
  std::string encoding;
  EXPECT_EQ(ReadAll("\xEF\xBB\xBF" + text, 1 << 20, &encoding)[0].cells[0], "身份证号");
  EXPECT_EQ(encoding, "UTF-8");
  EXPECT_EQ(ReadAll(text, 1 << 20, &encoding)[1].cells[1], "张三");
  EXPECT_EQ(encoding, "UTF-8");
  std::vector<Row> gbk = ReadAll(ToGb18030(text), 1 << 20, &encoding);
  EXPECT_EQ(encoding, "GB18030");
  ASSERT_EQ(gbk.size(), 2u);
  EXPECT_EQ(gbk[0].cells, (std::vector<std::string>{"身份证号", "姓名"}));
  EXPECT_EQ(gbk[1].cells[1], "张三");
  // GB18030 four-byte characters (outside GBK) and rare names.
  std::vector<Row> rare = ReadAll(ToGb18030("姓名\n𠀀龘\n"), 3, &encoding);
  EXPECT_EQ(rare[1].cells[0], "𠀀龘");
}

TEST(CsvReaderTest, Utf16FromExcelUnicodeText) {
  const std::u16string text = u"身份证号\t姓名\r\n420304198001012510\t张三\r\n";
  std::string le = "\xFF\xFE";
  for (char16_t unit : text) {
    le.push_back(static_cast<char>(unit & 0xFF));
    le.push_back(static_cast<char>(unit >> 8));
  }
  std::string encoding;
  char delimiter = 0;
  std::vector<Row> rows = ReadAll(le, 5, &encoding, &delimiter);
  EXPECT_EQ(encoding, "UTF-16LE");
  EXPECT_EQ(delimiter, '\t');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"420304198001012510", "张三"}));
}

TEST(CsvReaderTest, AnAsciiStartDecidesTheEncodingAtTheFirstChineseRow) {
  std::string csv = "a,b\n";
  for (int row = 0; row < 200; ++row) csv += "1,2\n";
  csv += ToGb18030("3,张三\n");
  std::string encoding;
  std::vector<Row> rows = ReadAll(csv, 64, &encoding);
  EXPECT_EQ(encoding, "GB18030");
  EXPECT_EQ(rows.back().cells[1], "张三");
  EXPECT_TRUE(rows.back().problem.empty());
}

TEST(CsvReaderTest, BytesThatDoNotFitTheEncodingMakeThatRowAProblem) {
  std::string csv = "姓名,备注\n张三,1\n" + ToGb18030("李四") + ",2\n王五,3\n";
  std::vector<Row> rows = ReadAll(csv);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[1].problem.empty());
  EXPECT_NE(rows[2].problem.find("UTF-8"), std::string::npos) << rows[2];
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_TRUE(rows[3].problem.empty());
  EXPECT_EQ(rows[3].cells[0], "王五");

  std::string gbk = ToGb18030("姓名,备注\n张三,1\n") + "\x81\x20,2\n";
  rows = ReadAll(gbk);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_NE(rows[2].problem.find("GB18030"), std::string::npos) << rows[2];
}

TEST(CsvReaderTest, DelimiterFromTheHeader) {
  char delimiter = 0;
  std::vector<Row> rows = ReadAll("a;b;\"c;d\"\n1;2;3\n", 1 << 20, nullptr, &delimiter);
  EXPECT_EQ(delimiter, ';');
  EXPECT_EQ(rows[0].cells.size(), 3u);
  ReadAll("a\tb\tc,d\n", 1 << 20, nullptr, &delimiter);
  EXPECT_EQ(delimiter, '\t');
  ReadAll("only\n1\n", 1 << 20, nullptr, &delimiter);
  EXPECT_EQ(delimiter, ',');
}

TEST(CsvReaderTest, EmptyLinesAreRecordsAndEmptyFilesHaveNone) {
  std::vector<Row> rows = ReadAll("a,b\n\n1,2\n\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].cells, std::vector<std::string>{""});
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_TRUE(ReadAll("").empty());
  EXPECT_TRUE(ReadAll("\xEF\xBB\xBF").empty());
}

TEST(CsvReaderTest, ARecordBeyondTheLimitRefusesTheFile) {
  CsvReader::Options options;
  options.chunk_bytes = 16;
  options.max_record_bytes = 64;
  std::string csv = "a,b\n\"" + std::string(200, 'x');
  auto reader = CsvReader::Open(ByteSource::FromMemory(csv, "big.csv"), options);
  ASSERT_TRUE(reader.ok());
  Record record;
  ASSERT_TRUE((*reader)->Next(&record).value());
  Result<bool> next = (*reader)->Next(&record);
  ASSERT_FALSE(next.ok());
  EXPECT_NE(next.status().message().find("big.csv"), std::string::npos);
  EXPECT_NE(next.status().message().find("第2行"), std::string::npos) << next.status().message();
}

}  // namespace
}  // namespace shujian::ingest
