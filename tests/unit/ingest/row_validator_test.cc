// Tests of row validation: one test per reject reason, the conditions of required columns,
// party_id by party type, what Excel does to identifiers, warnings, blank and ragged rows, and
// the stored forms of valid rows.
#include "ingest/row_validator.h"

#include <gtest/gtest.h>

#include <map>

#include "test_files.h"

namespace shujian::ingest {
namespace {

using testing_support::ValidIdCard;
using testing_support::ValidUscc;

const std::vector<std::string> kAdminHeaders = {"案件编号", "处罚决定书文号", "执法机关",  "执法机关代码", "当事人类型",
                                                "当事人",   "证件号码",       "违法类型",  "涉案数量",     "计量单位",
                                                "处罚决定日期", "罚款金额",   "是否移送公安", "移送日期",  "备注"};

class RowValidatorTest : public ::testing::Test {
 protected:
  RowValidatorTest()
      : schema_(*data::SchemaRegistry::Shipped().Find("admin_case")),
        mapping_(HeaderMapping::Build(schema_, kAdminHeaders, "t.csv").value()),
        validator_(schema_, mapping_, {*Date::FromYmd(2024, 6, 1), /*strict_width=*/true}) {}

  // A valid row, as a map from header to value; tests change what they need.
  std::map<std::string, std::string> Valid() const {
    return {{"案件编号", "YYNY-2023-0015"},
            {"处罚决定书文号", "郧农（渔）罚〔2023〕15号"},
            {"执法机关", "十堰市郧阳区农业农村局"},
            {"执法机关代码", agency_},
            {"当事人类型", "个人"},
            {"当事人", "张 三"},
            {"证件号码", person_},
            {"违法类型", "非法捕捞水产品"},
            {"涉案数量", "860"},
            {"计量单位", "千克"},
            {"处罚决定日期", "2023年4月6日"},
            {"罚款金额", "5,000"},
            {"是否移送公安", "否"},
            {"移送日期", ""},
            {"备注", "无"}};
  }

  // Validates one row given as header → (text, kind); cells in kAdminHeaders order.
  ValidatedBlock Run(const std::map<std::string, std::string>& values,
                     const std::map<std::string, CellKind>& kinds = {}, size_t cells = kAdminHeaders.size()) {
    RecordBlock block;
    Record record;
    record.line = 7;
    std::vector<std::string> texts;
    for (size_t index = 0; index < cells; ++index) {
      const std::string& header = index < kAdminHeaders.size() ? kAdminHeaders[index] : "";
      auto value = values.find(header);
      texts.push_back(value == values.end() ? std::string(index < kAdminHeaders.size() ? "" : "多出来的值")
                                            : value->second);
    }
    for (size_t index = 0; index < cells; ++index) {
      const std::string& header = index < kAdminHeaders.size() ? kAdminHeaders[index] : "";
      auto kind = kinds.find(header);
      record.cells.push_back({texts[index], kind == kinds.end() ? CellKind::kText : kind->second});
    }
    block.Add(record);
    ValidatedBlock out;
    validator_.Validate(block, &out);
    return out;
  }

  // The single reject of a rejected row.
  RowProblem OnlyReject(const ValidatedBlock& out) {
    EXPECT_EQ(out.rows.size(), 1u);
    if (!out.rows.empty()) {
      EXPECT_TRUE(out.rows[0].rejected);
    }
    std::vector<RowProblem> rejects;
    for (const RowProblem& problem : out.problems) {
      if (!problem.warning) rejects.push_back(problem);
    }
    EXPECT_EQ(rejects.size(), 1u);
    return rejects.empty() ? RowProblem{} : rejects[0];
  }

  std::string Stored(const ValidatedBlock& out, const std::string& column, bool match = false) {
    const data::ColumnSchema* spec = schema_.FindColumn(column);
    size_t index = column == "_extra" ? schema_.columns.size() : static_cast<size_t>(spec - schema_.columns.data());
    return std::string(out.span(out.rows[0].first_span + 2 * static_cast<uint32_t>(index) + (match ? 1 : 0)));
  }

  const std::string agency_ = ValidUscc("11420304", "00000001");
  const std::string person_ = ValidIdCard("42030419800101251");
  const data::DatasetSchema& schema_;
  HeaderMapping mapping_;
  RowValidator validator_;
};

TEST_F(RowValidatorTest, AValidRowIsStoredNormalised) {
  ValidatedBlock out = Run(Valid());
  ASSERT_EQ(out.rows.size(), 1u);
  ASSERT_FALSE(out.rows[0].rejected) << (out.problems.empty() ? "" : out.problems[0].reason);
  EXPECT_EQ(out.problems.size(), 0u) << out.problems[0].reason;
  EXPECT_EQ(Stored(out, "decided_on"), "2023-04-06");
  EXPECT_EQ(Stored(out, "unit"), "公斤") << "an accepted spelling becomes the listed value";
  EXPECT_EQ(Stored(out, "transferred"), "否");
  EXPECT_EQ(Stored(out, "fine"), "5000");
  EXPECT_EQ(Stored(out, "decision_no"), "郧农（渔）罚〔2023〕15号") << "kept as given";
  EXPECT_EQ(Stored(out, "decision_no", true), "郧农(渔)罚[2023]15号") << "matched on the normalised form";
  EXPECT_EQ(Stored(out, "party_name"), "张 三");
  EXPECT_EQ(Stored(out, "party_name", true), "张三");
  EXPECT_EQ(Stored(out, "case_no", true), "") << "no matching form when it equals the value";
  EXPECT_EQ(Stored(out, "_extra"), "{\"备注\":\"无\"}") << "an unknown column is kept";
}

TEST_F(RowValidatorTest, RequiredColumnEmpty) {
  auto row = Valid();
  row["当事人"] = "  　";
  RowProblem reject = OnlyReject(Run(row));
  EXPECT_EQ(reject.line, 7);
  EXPECT_EQ(reject.column, "当事人");
  EXPECT_EQ(reject.reason, "必填，不能为空");
}

TEST_F(RowValidatorTest, InvalidValuesNameTheirReason) {
  struct Case {
    const char* header;
    std::string value;
    const char* reason_part;
  };
  const std::string wrong_check = person_.substr(0, 17) + (person_[17] == '1' ? "2" : "1");
  for (const Case& c : std::vector<Case>{{"证件号码", wrong_check, "身份证号校验位错误"},
                                         {"证件号码", "42030419800101251", "身份证号长度应为18位"},
                                         {"执法机关代码", agency_.substr(0, 17) + "0", "统一社会信用代码校验位错误"},
                                         {"当事人类型", "公司", "不是可选值"},
                                         {"处罚决定日期", "2023-02-30", "2月没有30日"},
                                         {"罚款金额", "五千元", "五千元"},
                                         {"是否移送公安", "不确定", "应为是或否"},
                                         {"涉案数量", "八百", "八百"}}) {
    auto row = Valid();
    row[c.header] = c.value;
    RowProblem reject = OnlyReject(Run(row));
    EXPECT_EQ(reject.column, c.header);
    EXPECT_EQ(reject.value, c.value);
    EXPECT_NE(reject.reason.find(c.reason_part), std::string::npos) << c.header << ": " << reject.reason;
  }
}

TEST_F(RowValidatorTest, PartyIdFollowsThePartyType) {
  auto row = Valid();
  row["当事人类型"] = "单位";
  RowProblem reject = OnlyReject(Run(row));
  EXPECT_EQ(reject.column, "证件号码");
  EXPECT_NE(reject.reason.find("统一社会信用代码"), std::string::npos) << reject.reason;
  EXPECT_NE(reject.reason.find("当事人类型为「单位」"), std::string::npos) << reject.reason;
  row["证件号码"] = ValidUscc("91420300", "12345678");
  ValidatedBlock out = Run(row);
  EXPECT_FALSE(out.rows[0].rejected) << out.problems[0].reason;
  row["当事人类型"] = "法人";  // an accepted spelling of 单位
  EXPECT_FALSE(Run(row).rows[0].rejected);
  row["当事人类型"] = "个人";
  reject = OnlyReject(Run(row));
  EXPECT_NE(reject.reason.find("当事人类型为「个人」"), std::string::npos) << reject.reason;
}

TEST_F(RowValidatorTest, ConditionsNameWhatMadeAColumnRequired) {
  auto row = Valid();
  row["是否移送公安"] = "是";
  RowProblem reject = OnlyReject(Run(row));
  EXPECT_EQ(reject.column, "移送日期");
  EXPECT_EQ(reject.reason, "当「是否移送公安」为「是」时必填");
  row["移送日期"] = "2023/5/1";
  EXPECT_FALSE(Run(row).rows[0].rejected);

  row = Valid();
  row["计量单位"] = "";
  reject = OnlyReject(Run(row));
  EXPECT_EQ(reject.column, "计量单位");
  EXPECT_EQ(reject.reason, "填写了「涉案数量」时必填");
  row["涉案数量"] = "";
  EXPECT_FALSE(Run(row).rows[0].rejected) << "without a quantity the unit is not needed";
}

TEST_F(RowValidatorTest, IdentifiersExcelTurnedIntoNumbers) {
  auto row = Valid();
  row["证件号码"] = "4.20304E+17";  // a CSV saved by Excel
  RowProblem reject = OnlyReject(Run(row));
  EXPECT_NE(reject.reason.find("科学计数法"), std::string::npos) << reject.reason;
  EXPECT_EQ(reject.value, "4.20304E+17");

  row["证件号码"] = "4.2030419800101254E+17";  // a number cell in an XLSX
  reject = OnlyReject(Run(row, {{"证件号码", CellKind::kNumber}}));
  EXPECT_NE(reject.reason.find("15位有效数字"), std::string::npos) << reject.reason;

  row["证件号码"] = "420304198501012000";  // what is left after Excel, as text
  reject = OnlyReject(Run(row));
  EXPECT_NE(reject.reason.find("末尾是000"), std::string::npos) << reject.reason;
  // One in eleven such remains passes the check digit: accepted, but never silently.
  row["证件号码"] = "420304198001012000";
  ValidatedBlock passed = Run(row);
  ASSERT_FALSE(passed.rows[0].rejected);
  ASSERT_EQ(passed.problems.size(), 1u);
  EXPECT_TRUE(passed.problems[0].warning);
  EXPECT_TRUE(passed.problems[0].needs_excel_evidence) << "shown only when the file shows Excel damage";
  EXPECT_NE(passed.problems[0].reason.find("末尾是000"), std::string::npos);

  // Numbers in other columns are what Excel shows.
  row = Valid();
  row["罚款金额"] = "5000.0000000000009";
  row["涉案数量"] = "860";
  ValidatedBlock out = Run(row, {{"罚款金额", CellKind::kNumber}, {"涉案数量", CellKind::kNumber}});
  ASSERT_FALSE(out.rows[0].rejected) << out.problems[0].reason;
  EXPECT_EQ(Stored(out, "fine"), "5000");
  EXPECT_EQ(Stored(out, "quantity"), "860");

  row["罚款金额"] = "#DIV/0!";
  reject = OnlyReject(Run(row, {{"罚款金额", CellKind::kError}}));
  EXPECT_NE(reject.reason.find("错误值「#DIV/0!」"), std::string::npos) << reject.reason;
}

TEST_F(RowValidatorTest, WarningsAcceptTheRow) {
  auto row = Valid();
  row["证件号码"] = ValidIdCard("42039919800101251");  // a county code not in the table
  ValidatedBlock out = Run(row);
  ASSERT_FALSE(out.rows[0].rejected);
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_TRUE(out.problems[0].warning);
  EXPECT_EQ(out.problems[0].column, "证件号码");
  EXPECT_EQ(out.warnings, 1);
}

TEST_F(RowValidatorTest, RaggedBlankAndUnreadableRows) {
  ValidatedBlock out = Run(Valid(), {}, kAdminHeaders.size() + 1);
  RowProblem reject = OnlyReject(out);
  EXPECT_EQ(reject.column, "");
  EXPECT_EQ(reject.value, "多出来的值");
  EXPECT_NE(reject.reason.find("比表头（15列）多"), std::string::npos) << reject.reason;

  reject = OnlyReject(Run(Valid(), {}, 10));
  EXPECT_NE(reject.reason.find("只有10个值"), std::string::npos) << reject.reason;

  std::map<std::string, std::string> blank;
  for (const std::string& header : kAdminHeaders) blank[header] = header == "备注" ? " " : "";
  out = Run(blank);
  EXPECT_TRUE(out.rows.empty()) << "a blank row is not a row";
  EXPECT_TRUE(out.problems.empty());

  RecordBlock block;
  Record record;
  record.line = 9;
  record.cells = {{"x", CellKind::kText}};
  record.problem = "本行含有无法按GB18030（GBK）解码的字节";
  block.Add(record);
  validator_.Validate(block, &out);
  reject = OnlyReject(out);
  EXPECT_EQ(reject.line, 9);
  EXPECT_EQ(reject.reason, record.problem);
}

TEST_F(RowValidatorTest, RepeatedValuesAreJudgedTheSame) {
  // The per-column memo must never change an answer.
  auto row = Valid();
  for (int round = 0; round < 3; ++round) {
    EXPECT_FALSE(Run(row).rows[0].rejected);
    row["当事人类型"] = "单位";
    EXPECT_TRUE(Run(row).rows[0].rejected) << "the same 证件号码 under another party type";
    row["当事人类型"] = "个人";
  }
}

}  // namespace
}  // namespace shujian::ingest
