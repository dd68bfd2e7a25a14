// Tests of the store areas of the workflow: organisations and users, lead handling, matters with
// events and deadlines, document numbers (unique under concurrent transactions), the append-only
// audit log (no update or delete, even by raw SQL), attachments stored once per digest, and the
// heritage registry's totals. Written against the Store interface so they run unchanged on
// PostgreSQL once it exists.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <set>
#include <thread>

#include "store/store.h"

namespace shujian::store {
namespace {

class WorkflowRepositoriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("shujian_wfrepo_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    path_ = (directory_ / "test.db").string();
    StoreOptions options;
    options.location = path_;
    options.migrate_on_open = true;
    auto store = OpenStore(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    auto transaction = Begin();
    OrgRepository& orgs = transaction->orgs();
    ASSERT_TRUE(orgs.AddOrganisation({"SY", "十堰市人民检察院", "十", "市院", "", "420300", true,
                                      "2024-01-01T09:00:00"})
                    .ok());
    ASSERT_TRUE(orgs.AddOrganisation({"YY", "十堰市郧阳区人民检察院", "郧", "基层院", "SY",
                                      "420304", true, "2024-01-01T09:00:00"})
                    .ok());
    ASSERT_TRUE(orgs.AddOrganisation({"NY", "十堰市郧阳区农业农村局", "", "执法机关", "", "420304",
                                      true, "2024-01-01T09:00:00"})
                    .ok());
    ASSERT_TRUE(orgs.AddDepartment({"YY", "XZ", "第五检察部", "行"}).ok());
    ASSERT_TRUE(
        orgs.AddUser({"zhang", "张检", "YY", "XZ", true, "2024-01-01T09:00:00", "本机操作员"})
            .ok());
    ASSERT_TRUE(transaction->Commit().ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }

  std::unique_ptr<Transaction> Begin() {
    auto transaction = store_->Begin(TransactionMode::kReadWrite);
    EXPECT_TRUE(transaction.ok()) << transaction.status().ToString();
    return std::move(transaction).value();
  }

  // Runs SQL on the file directly, as another program would; returns SQLite's message or "".
  std::string RawSql(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
  }

  Matter NewMatter(std::string machine, std::string state) {
    Matter matter;
    matter.machine = std::move(machine);
    matter.state = std::move(state);
    matter.org_code = "YY";
    matter.dept_code = "XZ";
    matter.handler = "zhang";
    matter.title = "某某局未依法履职";
    matter.opened_on = "2024-03-01";
    matter.created_at = matter.updated_at = "2024-03-01T10:00:00";
    return matter;
  }

  std::filesystem::path directory_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(WorkflowRepositoriesTest, OrganisationsUsersAndRoles) {
  auto transaction = Begin();
  OrgRepository& orgs = transaction->orgs();
  EXPECT_EQ(orgs.AddOrganisation({"YY", "另一个", "", "基层院", "", "", true, "t"}).code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(
      orgs.AddOrganisation({"X", "十堰市郧阳区人民检察院", "", "基层院", "", "", true, "t"}).code(),
      StatusCode::kAlreadyExists);
  EXPECT_EQ(orgs.AddOrganisation({"X", "某院", "", "基层院", "NOPE", "", true, "t"}).code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(orgs.GrantRole("zhang", "检察官", "sec", "t").ok());
  EXPECT_TRUE(orgs.GrantRole("zhang", "部门负责人", "sec", "t").ok());
  EXPECT_EQ(orgs.GrantRole("zhang", "检察官", "sec", "t").code(), StatusCode::kAlreadyExists);
  auto user = orgs.GetUser("zhang");
  ASSERT_TRUE(user.ok() && user->has_value());
  EXPECT_EQ((*user)->roles, (std::vector<std::string>{"检察官", "部门负责人"}));
  EXPECT_EQ((*user)->dept_code, "XZ");
  EXPECT_TRUE(orgs.RevokeRole("zhang", "部门负责人").ok());
  EXPECT_EQ(orgs.RevokeRole("zhang", "部门负责人").code(), StatusCode::kNotFound);
  EXPECT_TRUE(orgs.SetUserActive("zhang", false).ok());
  EXPECT_FALSE((*orgs.GetUser("zhang"))->active);
  EXPECT_EQ(orgs.SetUserActive("nobody", false).code(), StatusCode::kNotFound);
  auto department = orgs.GetDepartment("YY", "XZ");
  ASSERT_TRUE(department.ok() && department->has_value());
  EXPECT_EQ((*department)->short_name, "行");
  EXPECT_EQ(orgs.ListOrganisations()->size(), 3u);
  EXPECT_EQ(orgs.ListUsers("YY")->size(), 1u);
  EXPECT_TRUE(orgs.ListUsers("NY")->empty());
}

TEST_F(WorkflowRepositoriesTest, NonModelLeadsAndTheirHandling) {
  auto transaction = Begin();
  LeadIntake intake{"12309",
                    {"person", "", "420304198001012510", "陈某"},
                    "群众举报非法捕捞",
                    R"({"reporter":"匿名"})",
                    "",
                    "十堰市郧阳区农业农村局"};
  auto first = transaction->lead_handling().CreateLead(intake, "2024-03-01T10:00:00");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, "L-000001");
  auto second = transaction->lead_handling().CreateLead(intake, "2024-03-02T10:00:00");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, "L-000002");  // two reports stay two leads until merged
  LeadIntake no_subject = intake;
  no_subject.subject.key.clear();
  EXPECT_EQ(transaction->lead_handling().CreateLead(no_subject, "t").status().code(),
            StatusCode::kInvalidArgument);

  auto lead = transaction->leads().GetLead(*first);
  ASSERT_TRUE(lead.ok() && lead->has_value());
  EXPECT_EQ((*lead)->source, "12309");
  EXPECT_EQ((*lead)->status, "待评估");
  EXPECT_TRUE((*lead)->model_id.empty());

  EXPECT_FALSE(transaction->lead_handling().GetHandling(*first)->has_value());
  LeadHandling handling;
  handling.lead_id = *second;
  handling.org_code = "YY";
  handling.assignee = "zhang";
  handling.received_on = "2024-03-02";
  handling.decision = "合并";
  handling.merged_into = *first;
  handling.updated_at = "t";
  ASSERT_TRUE(transaction->lead_handling().PutHandling(handling).ok());
  handling.reason = "同一举报";
  ASSERT_TRUE(transaction->lead_handling().PutHandling(handling).ok());  // replaces
  auto stored = transaction->lead_handling().GetHandling(*second);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->reason, "同一举报");
  EXPECT_EQ(*transaction->lead_handling().ListMergedInto(*first),
            std::vector<std::string>{*second});
  ASSERT_TRUE(transaction->lead_handling().SetLeadStatus(*second, "合并", "t").ok());
  EXPECT_EQ((*transaction->leads().GetLead(*second))->status, "合并");
  EXPECT_EQ(transaction->lead_handling().SetLeadStatus("L-999999", "合并", "t").code(),
            StatusCode::kNotFound);
  EXPECT_EQ(transaction->lead_handling().ListHandling({.assignee = "zhang"})->size(), 1u);
}

TEST_F(WorkflowRepositoriesTest, MattersEventsAndDeadlines) {
  auto transaction = Begin();
  MatterRepository& matters = transaction->matters();
  auto case_id = matters.CreateMatter(NewMatter("case", "立案"), "C");
  ASSERT_TRUE(case_id.ok()) << case_id.status().ToString();
  EXPECT_EQ(*case_id, "C-000001");
  Matter suggestion = NewMatter("suggestion", "草稿");
  suggestion.case_id = *case_id;
  suggestion.counterparty_org = "NY";
  suggestion.attributes_json = R"({"type":"公益诉讼"})";
  auto suggestion_id = matters.CreateMatter(suggestion, "S");
  ASSERT_TRUE(suggestion_id.ok());
  EXPECT_EQ(*suggestion_id, "S-000001");
  EXPECT_EQ(*matters.CreateMatter(NewMatter("case", "立案"), "C"), "C-000002");

  auto stored = matters.GetMatter(*suggestion_id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  Matter updated = **stored;
  updated.state = "已签发";
  updated.doc_number = "郧检行建〔2024〕1号";
  ASSERT_TRUE(matters.UpdateMatter(updated).ok());
  EXPECT_EQ((*matters.GetMatter(*suggestion_id))->doc_number, "郧检行建〔2024〕1号");
  EXPECT_EQ(matters.ListMatters({.case_id = *case_id})->size(), 1u);
  EXPECT_EQ(matters.ListMatters({.counterparty_org = "NY"})->size(), 1u);
  EXPECT_EQ(matters.ListMatters({.machine = "case"})->size(), 2u);

  WorkflowEvent event{*suggestion_id,
                      0,
                      "sign",
                      "签发",
                      "审批中",
                      "已签发",
                      "zhang",
                      "2024-03-05",
                      "2024-03-05T10:00:00",
                      R"({"committee":false})"};
  EXPECT_EQ(*matters.AppendEvent(event), 1);
  EXPECT_EQ(*matters.AppendEvent(event), 2);
  EXPECT_EQ(matters.ListEvents(*suggestion_id)->size(), 2u);

  Deadline reply;
  reply.object_id = *suggestion_id;
  reply.name = "suggestion_reply";
  reply.title = "检察建议回复";
  reply.base_on = "2024-03-06";
  reply.due_on = "2024-05-06";
  reply.period = "2个月";
  reply.handler = "zhang";
  reply.org_code = "YY";
  reply.counterparty_org = "NY";
  auto reply_id = matters.AddDeadline(reply);
  ASSERT_TRUE(reply_id.ok());
  Deadline service = reply;
  service.name = "suggestion_service";
  service.due_on = "2024-03-12";
  service.counterparty_org.clear();
  service.handler = "li";
  ASSERT_TRUE(matters.AddDeadline(service).ok());
  // By handler, or by the outside party who also watches it; ordered by due date.
  auto by_handler = matters.ListDeadlines({.active_only = true, .handler = "zhang"});
  ASSERT_EQ(by_handler->size(), 1u);
  EXPECT_EQ(by_handler->front().name, "suggestion_reply");
  auto by_agency = matters.ListDeadlines({.active_only = true, .counterparty_org = "NY"});
  ASSERT_EQ(by_agency->size(), 1u);
  auto all = matters.ListDeadlines({.object_id = *suggestion_id});
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->front().name, "suggestion_service");
  reply.id = *reply_id;
  reply.state = "done";
  reply.closed_on = "2024-04-01";
  ASSERT_TRUE(matters.UpdateDeadline(reply).ok());
  EXPECT_TRUE(matters.ListDeadlines({.active_only = true, .counterparty_org = "NY"})->empty());
}

TEST_F(WorkflowRepositoriesTest, DocumentNumbersAreNeverReused) {
  auto transaction = Begin();
  ASSERT_TRUE(transaction->matters().CreateMatter(NewMatter("suggestion", "审批中"), "S").ok());
  DocumentNumberKey key{"YY", "XZ", "suggestion", 2024};
  EXPECT_EQ(*transaction->matters().AllocateDocumentNumber(key), 1);
  EXPECT_EQ(*transaction->matters().AllocateDocumentNumber(key), 2);
  DocumentNumberKey next_year{"YY", "XZ", "suggestion", 2025};
  EXPECT_EQ(*transaction->matters().AllocateDocumentNumber(next_year), 1);
  ASSERT_TRUE(transaction->matters()
                  .RecordDocumentNumber("郧检行建〔2024〕1号", key, 1, "S-000001", "t", "zhang")
                  .ok());
  EXPECT_EQ(transaction->matters()
                .RecordDocumentNumber("郧检行建〔2024〕1号", key, 3, "S-000001", "t", "zhang")
                .code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(transaction->matters()
                .RecordDocumentNumber("另一个写法", key, 1, "S-000001", "t", "zhang")
                .code(),
            StatusCode::kAlreadyExists);
  ASSERT_TRUE(transaction->Commit().ok());
  // Raw SQL cannot free a number for reuse either.
  EXPECT_NE(RawSql("DELETE FROM document_numbers").find("不得"), std::string::npos);
  EXPECT_NE(RawSql("UPDATE document_numbers SET matter_id = 'S-000002'").find("不得"),
            std::string::npos);
}

TEST_F(WorkflowRepositoriesTest, DocumentNumbersStayUniqueUnderConcurrentTransactions) {
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::vector<std::vector<int64_t>> allocated(kThreads);
  std::vector<std::thread> threads;
  for (int thread_index = 0; thread_index < kThreads; ++thread_index) {
    threads.emplace_back([this, thread_index, &allocated] {
      for (int round = 0; round < kEach; ++round) {
        auto transaction = store_->Begin(TransactionMode::kReadWrite);
        if (!transaction.ok()) continue;
        auto n = (*transaction)->matters().AllocateDocumentNumber({"YY", "XZ", "suggestion", 2024});
        if (n.ok() && (*transaction)->Commit().ok()) allocated[thread_index].push_back(*n);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<int64_t> numbers;
  size_t total = 0;
  for (const auto& list : allocated) {
    total += list.size();
    numbers.insert(list.begin(), list.end());
  }
  EXPECT_EQ(total, static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(numbers.size(), total);  // no number handed out twice
  EXPECT_EQ(*numbers.begin(), 1);
  EXPECT_EQ(*numbers.rbegin(), kThreads * kEach);  // and no gaps
}

TEST_F(WorkflowRepositoriesTest, AuditLogIsAppendOnly) {
  {
    auto transaction = Begin();
    AuditRepository& audit = transaction->audit();
    EXPECT_FALSE(audit.Last()->has_value());
    AuditEvent first{
        1,    "2024-03-01T10:00:00", "zhang", "YY", "case.open", "case", "C-000001", "ok", "立案",
        "{}", R"({"state":"立案"})", "k1",    "00", "aa"};
    ASSERT_TRUE(audit.Append(first).ok());
    AuditEvent gap = first;
    gap.seq = 3;
    gap.prev_mac = "aa";
    EXPECT_EQ(audit.Append(gap).code(), StatusCode::kFailedPrecondition);
    AuditEvent broken = first;
    broken.seq = 2;
    broken.prev_mac = "not-aa";
    EXPECT_EQ(audit.Append(broken).code(), StatusCode::kFailedPrecondition);
    AuditEvent second = first;
    second.seq = 2;
    second.prev_mac = "aa";
    second.mac = "bb";
    ASSERT_TRUE(audit.Append(second).ok());
    EXPECT_EQ((*audit.Last())->mac, "bb");
    EXPECT_EQ(audit.Read(2, 0)->size(), 1u);
    EXPECT_EQ(audit.ReadForObject("C-000001")->size(), 2u);
    ASSERT_TRUE(transaction->Commit().ok());
  }
  // Not even raw SQL may change or remove a row.
  EXPECT_NE(RawSql("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 1").find("不得修改"),
            std::string::npos);
  EXPECT_NE(RawSql("DELETE FROM audit_events WHERE seq = 2").find("不得删除"), std::string::npos);
  EXPECT_NE(RawSql("DELETE FROM audit_events").find("不得删除"), std::string::npos);
  auto transaction = Begin();
  EXPECT_EQ(transaction->audit().Read(1, 0)->size(), 2u);
  EXPECT_EQ((*transaction->audit().Read(1, 0))[0].actor, "zhang");
}

TEST_F(WorkflowRepositoriesTest, AttachmentsAreStoredOncePerDigest) {
  auto transaction = Begin();
  Attachment photo;
  photo.sha256 = std::string(64, 'a');
  photo.content = std::string("\xFF\xD8\xFF\xE0 fake jpeg \x00 with nul", 26);
  photo.size = static_cast<int64_t>(photo.content.size());
  photo.media_type = "image/jpeg";
  photo.file_name = "屋顶.jpg";
  photo.purpose = "巡查照片";
  photo.object_id = "YY-LSM-0001";
  photo.uploaded_by = "zhang";
  photo.uploaded_at = "t";
  auto first = transaction->attachments().AddAttachment(photo);
  auto second = transaction->attachments().AddAttachment(photo);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
  auto read = transaction->attachments().GetAttachment(*second, /*with_content=*/true);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->content, photo.content);  // binary-safe, NUL included
  EXPECT_EQ((*read)->file_name, "屋顶.jpg");
  EXPECT_TRUE((*transaction->attachments().GetAttachment(*first, false))->content.empty());
  EXPECT_EQ(transaction->attachments().ListAttachments("YY-LSM-0001")->size(), 2u);
  ASSERT_TRUE(transaction->Commit().ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM blobs", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), 1);
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

TEST_F(WorkflowRepositoriesTest, HeritageRegistryAndTotals) {
  auto transaction = Begin();
  HeritageRepository& heritage = transaction->heritage();
  HeritageSite site{"YY-LSM-0001",
                    "某某烈士墓",
                    "烈士墓",
                    "县级",
                    "茶店镇",
                    "110.81",
                    "32.83",
                    "十堰市郧阳区退役军人事务局",
                    "陈某某",
                    "YY",
                    "录入",
                    "t",
                    "t"};
  EXPECT_TRUE(*heritage.UpsertSite(site));
  site.caretaker = "刘某某";
  EXPECT_FALSE(*heritage.UpsertSite(site));
  EXPECT_EQ((*heritage.GetSite("YY-LSM-0001"))->caretaker, "刘某某");
  ASSERT_TRUE(heritage
                  .AddInspection(
                      {"YY-LSM-0001", "2024-04-02", "一般损坏", "屋顶漏雨", "刘某某", "zhang", "t"})
                  .ok());
  EXPECT_EQ(
      heritage.AddInspection({"YY-LSM-0001", "2024-04-02", "完好", "", "", "zhang", "t"}).code(),
      StatusCode::kAlreadyExists);
  auto case_id = transaction->matters().CreateMatter(NewMatter("case", "处置"), "C");
  ASSERT_TRUE(case_id.ok());
  ASSERT_TRUE(heritage.LinkMatter("YY-LSM-0001", *case_id, "t").ok());
  ASSERT_TRUE(heritage.LinkMatter("YY-LSM-0001", *case_id, "t").ok());  // idempotent
  EXPECT_EQ(heritage.ListSiteMatters("YY-LSM-0001")->size(), 1u);
  EXPECT_EQ(*heritage.ListMatterSites(*case_id), std::vector<std::string>{"YY-LSM-0001"});
  ASSERT_TRUE(
      heritage
          .AddOutcome({0, "YY-LSM-0001", *case_id, 12, 560500, 180000000, "2024-06-01", "zhang"})
          .ok());
  ASSERT_TRUE(
      heritage
          .AddOutcome({0, "YY-LSM-0001", *case_id, 10, 450000, 125000000, "2025-01-10", "zhang"})
          .ok());
  auto all = heritage.Totals("YY", "", "");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->sites, 1);
  EXPECT_EQ(all->rooms, 22);
  EXPECT_EQ(all->area_milli, 1010500);
  EXPECT_EQ(all->funds_fen, 305000000);
  auto in_2024 = heritage.Totals("", "2024-01-01", "2024-12-31");
  EXPECT_EQ(in_2024->rooms, 12);
  EXPECT_EQ(heritage.Totals("SY", "", "")->rooms, 0);
}

}  // namespace
}  // namespace shujian::store
