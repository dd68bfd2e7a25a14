// Tests of the model commands as a script sees them: `models`, `model check|explain|test` and
// `leads` — exit codes, stdout that is one JSON document with --json, messages with
// file:line:column on stderr.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "shujian_process.h"

namespace {

using Outcome = shujian::testing_support::ProcessOutcome;

class ModelCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("shujian_model_cli_" + std::to_string(::getpid()));
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_ / "models");
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  Outcome Shujian(const std::string& arguments) {
    return shujian::testing_support::RunShujian(arguments);
  }

  std::string Example() const {
    return std::string(SHUJIAN_SOURCE_DIR) + "/tests/golden/models/penalty_example.yaml";
  }

  std::filesystem::path directory_;
};

TEST_F(ModelCommandsTest, CheckPassesAndFailsWithPositions) {
  Outcome ok = Shujian("model check " + Example() + " --json");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  nlohmann::json document = nlohmann::json::parse(ok.out);
  EXPECT_EQ(document["files"][0]["ok"], true);
  EXPECT_EQ(document["files"][0]["model"], "example-penalty-instead-of-prosecution");

  std::string broken = (directory_ / "broken.yaml").string();
  std::ofstream(broken)
      << "id: b\nversion: 1\ntitle: t\nlegal_basis: x\nsubject: record\nrules: {a: a}\npipeline:\n"
         "  - name: cases\n    read: admin_case\n    where: decided_on > 500\n"
         "  - emit: a\n    subject: {kind: record, of: cases}\n    title: t\n";
  Outcome bad = Shujian("model check " + broken);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("broken.yaml:10:12：「decided_on」是日期，不能与数字 500 比较"),
            std::string::npos)
      << bad.err;
  EXPECT_EQ(Shujian("model check " + (directory_ / "missing.yaml").string()).exit_code, 2);
}

TEST_F(ModelCommandsTest, TestRunsFixturesAndReportsFailures) {
  Outcome ok = Shujian("model test " + Example() + " --json");
  ASSERT_EQ(ok.exit_code, 0) << ok.err << ok.out;
  nlohmann::json document = nlohmann::json::parse(ok.out);
  EXPECT_EQ(document["passed"], 3);
  EXPECT_EQ(document["failed"], 0);

  std::ifstream in(Example());
  std::stringstream text;
  text << in.rdbuf();
  std::string wrong = text.str();
  wrong.replace(wrong.find("- {subject: ZR-3, rules: [b]}"),
                std::string("- {subject: ZR-3, rules: [b]}").size(),
                "- {subject: ZR-2, rules: [b]}");
  std::ofstream(directory_ / "models" / "wrong.yaml") << wrong;
  Outcome failed = Shujian("model test " + (directory_ / "models" / "wrong.yaml").string());
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.out.find("失败  example-penalty-instead-of-prosecution · 二年内第三次非法采矿"),
            std::string::npos)
      << failed.out;
  EXPECT_NE(failed.out.find("应产生对象为「ZR-2」的线索，实际没有"), std::string::npos)
      << failed.out;

  // The library's models (shipped plus --models): the wrong one is found by id.
  Outcome all = Shujian("model test --models " + (directory_ / "models").string() + " --json");
  EXPECT_EQ(all.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(all.out)["failed"], 1);
}

TEST_F(ModelCommandsTest, ModelsListsTheLibrary) {
  std::filesystem::copy_file(Example(), directory_ / "models" / "example.yaml");
  Outcome outcome = Shujian("models --models " + (directory_ / "models").string() + " --json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  nlohmann::json document = nlohmann::json::parse(outcome.out);
  const nlohmann::json* example = nullptr;
  for (const auto& model : document["models"]) {
    if (model["id"] == "example-penalty-instead-of-prosecution") example = &model;
  }
  ASSERT_NE(example, nullptr);
  EXPECT_EQ((*example)["version"], "1");
  EXPECT_EQ((*example)["category"], "两法衔接");
  EXPECT_EQ((*example)["rules"][1]["id"], "b");
  EXPECT_EQ((*example)["datasets"], nlohmann::json::parse(R"(["admin_case", "criminal_case"])"));
  EXPECT_EQ((*example)["parameters"][0]["name"], "window_days");
  EXPECT_EQ((*example)["parameters"][0]["default"], "365");
  EXPECT_EQ(Shujian("models --models " + (directory_ / "nowhere").string()).exit_code, 2);
}

TEST_F(ModelCommandsTest, ExplainShowsThePlan) {
  Outcome plan = Shujian("model explain " + Example());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("时间窗口连接"), std::string::npos);
  Outcome run = Shujian("model explain " + Example() + " --fixture 达到数量标准未移送 --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json document = nlohmann::json::parse(run.out);
  EXPECT_EQ(document["leads"], 1);
  EXPECT_EQ(document["steps"][0]["actual_rows"], 2);
  EXPECT_EQ(Shujian("model explain " + Example() + " --fixture 没有这个").exit_code, 2);
  EXPECT_EQ(Shujian("model explain " + Example() + " --param 没有=1 --fixture 达到数量标准未移送")
                .exit_code,
            2);
}

TEST_F(ModelCommandsTest, LeadsOnAnEmptyDatabase) {
  std::string db = (directory_ / "test.db").string();
  ASSERT_EQ(Shujian("--db " + db + " init").exit_code, 0);
  Outcome leads = Shujian("--db " + db + " leads --json");
  ASSERT_EQ(leads.exit_code, 0) << leads.err;
  EXPECT_EQ(nlohmann::json::parse(leads.out), nlohmann::json::parse(R"({"leads": []})"));
  EXPECT_EQ(Shujian("--db " + (directory_ / "none.db").string() + " leads").exit_code, 2);
}

}  // namespace
