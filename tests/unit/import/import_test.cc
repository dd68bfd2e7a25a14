// End-to-end tests of import into a real SQLite store: every standard dataset from CSV (UTF-8
// and GB18030) and XLSX with the Chinese headers of the contract, counts that reconcile,
// rejects that name line, column and reason, re-imports that add nothing, changed rows that
// become new versions, and imports that fail half-way leaving nothing.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <map>

#include "cli/store_import_sink.h"
#include "core/date_parse.h"
#include "ingest/template_writer.h"
#include "test_files.h"

namespace shujian {
namespace {

using testing_support::TempDir;
using testing_support::ToGb18030;
using testing_support::ValidIdCard;
using testing_support::ValidUscc;
using testing_support::WriteBytes;

// A valid value of `column` for row `row`: the schema's example, varied for key columns so
// that every row has its own key.
std::string ValueFor(const data::DatasetSchema& schema, const data::ColumnSchema& column, int row) {
  bool key = std::find(schema.key.begin(), schema.key.end(), column.name) != schema.key.end();
  if (!key) return column.example;
  char digits[32];
  switch (column.type) {
    case data::LogicalType::kIdCard:
    case data::LogicalType::kPartyId:
      std::snprintf(digits, sizeof digits, "42030419800101%03d", row);
      return ValidIdCard(digits);
    case data::LogicalType::kUscc:
      std::snprintf(digits, sizeof digits, "%08d", 10000000 + row);
      return ValidUscc("91420300", digits);
    case data::LogicalType::kPlate:
      std::snprintf(digits, sizeof digits, "鄂C%05d", 10000 + row);
      return digits;
    case data::LogicalType::kDate:
      std::snprintf(digits, sizeof digits, "2023-01-%02d", row + 1);
      return digits;
    case data::LogicalType::kPeriod:
      std::snprintf(digits, sizeof digits, "2023-%02d", row % 12 + 1);
      return digits;
    case data::LogicalType::kInteger:
      return std::to_string(2015 + row);
    default:
      return column.example + "-" + std::to_string(row);
  }
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Rows of a dataset: `rows` valid ones, then one whose first required non-key column is empty.
std::vector<std::vector<std::string>> Table(const data::DatasetSchema& schema, int rows) {
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header;
  for (const data::ColumnSchema& column : schema.columns) header.push_back(column.header);
  table.push_back(header);
  for (int row = 0; row <= rows; ++row) {
    std::vector<std::string> values;
    for (const data::ColumnSchema& column : schema.columns) values.push_back(ValueFor(schema, column, row));
    table.push_back(values);
  }
  for (size_t column = 0; column < schema.columns.size(); ++column) {
    const data::ColumnSchema& spec = schema.columns[column];
    if (spec.required && std::find(schema.key.begin(), schema.key.end(), spec.name) == schema.key.end()) {
      table.back()[column] = "";
      break;
    }
  }
  return table;
}

std::string ToCsv(const std::vector<std::vector<std::string>>& table) {
  std::string csv;
  for (const auto& row : table) {
    for (size_t column = 0; column < row.size(); ++column) csv += (column ? "," : "") + CsvField(row[column]);
    csv += "\r\n";
  }
  return csv;
}

// The table as Excel would hold it: dates as serial numbers in date formats, amounts and
// counts as numbers, identifiers as text.
void WriteXlsx(const data::DatasetSchema& schema, const std::vector<std::vector<std::string>>& table,
               const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, schema.name.c_str());
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "yyyy/m/d");
  lxw_format* date_time = workbook_add_format(workbook);
  format_set_num_format(date_time, "yyyy-mm-dd hh:mm");
  for (size_t row = 0; row < table.size(); ++row) {
    for (size_t column = 0; column < table[row].size(); ++column) {
      const std::string& value = table[row][column];
      const lxw_row_t r = static_cast<lxw_row_t>(row);
      const lxw_col_t c = static_cast<lxw_col_t>(column);
      if (value.empty()) continue;
      const data::LogicalType type = schema.columns[column].type;
      if (row > 0 && (type == data::LogicalType::kDate || type == data::LogicalType::kDateTime)) {
        DateTime parsed = ParseDateTime(value).value();
        lxw_datetime cell = {parsed.date().year(), parsed.date().month(), parsed.date().day(),
                             parsed.hour(), parsed.minute(), static_cast<double>(parsed.second())};
        worksheet_write_datetime(sheet, r, c, &cell, type == data::LogicalType::kDate ? date : date_time);
        continue;
      }
      char* end = nullptr;
      double number = std::strtod(value.c_str(), &end);
      if (row > 0 && *end == '\0' &&
          (type == data::LogicalType::kMoney || type == data::LogicalType::kDecimal ||
           type == data::LogicalType::kInteger)) {
        worksheet_write_number(sheet, r, c, number, nullptr);
        continue;
      }
      worksheet_write_string(sheet, r, c, value.c_str(), nullptr);
    }
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::StoreOptions options;
    options.location = dir_.File("shujian.db");
    options.migrate_on_open = true;
    store_ = store::OpenStore(options).value();
  }

  Result<ingest::ImportReport> Import(const std::string& dataset, const std::vector<std::string>& files,
                                      const std::string& sheet = "") {
    ingest::ImportRequest request;
    request.dataset = dataset;
    request.files = files;
    request.sheet = sheet;
    request.today = clock_.Today();
    request.threads = 2;
    return cli::ImportIntoStore(*store_, data::SchemaRegistry::Shipped(), request, "测试单位", "tester", clock_,
                                nullptr);
  }

  int64_t CurrentRows(const std::string& dataset) {
    auto transaction = store_->Begin(store::TransactionMode::kRead).value();
    auto scan = transaction->datasets().ScanCurrentRows({dataset, {}}).value();
    store::RowBatch batch;
    int64_t rows = 0;
    while (scan->Next(&batch).value()) rows += static_cast<int64_t>(batch.rows);
    return rows;
  }

  std::vector<store::RejectRecord> Rejects(const std::string& batch, bool warnings = false) {
    auto transaction = store_->Begin(store::TransactionMode::kRead).value();
    return transaction->datasets().ListRejects(batch, {true, warnings, 0, 0}).value();
  }

  size_t Batches() {
    auto transaction = store_->Begin(store::TransactionMode::kRead).value();
    return transaction->datasets().ListBatches("", 0).value().size();
  }

  TempDir dir_;
  FixedClock clock_{*Date::FromYmd(2024, 6, 1)};
  std::unique_ptr<store::Store> store_;
};

TEST_F(ImportTest, EveryDatasetFromCsvGb18030AndXlsx) {
  constexpr int kRows = 6;
  for (const data::DatasetSchema* schema : data::SchemaRegistry::Shipped().All()) {
    SCOPED_TRACE(schema->name);
    auto table = Table(*schema, kRows);
    const std::string csv = dir_.File(schema->name + ".csv");
    const std::string gbk = dir_.File(schema->name + "-gbk.csv");
    const std::string xlsx = dir_.File(schema->name + ".xlsx");
    WriteBytes(csv, "\xEF\xBB\xBF" + ToCsv(table));
    WriteBytes(gbk, ToGb18030(ToCsv(table)));
    WriteXlsx(*schema, table, xlsx);

    Result<ingest::ImportReport> first = Import(schema->name, {csv});
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_EQ(first->rows, kRows + 1);
    EXPECT_EQ(first->accepted, kRows);
    EXPECT_EQ(first->rejected, 1);
    EXPECT_EQ(first->unchanged, 0);
    EXPECT_EQ(first->rows, first->accepted + first->rejected + first->unchanged);
    EXPECT_EQ(CurrentRows(schema->name), kRows);
    std::vector<store::RejectRecord> rejects = Rejects(first->batch_id);
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0].file_name, schema->name + ".csv");
    EXPECT_EQ(rejects[0].line, kRows + 2) << "header = line 1";
    EXPECT_FALSE(rejects[0].column.empty());
    EXPECT_EQ(rejects[0].reason, "必填，不能为空");

    // The same rows from GB18030 and from XLSX are the same rows: nothing new.
    for (const std::string& file : {gbk, xlsx}) {
      Result<ingest::ImportReport> again = Import(schema->name, {file});
      ASSERT_TRUE(again.ok()) << file << ": " << again.status().ToString();
      EXPECT_EQ(again->accepted, 0) << file;
      EXPECT_EQ(again->unchanged, kRows) << file;
      EXPECT_EQ(again->rejected, 1) << file;
      EXPECT_EQ(Rejects(again->batch_id).at(0).line, kRows + 2) << file;
    }
    EXPECT_EQ(first->files[0].encoding, "UTF-8");
    EXPECT_EQ(CurrentRows(schema->name), kRows);
  }
  EXPECT_TRUE(store_->CheckIntegrity().ok()) << store_->CheckIntegrity().ToString();
}

TEST_F(ImportTest, EveryTemplateImportsItsExampleRow) {
  for (const data::DatasetSchema* schema : data::SchemaRegistry::Shipped().All()) {
    SCOPED_TRACE(schema->name);
    const std::string path = dir_.File(schema->name + "-template.xlsx");
    ASSERT_TRUE(ingest::WriteImportTemplate(*schema, path).ok());
    Result<ingest::ImportReport> report = Import(schema->name, {path});
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->rows, 1);
    EXPECT_EQ(report->accepted, 1);
    EXPECT_EQ(report->warnings, 0) << "the examples are valid values, without a warning";
    EXPECT_EQ(report->files[0].sheet, "数据");
  }
}

TEST_F(ImportTest, AChangedRowIsANewVersionAndTheOldOneStays) {
  const data::DatasetSchema& schema = *data::SchemaRegistry::Shipped().Find("death_record");
  auto table = Table(schema, 3);
  table.pop_back();
  WriteBytes(dir_.File("a.csv"), ToCsv(table));
  std::string first_batch = Import("death_record", {dir_.File("a.csv")}).value().batch_id;
  table[2][2] = "2023-05-05";  // 死亡日期 of the second row
  WriteBytes(dir_.File("b.csv"), ToCsv(table));
  ingest::ImportReport second = Import("death_record", {dir_.File("b.csv")}).value();
  EXPECT_EQ(second.accepted, 1);
  EXPECT_EQ(second.new_versions, 1);
  EXPECT_EQ(second.unchanged, 2);
  EXPECT_EQ(CurrentRows("death_record"), 3);
  auto transaction = store_->Begin(store::TransactionMode::kRead).value();
  const std::string key[] = {table[2][0]};
  auto versions = transaction->datasets().RowVersions("death_record", key).value();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].batch_id, first_batch);
  EXPECT_EQ(versions[0].superseded_by, second.batch_id);
  EXPECT_TRUE(versions[1].current);
}

TEST_F(ImportTest, AMissingRequiredColumnStoresNothing) {
  WriteBytes(dir_.File("good.csv"), "身份证号,姓名,死亡日期\n" + ValidIdCard("42030419800101251") + ",张三,2023-01-01\n");
  WriteBytes(dir_.File("bad.csv"), "身份证号,死亡日期\n" + ValidIdCard("42030419800101252") + ",2023-01-01\n");
  Result<ingest::ImportReport> report = Import("death_record", {dir_.File("good.csv"), dir_.File("bad.csv")});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(report.status().message().find("bad.csv"), std::string::npos);
  EXPECT_NE(report.status().message().find("「姓名」"), std::string::npos) << report.status().message();
  EXPECT_EQ(Batches(), 0u);
  EXPECT_EQ(CurrentRows("death_record"), 0);
}

TEST_F(ImportTest, AFileThatFailsHalfWayLeavesNothing) {
  // Thousands of good rows, then a value whose quote never closes for more than 16 MB.
  std::string csv = "身份证号,姓名,死亡日期\n";
  for (int row = 0; row < 5000; ++row) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "4203041980010%04d", row);
    csv += ValidIdCard(digits) + ",张三,2023-01-01\n";
  }
  csv += ValidIdCard("42030419900101251") + ",\"" + std::string(17 << 20, 'x') + "\n";
  WriteBytes(dir_.File("broken.csv"), csv);
  Result<ingest::ImportReport> report = Import("death_record", {dir_.File("broken.csv")});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("第5002行"), std::string::npos) << report.status().message();
  EXPECT_EQ(Batches(), 0u);
  EXPECT_EQ(CurrentRows("death_record"), 0);
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

TEST_F(ImportTest, TwoRowsWithOneKeyInOneImport) {
  const std::string id = ValidIdCard("42030419800101251");
  WriteBytes(dir_.File("a.csv"), "身份证号,姓名,死亡日期\n" + id + ",张三,2023-01-01\n");
  WriteBytes(dir_.File("b.csv"), "身份证号,姓名,死亡日期\n" + id + ",张三,2023-01-01\n" + id + ",张三,2023-02-01\n");
  ingest::ImportReport report = Import("death_record", {dir_.File("a.csv"), dir_.File("b.csv")}).value();
  EXPECT_EQ(report.accepted, 1);
  EXPECT_EQ(report.unchanged, 1);
  EXPECT_EQ(report.rejected, 1);
  auto rejects = Rejects(report.batch_id);
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].file_name, "b.csv");
  EXPECT_EQ(rejects[0].line, 3);
  EXPECT_EQ(rejects[0].column, "身份证号");
  EXPECT_NE(rejects[0].reason.find("文件「a.csv」第2行"), std::string::npos) << rejects[0].reason;
  ASSERT_EQ(report.files.size(), 2u);
  EXPECT_EQ(report.files[1].rows, report.files[1].accepted + report.files[1].rejected + report.files[1].unchanged);
}

TEST_F(ImportTest, TitleRowsAndExtraColumnsAndSheets) {
  const std::string path = dir_.File("台账.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  workbook_add_worksheet(workbook, "说明");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "死亡人口");
  worksheet_merge_range(sheet, 0, 0, 0, 3, "2023年死亡人口信息台账", nullptr);
  const char* headers[] = {"身份证号", "姓名", "死亡日期", "户籍地"};
  for (lxw_col_t col = 0; col < 4; ++col) worksheet_write_string(sheet, 1, col, headers[col], nullptr);
  worksheet_write_string(sheet, 2, 0, ValidIdCard("42030419800101251").c_str(), nullptr);
  worksheet_write_string(sheet, 2, 1, "张三", nullptr);
  worksheet_write_string(sheet, 2, 2, "2023-01-01", nullptr);
  worksheet_write_string(sheet, 2, 3, "郧阳区城关镇", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  Result<ingest::ImportReport> first_sheet = Import("death_record", {path});
  ASSERT_FALSE(first_sheet.ok()) << "the first sheet has no header";
  ingest::ImportReport report = Import("death_record", {path}, "死亡人口").value();
  EXPECT_EQ(report.accepted, 1);
  ASSERT_EQ(report.notes.size(), 1u);
  EXPECT_NE(report.notes[0].find("2023年死亡人口信息台账"), std::string::npos);
  auto warnings = Rejects(report.batch_id, true);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].line, 1);
  EXPECT_TRUE(warnings[0].warning);
  auto transaction = store_->Begin(store::TransactionMode::kRead).value();
  auto scan = transaction->datasets().ScanCurrentRows({"death_record", {{"_extra"}}, true}).value();
  store::RowBatch batch;
  ASSERT_TRUE(scan->Next(&batch).value());
  EXPECT_EQ(batch.columns[0][0], "{\"户籍地\":\"郧阳区城关镇\"}");
  EXPECT_EQ(batch.lines[0], 3);
}

TEST_F(ImportTest, ExcelNumberIdsAreRejectedNeverStoredWrong) {
  const std::string path = dir_.File("ids.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  const char* headers[] = {"身份证号", "姓名", "死亡日期"};
  for (lxw_col_t col = 0; col < 3; ++col) worksheet_write_string(sheet, 0, col, headers[col], nullptr);
  const std::string id = ValidIdCard("42030419800101251");
  worksheet_write_number(sheet, 1, 0, std::stod(id.substr(0, 17) + (id[17] == 'X' ? "0" : id.substr(17))), nullptr);
  worksheet_write_string(sheet, 1, 1, "张三", nullptr);
  worksheet_write_string(sheet, 1, 2, "2023-01-01", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  ingest::ImportReport report = Import("death_record", {path}).value();
  EXPECT_EQ(report.accepted, 0);
  EXPECT_EQ(report.rejected, 1);
  auto rejects = Rejects(report.batch_id);
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].column, "身份证号");
  EXPECT_NE(rejects[0].reason.find("Excel"), std::string::npos) << rejects[0].reason;
  EXPECT_EQ(CurrentRows("death_record"), 0);
}

TEST_F(ImportTest, JsonLines) {
  WriteBytes(dir_.File("d.jsonl"), "{\"身份证号\": \"" + ValidIdCard("42030419800101251") +
                                       "\", \"姓名\": \"张三\", \"死亡日期\": \"2023-01-01\"}\n"
                                       "{\"身份证号\": 420304198001012510, \"姓名\": \"李四\", \"死亡日期\": \"2023-01-02\", \"来源\": \"民政\"}\n");
  ingest::ImportReport report = Import("death_record", {dir_.File("d.jsonl")}).value();
  EXPECT_EQ(report.files[0].format, "jsonl");
  EXPECT_EQ(report.rows, 2);
  EXPECT_EQ(report.accepted + report.rejected, 2);
}

TEST_F(ImportTest, AnIdEndingIn000IsFlaggedOnlyInAFileExcelDamaged) {
  const std::string header = "身份证号,姓名,死亡日期\n";
  const std::string ends_000 = "420304198001012000,张三,2023-01-01\n";  // valid, and ends in 000
  WriteBytes(dir_.File("clean.csv"), header + ends_000);
  ingest::ImportReport clean = Import("death_record", {dir_.File("clean.csv")}).value();
  EXPECT_EQ(clean.accepted, 1);
  EXPECT_EQ(clean.warnings, 0) << "no sign of Excel in this file";
  EXPECT_TRUE(Rejects(clean.batch_id, true).empty());

  WriteBytes(dir_.File("excel.csv"), header + ends_000 + "4.20304E+17,李四,2023-01-02\n");
  ingest::ImportReport excel = Import("death_record", {dir_.File("excel.csv")}).value();
  EXPECT_EQ(excel.rejected, 1);
  EXPECT_EQ(excel.warnings, 1);
  auto listed = Rejects(excel.batch_id, true);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].line, 3);
  EXPECT_FALSE(listed[0].warning);
  EXPECT_EQ(listed[1].line, 2);
  EXPECT_TRUE(listed[1].warning);
  EXPECT_NE(listed[1].reason.find("末尾是000"), std::string::npos);
}

}  // namespace
}  // namespace shujian
