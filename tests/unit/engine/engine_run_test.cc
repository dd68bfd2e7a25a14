// Tests of running models through the public entry points (engine.h, reference evaluator,
// fixture runner, model library): fixture data judged like an import, reproducible results,
// parameter overrides, evidence lineage, and model files loaded from a directory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/date.h"
#include "engine/engine.h"
#include "engine/fixture_runner.h"
#include "engine/input/fixture_source.h"
#include "engine/lead/result_text.h"
#include "engine/model_library.h"
#include "engine/reference/reference_evaluator.h"

namespace shujian::engine {
namespace {

constexpr const char* kModel = R"(id: test-model
version: 7
title: 测试模型
category: 两法衔接
legal_basis: 测试依据
addressee: 执法机关
subject: record
parameters:
  days: {type: int, default: 365}
rules: {a: 一年内未立案}
pipeline:
  - name: cases
    read: admin_case
    where: not transferred
  - name: crim
    read: criminal_case
  - name: uncovered
    anti: crim
    from: cases
    on: cases.party_id = crim.suspect_id
    window: {from: cases.decided_on, to: crim.filed_on, days: "[0, $days]"}
  - emit: a
    subject: {kind: record, of: cases, label: "{cases.party_name}"}
    title: "{cases.party_name}：{cases.violation_type}"
    facts: {决定日期: cases.decided_on}
fixtures:
  - name: 一年内立案的不是线索
    as_of: 2023-12-31
    data:
      admin_case:
        - {案件编号: A1, 执法机关: 局, 执法机关代码: 11420304MB12345675, 当事人类型: 个人, 当事人: 甲,
           证件号码: "420304198001011016", 违法类型: 滥伐林木, 处罚决定日期: 2023-01-01, 是否移送公安: 否}
        - {case_no: A2, agency_name: 局, agency_code: 11420304MB12345675, party_type: 个人, party_name: 乙,
           party_id: "42030419800102102x", violation_type: 滥伐林木, decided_on: 2023-01-01, transferred: 否}
      criminal_case:
        - {case_no: K1, suspect_name: 甲, suspect_id: "420304198001011016", charge: 滥伐林木罪, filed_on: 2023-06-01}
    expect:
      - {subject: A2, rules: [a], title: 乙：滥伐林木}
)";

std::unique_ptr<CompiledModel> Compile(const std::string& text) {
  auto model = CompiledModel::Compile(text, "test.yaml", data::SchemaRegistry::Shipped(), TableLibrary::Shipped());
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return model.ok() ? std::move(model).value() : nullptr;
}

FixtureSource Source(const std::vector<FixtureTableInput>& tables) {
  auto source = FixtureSource::Create(data::SchemaRegistry::Shipped(), tables, *Date::FromYmd(2023, 12, 31));
  EXPECT_TRUE(source.ok()) << source.status().ToString();
  return std::move(source).value();
}

FixtureRowInput Row(std::vector<std::pair<std::string, std::string>> cells) {
  FixtureRowInput row;
  row.where = "row";
  for (auto& [column, value] : cells) row.cells.push_back({column, value, "cell"});
  return row;
}

std::vector<FixtureTableInput> Inputs(const std::string& filed_on) {
  FixtureTableInput cases{"admin_case", "b-1", {}, "t"};
  cases.rows.push_back(Row({{"case_no", "A1"}, {"agency_name", "局"}, {"agency_code", "11420304MB12345675"},
                            {"party_type", "个人"}, {"party_name", "甲"}, {"party_id", "420304198001011016"},
                            {"violation_type", "滥伐林木"}, {"decided_on", "2023-01-01"}, {"transferred", "否"}}));
  FixtureTableInput crim{"criminal_case", "b-2", {}, "t"};
  crim.rows.push_back(Row({{"case_no", "K1"}, {"suspect_name", "甲"}, {"suspect_id", "420304198001011016"},
                           {"charge", "滥伐林木罪"}, {"filed_on", filed_on}}));
  return {cases, crim};
}

TEST(EngineRunTest, FixturesPassOnBothEngines) {
  std::unique_ptr<CompiledModel> model = Compile(kModel);
  ASSERT_NE(model, nullptr);
  std::vector<FixtureReport> reports = RunFixtures(*model);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].passed) << (reports[0].problems.empty() ? "" : reports[0].problems[0]);
  EXPECT_EQ(reports[0].leads, 1u);
}

TEST(EngineRunTest, FixtureFailuresAreReported) {
  std::string wrong = kModel;
  wrong.replace(wrong.find("{subject: A2, rules: [a], title: 乙：滥伐林木}"),
                std::string("{subject: A2, rules: [a], title: 乙：滥伐林木}").size(), "{subject: A1}");
  std::unique_ptr<CompiledModel> model = Compile(wrong);
  ASSERT_NE(model, nullptr);
  std::vector<FixtureReport> reports = RunFixtures(*model);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports[0].passed);
  ASSERT_EQ(reports[0].problems.size(), 2u);
  EXPECT_NE(reports[0].problems[0].find("应产生对象为「A1」的线索，实际没有"), std::string::npos);
  EXPECT_NE(reports[0].problems[1].find("不应产生对象为「A2」的线索"), std::string::npos);
}

TEST(EngineRunTest, FixtureDataIsJudgedLikeAnImport) {
  std::string bad = kModel;
  bad.replace(bad.find("\"420304198001011016\", 违法类型"), std::string("\"420304198001011016\"").size(),
              "\"420304198001011017\"");
  std::unique_ptr<CompiledModel> model = Compile(bad);
  ASSERT_NE(model, nullptr);
  std::vector<FixtureReport> reports = RunFixtures(*model);
  ASSERT_EQ(reports[0].problems.size(), 1u);
  EXPECT_NE(reports[0].problems[0].find("test.yaml:32:18："), std::string::npos) << reports[0].problems[0];
  EXPECT_NE(reports[0].problems[0].find("会被导入拒绝：校验位错误"), std::string::npos) << reports[0].problems[0];
}

TEST(EngineRunTest, SameInputsSameLeadsByteForByte) {
  std::unique_ptr<CompiledModel> model = Compile(kModel);
  ASSERT_NE(model, nullptr);
  FixtureSource source = Source(Inputs("2024-06-01"));
  RunOptions options;
  options.as_of = *Date::FromYmd(2023, 12, 31);
  Result<RunResult> first = RunModel(*model, &source, options);
  Result<RunResult> second = RunModel(*model, &source, options);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_EQ(first->leads.size(), 1u);
  EXPECT_EQ(ResultText(*first, ResultDetail::kFull), ResultText(*second, ResultDetail::kFull));
  EXPECT_EQ(first->input_batches, (std::vector<std::string>{"b-1", "b-2"}));
  EXPECT_EQ(first->rows_read, 2u);
  const EngineLead& lead = first->leads[0];
  EXPECT_EQ(lead.subject_kind, "record");
  EXPECT_EQ(lead.subject_dataset, "admin_case");
  EXPECT_EQ(lead.subject_key, "A1");
  EXPECT_EQ(lead.subject_label, "甲");
  EXPECT_EQ(lead.addressee, "执法机关");
  EXPECT_EQ(lead.facts_json, R"({"a":{"决定日期":"2023-01-01"}})");
  ASSERT_EQ(lead.evidence.size(), 1u);
  EXPECT_EQ(lead.evidence[0].batch, "b-1");
  EXPECT_EQ(lead.evidence[0].role, "行政执法案件（两法衔接平台上传）");
}

TEST(EngineRunTest, ParametersOverrideDefaults) {
  std::unique_ptr<CompiledModel> model = Compile(kModel);
  ASSERT_NE(model, nullptr);
  FixtureSource source = Source(Inputs("2024-06-01"));  // 517 days after the decision
  RunOptions options;
  options.as_of = *Date::FromYmd(2023, 12, 31);
  options.params = {{"days", "600"}};
  Result<RunResult> covered = RunModel(*model, &source, options);
  ASSERT_TRUE(covered.ok());
  EXPECT_TRUE(covered->leads.empty());
  options.params = {{"dayz", "600"}};
  Result<RunResult> unknown = RunModel(*model, &source, options);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(), "模型 test-model 没有参数「dayz」（参数：days）");
  options.params = {{"days", "很多"}};
  EXPECT_FALSE(RunModel(*model, &source, options).ok());
  EXPECT_FALSE(RunReference(*model, &source, options).ok());
}

// Records what the engine asks of its source.
class RecordingSource : public DatasetSource {
 public:
  explicit RecordingSource(FixtureSource inner) : inner_(std::move(inner)) {}
  Result<LoadedDataset> Load(const data::DatasetSchema& schema, const std::vector<std::string>& columns, bool keys,
                             StringPool* pool) override {
    Result<LoadedDataset> loaded = inner_.Load(schema, columns, keys, pool);
    if (loaded.ok()) loaded_[schema.name] = loaded->column_names;
    return loaded;
  }
  std::optional<size_t> CountRows(std::string_view dataset) override { return inner_.CountRows(dataset); }
  std::map<std::string, std::vector<std::string>> loaded_;

 private:
  FixtureSource inner_;
};

TEST(EngineRunTest, OnlyTheColumnsAModelReadsAreLoaded) {
  // Leads name rows by key: the key columns come with what the model reads.
  std::unique_ptr<CompiledModel> leads = Compile(kModel);
  ASSERT_NE(leads, nullptr);
  RecordingSource source(Source(Inputs("2024-06-01")));
  RunOptions options;
  options.as_of = *Date::FromYmd(2023, 12, 31);
  ASSERT_TRUE(RunModel(*leads, &source, options).ok());
  EXPECT_EQ(source.loaded_["criminal_case"], (std::vector<std::string>{"suspect_id", "filed_on", "case_no"}));
  // A model that only outputs a table reads no key column it does not use.
  std::unique_ptr<CompiledModel> table = Compile(R"(id: test-table
version: 1
title: 表
legal_basis: 测试
subject: record
rules: {a: 表}
pipeline:
  - name: crim
    read: criminal_case
  - name: total
    aggregate: {n: count()}
    group_by: [crim.suspect_id]
  - output: 表
    columns: {人: crim.suspect_id, 数: n}
)");
  ASSERT_NE(table, nullptr);
  Result<RunResult> result = RunModel(*table, &source, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(source.loaded_["criminal_case"], (std::vector<std::string>{"suspect_id"}));
  EXPECT_EQ(result->outputs[0].rows.size(), 1u);
}

TEST(EngineRunTest, ExplainShowsEstimatesAndActuals) {
  std::unique_ptr<CompiledModel> model = Compile(kModel);
  ASSERT_NE(model, nullptr);
  FixtureSource source = Source(Inputs("2023-06-01"));
  RunOptions options;
  options.as_of = *Date::FromYmd(2023, 12, 31);
  Plan plan = PlanModel(*model, &source, options.plan);
  EXPECT_EQ(plan.load_columns[0], (std::vector<std::string>{"party_name", "party_id", "violation_type", "decided_on",
                                                            "transferred"}));
  std::string before = ExplainText(*model, plan, nullptr);
  EXPECT_NE(before.find("时间窗口连接"), std::string::npos);
  EXPECT_EQ(before.find("实际行数"), std::string::npos);
  Result<RunResult> run = RunModel(*model, &source, options);
  ASSERT_TRUE(run.ok());
  std::string after = ExplainText(*model, plan, &*run);
  EXPECT_NE(after.find("实际行数"), std::string::npos);
  EXPECT_NE(after.find("产生线索 0 条"), std::string::npos);
}

TEST(ModelLibraryTest, LoadsDirectoryAndRejectsDuplicateIds) {
  std::filesystem::path directory = std::filesystem::temp_directory_path() / ("shujian_models_" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  std::ofstream(directory / "one.yaml") << kModel;
  ModelLibraryOptions options;
  options.models_dir = directory.string();
  Result<std::unique_ptr<ModelLibrary>> library = ModelLibrary::Load(options);
  ASSERT_TRUE(library.ok()) << library.status().ToString();
  ASSERT_NE((*library)->Find("test-model"), nullptr);
  EXPECT_EQ((*library)->Find("test-model")->spec().version, "7");
  std::ofstream(directory / "two.yaml") << kModel;
  library = ModelLibrary::Load(options);
  ASSERT_FALSE(library.ok());
  EXPECT_NE(library.status().message().find("模型编号「test-model」"), std::string::npos);
  std::ofstream(directory / "two.yaml") << "id: broken\n";
  library = ModelLibrary::Load(options);
  ASSERT_FALSE(library.ok());
  EXPECT_NE(library.status().message().find("two.yaml:1:1：version（版本）不能为空"), std::string::npos) << library.status().message();
  std::filesystem::remove_all(directory);
  options.models_dir = (directory / "missing").string();
  EXPECT_FALSE(ModelLibrary::Load(options).ok());
}

}  // namespace
}  // namespace shujian::engine
