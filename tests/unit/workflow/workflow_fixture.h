// A test fixture for the workflow: a fresh SQLite store on a fixed clock, the shipped procedure
// and calendar, an audit key, and a small city — 十堰市人民检察院 (市院), 郧阳区院 and 房县院
// (基层院) with departments, the agencies, police, discipline commission, people's congress and
// court they deal with — and its users in every role. Helpers perform acts on a given date (the
// clock is set to that day, as a person acting that day would be).
#ifndef SHUJIAN_TESTS_UNIT_WORKFLOW_WORKFLOW_FIXTURE_H_
#define SHUJIAN_TESTS_UNIT_WORKFLOW_WORKFLOW_FIXTURE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "store/store.h"
#include "workflow/audit_log.h"
#include "workflow/case_views.h"
#include "workflow/latest_run_verifier.h"
#include "workflow/org_admin.h"
#include "workflow/procedure_runner.h"
#include "workflow/todo_list.h"

namespace shujian::workflow {

inline Date Day(const char* iso) {
  return *Date::FromYmd(std::atoi(iso), std::atoi(iso + 5), std::atoi(iso + 8));
}

// A minimal valid PDF, for reply documents.
inline Upload Pdf(const std::string& name = "回复函.pdf") {
  return {name, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"};
}

class WorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("shujian_workflow_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    path_ = (directory_ / "test.db").string();
    store::StoreOptions options;
    options.location = path_;
    options.migrate_on_open = true;
    auto store = store::OpenStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    ASSERT_TRUE(Procedure::ShippedStatus().ok()) << Procedure::ShippedStatus().ToString();
    audit_ = std::make_unique<AuditLog>(AuditKey::FromSecret(std::string(32, '\x5a')), clock_);
    context_.store = store_.get();
    context_.clock = &clock_;
    context_.procedure = &Procedure::Shipped();
    context_.calendar = &WorkCalendar::Shipped();
    context_.audit = audit_.get();
    context_.verifier = &verifier_;
    SetToday("2024-01-02");
    BuildCity();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  void SetToday(const char* iso) { clock_.Set(FixedClock(Day(iso)).UnixSeconds()); }

  void BuildCity() {
    OrgAdmin admin(context_);
    auto org = [&](const char* code, const char* name, const char* short_name, const char* kind,
                   const char* parent) {
      auto added = admin.AddOrganisation("", {code, name, short_name, kind, parent, ""});
      ASSERT_TRUE(added.ok()) << added.status().ToString();
    };
    org("SY", "十堰市人民检察院", "十", "市院", "");
    org("YY", "十堰市郧阳区人民检察院", "郧", "基层院", "SY");
    org("FX", "房县人民检察院", "房", "基层院", "SY");
    org("TY", "十堰市郧阳区退役军人事务局", "", "执法机关", "");
    org("NY", "十堰市郧阳区农业农村局", "", "执法机关", "");
    org("GA", "十堰市公安局郧阳区分局", "", "公安", "");
    org("JW", "十堰市郧阳区纪委监委", "", "纪委监委", "");
    org("RD", "十堰市郧阳区人大常委会", "", "人大", "");
    org("FY", "十堰市郧阳区人民法院", "", "法院", "");
    auto dept = [&](const char* org_code, const char* code, const char* name,
                    const char* short_name) {
      auto added = admin.AddDepartment("", {org_code, code, name, short_name});
      ASSERT_TRUE(added.ok()) << added.status().ToString();
    };
    dept("YY", "XZ", "第五检察部", "行");
    dept("YY", "GY", "第六检察部", "公");
    dept("YY", "XS", "第一检察部", "刑");
    dept("FX", "XZ", "第五检察部", "行");
    auto user = [&](const char* login, const char* name, const char* org_code,
                    const char* dept_code, std::vector<std::string> roles) {
      auto added = admin.AddUser("", {login, name, org_code, dept_code, roles});
      ASSERT_TRUE(added.ok()) << added.status().ToString();
    };
    user("zhang", "张检察官", "YY", "XZ", {"检察官"});
    user("li", "李检察官", "YY", "GY", {"检察官"});
    user("xu", "徐检察官", "YY", "XS", {"检察官"});
    user("liu", "刘助理", "YY", "XZ", {"检察官助理"});
    user("wang", "王主任", "YY", "XZ", {"部门负责人"});
    user("chen", "陈检察长", "YY", "", {"检察长"});
    user("zhao", "赵检察官", "FX", "XZ", {"检察官"});
    user("sylead", "市院检察长", "SY", "", {"检察长"});
    user("analyst", "数据分析员", "YY", "", {"数据分析员"});
    user("tyclerk", "退役军人局联络员", "TY", "", {"执法机关联络员"});
    user("nyclerk", "农业局联络员", "NY", "", {"执法机关联络员"});
    user("gaclerk", "公安联络员", "GA", "", {"执法机关联络员"});
    user("jwclerk", "纪委联络员", "JW", "", {"执法机关联络员"});
    user("sysadmin", "系统管理员", "SY", "", {"系统管理员"});
    user("secadmin", "安全管理员", "SY", "", {"安全管理员"});
    user("auditadmin", "审计管理员", "SY", "", {"审计管理员"});
  }

  // ---- acting ----

  Result<ActionOutcome> Act(const char* on, const std::string& actor, const std::string& id,
                            const std::string& action,
                            std::map<std::string, std::string> inputs = {},
                            std::map<std::string, Upload> files = {}) {
    SetToday(on);
    ActionRequest request;
    request.actor = actor;
    request.object_id = id;
    request.action = action;
    request.inputs = std::move(inputs);
    request.files = std::move(files);
    return ProcedureRunner(context_).Perform(request);
  }

  // Like Act, but the act must succeed.
  ActionOutcome Must(const char* on, const std::string& actor, const std::string& id,
                     const std::string& action, std::map<std::string, std::string> inputs = {},
                     std::map<std::string, Upload> files = {}) {
    Result<ActionOutcome> outcome = Act(on, actor, id, action, std::move(inputs), std::move(files));
    EXPECT_TRUE(outcome.ok()) << id << " " << action << ": " << outcome.status().ToString();
    return outcome.ok() ? std::move(outcome).value() : ActionOutcome{};
  }

  std::string Create(const char* on, const std::string& actor, const std::string& machine,
                     std::map<std::string, std::string> inputs,
                     std::map<std::string, Upload> files = {}) {
    SetToday(on);
    CreateRequest request{actor, machine, std::nullopt, std::move(inputs), std::move(files)};
    Result<ActionOutcome> outcome = ProcedureRunner(context_).Create(request);
    EXPECT_TRUE(outcome.ok()) << machine << ": " << outcome.status().ToString();
    return outcome.ok() ? outcome->object_id : "";
  }

  std::string Intake(const char* on, const std::string& actor, LeadIntakeRequest request) {
    SetToday(on);
    request.actor = actor;
    Result<ActionOutcome> outcome = ProcedureRunner(context_).IntakeLead(request);
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    return outcome.ok() ? outcome->object_id : "";
  }

  // Records a model run and a finding, as the engine does.
  std::string ModelFinding(const char* on, const std::string& model, store::LeadSubject subject,
                           const std::string& title, const std::string& addressee) {
    SetToday(on);
    auto transaction = store_->Begin(store::TransactionMode::kReadWrite);
    EXPECT_TRUE(transaction.ok());
    store::ModelRun run{.model_id = model,
                        .model_version = "1",
                        .as_of = on,
                        .started_at = std::string(on) + "T09:00:00",
                        .leads_found = 1};
    auto run_id = (*transaction)->leads().RecordRun(run);
    store::ModelFinding finding;
    finding.model_id = model;
    finding.model_version = "1";
    finding.subject = std::move(subject);
    finding.title = title;
    finding.facts_json = R"({"状况":"严重损毁","巡查次数":"0"})";
    finding.legal_basis = "《英雄烈士保护法》第10条、第25条";
    finding.addressee = addressee;
    finding.evidence = {{"heritage_inspection", "YY-LSM-0001|2024-05-20", "b-000001", "巡查记录",
                         R"({"condition":"严重损毁","inspector":"刘某某"})"}};
    auto upserted =
        (*transaction)->leads().UpsertModelFinding(finding, *run_id, std::string(on) + "T09:00:00");
    EXPECT_TRUE(upserted.ok());
    EXPECT_TRUE((*transaction)->Commit().ok());
    return upserted->lead_id;
  }

  // Records a later run of `model` that does not find the subject any more.
  void ModelRunWithoutFinding(const char* on, const std::string& model) {
    auto transaction = store_->Begin(store::TransactionMode::kReadWrite);
    store::ModelRun run{.model_id = model,
                        .model_version = "1",
                        .as_of = on,
                        .started_at = std::string(on) + "T09:00:00"};
    EXPECT_TRUE((*transaction)->leads().RecordRun(run).ok());
    EXPECT_TRUE((*transaction)->Commit().ok());
  }

  // ---- reading ----

  store::Matter Matter(const std::string& id) {
    auto transaction = store_->Begin(store::TransactionMode::kRead);
    auto matter = (*transaction)->matters().GetMatter(id);
    EXPECT_TRUE(matter.ok() && matter->has_value()) << id;
    return matter.ok() && matter->has_value() ? **matter : store::Matter{};
  }

  store::Lead Lead(const std::string& id) {
    auto transaction = store_->Begin(store::TransactionMode::kRead);
    auto lead = (*transaction)->leads().GetLead(id);
    EXPECT_TRUE(lead.ok() && lead->has_value()) << id;
    return lead.ok() && lead->has_value() ? **lead : store::Lead{};
  }

  // The deadline `name` of `object_id` (the latest one).
  store::Deadline DeadlineOf(const std::string& object_id, const std::string& name) {
    auto transaction = store_->Begin(store::TransactionMode::kRead);
    auto deadlines =
        (*transaction)->matters().ListDeadlines({.object_id = object_id, .name = name});
    EXPECT_TRUE(deadlines.ok() && !deadlines->empty()) << object_id << " has no deadline " << name;
    if (!deadlines.ok() || deadlines->empty()) return {};
    store::Deadline latest = deadlines->front();
    for (const store::Deadline& deadline : *deadlines) {
      if (deadline.id > latest.id) latest = deadline;
    }
    return latest;
  }

  std::vector<store::AuditEvent> AuditOf(const std::string& object_id) {
    auto transaction = store_->Begin(store::TransactionMode::kRead);
    return *(*transaction)->audit().ReadForObject(object_id);
  }

  std::vector<store::WorkflowEvent> EventsOf(const std::string& object_id) {
    auto transaction = store_->Begin(store::TransactionMode::kRead);
    return *(*transaction)->matters().ListEvents(object_id);
  }

  TodoReport Todo(const std::string& user, const char* as_of) {
    auto report = TodoList(context_).For(user, user, Day(as_of));
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : TodoReport{};
  }

  // The to-do item of `ref` and `kind` in `report`, or null.
  static const TodoItem* Item(const TodoReport& report, const std::string& ref,
                              const std::string& kind) {
    for (const TodoItem& item : report.items) {
      if (item.ref == ref && item.kind == kind) return &item;
    }
    return nullptr;
  }

  std::filesystem::path directory_;
  std::string path_;
  FixedClock clock_{Day("2024-01-02")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<AuditLog> audit_;
  LatestRunVerifier verifier_;
  WorkflowContext context_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_TESTS_UNIT_WORKFLOW_WORKFLOW_FIXTURE_H_
