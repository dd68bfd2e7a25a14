// Tests of the `shujian` binary as a user and a script see it: exit codes, stdout that is pure
// JSON with --json, the JSON shapes of shared/spec/cli.md, and messages on stderr.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs the shujian binary with `arguments` (a shell-quoted string), `stdin_text` on its
// standard input and `environment` ("NAME=value ...") added to its environment.
Outcome Shujian(const std::string& arguments, const std::string& stdin_text = "",
                const std::string& environment = "") {
  std::filesystem::path directory = std::filesystem::temp_directory_path();
  std::string stem = "shujian_cli_test_" + std::to_string(::getpid());
  std::string err_path = (directory / (stem + ".err")).string();
  std::string in_path = (directory / (stem + ".in")).string();
  std::ofstream(in_path) << stdin_text;
  std::string command = environment + " " + std::string(SHUJIAN_BINARY) + " " + arguments + " <" + in_path + " 2>" +
                        err_path;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string out;
  std::array<char, 4096> buffer;
  size_t read;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), read);
  int status = ::pclose(pipe);
  std::stringstream err;
  err << std::ifstream(err_path).rdbuf();
  std::filesystem::remove(err_path);
  std::filesystem::remove(in_path);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, err.str()};
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
  Outcome outcome = Shujian("check id 420304800101251 420304198001011236 --json --as-of 2026-11-30");
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
  EXPECT_EQ(Shujian("check id").exit_code, 2);         // no value
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
  EXPECT_EQ(uscc.out, "91350100M000100Y43：有效 → 91350100M000100Y43（工商（市场监管），企业，福建省福州市）\n");
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
  std::ofstream(db_) << "not a database, but a text file that is long enough to be read as a header";
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
  for (const char* command : {"import admin_case x.csv --source 农业局", "run all", "demo", "serve"}) {
    Outcome outcome = Shujian(std::string("--db ") + db_ + " " + command);
    EXPECT_EQ(outcome.exit_code, 2) << command;
    EXPECT_NE(outcome.err.find("尚未提供"), std::string::npos) << command << ": " << outcome.err;
    EXPECT_EQ(outcome.out, "") << command;
    EXPECT_FALSE(std::filesystem::exists(db_)) << command;
  }
}

}  // namespace
