// Tests of model files and parameter-table files (src/engine/spec/): positions count
// characters, not bytes; unknown keys and missing keys are named; expression positions inside
// quoted and block scalars map back to the file.
#include <gtest/gtest.h>

#include "engine/spec/model_spec.h"
#include "engine/spec/param_table.h"
#include "engine/spec/spec_parser.h"

namespace shujian::engine {
namespace {

constexpr const char* kMinimal = R"(id: m
version: 1
title: 模型
legal_basis: [依据一, 依据二]
subject: [record, person]
rules: {a: 子规则}
pipeline:
  - name: cases
    read: admin_case
  - emit: a
    subject: {kind: record, of: cases}
    title: "标题"
)";

TEST(SpecParserTest, ParsesMinimalModel) {
  Result<ModelSpec> spec = ParseModelSpec(kMinimal, "m.yaml");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->id, "m");
  EXPECT_EQ(spec->legal_basis, "依据一；依据二");
  EXPECT_EQ(spec->subject_kinds, (std::vector<std::string>{"record", "person"}));
  ASSERT_EQ(spec->steps.size(), 2u);
  EXPECT_EQ(spec->steps[1].kind, StepKind::kEmit);
  EXPECT_EQ(spec->steps[1].emit.rule, "a");
}

TEST(SpecParserTest, ColumnsCountCharacters) {
  std::string text = std::string(kMinimal) + "fixtures: 测试";
  Result<ModelSpec> spec = ParseModelSpec(text, "m.yaml");
  ASSERT_FALSE(spec.ok());
  EXPECT_EQ(spec.status().message(), "m.yaml:13:11：fixtures 应为列表，每一项是一个测试用例");
  std::string unknown = std::string(kMinimal) + "描述: 未知";
  spec = ParseModelSpec(unknown, "m.yaml");
  ASSERT_FALSE(spec.ok());
  EXPECT_TRUE(spec.status().message().starts_with("m.yaml:13:1：模型文件中没有「描述」这一项"))
      << spec.status().message();
}

TEST(SpecParserTest, ExpressionOffsetsMapIntoTheFile) {
  ModelSpec spec;
  spec.source_name = "f";
  spec.source_text = "a: \"中文 x\"\nb: |\n  first\n  second y\nc: plain 文 z\n";
  SpecText quoted{"中文 x", 3};
  EXPECT_EQ(spec.WhereInText(quoted, 7), "f:1:8");  // the x, after the quote and 中文 and a space
  SpecText block{"first\nsecond y\n", 17};
  EXPECT_EQ(spec.WhereInText(block, 13), "f:4:10");
  SpecText plain{"plain 文 z", 41};
  EXPECT_EQ(spec.WhereInText(plain, 10), "f:5:12");
}

TEST(SpecParserTest, Intervals) {
  SpecText lower, upper;
  bool lower_inclusive, upper_inclusive;
  std::string reason;
  ASSERT_TRUE(ParseIntervalText(" (0, $days] ", &lower, &upper, &lower_inclusive, &upper_inclusive, &reason));
  EXPECT_EQ(lower.text, "0");
  EXPECT_EQ(upper.text, "$days");
  EXPECT_FALSE(lower_inclusive);
  EXPECT_TRUE(upper_inclusive);
  ASSERT_TRUE(ParseIntervalText("[-364, ]", &lower, &upper, &lower_inclusive, &upper_inclusive, &reason));
  EXPECT_EQ(upper.text, "");
  EXPECT_FALSE(ParseIntervalText("0..365", &lower, &upper, &lower_inclusive, &upper_inclusive, &reason));
  EXPECT_FALSE(ParseIntervalText("[a, 1]", &lower, &upper, &lower_inclusive, &upper_inclusive, &reason));
  EXPECT_FALSE(ParseIntervalText("[1, 2, 3]", &lower, &upper, &lower_inclusive, &upper_inclusive, &reason));
}

TEST(SpecParserTest, FixturesAndParameters) {
  std::string text = std::string(kMinimal) + R"(parameters:
  days: {type: int, default: 365, source: 模型约定}
  kinds: {type: "text[]", default: [a, b]}
fixtures:
  - name: 用例
    as_of: 2023-12-31
    params: {days: 400}
    data:
      admin_case:
        - {case_no: A1, 当事人: 张三, fine: ~}
    expect:
      - {subject: A1, rules: [a]}
      - A2
)";
  Result<ModelSpec> spec = ParseModelSpec(text, "m.yaml");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  ASSERT_EQ(spec->parameters.size(), 2u);
  EXPECT_TRUE(spec->parameters[1].list);
  ASSERT_EQ(spec->fixtures.size(), 1u);
  const FixtureSpec& fixture = spec->fixtures[0];
  EXPECT_EQ(fixture.data[0].rows[0].cells[1].column, "当事人");
  EXPECT_TRUE(fixture.data[0].rows[0].cells[2].null);
  EXPECT_EQ(fixture.expect[1].subject, "A2");
}

TEST(ParamTableTest, ParsesAndJudgesValues) {
  const char* text = R"(table: t
title: 表
key: [kind]
columns:
  - {name: kind, type: enum, values: [甲, 乙]}
  - {name: limit, type: money}
  - {name: since, type: date}
rows:
  - {kind: 甲, limit: "1.5万", since: 2023/1/2, source: 依据一}
  - {kind: 乙, source: 依据二}
)";
  Result<std::unique_ptr<ParamTable>> table = ParseParamTable(text, "t.yaml");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ((*table)->columns.size(), 4u);  // + source
  EXPECT_EQ((*table)->rows[0][1].i, 1500000);
  EXPECT_EQ(FormatValue((*table)->rows[0][2]), "2023-01-02");
  EXPECT_TRUE((*table)->rows[1][1].null);
  EXPECT_EQ((*table)->row_lines[1], 10);
}

TEST(ParamTableTest, RejectsBadRows) {
  auto error = [](const std::string& rows) {
    std::string text = "table: t\ntitle: 表\nkey: [kind]\ncolumns:\n  - {name: kind, type: enum, values: [甲]}\n"
                       "  - {name: n, type: int}\nrows:\n" + rows;
    Result<std::unique_ptr<ParamTable>> table = ParseParamTable(text, "t.yaml");
    return table.ok() ? std::string("ok") : table.status().message();
  };
  EXPECT_EQ(error("  - {kind: 甲, n: 1}\n"), "t.yaml:8:5：每行都要写 source（出处：法律、司法解释或文件的条款）");
  EXPECT_TRUE(error("  - {kind: 丙, n: 1, source: s}\n").starts_with("t.yaml:8:12：「kind」的值「丙」无效"));
  EXPECT_TRUE(error("  - {kind: 甲, n: 1.5, source: s}\n").starts_with("t.yaml:8:18：「n」的值「1.5」无效"));
  EXPECT_EQ(error("  - {kind: 甲, m: 1, source: s}\n"), "t.yaml:8:15：参数表没有列「m」");
  EXPECT_EQ(error("  - {kind: 甲, source: s}\n  - {kind: 甲, source: t}\n"), "t.yaml:9:5：与前面的行主键重复");
}

}  // namespace
}  // namespace shujian::engine

namespace shujian::engine {
namespace {

TEST(ParamTableTest, ShippedTablesLoadWithTypes) {
  const TableLibrary& tables = TableLibrary::Shipped();
  const ParamTable* thresholds = tables.Find("prosecution_thresholds");
  ASSERT_NE(thresholds, nullptr);
  EXPECT_EQ(thresholds->rows_file, "rules/legal/prosecution_thresholds.csv");
  EXPECT_GE(thresholds->rows.size(), 10u);
  int type = thresholds->FindColumn("violation_type");
  int threshold = thresholds->FindColumn("threshold");
  bool found = false;
  for (size_t row = 0; row < thresholds->rows.size(); ++row) {
    const std::vector<Value>& values = thresholds->rows[row];
    if (values[type].s == "非法捕捞水产品" && values[thresholds->FindColumn("measure")].s == "quantity") {
      EXPECT_EQ(values[threshold].i, 500 * 1000000);
      EXPECT_EQ(values.back().s, "法释〔2022〕12号 第3条");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  for (const char* name : {"violation_types", "penalty_history_rules", "disability_fund_parameters",
                           "passenger_overcrowding_bands", "road_transport_rules", "hearing_penalty_kinds"}) {
    EXPECT_NE(tables.Find(name), nullptr) << name;
  }
}

TEST(ParamTableTest, CsvRowsAreTypedAndChecked) {
  std::string yaml = "table: t\ntitle: 表\ncsv: t.csv\ncolumns:\n  - {name: n, type: int}\n  - {name: d, type: date}\n";
  auto parse = [&](const std::string& csv) {
    TableFileReader read = [&](const std::string& path) -> Result<std::pair<std::string, std::string>> {
      if (path != "t.csv") return Status::NotFound("没有");
      return std::make_pair(std::string("dir/t.csv"), csv);
    };
    return ParseParamTable(yaml, "t.yaml", read);
  };
  Result<std::unique_ptr<ParamTable>> table = parse("# comment\nd,n,source\n2023/1/2,7,依据\n\n,8,依据二\n");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ((*table)->rows.size(), 2u);
  EXPECT_EQ((*table)->rows[0][0].i, 7);
  EXPECT_EQ(FormatValue((*table)->rows[0][1]), "2023-01-02");
  EXPECT_TRUE((*table)->rows[1][1].null);
  EXPECT_EQ((*table)->row_lines[1], 5);
  EXPECT_EQ(parse("n,source\n1,s\n").status().message(), "dir/t.csv:1：表头缺少列「d」");
  EXPECT_EQ(parse("n,d,x,source\n").status().message(), "dir/t.csv:1：表头中的列「x」没有在 t.yaml 中声明");
  EXPECT_EQ(parse("n,d,source\n1,2023-01-01\n").status().message(),
            "dir/t.csv:2：这一行有 2 个字段，表头有 3 个（字段中不能有半角逗号）");
  EXPECT_TRUE(parse("n,d,source\nx,2023-01-01,s\n").status().message().starts_with("dir/t.csv:2：「n」的值「x」无效"));
  EXPECT_EQ(parse("n,d,source\n1,2023-01-01,\n").status().message(), "dir/t.csv:2：source（出处）不能为空");
  EXPECT_FALSE(ParseParamTable(yaml, "t.yaml").ok());  // csv without a reader
}

}  // namespace
}  // namespace shujian::engine
