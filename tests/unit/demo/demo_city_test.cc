// Tests of the demonstration city generator: deterministic output, every dataset written, the
// planted findings of each model present in the numbers the demo promises.
#include "demo/city.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "demo/random.h"

namespace shujian::demo {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class DemoCityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                      ("shujian_demo_test_" + std::to_string(::getpid())));
    std::filesystem::remove_all(*root_);
    DemoOptions options;
    options.directory = (*root_ / "a").string();
    auto report = GenerateDemoCity(options);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    report_ = new GenerationReport(std::move(report).value());
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*root_);
    delete root_;
    delete report_;
  }

  static size_t Planted(const std::string& model, const std::string& rule = "") {
    size_t count = 0;
    for (const PlantedFinding& finding : report_->planted) {
      if (finding.model != model) continue;
      if (rule.empty() ||
          std::find(finding.rules.begin(), finding.rules.end(), rule) != finding.rules.end()) {
        ++count;
      }
    }
    return count;
  }

  static std::filesystem::path* root_;
  static GenerationReport* report_;
};

std::filesystem::path* DemoCityTest::root_ = nullptr;
GenerationReport* DemoCityTest::report_ = nullptr;

TEST(RandomTest, IsDeterministicAndBounded) {
  Random a(42), b(42);
  for (int index = 0; index < 1000; ++index) {
    uint64_t value = a.Below(7);
    EXPECT_EQ(value, b.Below(7));
    EXPECT_LT(value, 7u);
  }
  Random c(42);
  EXPECT_EQ(c.Next(), Random(42).Next());
  EXPECT_NE(Random(42).Fork("x").Next(), Random(42).Fork("y").Next());
  EXPECT_EQ(Random(42).Between(5, 5), 5);
}

TEST_F(DemoCityTest, WritesEveryDataset) {
  for (const char* dataset :
       {"admin_case", "penalty_publicity", "criminal_case", "overload_check", "transport_action",
        "fleet", "employer", "social_insurance", "disabled_person", "disability_fund",
        "death_record", "non_prosecution", "heritage_site", "heritage_inspection"}) {
    EXPECT_GT(report_->rows_by_dataset[dataset], 0) << dataset;
  }
  // About 2,700 cases from the 34 agencies of 郧阳, one file each, and one re-sent file.
  size_t admin_files = 0;
  for (const GeneratedFile& file : report_->files) {
    if (file.dataset == "admin_case") ++admin_files;
    EXPECT_TRUE(std::filesystem::exists(file.path)) << file.path;
  }
  EXPECT_EQ(admin_files, 35u);
  EXPECT_GT(report_->rows_by_dataset["admin_case"], 2600);
  EXPECT_LT(report_->rows_by_dataset["admin_case"], 2900);
}

TEST_F(DemoCityTest, PlantsTheFindingsOfEveryModel) {
  EXPECT_EQ(Planted("penalty-instead-of-prosecution"), 6u);
  EXPECT_EQ(Planted("penalty-instead-of-prosecution", "1b"), 1u);
  EXPECT_EQ(Planted("transferred-not-filed"), 1u);
  EXPECT_EQ(Planted("overload-dangerous-driving", "3a"), 3u);
  EXPECT_EQ(Planted("overload-dangerous-driving", "3b"), 4u);
  EXPECT_EQ(Planted("overload-dangerous-driving", "3c"), 3u);
  EXPECT_EQ(Planted("overload-dangerous-driving", "3d"), 2u);
  EXPECT_EQ(Planted("opinion-not-enforced"), 4u);
  EXPECT_EQ(Planted("penalty-upload-gap"), 12u);
  EXPECT_EQ(Planted("hearing-rights-violated"), 7u);
  EXPECT_EQ(Planted("heritage-at-risk"), 25u);
  // 残保金: on the order of a hundred leads (the founding article: 108).
  EXPECT_GE(Planted("disability-fund"), 90u);
  EXPECT_LE(Planted("disability-fund"), 120u);
  EXPECT_EQ(Planted("disability-fund", "4c"), 12u);
  EXPECT_EQ(Planted("disability-fund", "4d"), 9u);
  EXPECT_GE(Planted("disability-fund", "4b"), 20u);
  // Linkage leads: about 26, about 7 of them suspected crimes.
  size_t linkage = Planted("penalty-instead-of-prosecution") + Planted("transferred-not-filed") +
                   Planted("penalty-upload-gap") + Planted("hearing-rights-violated");
  EXPECT_EQ(linkage, 26u);
}

TEST_F(DemoCityTest, SameSeedSameBytes) {
  DemoOptions options;
  options.directory = (*root_ / "b").string();
  auto again = GenerateDemoCity(options);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_EQ(again->files.size(), report_->files.size());
  for (size_t index = 0; index < report_->files.size(); ++index) {
    const std::string& first = report_->files[index].path;
    const std::string& second = again->files[index].path;
    EXPECT_EQ(std::filesystem::path(first).filename(), std::filesystem::path(second).filename());
    EXPECT_EQ(ReadFile(first), ReadFile(second)) << first;
  }
  EXPECT_EQ(again->planted.size(), report_->planted.size());
}

TEST_F(DemoCityTest, GbkFilesAreNotUtf8) {
  for (const GeneratedFile& file : report_->files) {
    if (file.format != "csv-gbk") continue;
    std::string bytes = ReadFile(file.path);
    // 行政 in GBK is D0D0 D5FE; the header must not be UTF-8.
    EXPECT_EQ(bytes.find("\xE8\xA1\x8C"), std::string::npos) << file.path;
    return;
  }
  FAIL() << "no GBK file written";
}

}  // namespace
}  // namespace shujian::demo
