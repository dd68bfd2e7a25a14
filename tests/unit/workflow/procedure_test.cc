// Tests that the shipped procedure files load and say what procedure.md says, and that malformed
// or inconsistent machine files are refused with file, line and column.
#include "workflow/procedure.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace shujian::workflow {
namespace {

TEST(ProcedureTest, ShippedProcedureLoads) {
  ASSERT_TRUE(Procedure::ShippedStatus().ok()) << Procedure::ShippedStatus().ToString();
  const Procedure& procedure = Procedure::Shipped();
  for (const char* name : {"lead", "case", "consultation", "suggestion", "opinion",
                           "police_transfer", "clue_transfer", "deputy_suggestion", "litigation"}) {
    EXPECT_NE(procedure.FindMachine(name), nullptr) << name;
  }
  EXPECT_EQ(procedure.warning_days(), 3);
  const DeadlineRule* reply = procedure.FindDeadline("suggestion_reply");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->period.ToString(), "2个月");
  ASSERT_TRUE(reply->urgent_period.has_value());
  EXPECT_EQ(reply->urgent_period->ToString(), "15日");
  EXPECT_TRUE(reply->notify_counterparty);
  EXPECT_EQ(procedure.FindDeadline("opinion_review")->period.unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(procedure.FindDocument("suggestion")->number_format, "{院}检{部门}建〔{年}〕{号}号");
}

TEST(ProcedureTest, SuggestionMachineFollowsTheProcedure) {
  const Machine* suggestion = Procedure::Shipped().FindMachine("suggestion");
  ASSERT_NE(suggestion, nullptr);
  EXPECT_EQ(suggestion->kinds,
            (std::vector<std::string>{"再审", "纠正违法", "公益诉讼", "社会治理", "其他"}));
  const Transition* sign = suggestion->FindTransition("sign");
  ASSERT_NE(sign, nullptr);
  EXPECT_EQ(sign->from, std::vector<std::string>{"审批中"});
  EXPECT_EQ(sign->roles, std::vector<std::string>{"检察长"});
  EXPECT_NE(std::find(sign->effects.begin(), sign->effects.end(), "allocate_number"),
            sign->effects.end());
  const Transition* serve = suggestion->FindTransition("serve");
  ASSERT_EQ(serve->starts.size(), 1u);
  EXPECT_EQ(serve->starts[0].deadline, "suggestion_reply");
  const Transition* overdue = suggestion->FindTransition("mark_overdue");
  EXPECT_EQ(overdue->automatic, "suggestion_reply");
  const Transition* reply = suggestion->FindTransition("reply");
  EXPECT_NE(std::find(reply->roles.begin(), reply->roles.end(), "执法机关联络员"),
            reply->roles.end());
  EXPECT_TRUE(suggestion->IsFinal("结案"));
  EXPECT_TRUE(suggestion->IsFinal("已撤回"));
  EXPECT_FALSE(suggestion->IsFinal("已送达"));
}

TEST(ProcedureTest, RolesFollowTheThreeAdministratorsRule) {
  const AccessRules& access = Procedure::Shipped().access();
  EXPECT_EQ(access.roles.size(), 9u);
  EXPECT_EQ(access.exclusive, (std::set<std::string>{"系统管理员", "安全管理员", "审计管理员"}));
  EXPECT_EQ(access.FindRole("系统管理员")->reads, ReadScope::kNone);
  EXPECT_TRUE(access.FindRole("安全管理员")->admin.count("授予角色"));
  EXPECT_FALSE(access.FindRole("系统管理员")->admin.count("授予角色"));
  EXPECT_TRUE(access.FindOrgKind("市院")->sees_all);
}

// Loads the shipped files with one machine file replaced by `yaml`.
Result<Procedure> LoadWith(const std::string& yaml) {
  std::string common = R"(
deadlines:
  - {name: reply, title: 回复, period: 2个月, source: 测试}
documents:
  - {type: letter, title: 函, number: "{院}检{部门}函〔{年}〕{号}号"}
fields:
  - {name: reason, label: 理由, option: --reason, type: text}
  - {name: adoption, label: 采纳, option: --adoption, type: enum}
)";
  std::string lead = R"(
machine: lead
title: 线索
command: lead
object: lead
states: [{name: 待评估}]
transitions: []
)";
  std::string case_yaml = R"(
machine: case
title: 案件
command: case
id_prefix: C
states: [{name: 立案}]
transitions: []
)";
  EmbeddedFile files[] = {
      {"procedure.yaml", common}, {"lead.yaml", lead}, {"case.yaml", case_yaml}, {"x.yaml", yaml}};
  std::string roles = R"(
org_kinds: [{kind: 基层院, side: 检察院}]
roles: [{name: 检察官, side: 检察院, acts_on: 本人承办, handles: true, reads: 本院, personal_data: 明文}]
exclusive: []
personal_fields: {id_numbers: [], names: []}
)";
  return Procedure::Load(files, roles);
}

TEST(ProcedureTest, InconsistentMachinesAreRefusedWithPositions) {
  std::string good = R"(machine: letter
title: 函
command: letter
id_prefix: X
document: letter
states: [{name: 草稿}, {name: 已发, final: true}]
transitions:
  - {action: send, label: 发出, from: [草稿], to: 已发, roles: [检察官], starts: [reply],
     requires: [{field: adoption, values: [采纳]}], effects: [allocate_number]}
)";
  ASSERT_TRUE(LoadWith(good).ok()) << LoadWith(good).status().ToString();

  struct Case {
    std::string from;
    std::string to;
    std::string expected;  // part of the message
  };
  const Case cases[] = {
      {"to: 已发", "to: 未定义", "x.yaml:8:47"},
      {"roles: [检察官]", "roles: [书记员]", "书记员"},
      {"starts: [reply]", "starts: [nope]", "期限「nope」"},
      {"effects: [allocate_number]", "effects: [fly]", "不认识的效果"},
      {"values: [采纳]", "values: []", "须用 values"},
      {"label: 发出,", "label: 发出, typo: 1,", "不认识的键「typo」"},
      {"from: [草稿]", "from: [审批]", "状态「审批」"},
  };
  for (const Case& test : cases) {
    std::string yaml = good;
    yaml.replace(yaml.find(test.from), test.from.size(), test.to);
    Result<Procedure> loaded = LoadWith(yaml);
    ASSERT_FALSE(loaded.ok()) << test.to;
    EXPECT_NE(loaded.status().message().find(test.expected), std::string::npos)
        << test.to << " → " << loaded.status().message();
    EXPECT_NE(loaded.status().message().find("rules/procedure/x.yaml"), std::string::npos);
  }
  EXPECT_FALSE(LoadWith("machine: [unclosed").ok());
  // Found by workflow_text_fuzz (tests/regress/fuzz/workflow_text_fuzz/undefined_node_mark): a
  // missing key has no position in yaml-cpp, and asking for one threw through the loader.
  Result<Procedure> missing = LoadWith("title: 函\ncommand: letter\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("machine"), std::string::npos)
      << missing.status().message();
  EXPECT_FALSE(LoadWith("- a\n- b\n").ok());
  EXPECT_FALSE(
      LoadWith("machine: x\ntitle: y\ncommand: z\nid_prefix: Q\nstates: {a: b}\ntransitions: []\n")
          .ok());
}

}  // namespace
}  // namespace shujian::workflow
