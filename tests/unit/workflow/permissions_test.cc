// Who may do what (shared/design/security.md AC-1..AC-5, PI-2): organisation scope (a basic
// procuratorate sees its own, the city procuratorate all, agencies only what is addressed to
// them), handler scope, the three administrators kept apart and away from case data, the local
// operator who administers but handles no case, and personal data masked by role. Every refusal
// changes nothing and leaves an audit row.
#include <gtest/gtest.h>

#include "workflow/audit_reader.h"
#include "workflow/document_service.h"
#include "workflow_fixture.h"

namespace shujian::workflow {
namespace {

class PermissionsTest : public WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    LeadIntakeRequest report{.source = "12309",
                             .subject_kind = "person",
                             .subject_key = "420304198001012510",
                             .subject_label = "陈某某",
                             .title = "举报：陈某某在禁渔期电鱼",
                             .addressee = "NY"};
    lead_ = Intake("2024-03-01", "zhang", report);
    Must("2024-03-01", "wang", lead_, "assign", {{"assignee", "zhang"}});
    case_ = Must("2024-03-01", "zhang", lead_, "evaluate",
                 {{"decision", "立案"}, {"case_kind", "行政公益诉讼"}})
                .created[0];
    Must("2024-03-04", "zhang", case_, "serve_filing");
    suggestion_ = Create("2024-03-05", "zhang", "suggestion",
                         {{"case", case_}, {"type", "公益诉讼"}, {"addressee", "NY"}});
    Must("2024-03-05", "zhang", suggestion_, "submit");
    SetToday("2024-03-06");
  }

  Status View(const std::string& actor, const std::string& id) {
    return CaseViews(context_).ShowMatter(actor, id, Day("2024-03-06")).status();
  }

  int64_t AuditRows() {
    auto transaction = store_->Begin(store::TransactionMode::kRead);
    auto last = (*transaction)->audit().Last();
    return *last ? (**last).seq : 0;
  }

  std::string lead_;
  std::string case_;
  std::string suggestion_;
};

TEST_F(PermissionsTest, OrganisationScopeForReading) {
  EXPECT_TRUE(View("zhang", case_).ok());
  EXPECT_TRUE(View("li", case_).ok());      // same procuratorate, another department
  EXPECT_TRUE(View("sylead", case_).ok());  // the city procuratorate sees all
  EXPECT_EQ(View("zhao", case_).code(),
            StatusCode::kPermissionDenied);  // another basic procuratorate
  EXPECT_EQ(View("analyst", case_).code(), StatusCode::kPermissionDenied);  // leads only
  EXPECT_TRUE(CaseViews(context_).ShowLead("analyst", lead_, Day("2024-03-06")).ok());
  EXPECT_EQ(CaseViews(context_).ShowLead("zhao", lead_, Day("2024-03-06")).status().code(),
            StatusCode::kPermissionDenied);
  // An agency's clerk sees the suggestion addressed to it, not the case, not other agencies'.
  EXPECT_EQ(View("nyclerk", case_).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(View("nyclerk", suggestion_).ok());
  EXPECT_EQ(View("tyclerk", suggestion_).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(CaseViews(context_).ShowLead("nyclerk", lead_, Day("2024-03-06")).status().code(),
            StatusCode::kPermissionDenied);
  // Lists are scoped the same way.
  auto for_fx = CaseViews(context_).ListMatters("zhao", "", false);
  ASSERT_TRUE(for_fx.ok());
  EXPECT_TRUE(for_fx->empty());
  auto for_ny = CaseViews(context_).ListMatters("nyclerk", "", false);
  ASSERT_EQ(for_ny->size(), 1u);
  EXPECT_EQ(for_ny->front().id, suggestion_);
}

TEST_F(PermissionsTest, TheThreeAdministratorsReadNoCaseData) {
  for (const char* admin : {"sysadmin", "secadmin", "auditadmin"}) {
    EXPECT_EQ(View(admin, case_).code(), StatusCode::kPermissionDenied) << admin;
    EXPECT_EQ(CaseViews(context_).ShowLead(admin, lead_, Day("2024-03-06")).status().code(),
              StatusCode::kPermissionDenied)
        << admin;
    EXPECT_EQ(Act("2024-03-06", admin, suggestion_, "sign").status().code(),
              StatusCode::kPermissionDenied)
        << admin;
  }
  // The audit administrator reads and verifies the audit log; the others do not.
  AuditReader reader(context_);
  EXPECT_TRUE(reader.Verify("auditadmin", std::nullopt).ok());
  EXPECT_EQ(reader.Verify("sysadmin", std::nullopt).status().code(), StatusCode::kPermissionDenied);
  auto rows = reader.Read("auditadmin", 1, 0, lead_);
  ASSERT_TRUE(rows.ok());
  ASSERT_FALSE(rows->empty());
  // What the audit administrator reads carries no ID number in full.
  for (const store::AuditEvent& row : *rows) {
    EXPECT_EQ(row.after_json.find("420304198001012510"), std::string::npos) << row.after_json;
  }
  EXPECT_EQ(reader.Read("zhang", 1, 0, "").status().code(), StatusCode::kPermissionDenied);
}

TEST_F(PermissionsTest, ThreeAdministratorsAreSeparate) {
  OrgAdmin admin(context_);
  // The system administrator creates accounts but grants no role ...
  auto with_role = admin.AddUser("sysadmin", {"new1", "新用户", "YY", "XZ", {"检察官"}});
  EXPECT_EQ(with_role.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(with_role.status().message().find("user grant"), std::string::npos)
      << with_role.status().message();
  ASSERT_TRUE(admin.AddUser("sysadmin", {"new1", "新用户", "YY", "XZ", {}}).ok());
  EXPECT_EQ(admin.GrantRoles("sysadmin", "new1", {"检察官"}).status().code(),
            StatusCode::kPermissionDenied);
  // ... the security administrator grants roles but creates no account ...
  EXPECT_EQ(admin.AddUser("secadmin", {"new2", "新用户二", "YY", "XZ", {}}).status().code(),
            StatusCode::kPermissionDenied);
  auto granted = admin.GrantRoles("secadmin", "new1", {"检察官"});
  ASSERT_TRUE(granted.ok()) << granted.status().ToString();
  EXPECT_EQ(granted->roles, std::vector<std::string>{"检察官"});
  EXPECT_EQ(admin.GrantRoles("secadmin", "secadmin", {"审计管理员"}).status().code(),
            StatusCode::kPermissionDenied);
  // ... no one holds two of the three, nor one of them with a business role ...
  EXPECT_EQ(admin.GrantRoles("secadmin", "new1", {"审计管理员"}).status().code(),
            StatusCode::kInvalidArgument);
  // ... and roles fit the organisation: no prosecutor at an agency, no agency clerk at a
  // procuratorate.
  EXPECT_EQ(admin.GrantRoles("secadmin", "nyclerk", {"检察官"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(admin.GrantRoles("secadmin", "new1", {"执法机关联络员"}).status().code(),
            StatusCode::kInvalidArgument);
  // Organisations are the system administrator's; the audit administrator changes nothing.
  EXPECT_TRUE(
      admin.AddOrganisation("sysadmin", {"ZS", "竹山县人民检察院", "竹", "基层院", "SY", "420323"})
          .ok());
  EXPECT_EQ(
      admin
          .AddOrganisation("auditadmin", {"ZX", "竹溪县人民检察院", "溪", "基层院", "SY", "420324"})
          .status()
          .code(),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(admin.AddOrganisation("sysadmin", {"BAD", "某院", "", "基层院", "", "999999"})
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(admin.SetActive("secadmin", "new1", false).status().code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(admin.SetActive("sysadmin", "new1", false).ok());
  // A deactivated user can do nothing.
  EXPECT_EQ(View("new1", case_).code(), StatusCode::kPermissionDenied);
}

TEST_F(PermissionsTest, HandlerAndRoleScopeForActing) {
  // The local operator administers but handles no case.
  Result<ActionOutcome> local = Act("2024-03-06", "", suggestion_, "sign");
  ASSERT_FALSE(local.ok());
  EXPECT_EQ(local.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(local.status().message().find("--as"), std::string::npos);
  // An assistant cannot sign; the city's chief sees but does not sign another procuratorate's.
  EXPECT_EQ(Act("2024-03-06", "liu", suggestion_, "sign").status().code(),
            StatusCode::kPermissionDenied);
  Result<ActionOutcome> city = Act("2024-03-06", "sylead", suggestion_, "sign");
  ASSERT_FALSE(city.ok());
  EXPECT_NE(city.status().message().find("其他院"), std::string::npos);
  // Another prosecutor of the same procuratorate does not handle it.
  Result<ActionOutcome> other = Act("2024-03-06", "li", suggestion_, "return", {{"reason", "x"}});
  EXPECT_EQ(other.status().code(), StatusCode::kPermissionDenied);
  // The agency's clerk acts only on what is addressed to the agency, and only as the procedure
  // allows.
  EXPECT_EQ(Act("2024-03-06", "nyclerk", case_, "close", {{"reason", "x"}}).status().code(),
            StatusCode::kPermissionDenied);
  // The department head reassigns; then the new handler acts and the old one no longer can.
  Must("2024-03-06", "wang", case_, "reassign", {{"assignee", "liu"}, {"reason", "工作调整"}});
  EXPECT_EQ(Matter(case_).handler, "liu");
  EXPECT_EQ(Matter(suggestion_).handler, "liu");  // the open disposition follows
  EXPECT_EQ(DeadlineOf(case_, "case_disposition").handler, "liu");
  Must("2024-03-07", "chen", suggestion_, "return", {{"reason", "请补充事实"}});
  Must("2024-03-08", "liu", suggestion_, "submit");
  EXPECT_EQ(Act("2024-03-08", "zhang", suggestion_, "return", {{"reason", "x"}}).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(PermissionsTest, RefusedActsChangeNothingAndAreAudited) {
  store::Matter before = Matter(suggestion_);
  int64_t rows = AuditRows();
  size_t events = EventsOf(suggestion_).size();
  Result<ActionOutcome> refused = Act("2024-03-06", "zhao", suggestion_, "sign");
  ASSERT_FALSE(refused.ok());
  store::Matter after = Matter(suggestion_);
  EXPECT_EQ(after.state, before.state);
  EXPECT_EQ(after.doc_number, before.doc_number);
  EXPECT_EQ(after.updated_at, before.updated_at);
  EXPECT_EQ(EventsOf(suggestion_).size(), events);
  EXPECT_EQ(AuditRows(), rows + 1);
  std::vector<store::AuditEvent> audit = AuditOf(suggestion_);
  EXPECT_EQ(audit.back().outcome, "refused");
  EXPECT_EQ(audit.back().actor, "zhao");
  // An illegal transition (not a matter of rights) changes nothing and is not a security event.
  Result<ActionOutcome> illegal =
      Act("2024-03-06", "zhang", suggestion_, "serve", {{"method", "直接送达"}});
  ASSERT_FALSE(illegal.ok());
  EXPECT_EQ(illegal.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(AuditRows(), rows + 1);
  // Dates: not in the future, not before the last act.
  SetToday("2024-03-06");
  ActionRequest future{"chen", suggestion_, "sign", "", Day("2024-03-07"), {}, {}};
  EXPECT_EQ(ProcedureRunner(context_).Perform(future).status().code(),
            StatusCode::kInvalidArgument);
  ActionRequest backdated{"chen", suggestion_, "sign", "", Day("2024-03-04"), {}, {}};
  EXPECT_EQ(ProcedureRunner(context_).Perform(backdated).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Matter(suggestion_).state, "审批中");
}

TEST_F(PermissionsTest, InputsAreCheckedBeforeAnythingChanges) {
  Result<ActionOutcome> unknown =
      Act("2024-03-06", "chen", suggestion_, "sign", {{"adoption", "采纳"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("不需要"), std::string::npos);
  LeadIntakeRequest report{
      .source = "媒体", .subject_kind = "vehicle", .subject_key = "鄂C·12345", .title = "报道"};
  std::string fresh = Intake("2024-03-06", "chen", report);
  Result<ActionOutcome> bad_value =
      Act("2024-03-06", "chen", fresh, "evaluate", {{"decision", "同意"}});
  ASSERT_FALSE(bad_value.ok());
  EXPECT_NE(bad_value.status().message().find("可选"), std::string::npos);
  Result<ActionOutcome> no_such = Act("2024-03-06", "chen", suggestion_, "fly");
  ASSERT_FALSE(no_such.ok());
  EXPECT_NE(no_such.status().message().find("sign"), std::string::npos);
  // A reply document must really be a document: its content decides, not its name.
  Must("2024-03-06", "chen", suggestion_, "sign");
  Must("2024-03-06", "zhang", suggestion_, "serve", {{"method", "直接送达"}});
  Result<ActionOutcome> fake =
      Act("2024-03-07", "nyclerk", suggestion_, "reply", {{"adoption", "采纳"}},
          {{"document", {"回复.pdf", "<html>not a pdf</html>"}}});
  ASSERT_FALSE(fake.ok());
  EXPECT_NE(fake.status().message().find("只接受"), std::string::npos) << fake.status().message();
  EXPECT_EQ(Matter(suggestion_).state, "已送达");
}

TEST_F(PermissionsTest, PersonalDataIsMaskedUnlessTheRoleNeedsIt) {
  auto plain = CaseViews(context_).ShowLead("zhang", lead_, Day("2024-03-06"));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->lead.subject.key, "420304198001012510");
  EXPECT_EQ(plain->lead.subject.label, "陈某某");
  auto partial = CaseViews(context_).ShowLead("analyst", lead_, Day("2024-03-06"));
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(partial->lead.subject.key, "420304********2510");
  EXPECT_EQ(partial->lead.subject.label, "陈**");
  EXPECT_EQ(partial->lead.title, "举报：陈**在禁渔期电鱼") << "the name in the title too";
  // The list of leads: the same masking; leads outside the viewer's scope are counted, not shown.
  int hidden = 0;
  auto listed = CaseViews(context_).ListLeads("analyst", store::LeadFilter{}, Day("2024-03-06"), &hidden);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  bool found = false;
  for (const store::Lead& lead : *listed) {
    if (lead.id != lead_) continue;
    found = true;
    EXPECT_EQ(lead.title, "举报：陈**在禁渔期电鱼");
    EXPECT_EQ(lead.subject.key, "420304********2510");
  }
  EXPECT_TRUE(found);
  auto clerk = CaseViews(context_).ListLeads("nyclerk", store::LeadFilter{}, Day("2024-03-06"), &hidden);
  ASSERT_TRUE(clerk.ok()) << clerk.status().ToString();
  EXPECT_TRUE(clerk->empty()) << "an agency clerk sees no leads";
  EXPECT_GT(hidden, 0);
  auto subject =
      CaseViews(context_).ShowSubject("analyst", "person", "420304198001012510", Day("2024-03-06"));
  ASSERT_TRUE(subject.ok());
  EXPECT_EQ(subject->subject.key, "420304********2510");
  // Viewing it in full is audited.
  std::vector<store::AuditEvent> audit = AuditOf(lead_);
  bool viewed = false;
  for (const store::AuditEvent& row : audit)
    viewed = viewed || (row.action == "lead.view" && row.actor == "zhang");
  EXPECT_TRUE(viewed);
  // Documents carry personal data: an agency clerk cannot generate them.
  EXPECT_EQ(DocumentService(context_).Generate("nyclerk", suggestion_).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(PermissionsTest, TodoListsAreOwnOrSupervised) {
  EXPECT_TRUE(TodoList(context_).For("zhang", "zhang", Day("2024-03-06")).ok());
  EXPECT_TRUE(TodoList(context_).For("wang", "zhang", Day("2024-03-06")).ok());  // department head
  EXPECT_TRUE(TodoList(context_).For("chen", "zhang", Day("2024-03-06")).ok());  // chief
  EXPECT_TRUE(TodoList(context_).For("", "zhang", Day("2024-03-06")).ok());      // local operator
  EXPECT_EQ(TodoList(context_).For("li", "zhang", Day("2024-03-06")).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(TodoList(context_).For("zhang", "nobody", Day("2024-03-06")).status().code(),
            StatusCode::kNotFound);
  // The approval awaits the chief and the department head, not the prosecutor.
  EXPECT_NE(Item(Todo("chen", "2024-03-06"), suggestion_, "approval"), nullptr);
  EXPECT_NE(Item(Todo("wang", "2024-03-06"), suggestion_, "approval"), nullptr);
  EXPECT_EQ(Item(Todo("zhang", "2024-03-06"), suggestion_, "approval"), nullptr);
  EXPECT_EQ(Item(Todo("li", "2024-03-06"), suggestion_, "approval"),
            nullptr);  // another department's head? no: not a head
}

}  // namespace
}  // namespace shujian::workflow
