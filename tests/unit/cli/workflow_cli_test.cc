// The case-handling commands as a script sees them (shared/spec/cli.md «Case-handling commands»):
// bootstrapping organisations and users as the local operator, walking a lead to a suggestion
// with --as and --on, the JSON shapes of `lead ID` and `todo --json`, refused acts exiting 2 and
// changing nothing, the .docx of `suggestion document`, and the audit chain verifying.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "shujian_process.h"

namespace {

using CommandRun = shujian::testing_support::ProcessOutcome;

class WorkflowCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("shujian_wfcli_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    ASSERT_EQ(Shujian("init").exit_code, 0);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // Runs `shujian --db <test db> <arguments>`.
  CommandRun Shujian(const std::string& arguments) {
    return shujian::testing_support::RunShujian("--db " + (directory_ / "t.db").string() + " " +
                                                arguments);
  }

  nlohmann::json Json(const std::string& arguments) {
    CommandRun run = Shujian(arguments + " --json");
    EXPECT_EQ(run.exit_code, 0) << arguments << "\n" << run.err;
    nlohmann::json document = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(document.is_discarded()) << arguments << "\n" << run.out;
    return document;
  }

  void Ok(const std::string& arguments) {
    CommandRun run = Shujian(arguments);
    EXPECT_EQ(run.exit_code, 0) << arguments << "\n" << run.err;
  }

  void Bootstrap() {
    Ok("org add SY --name 十堰市人民检察院 --kind 市院 --region 420300 --short 十");
    Ok("org add YY --name 十堰市郧阳区人民检察院 --kind 基层院 --parent SY --region 420304 --short "
       "郧");
    Ok("org add NY --name 十堰市郧阳区农业农村局 --kind 执法机关 --region 420304");
    Ok("org dept YY XZ --name 第五检察部 --short 行");
    Ok("user add zhang --name 张三 --org YY --dept XZ --role 检察官");
    Ok("user add wang --name 王五 --org YY --dept XZ --role 部门负责人");
    Ok("user add chen --name 陈检 --org YY --role 检察长");
    Ok("user add nyclerk --name 联络员 --org NY --role 执法机关联络员");
    Ok("user add sys --name 系统管理员 --org SY --role 系统管理员");
    Ok("user add audit --name 审计管理员 --org SY --role 审计管理员");
  }

  std::filesystem::path directory_;
};

TEST_F(WorkflowCliTest, WalkALeadToARepliedSuggestion) {
  Bootstrap();
  nlohmann::json added = Json(
      "lead add --as zhang --on 2024-03-01 --source 12309 --subject-kind person --subject "
      "420304800101251 "
      "--name 陈某 --title 举报禁渔期电鱼 --addressee NY");
  std::string lead = added["act"]["object"];
  EXPECT_EQ(lead, "L-000001");
  // `lead ID --json`: the shape of shared/spec/cli.md.
  nlohmann::json shown = Json("lead " + lead + " --as zhang");
  EXPECT_EQ(shown["id"], lead);
  EXPECT_EQ(shown["subject"]["kind"], "person");
  EXPECT_EQ(shown["subject"]["key"], "420304198001012510");
  EXPECT_TRUE(shown["rules"].is_array());
  EXPECT_EQ(shown["title"], "举报禁渔期电鱼");
  EXPECT_EQ(shown["status"], "待评估");
  EXPECT_TRUE(shown["evidence"].is_array());
  EXPECT_EQ(shown["source"], "12309");

  Ok("lead assign " + lead + " --as wang --to zhang --on 2024-03-01");
  nlohmann::json evaluated =
      Json("lead evaluate " + lead +
           " --as zhang --on 2024-03-04 --decision 立案 --case-kind 行政公益诉讼");
  EXPECT_EQ(evaluated["case"], "C-000001");
  EXPECT_EQ(evaluated["object"]["status"], "立案");
  Ok("case serve_filing C-000001 --as zhang --on 2024-03-05");
  nlohmann::json drafted = Json(
      "suggestion draft --as zhang --on 2024-03-06 --case C-000001 --type 公益诉讼 --to NY "
      "--urgent");
  std::string suggestion = drafted["act"]["object"];
  EXPECT_EQ(drafted["object"]["state"], "草稿");
  EXPECT_EQ(drafted["object"]["urgent"], true);

  // Refused: wrong order. Exit 2, the reason on stderr, nothing on stdout, nothing changed.
  CommandRun refused =
      Shujian("suggestion sign " + suggestion + " --as chen --on 2024-03-06 --json");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(refused.out.empty());
  EXPECT_NE(refused.err.find("提请审批"), std::string::npos) << refused.err;
  // Refused: no right, unknown user, bad date, not a suggestion.
  EXPECT_EQ(Shujian("suggestion submit " + suggestion + " --as nyclerk").exit_code, 2);
  EXPECT_EQ(Shujian("suggestion submit " + suggestion + " --as nobody").exit_code, 2);
  EXPECT_EQ(Shujian("suggestion submit " + suggestion + " --as zhang --on 2024-13-45").exit_code,
            2);
  EXPECT_EQ(Shujian("suggestion submit C-000001 --as zhang").exit_code, 2);
  EXPECT_EQ(Json("suggestion show " + suggestion + " --as zhang")["state"], "草稿");

  Ok("suggestion submit " + suggestion + " --as zhang --on 2024-03-06");
  nlohmann::json signed_json = Json("suggestion sign " + suggestion + " --as chen --on 2024-03-07");
  EXPECT_EQ(signed_json["object"]["doc_number"], "郧检行建〔2024〕1号");
  Ok("suggestion serve " + suggestion + " --as zhang --on 2024-03-08 --method 宣告送达");

  // `todo --json`: the contract's shape; urgent → 15 days → 2024-03-23 (Sat) → 2024-03-25.
  nlohmann::json todo = Json("todo --user zhang --as-of 2024-03-22");
  EXPECT_EQ(todo["as_of"], "2024-03-22");
  ASSERT_EQ(todo["items"].size(), 1u);
  nlohmann::json item = todo["items"][0];
  EXPECT_EQ(item["kind"], "suggestion_reply");
  EXPECT_EQ(item["ref"], suggestion);
  EXPECT_EQ(item["title"], "郧检行建〔2024〕1号 待回复");
  EXPECT_EQ(item["due"], "2024-03-25");
  EXPECT_EQ(item["colour"], "yellow");
  EXPECT_EQ(Json("todo --user nyclerk --as nyclerk --as-of 2024-03-26")["items"][0]["colour"],
            "red");
  EXPECT_EQ(Shujian("todo --user zhang --as nyclerk").exit_code, 2);

  std::ofstream(directory_ / "reply.pdf") << "%PDF-1.4\n%%EOF\n";
  std::ofstream(directory_ / "fake.pdf") << "just text";
  EXPECT_EQ(Shujian("suggestion reply " + suggestion +
                    " --as nyclerk --on 2024-03-20 --adoption 采纳 --document " +
                    (directory_ / "fake.pdf").string())
                .exit_code,
            2);
  nlohmann::json replied = Json("suggestion reply " + suggestion +
                                " --as nyclerk --on 2024-03-20 --adoption 采纳 "
                                "--document " +
                                (directory_ / "reply.pdf").string());
  EXPECT_EQ(replied["object"]["state"], "整改中");
  EXPECT_EQ(replied["act"]["from"], "已送达");

  // The document.
  std::string docx = (directory_ / "建议书.docx").string();
  nlohmann::json document = Json("suggestion document " + suggestion + " --as zhang --out " + docx);
  EXPECT_EQ(document["doc_number"], "郧检行建〔2024〕1号");
  std::ifstream file(docx, std::ios::binary);
  char magic[4] = {};
  file.read(magic, 4);
  EXPECT_EQ(std::string(magic, 4), std::string("PK\x03\x04", 4));

  // The case with its events, documents and open deadlines.
  nlohmann::json the_case = Json("case show C-000001 --as zhang");
  EXPECT_EQ(the_case["dispositions"][0]["id"], suggestion);
  EXPECT_FALSE(the_case["events"].empty());

  // The audit administrator verifies the chain and reads it; the system administrator may not.
  nlohmann::json verified = Json("audit verify --as audit");
  EXPECT_EQ(verified["intact"], true);
  EXPECT_GT(verified["rows"].get<int>(), 10);
  std::string anchor = std::to_string(verified["anchor"]["seq"].get<int>()) + ":" +
                       verified["anchor"]["mac"].get<std::string>();
  EXPECT_EQ(Shujian("audit verify --as audit --anchor " + anchor).exit_code, 0);
  EXPECT_EQ(Shujian("audit verify --as sys").exit_code, 2);
  EXPECT_FALSE(Json("audit log --as audit --object " + suggestion)["events"].empty());
}

TEST_F(WorkflowCliTest, AdministrationFollowsTheThreeAdministratorsRule) {
  Bootstrap();
  // The system administrator creates accounts but grants no role.
  CommandRun with_role =
      Shujian("user add li --name 李四 --org YY --dept XZ --role 检察官 --as sys");
  EXPECT_EQ(with_role.exit_code, 2);
  EXPECT_NE(with_role.err.find("user grant"), std::string::npos) << with_role.err;
  Ok("user add li --name 李四 --org YY --dept XZ --as sys");
  Ok("user add sec --name 安全管理员 --org SY --role 安全管理员");
  EXPECT_EQ(Shujian("user grant li --role 检察官 --as sys").exit_code, 2);
  nlohmann::json granted = Json("user grant li --role 检察官 --as sec");
  EXPECT_EQ(granted["roles"][0], "检察官");
  EXPECT_EQ(Shujian("user grant li --role 审计管理员 --as sec").exit_code, 2);
  EXPECT_EQ(Shujian("org add X --name 某院 --kind 基层院 --as sec").exit_code, 2);
  EXPECT_EQ(Shujian("org add X --name 某院 --kind 街道办").exit_code, 2);
  nlohmann::json orgs = Json("org list");
  EXPECT_EQ(orgs["organisations"].size(), 3u);
  EXPECT_EQ(orgs["organisations"][2]["departments"][0]["short_name"], "行");
  // Case actions need a named user.
  CommandRun local = Shujian(
      "lead add --source 12309 --subject-kind person --subject 420304198001012510 --title x");
  EXPECT_EQ(local.exit_code, 2);
  EXPECT_NE(local.err.find("--as"), std::string::npos) << local.err;
}

TEST_F(WorkflowCliTest, HelpShowsExamples) {
  for (const char* command :
       {"lead --help", "lead evaluate --help", "case show --help", "suggestion draft --help",
        "suggestion reply --help", "suggestion document --help", "todo --help", "org add --help",
        "user add --help", "heritage add --help", "audit verify --help", "transfer decide --help",
        "opinion receive --help", "deadlines sweep --help", "subject --help"}) {
    CommandRun help = Shujian(command);
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("示例"), std::string::npos) << command;
  }
}

}  // namespace
