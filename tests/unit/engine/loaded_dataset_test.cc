// Tests of DatasetBuilder: rows and column blocks give the same dataset (values, nulls, batch
// runs, keys rebuilt from key columns), a value repeated at one address is converted once and
// right, and a value not of its column's type is an error that keeps nothing of the call.
#include "engine/input/loaded_dataset.h"

#include <gtest/gtest.h>

namespace shujian::engine {
namespace {

const data::DatasetSchema& AdminCase() { return *data::SchemaRegistry::Shipped().Find("admin_case"); }

std::vector<std::vector<std::string>> Rows() {
  return {{"（2023）YYNY-1", "420304198001011016", "2023-04-06", "5000"},
          {"YYNY-2", "", "2023-04-07", ""},
          {"YYNY-3", "420304198001011016", "2023-04-06", "12.5"}};
}

void ExpectSame(const LoadedDataset& a, const LoadedDataset& b, const StringPool& pool) {
  ASSERT_EQ(a.rows, b.rows);
  ASSERT_EQ(a.column_names, b.column_names);
  for (size_t column = 0; column < a.columns.size(); ++column) {
    for (size_t row = 0; row < a.rows; ++row) {
      EXPECT_EQ(a.columns[column]->IsNull(row), b.columns[column]->IsNull(row));
      if (!a.columns[column]->IsNull(row)) {
        EXPECT_EQ(a.columns[column]->data[row], b.columns[column]->data[row]);
      }
    }
  }
  EXPECT_EQ(a.batch_starts, b.batch_starts);
  EXPECT_EQ(a.batch_codes, b.batch_codes);
  for (size_t row = 0; row < a.rows; ++row) EXPECT_EQ(a.Key(row, pool), b.Key(row, pool));
}

TEST(DatasetBuilderTest, ColumnBlocksEqualRows) {
  StringPool pool;
  std::vector<std::string> names = {"party_id", "decided_on", "fine"};  // the key case_no comes last
  DatasetBuilder by_rows(AdminCase(), names, &pool);
  ASSERT_EQ(by_rows.columns(), (std::vector<std::string>{"party_id", "decided_on", "fine", "case_no"}));
  for (const auto& row : Rows()) {
    std::vector<std::optional<std::string_view>> values = {row[1], row[2], row[3], row[0]};
    ASSERT_TRUE(by_rows.AppendRow(row[0] == "YYNY-3" ? "b-2" : "b-1", values).ok());
  }
  LoadedDataset expected = by_rows.Finish();

  DatasetBuilder by_columns(AdminCase(), names, &pool);
  const std::vector<std::vector<std::string>> rows = Rows();
  // The same date twice at one address, as a dictionary-encoded store column gives it.
  std::string shared_date = "2023-04-06";
  std::vector<std::vector<std::string_view>> first = {
      {rows[0][1], rows[1][1]}, {shared_date, rows[1][2]}, {rows[0][3], rows[1][3]}, {rows[0][0], rows[1][0]}};
  std::vector<std::vector<std::string_view>> second = {{rows[2][1]}, {shared_date}, {rows[2][3]}, {rows[2][0]}};
  ASSERT_TRUE(by_columns.AppendColumns("b-1", 2, first).ok());
  ASSERT_TRUE(by_columns.AppendColumns("b-2", 1, second).ok());
  LoadedDataset actual = by_columns.Finish();
  ExpectSame(expected, actual, pool);
  EXPECT_EQ(actual.Key(0, pool), "(2023)YYNY-1");
  EXPECT_EQ(actual.BatchCode(2), pool.Intern("b-2"));
}

TEST(DatasetBuilderTest, AWrongValueKeepsNothingOfTheCall) {
  StringPool pool;
  DatasetBuilder builder(AdminCase(), {"decided_on", "fine"}, &pool);
  ASSERT_TRUE(builder.AppendColumns("b-1", 1, std::vector<std::vector<std::string_view>>{{"2023-01-01"}, {"1"}, {"A"}}).ok());
  Status wrong = builder.AppendColumns("b-2", 2, std::vector<std::vector<std::string_view>>{
                                                     {"2023-01-02", "2023-01-03"}, {"2", "很多"}, {"B", "C"}});
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.message().find("第3行列「fine」的值「很多」"), std::string::npos) << wrong.message();
  LoadedDataset dataset = builder.Finish();
  EXPECT_EQ(dataset.rows, 1u);
  for (const ColumnPtr& column : dataset.columns) EXPECT_EQ(column->data.size(), 1u);
  EXPECT_EQ(dataset.batch_codes.size(), 1u);
}

}  // namespace
}  // namespace shujian::engine
