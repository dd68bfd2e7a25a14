// The demonstration end to end, as `shujian demo` builds it: the seeded city's files imported
// through the normal import (one batch per agency file) into a real SQLite store, every
// shipped model run as of the demo's day, and the leads compared with the findings the
// generator planted. The demo must prove itself: every model finds exactly its plants, every
// file's rejects are exactly the rows made unusable on purpose, every lead reads as a
// prosecutor's summary with facts, evidence and legal basis, and running again adds nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "cli/demo_build.h"
#include "store/store.h"
#include "workflow/store_dataset_source.h"

namespace shujian::cli {
namespace {

class DemoEndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                      ("shujian_demo_e2e_" + std::to_string(::getpid())));
    std::filesystem::remove_all(*root_);
    std::filesystem::create_directories(*root_);
    clock_ = new FixedClock(*Date::FromYmd(2024, 3, 31));
    store::StoreOptions options;
    options.location = (*root_ / "demo.db").string();
    options.migrate_on_open = true;
    store_ = store::OpenStore(options).value().release();
    ASSERT_TRUE(store_->Migrate().ok());
    models_ = engine::ModelLibrary::Load(engine::ModelLibraryOptions{}).value().release();
    demo::DemoOptions demo_options;
    demo_options.directory = (*root_ / "files").string();
    Result<DemoBuildReport> report = BuildDemo(*store_, *models_, demo_options, *clock_, nullptr);
    ASSERT_TRUE(report.ok()) << report.status().message();
    report_ = new DemoBuildReport(std::move(*report));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete store_;
    delete models_;
    delete clock_;
    std::filesystem::remove_all(*root_);
    delete root_;
  }

  static std::filesystem::path* root_;
  static FixedClock* clock_;
  static store::Store* store_;
  static engine::ModelLibrary* models_;
  static DemoBuildReport* report_;
};

std::filesystem::path* DemoEndToEndTest::root_ = nullptr;
FixedClock* DemoEndToEndTest::clock_ = nullptr;
store::Store* DemoEndToEndTest::store_ = nullptr;
engine::ModelLibrary* DemoEndToEndTest::models_ = nullptr;
DemoBuildReport* DemoEndToEndTest::report_ = nullptr;

TEST_F(DemoEndToEndTest, EveryFileImportsAndRejectsExactlyItsNoisyRows) {
  ASSERT_NE(report_, nullptr);
  ASSERT_EQ(report_->imports.size(), report_->generation.files.size());
  for (const DemoImportLine& line : report_->imports) {
    EXPECT_EQ(line.rows, line.accepted + line.rejected + line.unchanged) << line.file;
    EXPECT_EQ(line.rejected, line.planned_rejects) << line.file << " (batch " << line.batch << ")";
  }
}

TEST_F(DemoEndToEndTest, EveryModelFindsExactlyItsPlantedFindings) {
  ASSERT_NE(report_, nullptr);
  for (const workflow::ModelRunOutcome& outcome : report_->runs.models) {
    EXPECT_TRUE(outcome.ok) << outcome.model << ": " << outcome.error;
  }
  EXPECT_EQ(report_->runs.models.size(), 8u);
  for (const DemoModelCheck& check : report_->checks) {
    EXPECT_GT(check.planted, 0u) << check.model;
    std::string detail;
    for (const std::string& line : check.missing) detail += "\n  not found: " + line;
    for (const std::string& line : check.unexpected) detail += "\n  not planted: " + line;
    EXPECT_TRUE(check.agrees()) << check.model << ": " << check.found << " leads, " << check.planted
                                << " planted" << detail;
  }
}

TEST_F(DemoEndToEndTest, EveryLeadHasTitleFactsEvidenceAndLegalBasis) {
  ASSERT_NE(report_, nullptr);
  std::unique_ptr<store::Transaction> transaction =
      store_->Begin(store::TransactionMode::kRead).value();
  std::vector<store::Lead> leads = transaction->leads().ListLeads(store::LeadFilter{}).value();
  EXPECT_GT(leads.size(), 100u);
  for (const store::Lead& summary : leads) {
    std::optional<store::Lead> lead = transaction->leads().GetLead(summary.id).value();
    ASSERT_TRUE(lead.has_value());
    EXPECT_FALSE(lead->title.empty()) << lead->id;
    EXPECT_NE(lead->facts_json, "{}") << lead->id << " " << lead->title;
    EXPECT_FALSE(lead->evidence.empty()) << lead->id << " " << lead->title;
    EXPECT_FALSE(lead->legal_basis.empty()) << lead->id << " " << lead->title;
    EXPECT_FALSE(lead->addressee.empty()) << lead->id << " " << lead->title;
  }
}

TEST_F(DemoEndToEndTest, RunningAgainAddsNoLead) {
  ASSERT_NE(report_, nullptr);
  workflow::ModelRunService service(store_, models_, clock_);
  workflow::ModelRunRequest request;
  request.as_of = *Date::FromYmd(2024, 3, 31);
  workflow::ModelRunReport again = service.Run(request, workflow::StoreDatasetSources()).value();
  ASSERT_EQ(again.models.size(), report_->runs.models.size());
  for (size_t index = 0; index < again.models.size(); ++index) {
    EXPECT_TRUE(again.models[index].ok) << again.models[index].error;
    EXPECT_EQ(again.models[index].leads, report_->runs.models[index].leads)
        << again.models[index].model;
    EXPECT_EQ(again.models[index].new_leads, 0) << again.models[index].model;
  }
}

}  // namespace
}  // namespace shujian::cli
