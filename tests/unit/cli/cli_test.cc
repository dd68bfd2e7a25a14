// Tests of the `shujian` binary as a user and a script see it: exit codes, stdout that is pure
// JSON with --json, the JSON shapes of shared/spec/cli.md, and messages on stderr.
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

// Runs the shujian binary (see tests/support/shujian_process.h).
Outcome Shujian(const std::string& arguments, const std::string& stdin_text = "",
                const std::string& environment = "") {
  return shujian::testing_support::RunShujian(arguments, stdin_text, environment);
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (std::filesystem::temp_directory_path() /
           ("shujian_cli_test_" + std::to_string(::getpid()) + ".db"))
              .string();
    Cleanup();
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);
  }
  std::string db_;
};

TEST_F(CliTest, HelpAndVersion) {
  Outcome help = Shujian("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("退出码"), std::string::npos);
  EXPECT_NE(help.out.find("check"), std::string::npos);
  Outcome check_help = Shujian("check id --help");
  EXPECT_EQ(check_help.exit_code, 0);
  EXPECT_NE(check_help.out.find("示例"), std::string::npos);
  Outcome version = Shujian("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(version.out.starts_with("shujian ")) << version.out;
}

TEST_F(CliTest, CheckIdMatchesTheContractExample) {
  Outcome outcome =
      Shujian("check id 420304800101251 420304198001011236 --json --as-of 2026-11-30");
  EXPECT_EQ(outcome.exit_code, 1);
  nlohmann::json document = nlohmann::json::parse(outcome.out);
  nlohmann::json expected = nlohmann::json::parse(R"({"results": [
    {"input": "420304800101251", "valid": true, "normalized": "420304198001012510",
     "birth_date": "1980-01-01", "sex": "男", "region": "湖北省十堰市郧阳区", "upgraded_from_15": true},
    {"input": "420304198001011236", "valid": false, "reason": "校验位错误，应为5"}]})");
  EXPECT_EQ(document, expected) << outcome.out;
}

TEST_F(CliTest, CheckExitCodes) {
  EXPECT_EQ(Shujian("check id 11010519491231002X").exit_code, 0);
  EXPECT_EQ(Shujian("check uscc 91350100M000100Y43").exit_code, 0);
  EXPECT_EQ(Shujian("check uscc 91350100M000100Y44").exit_code, 1);
  EXPECT_EQ(Shujian("check plate 鄂C·12345 鄂CD12345").exit_code, 0);
  EXPECT_EQ(Shujian("check date 2023年2月16日 2023-02-30").exit_code, 1);
  EXPECT_EQ(Shujian("check id").exit_code, 2);          // no value
  EXPECT_EQ(Shujian("check nonsense 1").exit_code, 2);  // unknown kind
  EXPECT_EQ(Shujian("check id 1 --as-of yesterday").exit_code, 2);
  EXPECT_EQ(Shujian("no-such-command").exit_code, 2);
}

TEST_F(CliTest, CheckReadsStdinForDash) {
  Outcome outcome = Shujian("check date - --json", "2023/2/16\n20230217\r\n\n");
  EXPECT_EQ(outcome.exit_code, 0);
  nlohmann::json document = nlohmann::json::parse(outcome.out);
  ASSERT_EQ(document["results"].size(), 2u);
  EXPECT_EQ(document["results"][1]["normalized"], "2023-02-17");
}

TEST_F(CliTest, HumanOutputSaysWhyAValueIsInvalid) {
  Outcome outcome = Shujian("check id 420304198001011236");
  EXPECT_EQ(outcome.out, "420304198001011236：无效，校验位错误，应为5\n");
  Outcome uscc = Shujian("check uscc 91350100M000100Y43");
  EXPECT_EQ(
      uscc.out,
      "91350100M000100Y43：有效 → 91350100M000100Y43（工商（市场监管），企业，福建省福州市）\n");
}

TEST_F(CliTest, InitCreatesThenReportsUpToDate) {
  Outcome first = Shujian("--db " + db_ + " init --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  nlohmann::json created = nlohmann::json::parse(first.out);
  EXPECT_EQ(created["created"], true);
  EXPECT_EQ(created["backend"], "sqlite");
  EXPECT_GE(created["schema_version"].get<int>(), 1);

  Outcome second = Shujian("init --db " + db_);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("已是最新"), std::string::npos) << second.out;
}

TEST_F(CliTest, InitRefusesANonDatabase) {
  std::ofstream(db_)
      << "not a database, but a text file that is long enough to be read as a header";
  Outcome outcome = Shujian("init --db " + db_);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("不是 SQLite 数据库"), std::string::npos) << outcome.err;
}

TEST_F(CliTest, DatabaseFromEnvironment) {
  Outcome outcome = Shujian("init --json", "", "SHUJIAN_DB=" + db_);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(nlohmann::json::parse(outcome.out)["db"], db_);
  EXPECT_TRUE(std::filesystem::exists(db_));
}

TEST_F(CliTest, UnavailableCommandsSaySoAndChangeNothing) {
  for (const char* command : {"serve", "report"}) {
    Outcome outcome = Shujian(std::string("--db ") + db_ + " " + command);
    EXPECT_EQ(outcome.exit_code, 2) << command;
    EXPECT_NE(outcome.err.find("尚未提供"), std::string::npos) << command << ": " << outcome.err;
    EXPECT_EQ(outcome.out, "") << command;
    EXPECT_FALSE(std::filesystem::exists(db_)) << command;
  }
}

TEST_F(CliTest, ImportRejectsAndDatasetsAsTheContractSays) {
  ASSERT_EQ(Shujian("init --db " + db_).exit_code, 0);
  const std::string csv = db_ + ".csv";
  std::ofstream(csv) << "身份证号,姓名,死亡日期\n420304198001012510,张三,2023-01-01\n"
                        "11010519491231002X,李四,2023-02-01\n42030419800101123,王五,2023-03-01\n";
  Outcome first =
      Shujian("--db " + db_ + " import death_record " + csv + " --source 民政局 --json");
  EXPECT_EQ(first.exit_code, 1) << "a rejected row needs attention: " << first.err;
  nlohmann::ordered_json imported = nlohmann::ordered_json::parse(first.out);
  std::vector<std::string> keys;
  for (const auto& [key, value] : imported.items()) keys.push_back(key);
  ASSERT_GE(keys.size(), 7u);
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 7),
            (std::vector<std::string>{"batch", "dataset", "files", "rows", "accepted", "rejected",
                                      "unchanged"}));
  EXPECT_EQ(imported["batch"], "b-000001");
  EXPECT_EQ(imported["dataset"], "death_record");
  EXPECT_EQ(imported["files"], 1);
  EXPECT_EQ(imported["rows"], 3);
  EXPECT_EQ(imported["accepted"], 2);
  EXPECT_EQ(imported["rejected"], 1);
  EXPECT_EQ(imported["unchanged"], 0);
  EXPECT_EQ(first.err.find('\r'), std::string::npos)
      << "no progress bar when stderr is not a terminal";
  EXPECT_NE(first.err.find("shujian rejects b-000001"), std::string::npos) << first.err;

  Outcome second = Shujian("--db " + db_ + " import death_record " + csv + " --json");
  nlohmann::json again = nlohmann::json::parse(second.out);
  EXPECT_EQ(again["accepted"], 0);
  EXPECT_EQ(again["unchanged"], 2) << "the accepted rows of the first time";

  Outcome rejects = Shujian("--db " + db_ + " rejects b-000001 --json");
  ASSERT_EQ(rejects.exit_code, 0) << rejects.err;
  nlohmann::json listed = nlohmann::json::parse(rejects.out);
  EXPECT_EQ(listed["batch"], "b-000001");
  ASSERT_EQ(listed["rejects"].size(), 1u);
  nlohmann::json expected = {{"file", std::filesystem::path(csv).filename().string()},
                             {"line", 4},
                             {"column", "身份证号"},
                             {"value", "42030419800101123"},
                             {"reason", "身份证号长度应为18位（旧号码15位），实际为17位"}};
  EXPECT_EQ(listed["rejects"][0], expected);
  Outcome human = Shujian("--db " + db_ + " rejects b-000001");
  EXPECT_NE(human.out.find("第4行「身份证号」"), std::string::npos) << human.out;
  EXPECT_EQ(Shujian("--db " + db_ + " rejects b-000099").exit_code, 2);

  Outcome datasets = Shujian("--db " + db_ + " datasets --json");
  ASSERT_EQ(datasets.exit_code, 0) << datasets.err;
  nlohmann::json all = nlohmann::json::parse(datasets.out);
  EXPECT_EQ(all["datasets"].size(), 14u);
  for (const auto& dataset : all["datasets"]) {
    if (dataset["dataset"] != "death_record") continue;
    EXPECT_EQ(dataset["rows"], 2);
    EXPECT_EQ(dataset["batch_count"], 2);
    EXPECT_EQ(dataset["batches"][0]["batch"], "b-000002");
  }
  Outcome one = Shujian("--db " + db_ + " datasets death_record");
  EXPECT_NE(one.out.find("b-000001"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("来源：民政局"), std::string::npos) << one.out;
}

TEST_F(CliTest, ImportRefusesAFileWithoutARequiredColumn) {
  ASSERT_EQ(Shujian("init --db " + db_).exit_code, 0);
  const std::string csv = db_ + "-bad.csv";
  std::ofstream(csv) << "身份证号,死亡日期\n420304198001012510,2023-01-01\n";
  Outcome outcome = Shujian("--db " + db_ + " import death_record " + csv + " --json");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.out, "");
  EXPECT_NE(outcome.err.find(std::filesystem::path(csv).filename().string()), std::string::npos)
      << outcome.err;
  EXPECT_NE(outcome.err.find("「姓名」"), std::string::npos) << outcome.err;
  nlohmann::json all = nlohmann::json::parse(Shujian("--db " + db_ + " datasets --json").out);
  for (const auto& dataset : all["datasets"]) EXPECT_EQ(dataset["batch_count"], 0);
  EXPECT_EQ(Shujian("--db " + db_ + " import no_such_dataset " + csv).exit_code, 2);
  EXPECT_EQ(Shujian("--db " + db_ + " import death_record /nonexistent/file.csv").exit_code, 2);
  EXPECT_EQ(Shujian("--db " + db_ + "-missing import death_record " + csv).exit_code, 2);
}

TEST_F(CliTest, TemplateWritesAWorkbook) {
  const std::string out = db_ + "-template.xlsx";
  Outcome outcome = Shujian("template admin_case --out " + out + " --json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  nlohmann::json written = nlohmann::json::parse(outcome.out);
  EXPECT_EQ(written["dataset"], "admin_case");
  EXPECT_EQ(written["columns"], 22);
  EXPECT_TRUE(std::filesystem::exists(out));
  std::filesystem::remove(out);
  EXPECT_EQ(Shujian("template nothing --out " + out).exit_code, 2);
  EXPECT_EQ(Shujian("template admin_case --out /nonexistent/dir/t.xlsx").exit_code, 2);
  for (const char* command :
       {"import --help", "rejects --help", "datasets --help", "template --help"}) {
    Outcome help = Shujian(command);
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("示例"), std::string::npos) << command;
  }
}

}  // namespace

// `shujian demo`: builds the city into a new database, proves it (every model's leads equal the
// plants, exit 0), enters the city's organisations and accounts, and refuses to overwrite an
// existing database unless asked (--fresh).
TEST_F(CliTest, DemoBuildsTheCityAndRefusesAnExistingDatabase) {
  std::filesystem::path files =
      std::filesystem::temp_directory_path() / ("shujian_cli_demo_" + std::to_string(::getpid()));
  std::filesystem::remove_all(files);
  Outcome built = Shujian("--db " + db_ + " demo --json --out " + files.string());
  ASSERT_EQ(built.exit_code, 0) << built.err << built.out.substr(0, 2000);
  nlohmann::json report = nlohmann::json::parse(built.out);
  EXPECT_TRUE(report["agrees"].get<bool>());
  ASSERT_EQ(report["models"].size(), 8u);
  size_t leads = 0;
  for (const auto& model : report["models"]) {
    EXPECT_EQ(model["leads"], model["planted"]) << model.dump();
    leads += model["leads"].get<size_t>();
  }
  EXPECT_GT(leads, 100u);
  EXPECT_GE(report["accounts"].size(), 9u);
  EXPECT_GT(report["heritage_sites"].get<int>(), 100);

  Outcome todo = Shujian("--db " + db_ + " heritage list --as zhangjian --json");
  EXPECT_EQ(todo.exit_code, 0) << todo.err;

  // Running a model again on the same data finds the same leads and adds none.
  Outcome rerun =
      Shujian("--db " + db_ + " run penalty-instead-of-prosecution --as-of 2024-03-31 --json");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  nlohmann::json run = nlohmann::json::parse(rerun.out);
  EXPECT_EQ(run["as_of"], "2024-03-31");
  ASSERT_EQ(run["models"].size(), 1u);
  EXPECT_EQ(run["models"][0]["leads"], 6);
  EXPECT_EQ(run["models"][0]["new"], 0);
  Outcome unknown = Shujian("--db " + db_ + " run no-such-model");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.err;

  // The data analyst's list masks people's names, in titles too; the prosecutor's does not.
  Outcome analyst =
      Shujian("--db " + db_ + " leads --model penalty-instead-of-prosecution --as liufen --json");
  ASSERT_EQ(analyst.exit_code, 0) << analyst.err;
  Outcome prosecutor = Shujian(
      "--db " + db_ + " leads --model penalty-instead-of-prosecution --as zhangjian --json");
  ASSERT_EQ(prosecutor.exit_code, 0) << prosecutor.err;
  std::string masked_titles, plain_titles;
  const nlohmann::json masked_leads = nlohmann::json::parse(analyst.out);
  const nlohmann::json plain_leads = nlohmann::json::parse(prosecutor.out);
  for (const auto& lead : masked_leads["leads"]) masked_titles += lead["title"].get<std::string>();
  for (const auto& lead : plain_leads["leads"]) plain_titles += lead["title"].get<std::string>();
  EXPECT_NE(masked_titles.find("**"), std::string::npos) << masked_titles;
  EXPECT_EQ(plain_titles.find("**"), std::string::npos) << plain_titles;

  // The plan of a model run on the imported rows: actual row counts, nothing stored.
  Outcome explained =
      Shujian("--db " + db_ + " model explain heritage-at-risk --data --as-of 2024-03-31 --json");
  ASSERT_EQ(explained.exit_code, 0) << explained.err;
  nlohmann::json plan = nlohmann::json::parse(explained.out);
  ASSERT_FALSE(plan["steps"].empty());
  EXPECT_EQ(plan["steps"][0]["actual_rows"], 358) << plan["steps"][0].dump();

  Outcome again = Shujian("--db " + db_ + " demo --out " + files.string());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("--fresh"), std::string::npos) << again.err;
  Outcome fresh = Shujian("--db " + db_ + " demo --fresh --json --out " + files.string());
  EXPECT_EQ(fresh.exit_code, 0) << fresh.err;
  std::filesystem::remove_all(files);
  std::filesystem::remove(db_ + ".audit-key");
}
