// More procedures of shared/domain/procedure.md, each walked end to end on a fixed clock:
// objections (upheld → withdrawn; rejected → back where it was), rectification inadequate
// (with the model still finding the subject) → 跟进监督 → litigation, transfers to the police with
// 立案监督, the opinion after non-prosecution in working days with a suspension, the two-way clue
// transfers with the discipline commission, a deputy's suggestion, consultation, termination.
#include <gtest/gtest.h>

#include <algorithm>

#include "workflow/heritage_registry.h"
#include "workflow_fixture.h"

namespace shujian::workflow {
namespace {

class ProcedurePathsTest : public WorkflowTest {
 protected:
  // A lead from 12309 about `key`, assigned to `handler` and filed as a case of `kind`; the
  // 立案决定书 served. Returns the case id.
  std::string FiledCase(const char* on, const std::string& handler, const std::string& kind,
                        const std::string& agency, std::string* lead_id = nullptr) {
    LeadIntakeRequest report{.source = "12309",
                             .subject_kind = "organisation",
                             .subject_key = "91110105771583283D",
                             .title = "举报：某企业非法占用耕地，主管部门未查处",
                             .addressee = agency};
    std::string lead = Intake(on, "chen", report);
    Must(on, "chen", lead, "assign", {{"assignee", handler}});
    std::string case_id =
        Must(on, handler, lead, "evaluate", {{"decision", "立案"}, {"case_kind", kind}}).created[0];
    Must(on, handler, case_id, "serve_filing");
    if (lead_id != nullptr) *lead_id = lead;
    return case_id;
  }

  // A suggestion of `type` in `case_id` to `agency`, signed and served on `on`.
  std::string ServedSuggestion(const char* on, const std::string& handler,
                               const std::string& case_id, const std::string& type,
                               const std::string& agency) {
    std::string suggestion = Create(on, handler, "suggestion",
                                    {{"case", case_id}, {"type", type}, {"addressee", agency}});
    Must(on, handler, suggestion, "submit");
    Must(on, "chen", suggestion, "sign");
    Must(on, handler, suggestion, "serve", {{"method", "直接送达"}});
    return suggestion;
  }
};

TEST_F(ProcedurePathsTest, ObjectionUpheldWithdrawsTheSuggestion) {
  std::string case_id = FiledCase("2024-04-01", "zhang", "社会治理", "NY");
  std::string suggestion = ServedSuggestion("2024-04-08", "zhang", case_id, "社会治理", "NY");
  EXPECT_EQ(Matter(suggestion).doc_number, "郧检行建〔2024〕1号");
  // The agency objects; the review is due in 7 days (procedure.yaml objection_review, [D]).
  Must("2024-04-15", "nyclerk", suggestion, "object", {{"reason", "该事项不属于本局职责"}},
       {{"document", Pdf("异议函.pdf")}});
  EXPECT_EQ(Matter(suggestion).state, "异议复查");
  EXPECT_EQ(DeadlineOf(suggestion, "objection_review").due_on, "2024-04-22");
  // Only the chief decides on the objection (规定第23条).
  Result<ActionOutcome> by_prosecutor = Act("2024-04-18", "zhang", suggestion, "reexamine",
                                            {{"decision", "撤回"}, {"reason", "异议成立"}});
  ASSERT_FALSE(by_prosecutor.ok());
  EXPECT_EQ(by_prosecutor.status().code(), StatusCode::kPermissionDenied);
  Must("2024-04-19", "chen", suggestion, "reexamine",
       {{"decision", "撤回"}, {"reason", "经复查异议成立，依法撤回"}});
  store::Matter withdrawn = Matter(suggestion);
  EXPECT_EQ(withdrawn.state, "已撤回");
  EXPECT_EQ(withdrawn.closed_on, "2024-04-19");
  // The running reply period is cancelled, not left on anyone's list.
  EXPECT_EQ(DeadlineOf(suggestion, "suggestion_reply").state, "cancelled");
  EXPECT_EQ(Item(Todo("nyclerk", "2024-05-01"), suggestion, "suggestion_reply"), nullptr);
  // The number is never reused: the next suggestion of the department gets the next one.
  std::string next = ServedSuggestion("2024-04-22", "zhang", case_id, "社会治理", "NY");
  EXPECT_EQ(Matter(next).doc_number, "郧检行建〔2024〕2号");
  // Nothing more can be done to a withdrawn suggestion.
  Result<ActionOutcome> after = Act("2024-04-23", "nyclerk", suggestion, "reply",
                                    {{"adoption", "采纳"}}, {{"document", Pdf()}});
  ASSERT_FALSE(after.ok());
  EXPECT_NE(after.status().message().find("已办结"), std::string::npos) << after.status().message();
}

TEST_F(ProcedurePathsTest, ObjectionRejectedReturnsToWhereItWas) {
  std::string case_id = FiledCase("2024-04-01", "zhang", "行政违法行为监督", "NY");
  std::string suggestion = ServedSuggestion("2024-04-08", "zhang", case_id, "纠正违法", "NY");
  Must("2024-04-10", "nyclerk", suggestion, "object", {{"reason", "事实不清"}});
  Must("2024-04-12", "chen", suggestion, "reexamine",
       {{"decision", "维持"}, {"reason", "事实清楚，向被建议单位说明理由"}});
  EXPECT_EQ(Matter(suggestion).state, "已送达");
  // The reply period kept running through the objection.
  EXPECT_EQ(DeadlineOf(suggestion, "suggestion_reply").state, "open");
  EXPECT_EQ(DeadlineOf(suggestion, "suggestion_reply").due_on,
            "2024-06-11");  // 6-08 Sat, 6-10 端午 → 6-11
  Must("2024-05-10", "nyclerk", suggestion, "reply", {{"adoption", "采纳"}}, {{"document", Pdf()}});
  EXPECT_EQ(Matter(suggestion).state, "整改中");
}

// Rectification inadequate → 跟进监督 → 公益诉讼. The prosecutor first records 已整改, but the
// model still finds the subject on the newest data: the act is done and flagged for attention.
TEST_F(ProcedurePathsTest, InadequateRectificationEscalatesAndGoesToCourt) {
  HeritageRegistry registry(context_);
  SetToday("2024-03-01");
  ASSERT_TRUE(registry
                  .AddSite("zhang",
                           {{"site_no", "YY-LSM-0002"},
                            {"name", "某革命旧址"},
                            {"category", "革命遗址"},
                            {"level", "市级"},
                            {"responsible_agency", "十堰市郧阳区退役军人事务局"}},
                           false)
                  .ok());
  std::string lead =
      ModelFinding("2024-03-04", "heritage-neglect", {"site", "", "YY-LSM-0002", "某革命旧址"},
                   "某革命旧址房屋垮塌无人修缮", "十堰市郧阳区退役军人事务局");
  Must("2024-03-05", "wang", lead, "assign", {{"assignee", "zhang"}});
  std::string case_id = Must("2024-03-05", "zhang", lead, "evaluate",
                             {{"decision", "立案"}, {"case_kind", "行政公益诉讼"}})
                            .created[0];
  Must("2024-03-06", "zhang", case_id, "serve_filing");
  std::string suggestion = ServedSuggestion("2024-03-11", "zhang", case_id, "公益诉讼", "TY");
  EXPECT_EQ(DeadlineOf(suggestion, "suggestion_reply").due_on, "2024-05-11");  // Sat, but 调休上班
  Must("2024-05-06", "tyclerk", suggestion, "reply", {{"adoption", "部分采纳"}},
       {{"document", Pdf()}});
  // The model ran again after the reply and still finds the site.
  ModelFinding("2024-06-01", "heritage-neglect", {"site", "", "YY-LSM-0002", "某革命旧址"},
               "某革命旧址房屋垮塌无人修缮", "十堰市郧阳区退役军人事务局");
  ActionOutcome claimed = Must("2024-06-05", "zhang", suggestion, "verify");
  EXPECT_TRUE(claimed.needs_attention);
  auto attributes = nlohmann::json::parse(Matter(suggestion).attributes_json);
  EXPECT_EQ(attributes["verification"]["result"], "仍被发现");
  ActionOutcome inadequate =
      Must("2024-06-06", "zhang", suggestion, "rectify", {{"result", "整改不到位"}});
  EXPECT_EQ(Matter(suggestion).state, "整改不到位");
  // The litigation decision is due 2 months after the reply period ended (2024-05-11 → 07-11).
  EXPECT_EQ(DeadlineOf(suggestion, "litigation_decision").due_on, "2024-07-11");
  Result<ActionOutcome> escalate_by_prosecutor =
      Act("2024-06-10", "zhang", suggestion, "escalate", {{"channel", "报告上一级检察院"}});
  ASSERT_FALSE(escalate_by_prosecutor.ok());
  Must("2024-06-10", "chen", suggestion, "escalate", {{"channel", "通报主管部门"}},
       {{"document", Pdf("通报.pdf")}});
  EXPECT_EQ(Matter(suggestion).state, "跟进监督");
  ActionOutcome sued = Must("2024-07-01", "chen", suggestion, "litigate", {{"court", "FY"}});
  EXPECT_EQ(Matter(suggestion).state, "已起诉");
  EXPECT_EQ(Matter(sued.created[0]).kind, "行政公益诉讼");
  // The agency then repairs everything: the claims are met and the suit is withdrawn.
  Must("2024-09-01", "chen", sued.created[0], "withdraw", {{"reason", "诉讼请求全部实现"}});
  EXPECT_EQ(Matter(sued.created[0]).state, "已撤诉");
  (void)inadequate;
}

// procedure.md «Transfers»: the police decide within 3 days (移送规定第8条); 不立案 → 立案监督:
// reasons within 7 days (刑诉规则560), 通知立案 → filing within 15 days (563), 纠正违法 only after.
TEST_F(ProcedurePathsTest, PoliceRefuseToFileThenCaseFilingSupervision) {
  LeadIntakeRequest report{.source = "两法衔接平台",
                           .subject_kind = "record",
                           .subject_key = "YYNY-2023-0015",
                           .subject_dataset = "admin_case",
                           .title = "非法捕捞860公斤只作行政处罚，涉嫌以罚代刑",
                           .addressee = "NY"};
  std::string lead = Intake("2024-04-26", "zhang", report);
  Must("2024-04-26", "wang", lead, "assign", {{"assignee", "zhang"}});
  ActionOutcome transferred =
      Must("2024-04-26", "zhang", lead, "evaluate", {{"decision", "移送"}, {"transfer_to", "GA"}},
           {{"document", Pdf("移送函.pdf")}});
  ASSERT_EQ(transferred.created.size(), 1u);
  std::string transfer = transferred.created[0];
  EXPECT_EQ(Matter(transfer).machine, "police_transfer");
  EXPECT_EQ(Lead(lead).status, "移送");
  // 3 days from Friday 2024-04-26 → 4-29 (Monday) — not extended.
  EXPECT_EQ(DeadlineOf(transfer, "police_decision").due_on, "2024-04-29");
  EXPECT_NE(Item(Todo("gaclerk", "2024-04-27"), transfer, "police_decision"), nullptr);

  Result<ActionOutcome> no_reason =
      Act("2024-04-29", "gaclerk", transfer, "decide", {{"decision", "不立案"}});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_NE(no_reason.status().message().find("--reason"), std::string::npos);
  Must("2024-04-29", "gaclerk", transfer, "decide",
       {{"decision", "不立案"}, {"reason", "情节显著轻微"}});
  EXPECT_EQ(Matter(transfer).state, "不立案");
  Must("2024-04-30", "zhang", transfer, "supervise", {},
       {{"document", Pdf("要求说明不立案理由通知书.pdf")}});
  // 7 days from 4-30 → 5-07 (劳动节 5-1..5-5, 5-7 a Tuesday).
  EXPECT_EQ(DeadlineOf(transfer, "police_explanation").due_on, "2024-05-07");
  Must("2024-05-06", "gaclerk", transfer, "explain", {{"reason", "数量认定有误"}});
  Must("2024-05-08", "chen", transfer, "notify_filing", {{"reason", "理由不成立"}});
  EXPECT_EQ(DeadlineOf(transfer, "police_filing").due_on, "2024-05-23");
  // 纠正违法 only after the 15 days have passed.
  Result<ActionOutcome> too_early = Act("2024-05-20", "chen", transfer, "correct");
  ASSERT_FALSE(too_early.ok());
  EXPECT_NE(too_early.status().message().find("2024-05-23"), std::string::npos)
      << too_early.status().message();
  Must("2024-05-24", "chen", transfer, "correct", {}, {{"document", Pdf("纠正违法通知书.pdf")}});
  EXPECT_EQ(Matter(transfer).state, "纠正违法");
  Must("2024-05-28", "gaclerk", transfer, "file");
  EXPECT_EQ(Matter(transfer).state, "已立案");
  EXPECT_EQ(DeadlineOf(transfer, "police_filing").state, "done");
}

// procedure.md «Opinion after non-prosecution»: 3 working days to reach 行政检察, 10 working days
// of review excluding a suspension, the 检察意见书 with its number, 2 months for the agency's
// reply.
TEST_F(ProcedurePathsTest, OpinionAfterNonProsecutionInWorkingDays) {
  std::string opinion = Create("2025-01-24", "xu", "opinion",
                               {{"person_name", "陈某"},
                                {"person_id", "420304198001012510"},
                                {"decision_no", "郧检刑不诉〔2025〕3号"},
                                {"decided_on", "2025-01-24"},
                                {"addressee", "NY"},
                                {"proposal", "给予罚款并没收渔具"}});
  ASSERT_FALSE(opinion.empty());
  // Friday 24 Jan: Sun 26 (调休上班), Mon 27, then 春节 28 Jan–4 Feb → Wed 5 Feb.
  EXPECT_EQ(DeadlineOf(opinion, "opinion_acceptance").due_on, "2025-02-05");
  // Nobody handles it yet: it is on the chief's and the department heads' lists.
  EXPECT_EQ(Matter(opinion).handler, "");
  EXPECT_NE(Item(Todo("wang", "2025-02-03"), opinion, "opinion_acceptance"), nullptr);
  EXPECT_NE(Item(Todo("chen", "2025-02-03"), opinion, "opinion_acceptance"), nullptr);
  EXPECT_EQ(Item(Todo("xu", "2025-02-03"), opinion, "opinion_acceptance"), nullptr);
  Result<ActionOutcome> self_accept =
      Act("2025-02-05", "zhang", opinion, "accept", {{"assignee", "zhang"}});
  ASSERT_FALSE(self_accept.ok());
  Must("2025-02-05", "wang", opinion, "accept", {{"assignee", "zhang"}});
  EXPECT_EQ(Matter(opinion).handler, "zhang");
  // 10 working days from Wed 5 Feb: 6, 7, Sat 8 (调休上班), 10–14, 17, 18.
  EXPECT_EQ(DeadlineOf(opinion, "opinion_review").due_on, "2025-02-18");
  // Suspended from Friday 7 Feb to Friday 14 Feb: 8 working days were left (8, 10–14, 17, 18);
  // from the 14th they run 17–21, 24–26.
  Must("2025-02-07", "zhang", opinion, "suspend", {{"reason", "公安机关申请复议"}});
  EXPECT_EQ(DeadlineOf(opinion, "opinion_review").state, "paused");
  EXPECT_EQ(Item(Todo("zhang", "2025-02-10"), opinion, "opinion_review"), nullptr);
  Must("2025-02-14", "zhang", opinion, "resume");
  store::Deadline review = DeadlineOf(opinion, "opinion_review");
  EXPECT_EQ(review.state, "open");
  EXPECT_EQ(review.due_on, "2025-02-26");
  EXPECT_NE(review.note.find("中止"), std::string::npos);
  Must("2025-02-20", "zhang", opinion, "submit");
  Must("2025-02-21", "chen", opinion, "sign");
  EXPECT_EQ(Matter(opinion).doc_number, "郧检行意〔2025〕1号");
  Must("2025-02-24", "zhang", opinion, "serve", {{"method", "直接送达"}});
  EXPECT_EQ(DeadlineOf(opinion, "opinion_reply").due_on, "2025-04-24");
  Result<ActionOutcome> no_reason = Act("2025-04-01", "nyclerk", opinion, "reply",
                                        {{"outcome", "未给予行政处罚"}}, {{"document", Pdf()}});
  ASSERT_FALSE(no_reason.ok());
  Must("2025-04-01", "nyclerk", opinion, "reply", {{"outcome", "已给予行政处罚"}},
       {{"document", Pdf("处罚决定书.pdf")}});
  Must("2025-04-02", "zhang", opinion, "close");
  EXPECT_EQ(Matter(opinion).state, "结案");
}

TEST_F(ProcedurePathsTest, TwoWayClueTransfersWithTheDisciplineCommission) {
  // Incoming: registered as a lead; a 移入 transfer owes feedback to the commission.
  LeadIntakeRequest incoming{.source = "纪委监委移送",
                             .subject_kind = "person",
                             .subject_key = "420304198001012510",
                             .title = "监委移送：某执法人员涉嫌徇私舞弊不移交",
                             .from_org = "JW"};
  std::string lead = Intake("2024-03-01", "zhang", incoming);
  auto transaction = store_->Begin(store::TransactionMode::kRead);
  auto transfers =
      (*transaction)->matters().ListMatters({.machine = "clue_transfer", .lead_id = lead});
  transaction.value().reset();
  ASSERT_EQ(transfers->size(), 1u);
  std::string in = transfers->front().id;
  EXPECT_EQ(Matter(in).kind, "移入");
  EXPECT_EQ(Matter(in).state, "已接收");
  EXPECT_EQ(DeadlineOf(in, "clue_feedback").due_on, "2024-04-01");
  Must("2024-03-20", "zhang", in, "feedback", {{"content", "已立案审查，发出检察建议"}});
  Must("2024-03-21", "zhang", in, "close");
  EXPECT_EQ(Matter(in).state, "结案");
  // Outgoing: a lead transferred to the commission; the commission's clerk feeds back.
  LeadIntakeRequest report{.source = "控告申诉检察部门",
                           .subject_kind = "person",
                           .subject_key = "420304198001012510",
                           .title = "控申部门移送：公职人员涉嫌职务违法"};
  std::string second = Intake("2024-03-05", "wang", report);
  std::string out =
      Must("2024-03-06", "wang", second, "evaluate", {{"decision", "移送"}, {"transfer_to", "JW"}})
          .created[0];
  EXPECT_EQ(Matter(out).kind, "移出");
  EXPECT_NE(Item(Todo("jwclerk", "2024-03-07"), out, "clue_feedback"), nullptr);
  Must("2024-03-28", "jwclerk", out, "feedback", {{"content", "已立案调查"}});
  Must("2024-03-29", "wang", out, "close");
}

TEST_F(ProcedurePathsTest, DeputySuggestionIsLinkedAndAnswered) {
  LeadIntakeRequest suggestion{.source = "代表委员建议",
                               .subject_kind = "site",
                               .subject_key = "YY-LSM-0003",
                               .title = "建议加强烈士纪念设施保护",
                               .deputy = "王某某",
                               .from_org = "RD"};
  std::string lead = Intake("2024-03-01", "zhang", suggestion);
  auto transaction = store_->Begin(store::TransactionMode::kRead);
  auto deputies =
      (*transaction)->matters().ListMatters({.machine = "deputy_suggestion", .lead_id = lead});
  transaction.value().reset();
  ASSERT_EQ(deputies->size(), 1u);
  std::string deputy = deputies->front().id;
  EXPECT_EQ(Matter(deputy).counterparty_org, "RD");
  EXPECT_EQ(DeadlineOf(deputy, "deputy_feedback").due_on, "2024-06-03");  // 6-01 Sat → 6-03
  // It cannot be closed before the deputy hears back.
  Result<ActionOutcome> early = Act("2024-03-02", "zhang", deputy, "close");
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.status().message().find("向代表委员反馈"), std::string::npos)
      << early.status().message();
  // The lead becomes a case; the deputy's view of it (the lead) shows the case.
  Must("2024-03-04", "wang", lead, "assign", {{"assignee", "zhang"}});
  std::string case_id = Must("2024-03-05", "zhang", lead, "evaluate",
                             {{"decision", "立案"}, {"case_kind", "行政公益诉讼"}})
                            .created[0];
  EXPECT_EQ(Matter(case_id).lead_id, lead);
  auto lead_view = CaseViews(context_).ShowLead("zhang", lead, Day("2024-03-05"));
  ASSERT_TRUE(lead_view.ok());
  std::vector<std::string> linked;
  for (const MatterSummary& matter : lead_view->matters) linked.push_back(matter.id);
  EXPECT_NE(std::find(linked.begin(), linked.end(), deputy), linked.end());
  EXPECT_NE(std::find(linked.begin(), linked.end(), case_id), linked.end());
  Must("2024-04-10", "zhang", deputy, "feedback",
       {{"content", "已立案并发出诉前检察建议"}, {"method", "书面"}});
  EXPECT_EQ(DeadlineOf(deputy, "deputy_feedback").state, "done");
  Must("2024-04-11", "zhang", deputy, "close");
  EXPECT_EQ(Matter(deputy).state, "已办结");
}

TEST_F(ProcedurePathsTest, ConsultationEndsTheCaseWithoutASuggestion) {
  std::string case_id = FiledCase("2024-06-03", "li", "行政公益诉讼", "NY");
  std::string consultation = Create("2024-06-05", "li", "consultation",
                                    {{"case", case_id}, {"addressee", "NY"}, {"form", "磋商会议"}});
  EXPECT_EQ(Matter(case_id).state, "处置");
  Result<ActionOutcome> no_minutes =
      Act("2024-06-06", "li", consultation, "minutes", {{"agreed", "30日内清理"}});
  ASSERT_FALSE(no_minutes.ok());
  Must("2024-06-06", "li", consultation, "minutes", {{"agreed", "30日内清理违法占地"}},
       {{"minutes", Pdf("磋商纪要.pdf")}});
  Must("2024-07-08", "li", consultation, "conclude", {{"result", "已整改"}});
  EXPECT_EQ(Matter(consultation).state, "已整改");
  Must("2024-07-09", "li", case_id, "close", {{"reason", "磋商结案：行政机关已全面整改"}});
  EXPECT_EQ(Matter(case_id).state, "结案");
  // The disposition period was stopped by the closing.
  EXPECT_EQ(DeadlineOf(case_id, "case_disposition").state, "done");
}

TEST_F(ProcedurePathsTest, TerminationIsDecidedAndServed) {
  std::string case_id = FiledCase("2024-06-03", "zhang", "行政违法行为监督", "NY");
  Result<ActionOutcome> by_prosecutor =
      Act("2024-06-10", "zhang", case_id, "terminate", {{"reason", "行政机关已依法履职"}});
  ASSERT_FALSE(by_prosecutor.ok());
  ActionOutcome terminated =
      Must("2024-06-11", "chen", case_id, "terminate", {{"reason", "行政机关已依法履职"}});
  auto attributes = nlohmann::json::parse(Matter(case_id).attributes_json);
  EXPECT_EQ(attributes["termination_decision_number"], "郧检行终〔2024〕1号");
  EXPECT_EQ(DeadlineOf(case_id, "termination_service").due_on, "2024-06-18");
  Must("2024-06-14", "zhang", case_id, "serve_termination");
  EXPECT_EQ(Matter(case_id).state, "结案");
  (void)terminated;
}

TEST_F(ProcedurePathsTest, DuplicateLeadsAreMergedAndShownAsOneSubject) {
  LeadIntakeRequest report{.source = "12309",
                           .subject_kind = "person",
                           .subject_key = "420304198001012510",
                           .subject_label = "陈某",
                           .title = "举报陈某电鱼"};
  std::string first = Intake("2024-03-01", "zhang", report);
  std::string second = Intake("2024-03-02", "zhang", report);
  std::string model =
      ModelFinding("2024-03-03", "penalty-instead-of-prosecution",
                   {"person", "", "420304198001012510", "陈某"}, "非法捕捞只罚不移", "");
  Result<ActionOutcome> self = Act("2024-03-04", "wang", second, "merge", {{"into", second}});
  ASSERT_FALSE(self.ok());
  Must("2024-03-04", "wang", second, "merge", {{"into", first}, {"reason", "同一举报人重复举报"}});
  EXPECT_EQ(Lead(second).status, "合并");
  // A chain is followed to its root; merging into a merged lead lands on the surviving one.
  Must("2024-03-04", "wang", model, "merge", {{"into", second}});
  auto transaction = store_->Begin(store::TransactionMode::kRead);
  EXPECT_EQ((*(*transaction)->lead_handling().GetHandling(model))->merged_into, first);
  transaction.value().reset();
  auto subject =
      CaseViews(context_).ShowSubject("zhang", "person", "420304800101251", Day("2024-03-05"));
  ASSERT_TRUE(subject.ok()) << subject.status().ToString();
  EXPECT_EQ(subject->leads.size(), 3u);
  EXPECT_EQ(subject->models, std::vector<std::string>{"penalty-instead-of-prosecution"});
  EXPECT_EQ(subject->sources, (std::vector<std::string>{"12309", "模型"}));
  auto view = CaseViews(context_).ShowLead("zhang", first, Day("2024-03-05"));
  EXPECT_EQ(view->merged_from, (std::vector<std::string>{second, model}));
}

}  // namespace
}  // namespace shujian::workflow
