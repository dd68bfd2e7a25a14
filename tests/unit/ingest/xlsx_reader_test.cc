// Tests of the XLSX reader on workbooks written by libxlsxwriter (as Excel writes them: shared
// strings, numbers as doubles, dates as serials in date formats) and on packages built by hand
// for what other writers do (inline strings, phonetic runs, 1904 dates, absolute targets,
// prefixed namespaces, missing cell references, error values).
#include "ingest/xlsx_reader.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "ingest/input_file.h"
#include "test_files.h"

namespace shujian::ingest {
namespace {

using testing_support::HandXlsx;
using testing_support::TempDir;

struct Row {
  int64_t line;
  std::vector<std::pair<std::string, CellKind>> cells;
  std::string problem;
};

std::vector<Row> ReadSheet(const std::string& path, const std::string& sheet = "", std::string* name = nullptr) {
  auto reader = XlsxReader::OpenFile(path, {sheet});
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return {};
  if (name) *name = (*reader)->sheet();
  std::vector<Row> rows;
  Record record;
  while (true) {
    Result<bool> more = (*reader)->Next(&record);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    Row row{record.line, {}, record.problem};
    for (const Cell& cell : record.cells) row.cells.emplace_back(std::string(cell.text), cell.kind);
    rows.push_back(row);
  }
  EXPECT_GT((*reader)->bytes_total(), 0);
  EXPECT_EQ((*reader)->bytes_consumed(), (*reader)->bytes_total());
  return rows;
}

TEST(XlsxReaderTest, WhatExcelStores) {
  TempDir dir;
  const std::string path = dir.File("excel.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "案件");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* date_time = workbook_add_format(workbook);
  format_set_num_format(date_time, "yyyy-mm-dd hh:mm");
  lxw_format* percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0%");
  worksheet_write_string(sheet, 0, 0, "身份证号", nullptr);
  worksheet_write_string(sheet, 0, 1, "立案日期", nullptr);
  worksheet_write_string(sheet, 0, 3, "金额", nullptr);
  worksheet_write_number(sheet, 1, 0, 420304198001012510.0, nullptr);  // the ID trap
  lxw_datetime day = {2023, 2, 16, 0, 0, 0};
  worksheet_write_datetime(sheet, 1, 1, &day, date);
  lxw_datetime moment = {2023, 6, 1, 8, 30, 0};
  worksheet_write_datetime(sheet, 1, 2, &moment, date_time);
  worksheet_write_number(sheet, 1, 3, 12000.5, nullptr);
  worksheet_write_number(sheet, 1, 4, 0.5, percent);
  worksheet_write_boolean(sheet, 1, 5, 1, nullptr);
  worksheet_write_formula_num(sheet, 1, 6, "=D2*2", nullptr, 24001);
  worksheet_write_formula_str(sheet, 1, 7, "=\"甲\"&\"乙\"", nullptr, "甲乙");
  worksheet_write_string(sheet, 4, 0, "第5行", nullptr);  // rows 3 and 4 are empty
  lxw_worksheet* second = workbook_add_worksheet(workbook, "第二页");
  worksheet_write_string(second, 0, 0, "只在第二页", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  std::string name;
  std::vector<Row> rows = ReadSheet(path, "", &name);
  EXPECT_EQ(name, "案件");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[0].cells[0].first, "身份证号");
  EXPECT_EQ(rows[0].cells[2].first, "");  // a gap keeps the columns in place
  EXPECT_EQ(rows[0].cells[3].first, "金额");
  const auto& cells = rows[1].cells;
  ASSERT_EQ(cells.size(), 8u);
  EXPECT_EQ(cells[0].second, CellKind::kNumber);
  EXPECT_NE(cells[0].first, "420304198001012510") << "a double cannot hold 18 digits";
  EXPECT_EQ(cells[1], std::make_pair(std::string("2023-02-16"), CellKind::kDate));
  EXPECT_EQ(cells[2], std::make_pair(std::string("2023-06-01 08:30:00"), CellKind::kDateTime));
  EXPECT_EQ(cells[3], std::make_pair(std::string("12000.5"), CellKind::kNumber));
  EXPECT_EQ(cells[4], std::make_pair(std::string("50"), CellKind::kNumber));
  EXPECT_EQ(cells[5], std::make_pair(std::string("TRUE"), CellKind::kBool));
  EXPECT_EQ(cells[6].first, "24001");
  EXPECT_EQ(cells[7], std::make_pair(std::string("甲乙"), CellKind::kText));
  EXPECT_EQ(rows[2].line, 5);

  rows = ReadSheet(path, "第二页", &name);
  EXPECT_EQ(name, "第二页");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].cells[0].first, "只在第二页");

  auto missing = XlsxReader::OpenFile(path, {"第三页"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("案件、第二页"), std::string::npos) << missing.status().message();
}

TEST(XlsxReaderTest, ConstantMemoryWorkbooksUseInlineStrings) {
  TempDir dir;
  const std::string path = dir.File("inline.xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  for (int row = 0; row < 3000; ++row) {
    worksheet_write_string(sheet, row, 0, ("名称" + std::to_string(row)).c_str(), nullptr);
    worksheet_write_number(sheet, row, 1, row, nullptr);
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  std::vector<Row> rows = ReadSheet(path);
  ASSERT_EQ(rows.size(), 3000u);
  EXPECT_EQ(rows[2999].cells[0].first, "名称2999");
  EXPECT_EQ(rows[2999].cells[1].first, "2999");
  EXPECT_EQ(rows[2999].line, 3000);
}

TEST(XlsxReaderTest, WhatOtherWritersPutInThePackage) {
  TempDir dir;
  HandXlsx book;
  book.date1904 = true;
  book.absolute_targets = true;
  book.cell_formats = {0, 14, 176, 49};
  book.custom_formats = {{176, "[$-804]yyyy\"年\"m\"月\";@"}};
  book.shared_strings = {
      "<t>姓名</t>",
      // Rich text runs are joined; the phonetic guide (rPh) is not part of the value.
      "<r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb=\"0\" eb=\"1\"><t>ZHANG</t></rPh>",
      "<t xml:space=\"preserve\"> 行一_x000D_\n行二 </t>",
  };
  book.sheets = {{"数据",
                  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>日期</t></is></c></row>"
                  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>0</v></c>"
                  "<c r=\"C2\" s=\"2\"><v>43497</v></c><c r=\"D2\" t=\"e\"><v>#N/A</v></c></row>"
                  "<row><c t=\"s\"><v>2</v></c><c t=\"d\"><v>2023-02-16T00:00:00</v></c><c s=\"3\"><v>42</v></c></row>"
                  "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>99</v></c></row>"}};
  const std::string path = dir.File("hand.xlsx");
  book.Write(path);
  std::vector<Row> rows = ReadSheet(path);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].cells[1].first, "日期");
  EXPECT_EQ(rows[1].cells[0].first, "张三");
  EXPECT_EQ(rows[1].cells[1], std::make_pair(std::string("1904-01-01"), CellKind::kDate)) << "1904 date system";
  EXPECT_EQ(rows[1].cells[2].first, "2023-02-02");  // 43497 + 1462 days, custom CJK date format
  EXPECT_EQ(rows[1].cells[3], std::make_pair(std::string("#N/A"), CellKind::kError));
  EXPECT_EQ(rows[2].line, 3) << "a row without r follows the previous one";
  EXPECT_EQ(rows[2].cells[0].first, " 行一\r\n行二 ");
  EXPECT_EQ(rows[2].cells[1].first, "2023-02-16T00:00:00");
  EXPECT_EQ(rows[2].cells[2], std::make_pair(std::string("42"), CellKind::kNumber));
  EXPECT_EQ(rows[3].line, 5);
  EXPECT_NE(rows[3].problem.find("共享字符串"), std::string::npos);
}

TEST(XlsxReaderTest, PrefixedNamespacesAreRead) {
  TempDir dir;
  const std::string path = dir.File("prefixed.xlsx");
  testing_support::WriteZip(
      path,
      {{"xl/workbook.xml",
        R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>)"},
       {"xl/_rels/workbook.xml.rels",
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)"},
       {"xl/worksheets/sheet1.xml",
        R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>值</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)"}});
  std::vector<Row> rows = ReadSheet(path);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].cells.size(), 2u);
  EXPECT_EQ(rows[0].cells[1].first, "值");
}

TEST(XlsxReaderTest, FilesThatAreNotXlsxAreRefusedWithWhatToDo) {
  TempDir dir;
  testing_support::WriteBytes(dir.File("old.xls"), std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest");
  testing_support::WriteBytes(dir.File("page.xls"), "<html><table><tr><td>1</td></tr></table></html>");
  testing_support::WriteBytes(dir.File("broken.xlsx"), "PK\x03\x04 not really a zip");
  testing_support::WriteZip(dir.File("empty.xlsx"), {{"hello.txt", "hi"}});
  testing_support::WriteZip(dir.File("doctype.xlsx"),
                            {{"xl/workbook.xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><workbook>&a;</workbook>"}});
  FileFormat format;
  for (const char* name : {"old.xls", "page.xls", "broken.xlsx", "empty.xlsx", "doctype.xlsx"}) {
    auto reader = OpenRecordReader(dir.File(name), {}, &format);
    ASSERT_FALSE(reader.ok()) << name;
    EXPECT_EQ(reader.status().code(), StatusCode::kInvalidArgument) << name;
    EXPECT_NE(reader.status().message().find(name), std::string::npos) << reader.status().message();
  }
  auto old = OpenRecordReader(dir.File("old.xls"), {}, &format);
  EXPECT_NE(old.status().message().find("另存为.xlsx"), std::string::npos);
  auto page = OpenRecordReader(dir.File("page.xls"), {}, &format);
  EXPECT_NE(page.status().message().find("网页"), std::string::npos);
  EXPECT_EQ(OpenRecordReader(dir.File("absent.xlsx"), {}, &format).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace shujian::ingest
