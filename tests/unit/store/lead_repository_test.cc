// Tests of LeadRepository: model leads keyed by (model, subject), evidence replaced on each
// finding, runs recorded, ids allocated in order.
#include "store/lead_repository.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/store.h"

namespace shujian::store {
namespace {

class LeadRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("shujian_lead_test_" + std::to_string(::getpid()) + ".db"))
                .string();
    Remove();
    StoreOptions options;
    options.location = path_;
    options.migrate_on_open = true;
    auto store = OpenStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  static ModelFinding Finding(std::string key, std::string title) {
    ModelFinding finding;
    finding.model_id = "penalty-instead-of-prosecution";
    finding.model_version = "1";
    finding.subject = {"record", "admin_case", key, key};
    finding.rules_json = R"(["a"])";
    finding.title = std::move(title);
    finding.facts_json = R"({"quantity":"860","threshold":"500"})";
    finding.legal_basis = "刑法第340条";
    finding.addressee = "十堰市郧阳区农业农村局";
    finding.evidence = {{"admin_case", key, "b-000001", "行政处罚", R"({"quantity":"860"})"}};
    return finding;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(LeadRepositoryTest, SameModelAndSubjectIsOneLead) {
  auto transaction = store_->Begin(TransactionMode::kReadWrite);
  ASSERT_TRUE(transaction.ok());
  LeadRepository& leads = (*transaction)->leads();
  ModelRun run{.model_id = "penalty-instead-of-prosecution", .model_version = "1",
               .as_of = "2023-12-31", .started_at = "2024-01-02T10:00:00"};
  auto run_id = leads.RecordRun(run);
  ASSERT_TRUE(run_id.ok());
  EXPECT_EQ(*run_id, "R-000001");

  auto first = leads.UpsertModelFinding(Finding("YYNY-2023-0015", "第一次"), *run_id,
                                        "2024-01-02T10:00:01");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->lead_id, "L-000001");
  auto other = leads.UpsertModelFinding(Finding("YYNY-2023-0016", "另一件"), *run_id,
                                        "2024-01-02T10:00:01");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->lead_id, "L-000002");

  auto run2 = leads.RecordRun(run);
  ASSERT_TRUE(run2.ok());
  ModelFinding again = Finding("YYNY-2023-0015", "第二次");
  again.evidence.push_back({"criminal_case", "X-1", "b-000002", "刑事案件", "{}"});
  auto second = leads.UpsertModelFinding(again, *run2, "2024-02-01T09:00:00");
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->lead_id, "L-000001");
  ASSERT_TRUE((*transaction)->Commit().ok());

  auto reader = store_->Begin(TransactionMode::kRead);
  ASSERT_TRUE(reader.ok());
  auto lead = (*reader)->leads().GetLead("L-000001");
  ASSERT_TRUE(lead.ok());
  ASSERT_TRUE(lead->has_value());
  EXPECT_EQ((*lead)->title, "第二次");
  EXPECT_EQ((*lead)->status, "待评估");
  EXPECT_EQ((*lead)->source, "模型");
  EXPECT_EQ((*lead)->first_run_id, "R-000001");
  EXPECT_EQ((*lead)->last_run_id, "R-000002");
  EXPECT_EQ((*lead)->created_at, "2024-01-02T10:00:01");
  EXPECT_EQ((*lead)->updated_at, "2024-02-01T09:00:00");
  ASSERT_EQ((*lead)->evidence.size(), 2u);
  EXPECT_EQ((*lead)->evidence[1].dataset, "criminal_case");
  EXPECT_EQ((*lead)->evidence[1].role, "刑事案件");

  auto all = (*reader)->leads().ListLeads({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  LeadFilter by_subject;
  by_subject.subject = {"record", "", "YYNY-2023-0016", ""};
  EXPECT_EQ((*reader)->leads().ListLeads(by_subject)->size(), 1u);
  LeadFilter by_model;
  by_model.model_id = "disability-fund";
  EXPECT_TRUE((*reader)->leads().ListLeads(by_model)->empty());
  EXPECT_FALSE((*reader)->leads().GetLead("L-999999")->has_value());
}

TEST_F(LeadRepositoryTest, RunsAreRecordedAndFinished) {
  auto transaction = store_->Begin(TransactionMode::kReadWrite);
  ASSERT_TRUE(transaction.ok());
  LeadRepository& leads = (*transaction)->leads();
  ModelRun run{.model_id = "disability-fund", .model_version = "2", .as_of = "2023-12-31",
               .started_at = "2024-01-02T10:00:00"};
  auto id = leads.RecordRun(run);
  ASSERT_TRUE(id.ok());
  run.id = *id;
  run.seconds = 0.41;
  run.leads_found = 108;
  run.leads_new = 100;
  run.input_batches = {"b-000001", "b-000002"};
  run.message = "3行违法类型未映射";
  ASSERT_TRUE(leads.FinishRun(run).ok());
  run.id = "R-404";
  EXPECT_EQ(leads.FinishRun(run).code(), StatusCode::kNotFound);
  auto runs = leads.ListRuns("disability-fund", 10);
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_DOUBLE_EQ((*runs)[0].seconds, 0.41);
  EXPECT_EQ((*runs)[0].leads_found, 108);
  EXPECT_EQ((*runs)[0].input_batches, (std::vector<std::string>{"b-000001", "b-000002"}));
  EXPECT_TRUE((*runs)[0].ok);
  EXPECT_TRUE(leads.ListRuns("other", 10)->empty());
}

TEST_F(LeadRepositoryTest, RejectsAFindingWithoutSubject) {
  auto transaction = store_->Begin(TransactionMode::kReadWrite);
  ASSERT_TRUE(transaction.ok());
  ModelFinding finding = Finding("", "x");
  EXPECT_EQ((*transaction)->leads().UpsertModelFinding(finding, "R-1", "t").status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace shujian::store

namespace shujian::store {
namespace {

class RunOutputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("shujian_run_outputs_" + std::to_string(::getpid()) + ".db"))
                .string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    StoreOptions options;
    options.location = path_;
    options.migrate_on_open = true;
    auto store = OpenStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(RunOutputsTest, RecordedWithTheRunAndReplaced) {
  auto transaction = store_->Begin(TransactionMode::kReadWrite);
  ASSERT_TRUE(transaction.ok());
  LeadRepository& leads = (*transaction)->leads();
  ModelRun run{.model_id = "penalty-upload-gap", .model_version = "1", .as_of = "2023-12-31",
               .started_at = "2024-01-02T10:00:00"};
  auto run_id = leads.RecordRun(run);
  ASSERT_TRUE(run_id.ok());
  RunOutput scorecard{"scorecard", "执法机关应录未录统计", {"机关", "公示", "未上传"}, {{"农业农村局", "12", "3"}, {"林业局", "5", ""}}};
  ASSERT_TRUE(leads.RecordRunOutputs(*run_id, {scorecard}).ok());
  auto outputs = leads.ListRunOutputs(*run_id);
  ASSERT_TRUE(outputs.ok());
  ASSERT_EQ(outputs->size(), 1u);
  EXPECT_EQ((*outputs)[0].title, "执法机关应录未录统计");
  EXPECT_EQ((*outputs)[0].columns, scorecard.columns);
  EXPECT_EQ((*outputs)[0].rows, scorecard.rows);
  ASSERT_TRUE(leads.RecordRunOutputs(*run_id, {}).ok());
  EXPECT_TRUE(leads.ListRunOutputs(*run_id)->empty());
  EXPECT_EQ(leads.RecordRunOutputs("R-999999", {scorecard}).code(), StatusCode::kNotFound);
  EXPECT_TRUE(leads.ListRunOutputs("R-999999")->empty());
}

}  // namespace
}  // namespace shujian::store
