// Tests of ModelRunService: findings become leads keyed by (model, subject), a second run adds
// no duplicate and refreshes the lead, every run is recorded with its version, as-of date,
// input batches and counts, a failing model records a failed run and changes no lead while the
// others run, unknown models or parameters run nothing, and the rectification verifier reads
// the runs recorded here (a subject the newest run no longer finds is gone).
#include "workflow/model_run_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/input/fixture_source.h"
#include "workflow/latest_run_verifier.h"

namespace shujian::workflow {
namespace {

constexpr const char* kModel = R"(id: test-uncovered
version: 3
title: 未移送
legal_basis: 测试依据
addressee: 执法机关
subject: record
parameters:
  fine_at_least: {type: money, default: 0}
rules: {a: 未移送}
pipeline:
  - name: cases
    read: admin_case
    where: not transferred and coalesce(fine, 0) >= $fine_at_least
  - emit: a
    subject: {kind: record, of: cases, label: "{cases.party_name}"}
    title: "{cases.party_name}：罚款{cases.fine}"
)";

constexpr const char* kSecondModel = R"(id: test-second
version: 1
title: 第二个模型
legal_basis: 测试依据
subject: person
rules: {a: 人员}
pipeline:
  - name: cases
    read: admin_case
  - emit: a
    subject: {kind: person, key: cases.party_id}
    title: "{cases.party_name}"
  - name: per_agency
    aggregate: {n: count()}
    from: cases
    group_by: [cases.agency_name]
  - output: 各机关案件数
    columns: {机关: cases.agency_name, 案件: n}
)";

engine::FixtureRowInput Row(const std::string& case_no, const std::string& name, const std::string& id,
                            const std::string& fine) {
  engine::FixtureRowInput row;
  row.where = "row";
  std::vector<std::pair<std::string, std::string>> cells = {
      {"case_no", case_no}, {"agency_name", "局"}, {"agency_code", "11420304MB12345675"}, {"party_type", "个人"},
      {"party_name", name}, {"party_id", id}, {"violation_type", "滥伐林木"}, {"decided_on", "2023-03-01"},
      {"transferred", "否"}, {"fine", fine}};
  for (auto& [column, value] : cells) row.cells.push_back({column, value, "cell"});
  return row;
}

class FailingSource : public engine::DatasetSource {
 public:
  Result<engine::LoadedDataset> Load(const data::DatasetSchema&, const std::vector<std::string>&, bool,
                                     engine::StringPool*) override {
    return Status::IoError("磁盘读取失败");
  }
  std::optional<size_t> CountRows(std::string_view) override { return std::nullopt; }
};

class ModelRunServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() / ("shujian_run_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_ / "models");
    std::ofstream(directory_ / "models" / "one.yaml") << kModel;
    std::ofstream(directory_ / "models" / "two.yaml") << kSecondModel;
    engine::ModelLibraryOptions options;
    options.models_dir = (directory_ / "models").string();
    options.shipped_models = false;
    auto library = engine::ModelLibrary::Load(options);
    ASSERT_TRUE(library.ok()) << library.status().ToString();
    library_ = std::move(library).value();
    store::StoreOptions store_options;
    store_options.location = (directory_ / "test.db").string();
    store_options.migrate_on_open = true;
    auto store = store::OpenStore(store_options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    SetRows({Row("A1", "甲", "420304198001011016", "5000"), Row("A2", "乙", "42030419800102102X", "100")}, "b-000001");
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  void SetRows(std::vector<engine::FixtureRowInput> rows, const std::string& batch) {
    engine::FixtureTableInput table{"admin_case", batch, std::move(rows), "test"};
    auto source = engine::FixtureSource::Create(data::SchemaRegistry::Shipped(), {table}, *Date::FromYmd(2023, 12, 31));
    ASSERT_TRUE(source.ok()) << source.status().ToString();
    source_ = std::make_shared<engine::FixtureSource>(std::move(source).value());
  }

  DatasetSourceFactory Sources() {
    return [this](store::Transaction&) -> Result<std::unique_ptr<engine::DatasetSource>> {
      return std::unique_ptr<engine::DatasetSource>(std::make_unique<engine::FixtureSource>(*source_));
    };
  }

  ModelRunRequest Request(std::vector<std::string> models) {
    ModelRunRequest request;
    request.models = std::move(models);
    request.as_of = *Date::FromYmd(2023, 12, 31);
    request.started_by = "测试";
    return request;
  }

  std::vector<store::Lead> Leads(const std::string& model) {
    auto transaction = store_->Begin(store::TransactionMode::kRead);
    EXPECT_TRUE(transaction.ok());
    store::LeadFilter filter;
    filter.model_id = model;
    auto leads = (*transaction)->leads().ListLeads(filter);
    EXPECT_TRUE(leads.ok());
    std::vector<store::Lead> full;
    for (const store::Lead& lead : *leads) full.push_back(*(*transaction)->leads().GetLead(lead.id).value());
    return full;
  }

  std::filesystem::path directory_;
  std::unique_ptr<engine::ModelLibrary> library_;
  std::unique_ptr<store::Store> store_;
  std::shared_ptr<engine::FixtureSource> source_;
  FixedClock clock_{*Date::FromYmd(2024, 1, 2)};
};

TEST_F(ModelRunServiceTest, FindingsBecomeLeadsAndRunsAreRecorded) {
  ModelRunService service(store_.get(), library_.get(), &clock_);
  auto report = service.Run(Request({"test-uncovered"}), Sources());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->models.size(), 1u);
  const ModelRunOutcome& outcome = report->models[0];
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.run_id, "R-000001");
  EXPECT_EQ(outcome.leads, 2);
  EXPECT_EQ(outcome.new_leads, 2);
  EXPECT_EQ(outcome.version, "3");

  std::vector<store::Lead> leads = Leads("test-uncovered");
  ASSERT_EQ(leads.size(), 2u);
  EXPECT_EQ(leads[0].subject.kind, "record");
  EXPECT_EQ(leads[0].subject.dataset, "admin_case");
  EXPECT_EQ(leads[0].subject.key, "A1");
  EXPECT_EQ(leads[0].subject.label, "甲");
  EXPECT_EQ(leads[0].rules_json, R"(["a"])");
  EXPECT_EQ(leads[0].title, "甲：罚款5,000元");
  EXPECT_EQ(leads[0].model_version, "3");
  EXPECT_EQ(leads[0].legal_basis, "测试依据");
  EXPECT_EQ(leads[0].addressee, "执法机关");
  ASSERT_EQ(leads[0].evidence.size(), 1u);
  EXPECT_EQ(leads[0].evidence[0].batch_id, "b-000001");

  auto transaction = store_->Begin(store::TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  auto runs = (*transaction)->leads().ListRuns("test-uncovered", 10);
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].as_of, "2023-12-31");
  EXPECT_EQ((*runs)[0].model_version, "3");
  EXPECT_EQ((*runs)[0].input_batches, (std::vector<std::string>{"b-000001"}));
  EXPECT_EQ((*runs)[0].leads_found, 2);
  EXPECT_EQ((*runs)[0].leads_new, 2);
  EXPECT_EQ((*runs)[0].started_by, "测试");
  EXPECT_TRUE((*runs)[0].ok);
}

TEST_F(ModelRunServiceTest, RunningAgainAddsNoDuplicateAndRefreshesEvidence) {
  ModelRunService service(store_.get(), library_.get(), &clock_);
  ASSERT_TRUE(service.Run(Request({"test-uncovered"}), Sources()).ok());
  std::vector<store::Lead> first = Leads("test-uncovered");
  auto again = service.Run(Request({"test-uncovered"}), Sources());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->models[0].leads, 2);
  EXPECT_EQ(again->models[0].new_leads, 0);
  std::vector<store::Lead> second = Leads("test-uncovered");
  ASSERT_EQ(second.size(), 2u);
  for (size_t index = 0; index < 2; ++index) {
    EXPECT_EQ(second[index].id, first[index].id);
    EXPECT_EQ(second[index].title, first[index].title);
    EXPECT_EQ(second[index].facts_json, first[index].facts_json);
    EXPECT_EQ(second[index].evidence[0].values_json, first[index].evidence[0].values_json);
    EXPECT_EQ(second[index].last_run_id, "R-000002");
  }
  // A new version of A1 in a new batch: the lead's evidence follows it.
  SetRows({Row("A1", "甲", "420304198001011016", "6000"), Row("A2", "乙", "42030419800102102X", "100")}, "b-000002");
  ASSERT_TRUE(service.Run(Request({"test-uncovered"}), Sources()).ok());
  std::vector<store::Lead> third = Leads("test-uncovered");
  ASSERT_EQ(third.size(), 2u);
  EXPECT_EQ(third[0].id, first[0].id);
  EXPECT_EQ(third[0].title, "甲：罚款6,000元");
  EXPECT_EQ(third[0].evidence[0].batch_id, "b-000002");
}

TEST_F(ModelRunServiceTest, AFailingModelDoesNotStopTheOthers) {
  ModelRunService service(store_.get(), library_.get(), &clock_);
  int calls = 0;
  DatasetSourceFactory sometimes = [&](store::Transaction& transaction) -> Result<std::unique_ptr<engine::DatasetSource>> {
    if (calls++ == 0) return std::unique_ptr<engine::DatasetSource>(std::make_unique<FailingSource>());
    return Sources()(transaction);
  };
  auto report = service.Run(Request({}), sometimes);  // every model: test-second, then test-uncovered
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->models.size(), 2u);
  EXPECT_TRUE(report->any_failed());
  EXPECT_EQ(report->models[0].model, "test-second");
  EXPECT_FALSE(report->models[0].ok);
  EXPECT_NE(report->models[0].error.find("磁盘读取失败"), std::string::npos);
  EXPECT_EQ(report->models[0].run_id, "R-000001");
  EXPECT_TRUE(report->models[1].ok);
  EXPECT_TRUE(Leads("test-second").empty());
  EXPECT_EQ(Leads("test-uncovered").size(), 2u);
  auto transaction = store_->Begin(store::TransactionMode::kRead);
  auto runs = (*transaction)->leads().ListRuns("test-second", 10);
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_FALSE((*runs)[0].ok);
}

TEST_F(ModelRunServiceTest, OutputTablesAreKeptWithTheRun) {
  ModelRunService service(store_.get(), library_.get(), &clock_);
  auto report = service.Run(Request({"test-second"}), Sources());
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->models[0].ok) << report->models[0].error;
  ASSERT_EQ(report->models[0].outputs.size(), 1u);
  auto transaction = store_->Begin(store::TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  auto outputs = (*transaction)->leads().ListRunOutputs(report->models[0].run_id);
  ASSERT_TRUE(outputs.ok());
  ASSERT_EQ(outputs->size(), 1u);
  EXPECT_EQ((*outputs)[0].title, "各机关案件数");
  EXPECT_EQ((*outputs)[0].columns, (std::vector<std::string>{"机关", "案件"}));
  EXPECT_EQ((*outputs)[0].rows, (std::vector<std::vector<std::string>>{{"局", "2"}}));
}

TEST_F(ModelRunServiceTest, ParametersAndUnknownNames) {
  ModelRunService service(store_.get(), library_.get(), &clock_);
  ModelRunRequest request = Request({"test-uncovered"});
  request.params.emplace_back("test-uncovered", "fine_at_least", "1000");
  auto report = service.Run(request, Sources());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->models[0].leads, 1);
  request.params = {{"", "fine_at_lest", "1000"}};
  auto unknown_param = service.Run(request, Sources());
  ASSERT_FALSE(unknown_param.ok());
  EXPECT_EQ(unknown_param.status().code(), StatusCode::kInvalidArgument);
  request.params = {{"test-uncovered", "fine_at_least", "很多"}};
  auto bad_value = service.Run(request, Sources());
  ASSERT_FALSE(bad_value.ok());
  EXPECT_EQ(bad_value.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad_value.status().message().find("很多"), std::string::npos);
  auto unknown_model = service.Run(Request({"no-such-model"}), Sources());
  ASSERT_FALSE(unknown_model.ok());
  EXPECT_EQ(unknown_model.status().code(), StatusCode::kNotFound);
}

TEST_F(ModelRunServiceTest, RectificationVerifierReadsTheRunsItRecords) {
  ModelRunService service(store_.get(), library_.get(), &clock_);
  ASSERT_TRUE(service.Run(Request({"test-uncovered"}), Sources()).ok());
  store::LeadSubject subject = Leads("test-uncovered")[0].subject;
  VerificationRequest check{"test-uncovered", subject, *Date::FromYmd(2024, 1, 2), *Date::FromYmd(2023, 12, 1)};
  LatestRunVerifier verifier;
  {
    auto transaction = store_->Begin(store::TransactionMode::kRead);
    ASSERT_TRUE(transaction.ok());
    auto outcome = verifier.Verify(**transaction, check);
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
    EXPECT_TRUE(outcome->still_found);
    EXPECT_EQ(outcome->run_id, "R-000001");
  }
  // A1 has since been transferred: the next run no longer finds it.
  engine::FixtureRowInput transferred = Row("A1", "甲", "420304198001011016", "5000");
  transferred.cells.push_back({"transferred_on", "2023-06-01", "cell"});
  for (engine::FixtureCellInput& cell : transferred.cells) {
    if (cell.column == "transferred") cell.value = "是";
  }
  SetRows({transferred, Row("A2", "乙", "42030419800102102X", "100")}, "b-000002");
  ModelRunRequest later = Request({"test-uncovered"});
  later.as_of = *Date::FromYmd(2024, 1, 1);
  auto report = service.Run(later, Sources());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->models[0].leads, 1);
  auto transaction = store_->Begin(store::TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  auto outcome = verifier.Verify(**transaction, check);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_FALSE(outcome->still_found);
  EXPECT_EQ(outcome->run_id, "R-000002");
  EXPECT_EQ(Leads("test-uncovered").size(), 2u);  // the lead stays; only the run no longer finds it
}

}  // namespace
}  // namespace shujian::workflow
