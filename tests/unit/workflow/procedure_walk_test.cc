// Walks each procedure of shared/domain/procedure.md end to end on a fixed clock, with the
// deadlines checked across public holidays and adjusted working days, including the unhappy
// paths: a reply that never comes (逾期未回复 → litigation), an objection upheld (撤回) and one
// rejected (维持), rectification found inadequate (整改不到位 → 跟进监督 → litigation), the police
// refusing to file (不立案 → 立案监督 → 通知立案 → 纠正违法 → 立案), an opinion review suspended
// and resumed in working days, the two-way clue transfers with the discipline commission, a
// deputy's suggestion with feedback, consultation ending a case, and termination.
#include <gtest/gtest.h>

#include <algorithm>

#include "workflow/heritage_registry.h"
#include "workflow_fixture.h"

namespace shujian::workflow {
namespace {

const char kBody[] =
    "【起因】本院在履行公益诉讼检察职责中发现，某某烈士墓长期无人看护、屋顶垮塌。\n"
    "【事实】经查，该烈士墓为县级烈士纪念设施，2024年5月巡查时屋顶大面积垮塌，墓碑倾斜。\n"
    "【依据】《中华人民共和国英雄烈士保护法》第八条、第十条\n"
    "【建议】\n"
    "一、对某某烈士墓开展全面修缮。\n"
    "二、落实专人看护，建立巡查制度。\n"
    "【抄送】十堰市郧阳区人民政府\n";

// procedure.md «Procuratorial suggestion», the full happy path from a model lead: the reply period
// runs from service on 2024-08-01 and ends on 2024-10-01, a holiday, so it ends on 2024-10-08.
TEST_F(WorkflowTest, ModelLeadToSuggestionRectifiedAndReviewed) {
  HeritageRegistry registry(context_);
  SetToday("2024-05-20");
  ASSERT_TRUE(registry
                  .AddSite("zhang",
                           {{"site_no", "YY-LSM-0001"},
                            {"name", "某某烈士墓"},
                            {"category", "烈士墓"},
                            {"level", "县级"},
                            {"responsible_agency", "十堰市郧阳区退役军人事务局"},
                            {"caretaker", "陈某某"}},
                           false)
                  .ok());
  std::string lead =
      ModelFinding("2024-06-03", "heritage-neglect", {"site", "", "YY-LSM-0001", "某某烈士墓"},
                   "某某烈士墓严重损毁且无人看护", "十堰市郧阳区退役军人事务局");
  ASSERT_EQ(lead, "L-000001");

  // Assignment by the department head; the evaluation period runs from receipt (the model run).
  ActionOutcome assigned = Must("2024-06-04", "wang", lead, "assign", {{"assignee", "zhang"}});
  EXPECT_EQ(assigned.to_state, "评估中");
  EXPECT_EQ(DeadlineOf(lead, "lead_evaluation").due_on, "2024-07-03");
  EXPECT_EQ(DeadlineOf(lead, "lead_evaluation").handler, "zhang");

  // 立案: a case, its 立案决定书 number, and two deadlines: 7 days to serve it, 3 months to decide.
  ActionOutcome filed = Must("2024-06-05", "zhang", lead, "evaluate",
                             {{"decision", "立案"}, {"case_kind", "行政公益诉讼"}});
  ASSERT_EQ(filed.created.size(), 1u);
  std::string case_id = filed.created[0];
  EXPECT_EQ(case_id, "C-000001");
  EXPECT_EQ(Lead(lead).status, "立案");
  EXPECT_EQ(DeadlineOf(lead, "lead_evaluation").state, "done");
  store::Matter the_case = Matter(case_id);
  EXPECT_EQ(the_case.state, "立案");
  EXPECT_EQ(the_case.doc_number, "郧检行立〔2024〕1号");
  EXPECT_EQ(the_case.counterparty_org, "TY");  // the lead's addressee, registered as an agency
  EXPECT_EQ(the_case.handler, "zhang");
  EXPECT_EQ(DeadlineOf(case_id, "filing_service").due_on, "2024-06-12");
  // 2024-09-05 is a Thursday: no extension.
  EXPECT_EQ(DeadlineOf(case_id, "case_disposition").due_on, "2024-09-05");

  // A suggestion cannot be drafted before the 立案决定书 is served.
  SetToday("2024-06-06");
  Result<ActionOutcome> too_early = ProcedureRunner(context_).Create(
      {"zhang",
       "suggestion",
       std::nullopt,
       {{"case", case_id}, {"type", "公益诉讼"}, {"addressee", "TY"}},
       {}});
  ASSERT_FALSE(too_early.ok());
  EXPECT_EQ(too_early.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(too_early.status().message().find("serve_filing"), std::string::npos)
      << too_early.status().message();

  Must("2024-06-07", "zhang", case_id, "serve_filing", {{"method", "直接送达"}});
  EXPECT_EQ(Matter(case_id).state, "调查");
  EXPECT_EQ(DeadlineOf(case_id, "filing_service").state, "done");

  std::string suggestion =
      Create("2024-07-22", "zhang", "suggestion",
             {{"case", case_id}, {"type", "公益诉讼"}, {"addressee", "TY"}, {"body", kBody}});
  ASSERT_EQ(suggestion, "S-000001");
  EXPECT_EQ(Matter(case_id).state, "处置");
  EXPECT_EQ(Matter(suggestion).state, "草稿");

  // Signing needs the approval step first; the refusal says what to do.
  Result<ActionOutcome> unsigned_yet = Act("2024-07-23", "chen", suggestion, "sign");
  ASSERT_FALSE(unsigned_yet.ok());
  EXPECT_EQ(unsigned_yet.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(unsigned_yet.status().message().find("提请审批"), std::string::npos)
      << unsigned_yet.status().message();

  Must("2024-07-23", "zhang", suggestion, "submit");
  EXPECT_EQ(DeadlineOf(suggestion, "approval").due_on, "2024-07-30");  // 5 working days
  // A prosecutor may not sign; the chief may.
  Result<ActionOutcome> by_prosecutor = Act("2024-07-24", "zhang", suggestion, "sign");
  ASSERT_FALSE(by_prosecutor.ok());
  EXPECT_EQ(by_prosecutor.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(by_prosecutor.status().message().find("检察长"), std::string::npos);
  ActionOutcome signed_outcome = Must("2024-07-25", "chen", suggestion, "sign");
  EXPECT_EQ(Matter(suggestion).doc_number, "郧检行建〔2024〕1号");
  EXPECT_EQ(DeadlineOf(suggestion, "approval").state, "done");
  EXPECT_EQ(DeadlineOf(case_id, "case_disposition").state, "done");  // a suggestion was issued
  EXPECT_EQ(DeadlineOf(suggestion, "suggestion_service").due_on, "2024-08-01");

  Must("2024-08-01", "zhang", suggestion, "serve", {{"method", "宣告送达"}});
  store::Deadline reply = DeadlineOf(suggestion, "suggestion_reply");
  EXPECT_EQ(reply.base_on, "2024-08-01");
  EXPECT_EQ(reply.due_on, "2024-10-08");  // 2024-10-01 is 国庆节: extended to the first working day
  EXPECT_EQ(reply.counterparty_org, "TY");

  // The to-do lists: the handler's and the addressee clerk's, green → yellow.
  TodoReport early = Todo("zhang", "2024-09-20");
  const TodoItem* item = Item(early, suggestion, "suggestion_reply");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->title, "郧检行建〔2024〕1号 待回复");
  EXPECT_EQ(item->colour, "green");
  EXPECT_EQ(Item(Todo("zhang", "2024-10-05"), suggestion, "suggestion_reply")->colour, "yellow");
  EXPECT_EQ(Item(Todo("tyclerk", "2024-10-05"), suggestion, "suggestion_reply")->colour, "yellow");
  EXPECT_EQ(Item(Todo("tyclerk", "2024-10-09"), suggestion, "suggestion_reply")->colour, "red");
  EXPECT_EQ(Item(Todo("nyclerk", "2024-10-05"), suggestion, "suggestion_reply"), nullptr);

  // The agency's clerk replies in writing, on time.
  Result<ActionOutcome> no_document =
      Act("2024-09-20", "tyclerk", suggestion, "reply", {{"adoption", "采纳"}});
  ASSERT_FALSE(no_document.ok());
  EXPECT_NE(no_document.status().message().find("--document"), std::string::npos)
      << no_document.status().message();
  Must("2024-09-20", "tyclerk", suggestion, "reply", {{"adoption", "采纳"}}, {{"document", Pdf()}});
  EXPECT_EQ(Matter(suggestion).state, "整改中");
  EXPECT_EQ(DeadlineOf(suggestion, "suggestion_reply").state, "done");
  EXPECT_EQ(DeadlineOf(suggestion, "suggestion_reply").closed_on, "2024-09-20");

  // A newer run of the model no longer finds the site: evidence of rectification.
  ModelRunWithoutFinding("2024-10-31", "heritage-neglect");
  ActionOutcome rectified =
      Must("2024-11-05", "zhang", suggestion, "rectify",
           {{"result", "已整改"}, {"rooms", "20"}, {"area", "1,000.5"}, {"funds", "305万"}});
  EXPECT_FALSE(rectified.needs_attention);
  bool verified = std::any_of(
      rectified.notes.begin(), rectified.notes.end(),
      [](const std::string& note) { return note.find("已不再发现该主体") != std::string::npos; });
  EXPECT_TRUE(verified);
  EXPECT_EQ(Matter(suggestion).state, "已整改");
  // 回头看: 6 months after the reply, 2025-03-20 (a Thursday).
  EXPECT_EQ(DeadlineOf(suggestion, "follow_up").due_on, "2025-03-20");

  auto totals = registry.Totals("zhang", "", "", "");
  ASSERT_TRUE(totals.ok()) << totals.status().ToString();
  EXPECT_EQ(totals->text, "修缮房屋20间、1000.5平方米、投入资金305万元");

  // The case cannot close while the suggestion is open.
  Result<ActionOutcome> premature =
      Act("2024-11-06", "zhang", case_id, "close", {{"reason", "已整改"}});
  ASSERT_FALSE(premature.ok());
  EXPECT_NE(premature.status().message().find(suggestion), std::string::npos);

  Must("2025-03-18", "zhang", suggestion, "review", {{"result", "整改到位"}});
  EXPECT_EQ(Matter(suggestion).state, "结案");
  EXPECT_EQ(Matter(suggestion).closed_on, "2025-03-18");
  Must("2025-03-19", "zhang", case_id, "close", {{"reason", "行政机关全面整改，公益得到保护"}});
  EXPECT_EQ(Matter(case_id).state, "结案");

  // Every act is in the history and in the audit log.
  std::vector<store::WorkflowEvent> events = EventsOf(suggestion);
  std::vector<std::string> actions;
  for (const store::WorkflowEvent& event : events) actions.push_back(event.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "sign", "serve", "reply",
                                               "rectify", "review"}));
  std::vector<store::AuditEvent> audit = AuditOf(suggestion);
  std::vector<store::AuditEvent> done;
  std::vector<store::AuditEvent> refused;
  for (const store::AuditEvent& row : audit) (row.outcome == "ok" ? done : refused).push_back(row);
  EXPECT_EQ(done.size(), events.size());
  EXPECT_EQ(done[2].action, "suggestion.sign");
  EXPECT_EQ(done[2].actor, "chen");
  EXPECT_NE(done[2].after_json.find("郧检行建〔2024〕1号"), std::string::npos);
  // The prosecutor's attempt to sign was refused, changed nothing, and left an audit row.
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].actor, "zhang");
  EXPECT_EQ(refused[0].action, "suggestion.sign");
  (void)signed_outcome;
}

// procedure.md: reply within 15 days when urgent; no reply → 逾期未回复 (by the system, as of the
// first day after the period) → the decision to sue within 2 months → 公益诉讼 → judgment.
TEST_F(WorkflowTest, UrgentSuggestionOverdueThenLitigation) {
  LeadIntakeRequest report;
  report.source = "12309";
  report.subject_kind = "person";
  report.subject_key = "420304800101251";  // a 15-digit number, normalised to 18
  report.subject_label = "陈某";
  report.title = "群众举报：禁渔期电鱼，农业农村局未查处";
  report.facts = "2023年12月在汉江郧阳段多次电鱼";
  report.addressee = "NY";
  std::string lead = Intake("2024-01-10", "li", report);
  ASSERT_EQ(Lead(lead).subject.key, "420304198001012510");
  EXPECT_EQ(DeadlineOf(lead, "lead_evaluation").due_on,
            "2024-02-18");  // 2024-02-10 is 春节 → 2-18 (调休)
  Must("2024-01-11", "chen", lead, "assign", {{"assignee", "li"}});
  std::string case_id = Must("2024-01-12", "li", lead, "evaluate",
                             {{"decision", "立案"}, {"case_kind", "行政公益诉讼"}})
                            .created[0];
  EXPECT_EQ(Matter(case_id).doc_number, "郧检公立〔2024〕1号");
  Must("2024-01-15", "li", case_id, "serve_filing");
  std::string suggestion =
      Create("2024-01-22", "li", "suggestion",
             {{"case", case_id}, {"type", "公益诉讼"}, {"addressee", "NY"}, {"urgent", "true"}});
  Must("2024-01-22", "li", suggestion, "submit");
  Must("2024-01-24", "chen", suggestion, "sign");
  EXPECT_EQ(Matter(suggestion).doc_number, "郧检公建〔2024〕1号");
  Must("2024-01-27", "li", suggestion, "serve", {{"method", "直接送达"}});
  store::Deadline reply = DeadlineOf(suggestion, "suggestion_reply");
  EXPECT_EQ(reply.period, "15日（紧急）");
  EXPECT_EQ(reply.due_on,
            "2024-02-18");  // 2024-02-11 falls in 春节; 2-18 is the adjusted working Sunday

  // No reply. The daily sweep on 2024-02-20 marks it overdue as of 2024-02-19.
  SetToday("2024-02-20");
  Result<SweepReport> swept = ProcedureRunner(context_).Sweep(Day("2024-02-20"));
  ASSERT_TRUE(swept.ok()) << swept.status().ToString();
  ASSERT_EQ(swept->acts.size(), 1u);
  EXPECT_EQ(Matter(suggestion).state, "逾期未回复");
  std::vector<store::WorkflowEvent> events = EventsOf(suggestion);
  EXPECT_EQ(events.back().action, "mark_overdue");
  EXPECT_EQ(events.back().actor, "系统");
  EXPECT_EQ(events.back().acted_on, "2024-02-19");
  EXPECT_EQ(AuditOf(suggestion).back().actor, "系统");
  // The decision to sue: 2 months after the reply period ended (2024-02-18) → 2024-04-18.
  EXPECT_EQ(DeadlineOf(suggestion, "litigation_decision").due_on, "2024-04-18");
  TodoReport todo = Todo("li", "2024-02-20");
  EXPECT_EQ(Item(todo, suggestion, "suggestion_reply")->colour, "red");
  EXPECT_EQ(Item(todo, suggestion, "litigation_decision")->colour, "green");
  // A second sweep changes nothing.
  EXPECT_TRUE(ProcedureRunner(context_).Sweep(Day("2024-02-21"))->acts.empty());

  Result<ActionOutcome> without_court = Act("2024-03-01", "chen", suggestion, "litigate");
  ASSERT_FALSE(without_court.ok());
  EXPECT_NE(without_court.status().message().find("--court"), std::string::npos);
  Result<ActionOutcome> not_a_court =
      Act("2024-03-01", "chen", suggestion, "litigate", {{"court", "GA"}});
  ASSERT_FALSE(not_a_court.ok());
  ActionOutcome sued = Must("2024-03-01", "chen", suggestion, "litigate", {{"court", "FY"}});
  ASSERT_EQ(sued.created.size(), 1u);
  std::string litigation = sued.created[0];
  EXPECT_EQ(Matter(litigation).machine, "litigation");
  EXPECT_EQ(Matter(litigation).counterparty_org, "FY");
  EXPECT_EQ(Matter(suggestion).state, "已起诉");
  EXPECT_EQ(DeadlineOf(suggestion, "litigation_decision").state, "done");

  Result<ActionOutcome> open_child = Act("2024-03-02", "li", suggestion, "close");
  ASSERT_FALSE(open_child.ok());
  EXPECT_NE(open_child.status().message().find(litigation), std::string::npos);
  Must("2024-06-10", "li", litigation, "judgment", {{"result", "支持全部诉讼请求"}},
       {{"document", Pdf("判决书.pdf")}});
  Must("2024-06-11", "li", suggestion, "close");
  Must("2024-06-12", "li", case_id, "close", {{"reason", "判决支持全部诉讼请求"}});
  EXPECT_EQ(Matter(case_id).state, "结案");
}

// A reply after the period is recorded, but as late.
TEST_F(WorkflowTest, LateReplyIsRecordedAsLate) {
  LeadIntakeRequest report{.source = "媒体",
                           .subject_kind = "organisation",
                           .subject_key = "91110105771583283D",
                           .title = "媒体报道：某企业违规排污",
                           .addressee = "NY"};
  std::string lead = Intake("2024-03-01", "zhang", report);
  Must("2024-03-01", "wang", lead, "assign", {{"assignee", "zhang"}});
  std::string case_id = Must("2024-03-04", "zhang", lead, "evaluate",
                             {{"decision", "立案"}, {"case_kind", "行政违法行为监督"}})
                            .created[0];
  Must("2024-03-05", "zhang", case_id, "serve_filing");
  std::string suggestion = Create("2024-03-06", "zhang", "suggestion",
                                  {{"case", case_id}, {"type", "纠正违法"}, {"addressee", "NY"}});
  Must("2024-03-06", "zhang", suggestion, "submit");
  Must("2024-03-07", "chen", suggestion, "sign");
  Must("2024-03-08", "zhang", suggestion, "serve", {{"method", "直接送达"}});
  EXPECT_EQ(DeadlineOf(suggestion, "suggestion_reply").due_on, "2024-05-08");
  // The reply comes on 2024-05-20: the system first records 逾期未回复 (as of 2024-05-09), then the
  // reply is taken, late.
  ActionOutcome replied = Must("2024-05-20", "nyclerk", suggestion, "reply",
                               {{"adoption", "部分采纳"}}, {{"document", Pdf()}});
  EXPECT_EQ(replied.from_state, "逾期未回复");
  EXPECT_EQ(Matter(suggestion).state, "整改中");
  store::Deadline reply = DeadlineOf(suggestion, "suggestion_reply");
  EXPECT_EQ(reply.closed_on, "2024-05-20");
  EXPECT_GT(reply.closed_on, reply.due_on);
  EXPECT_TRUE(std::any_of(replied.notes.begin(), replied.notes.end(), [](const std::string& note) {
    return note.find("逾期12日") != std::string::npos;
  }));
  // No litigation deadline: this is not a public-interest suggestion.
  auto transaction = store_->Begin(store::TransactionMode::kRead);
  EXPECT_TRUE((*transaction)
                  ->matters()
                  .ListDeadlines({.object_id = suggestion, .name = "litigation_decision"})
                  ->empty());
  // And it cannot go to court.
  Result<ActionOutcome> sue = Act("2024-06-01", "chen", suggestion, "litigate", {{"court", "FY"}});
  ASSERT_FALSE(sue.ok());
}

}  // namespace
}  // namespace shujian::workflow
