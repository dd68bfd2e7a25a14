// Tests of running models over the store itself: StoreDatasetSource loads the current rows the
// import stored (newest versions only, with their batches), ModelRunService finds leads in
// them, and ModelRerunVerifier re-runs a model on the newest data to check rectification —
// refusing when nothing was imported since the agency's reply.
#include "workflow/store_dataset_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/common/string_pool.h"
#include "workflow/model_rerun_verifier.h"
#include "workflow/model_run_service.h"

namespace shujian::workflow {
namespace {

constexpr const char* kModel = R"(id: test-uncovered
version: 2
title: 未移送
legal_basis: 测试依据
addressee: 执法机关
subject: record
rules: {a: 未移送}
pipeline:
  - name: cases
    read: admin_case
    where: not transferred
  - emit: a
    subject: {kind: record, of: cases, label: "{cases.party_name}"}
    title: "{cases.party_name}：{cases.violation_type}"
)";

struct CaseRow {
  std::string case_no, party_name, party_id, transferred;
};

class StoreDatasetSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("shujian_store_source_" + std::to_string(::getpid()));
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_ / "models");
    std::ofstream(directory_ / "models" / "one.yaml") << kModel;
    engine::ModelLibraryOptions options;
    options.models_dir = (directory_ / "models").string();
    options.shipped_models = false;
    library_ = engine::ModelLibrary::Load(options).value();
    store::StoreOptions store_options;
    store_options.location = (directory_ / "test.db").string();
    store_options.migrate_on_open = true;
    store_ = store::OpenStore(store_options).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  // Stores `rows` of admin_case as one batch imported at `imported_at`; returns its id.
  std::string Import(const std::vector<CaseRow>& rows, const std::string& imported_at) {
    auto transaction = store_->Begin().value();
    store::DatasetRepository& datasets = transaction->datasets();
    store::BatchManifest manifest;
    manifest.dataset = "admin_case";
    manifest.source = "农业农村局";
    manifest.imported_by = "tester";
    manifest.imported_at = imported_at;
    std::string id = datasets.CreateBatch(manifest).value();
    manifest.id = id;
    store::DatasetLayout layout{
        "admin_case",
        {"case_no", "agency_name", "agency_code", "party_type", "party_name", "party_id",
         "violation_type", "decided_on", "transferred"},
        {"case_no"}};
    auto writer = datasets.OpenRowWriter(id, layout).value();
    int64_t line = 1;
    for (const CaseRow& row : rows) {
      store::DatasetCell cells[] = {
          {row.case_no, ""},      {"郧阳区农业农村局", ""}, {"11420304MB12345675", ""},
          {"个人", ""},           {row.party_name, ""},     {row.party_id, ""},
          {"非法捕捞水产品", ""}, {"2023-03-01", ""},       {row.transferred, ""}};
      store::PutResult put = writer->Put(cells, 0, ++line).value();
      ++manifest.rows;
      if (put.outcome == store::RowOutcome::kUnchanged) {
        ++manifest.unchanged;
      } else {
        ++manifest.accepted;
      }
    }
    EXPECT_TRUE(writer->Finish().ok());
    writer.reset();
    EXPECT_TRUE(datasets.CompleteBatch(manifest).ok());
    EXPECT_TRUE(transaction->Commit().ok());
    return id;
  }

  std::filesystem::path directory_;
  std::unique_ptr<engine::ModelLibrary> library_;
  std::unique_ptr<store::Store> store_;
  FixedClock clock_{*Date::FromYmd(2024, 1, 2)};
};

TEST_F(StoreDatasetSourceTest, LoadsTheCurrentVersionOfEveryRowWithItsBatch) {
  std::string first =
      Import({{"A1", "甲", "420304198001011016", "否"}, {"A2", "乙", "42030419800102102X", "否"}},
             "2023-12-01T10:00:00");
  std::string second = Import({{"A2", "乙", "42030419800102102X", "是"}}, "2023-12-20T10:00:00");
  auto transaction = store_->Begin(store::TransactionMode::kRead).value();
  StoreDatasetSource source(transaction.get());
  EXPECT_EQ(source.CountRows("admin_case"), 2u);
  EXPECT_EQ(source.CountRows("criminal_case"), 0u);
  engine::StringPool pool;
  const data::DatasetSchema* schema = data::SchemaRegistry::Shipped().Find("admin_case");
  ASSERT_NE(schema, nullptr);
  engine::LoadedDataset loaded =
      source.Load(*schema, {"party_name", "transferred"}, true, &pool).value();
  ASSERT_EQ(loaded.rows, 2u);
  std::map<std::string, std::string> batch_of;
  for (size_t row = 0; row < loaded.rows; ++row) {
    batch_of[loaded.Key(row, pool)] = std::string(pool.Get(loaded.BatchCode(row)));
  }
  EXPECT_EQ(batch_of["A1"], first);
  EXPECT_EQ(batch_of["A2"], second) << "the newer version replaces the older";
  const data::DatasetSchema* empty = data::SchemaRegistry::Shipped().Find("criminal_case");
  EXPECT_EQ(source.Load(*empty, {"suspect_id"}, false, &pool).value().rows, 0u);
}

TEST_F(StoreDatasetSourceTest, ModelsRunOverTheStoreAndTheVerifierRerunsThem) {
  Import({{"A1", "甲", "420304198001011016", "否"}, {"A2", "乙", "42030419800102102X", "是"}},
         "2023-12-01T10:00:00");
  ModelRunService service(store_.get(), library_.get(), &clock_);
  ModelRunRequest request;
  request.as_of = *Date::FromYmd(2023, 12, 31);
  ModelRunReport report = service.Run(request, StoreDatasetSources()).value();
  ASSERT_EQ(report.models.size(), 1u);
  ASSERT_TRUE(report.models[0].ok) << report.models[0].error;
  EXPECT_EQ(report.models[0].leads, 1);
  store::LeadSubject subject{"record", "admin_case", "A1", ""};

  ModelRerunVerifier verifier(library_.get());
  VerificationRequest check{"test-uncovered", subject, *Date::FromYmd(2024, 1, 2),
                            *Date::FromYmd(2023, 12, 15)};
  {
    auto transaction = store_->Begin(store::TransactionMode::kRead).value();
    Result<VerificationOutcome> stale = verifier.Verify(*transaction, check);
    ASSERT_FALSE(stale.ok()) << "nothing was imported since the reply";
    EXPECT_EQ(stale.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(stale.status().message().find("导入"), std::string::npos) << stale.status().message();
  }
  Import({{"A1", "甲", "420304198001011016", "否"}},
         "2023-12-20T10:00:00");  // sent again, unchanged
  {
    auto transaction = store_->Begin(store::TransactionMode::kRead).value();
    VerificationOutcome outcome = verifier.Verify(*transaction, check).value();
    EXPECT_TRUE(outcome.still_found) << outcome.evidence;
    EXPECT_NE(outcome.evidence.find("仍然发现"), std::string::npos) << outcome.evidence;
  }
  Import({{"A1", "甲", "420304198001011016", "是"}}, "2023-12-28T10:00:00");  // transferred since
  auto transaction = store_->Begin(store::TransactionMode::kRead).value();
  VerificationOutcome outcome = verifier.Verify(*transaction, check).value();
  EXPECT_FALSE(outcome.still_found) << outcome.evidence;
  EXPECT_NE(outcome.evidence.find("已不再发现"), std::string::npos) << outcome.evidence;
  VerificationRequest unknown = check;
  unknown.model_id = "no-such-model";
  EXPECT_EQ(verifier.Verify(*transaction, unknown).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace shujian::workflow
