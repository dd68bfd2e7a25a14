// The audit chain detects a changed, removed or reordered row and a truncated tail (with the
// anchor); document numbers stay unique and gapless when many chiefs sign at once, each in their
// own transaction; and the generated .docx opens in LibreOffice (headless) with the number,
// addressee, body and reply period in it.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "workflow/audit_reader.h"
#include "workflow/document_service.h"
#include "workflow_fixture.h"

namespace shujian::workflow {
namespace {

class AuditAndDocumentsTest : public WorkflowTest {
 protected:
  // Runs SQL on the database file directly, as an intruder with file access would.
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

  AuditVerification Verify(std::optional<std::pair<int64_t, std::string>> anchor = std::nullopt) {
    auto verified = AuditReader(context_).Verify("auditadmin", anchor);
    EXPECT_TRUE(verified.ok()) << verified.status().ToString();
    return verified.ok() ? *verified : AuditVerification{};
  }

  // A case with a suggestion ready for signing (审批中), in department `dept_user`'s department.
  std::string SuggestionAwaitingSignature(const char* on, const std::string& handler) {
    LeadIntakeRequest report{.source = "12309",
                             .subject_kind = "organisation",
                             .subject_key = "91110105771583283D",
                             .title = "举报",
                             .addressee = "NY"};
    std::string lead = Intake(on, "chen", report);
    Must(on, "chen", lead, "assign", {{"assignee", handler}});
    std::string case_id =
        Must(on, handler, lead, "evaluate", {{"decision", "立案"}, {"case_kind", "社会治理"}})
            .created[0];
    Must(on, handler, case_id, "serve_filing");
    std::string suggestion = Create(on, handler, "suggestion",
                                    {{"case", case_id}, {"type", "社会治理"}, {"addressee", "NY"}});
    Must(on, handler, suggestion, "submit");
    return suggestion;
  }
};

TEST_F(AuditAndDocumentsTest, TheChainDetectsTampering) {
  SuggestionAwaitingSignature("2024-03-01", "zhang");
  AuditVerification clean = Verify();
  ASSERT_TRUE(clean.intact) << clean.problem;
  ASSERT_GT(clean.rows, 20);
  std::pair<int64_t, std::string> anchor{clean.last_seq, clean.last_mac};
  EXPECT_TRUE(Verify(anchor).intact);

  // The triggers refuse changes even by raw SQL.
  EXPECT_NE(RawSql("UPDATE audit_events SET actor = 'x' WHERE seq = 5").find("不得修改"),
            std::string::npos);
  EXPECT_NE(RawSql("DELETE FROM audit_events WHERE seq = 5").find("不得删除"), std::string::npos);
  EXPECT_TRUE(Verify(anchor).intact);

  // Someone who can also drop the triggers: every kind of change is detected, at the right row.
  ASSERT_EQ(RawSql("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;"),
            "");
  RawSql("UPDATE audit_events SET summary = '改过的摘要' WHERE seq = 7");
  AuditVerification changed = Verify();
  EXPECT_FALSE(changed.intact);
  EXPECT_EQ(changed.first_bad_seq, 7);
  EXPECT_NE(changed.problem.find("被改动"), std::string::npos) << changed.problem;
}

TEST_F(AuditAndDocumentsTest, RemovedReorderedAndTruncatedRowsAreDetected) {
  SuggestionAwaitingSignature("2024-03-01", "zhang");
  AuditVerification clean = Verify();
  std::pair<int64_t, std::string> anchor{clean.last_seq, clean.last_mac};
  ASSERT_EQ(RawSql("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;"),
            "");
  {
    std::string saved = path_ + ".copy";
    std::filesystem::copy_file(path_, saved);
  }
  // A middle row removed.
  RawSql("DELETE FROM audit_events WHERE seq = 10");
  AuditVerification removed = Verify();
  EXPECT_FALSE(removed.intact);
  EXPECT_EQ(removed.first_bad_seq, 10);
  // Two rows swapped (seq kept, contents exchanged).
  RawSql("INSERT INTO audit_events SELECT * FROM audit_events WHERE seq = 11;");  // no-op (fails on
                                                                                  // PK)
  // The tail removed: the chain itself is consistent, only the anchor tells.
  RawSql("DELETE FROM audit_events WHERE seq >= 10");
  AuditVerification truncated = Verify();
  EXPECT_TRUE(truncated.intact);
  AuditVerification anchored = Verify(anchor);
  EXPECT_FALSE(anchored.intact);
  EXPECT_NE(anchored.problem.find("末尾"), std::string::npos) << anchored.problem;
  // Rows re-made without the key do not verify.
  RawSql(
      "INSERT INTO audit_events (seq, at, actor, action, outcome, key_id, prev_mac, mac) SELECT "
      "10, at, 'intruder', "
      "action, outcome, key_id, mac, mac FROM audit_events WHERE seq = 9");
  AuditVerification forged = Verify();
  EXPECT_FALSE(forged.intact);
  EXPECT_EQ(forged.first_bad_seq, 10);
  // Reordering: exchange the contents of two rows.
  RawSql("DELETE FROM audit_events WHERE seq = 10");
  RawSql(
      "UPDATE audit_events SET seq = -1 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = "
      "4; "
      "UPDATE audit_events SET seq = 4 WHERE seq = -1;");
  AuditVerification reordered = Verify();
  EXPECT_FALSE(reordered.intact);
  EXPECT_EQ(reordered.first_bad_seq, 3);
}

TEST_F(AuditAndDocumentsTest, AnotherKeyCannotContinueTheChain) {
  SuggestionAwaitingSignature("2024-03-01", "zhang");
  AuditLog other(AuditKey::FromSecret(std::string(32, '\x11')), clock_);
  auto transaction = store_->Begin(store::TransactionMode::kRead);
  auto verified = other.Verify(**transaction, std::nullopt);
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified->intact);
  EXPECT_EQ(verified->first_bad_seq, 1);
  EXPECT_NE(verified->problem.find("另一把密钥"), std::string::npos);
}

TEST_F(AuditAndDocumentsTest, KeyFileIsCreatedOnceAndReused) {
  std::string key_path = (directory_ / "audit.key").string();
  auto first = AuditKey::LoadOrCreate(key_path);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = AuditKey::LoadOrCreate(key_path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->secret(), second->secret());
  EXPECT_EQ(first->secret().size(), 32u);
  EXPECT_EQ(std::filesystem::status(key_path).permissions() & std::filesystem::perms::group_read,
            std::filesystem::perms::none);
  EXPECT_EQ(first->algorithm(), "HMAC-SM3");  // Debian 12's OpenSSL 3.0 has SM3
  std::ofstream(key_path + ".bad") << "not a key";
  EXPECT_EQ(AuditKey::LoadOrCreate(key_path + ".bad").status().code(),
            StatusCode::kInvalidArgument);
}

// Many chiefs sign at the same moment, each in their own transaction: every suggestion gets its
// own number, none is skipped, none is given twice.
TEST_F(AuditAndDocumentsTest, DocumentNumbersAreUniqueUnderConcurrentSigning) {
  constexpr int kSuggestions = 24;
  std::vector<std::string> suggestions;
  for (int index = 0; index < kSuggestions; ++index) {
    suggestions.push_back(SuggestionAwaitingSignature("2024-03-01", "zhang"));
  }
  SetToday("2024-03-04");
  constexpr int kThreads = 6;
  std::vector<std::thread> threads;
  std::vector<Status> failures[kThreads];
  for (int thread_index = 0; thread_index < kThreads; ++thread_index) {
    threads.emplace_back([&, thread_index] {
      for (int index = thread_index; index < kSuggestions; index += kThreads) {
        ActionRequest request{"chen", suggestions[index], "sign", "", std::nullopt, {}, {}};
        Result<ActionOutcome> signed_outcome = ProcedureRunner(context_).Perform(request);
        if (!signed_outcome.ok()) failures[thread_index].push_back(signed_outcome.status());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& list : failures) {
    for (const Status& status : list) ADD_FAILURE() << status.ToString();
  }
  std::set<std::string> numbers;
  for (const std::string& suggestion : suggestions) numbers.insert(Matter(suggestion).doc_number);
  EXPECT_EQ(numbers.size(), static_cast<size_t>(kSuggestions));
  for (int n = 1; n <= kSuggestions; ++n) {
    EXPECT_EQ(numbers.count("郧检行建〔2024〕" + std::to_string(n) + "号"), 1u) << n;
  }
  EXPECT_TRUE(Verify().intact);  // the concurrent appends kept the chain linear
}

TEST_F(AuditAndDocumentsTest, SuggestionDocumentOpensInLibreOffice) {
  std::string suggestion = SuggestionAwaitingSignature("2024-03-01", "zhang");
  // Before signing: a draft without a number.
  SetToday("2024-03-01");
  auto draft = DocumentService(context_).Generate("zhang", suggestion);
  ASSERT_TRUE(draft.ok()) << draft.status().ToString();
  EXPECT_TRUE(draft->draft);
  Must("2024-03-04", "chen", suggestion, "sign");
  auto document = DocumentService(context_).Generate("zhang", suggestion);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_FALSE(document->draft);
  EXPECT_EQ(document->number, "郧检行建〔2024〕1号");
  EXPECT_EQ(document->sha256.size(), 64u);
  // Kept as an attachment of the suggestion, and audited.
  auto view = CaseViews(context_).ShowMatter("zhang", suggestion, Day("2024-03-04"));
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->attachments.size(), 2u);
  EXPECT_EQ(view->attachments[1].sha256, document->sha256);
  bool audited = false;
  for (const store::AuditEvent& row : AuditOf(suggestion))
    audited = audited || row.action == "document.generate";
  EXPECT_TRUE(audited);

  // A well-formed package: the parts Word needs are there.
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(document->bytes.data(), document->bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/_rels/document.xml.rels", "word/footer1.xml", "docProps/core.xml"}) {
    EXPECT_GE(zip_name_locate(archive, part, 0), 0) << part;
  }
  EXPECT_EQ(zip_get_name(archive, 0, 0), std::string("[Content_Types].xml"));
  zip_discard(archive);
  zip_error_fini(&error);

  std::string docx = (directory_ / "suggestion.docx").string();
  std::ofstream(docx, std::ios::binary) << document->bytes;
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    // `make test` / `make check` install it first and set SHUJIAN_REQUIRE_LIBREOFFICE, so there
    // (and in CI) a missing LibreOffice is a failure, never a skip.
    if (std::getenv("SHUJIAN_REQUIRE_LIBREOFFICE") != nullptr || std::getenv("CI") != nullptr) {
      FAIL() << "LibreOffice (soffice) is required here: tools/install-deps.sh installs "
                "libreoffice-writer";
    }
    GTEST_SKIP()
        << "LibreOffice is not installed (tools/install-deps.sh installs libreoffice-writer)";
  }
  std::string profile = (directory_ / "lo-profile").string();
  std::string command = "soffice --headless --norestore -env:UserInstallation=file://" + profile +
                        " --convert-to txt:Text --outdir " + directory_.string() + " " + docx +
                        " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream text_file(directory_ / "suggestion.txt");
  ASSERT_TRUE(text_file.good()) << "LibreOffice produced no text";
  std::stringstream text;
  text << text_file.rdbuf();
  std::string content = text.str();
  for (const char* expected : {"十堰市郧阳区人民检察院", "检察建议书", "郧检行建〔2024〕1号",
                               "十堰市郧阳区农业农村局：", "两个月内", "2024年3月4日"}) {
    EXPECT_NE(content.find(expected), std::string::npos) << expected << "\n" << content;
  }
}

TEST_F(AuditAndDocumentsTest, OpinionAndFilingDecisionDocuments) {
  std::string opinion = Create("2025-03-03", "xu", "opinion",
                               {{"person_name", "陈某"},
                                {"decision_no", "郧检刑不诉〔2025〕3号"},
                                {"decided_on", "2025-03-03"},
                                {"addressee", "NY"}});
  Must("2025-03-04", "wang", opinion, "accept", {{"assignee", "zhang"}});
  Must("2025-03-05", "zhang", opinion, "submit", {{"proposal", "给予罚款"}});
  Must("2025-03-06", "chen", opinion, "sign");
  auto document = DocumentService(context_).Generate("zhang", opinion);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_EQ(document->title, "检察意见书");
  EXPECT_EQ(document->number, "郧检行意〔2025〕1号");
  // The 立案决定书 of a case.
  LeadIntakeRequest report{.source = "12309",
                           .subject_kind = "organisation",
                           .subject_key = "91110105771583283D",
                           .title = "举报某企业占用耕地",
                           .addressee = "NY"};
  std::string lead = Intake("2025-03-07", "chen", report);
  // The chief has no department, so the filing number cannot be given: the refusal says why and
  // nothing is created.
  Result<ActionOutcome> by_chief = Act("2025-03-07", "chen", lead, "evaluate",
                                       {{"decision", "立案"}, {"case_kind", "行政公益诉讼"}});
  ASSERT_FALSE(by_chief.ok());
  EXPECT_NE(by_chief.status().message().find("部门"), std::string::npos)
      << by_chief.status().message();
  EXPECT_EQ(Lead(lead).status, "待评估");
  Must("2025-03-07", "chen", lead, "assign", {{"assignee", "zhang"}});
  std::string case_id = Must("2025-03-07", "zhang", lead, "evaluate",
                             {{"decision", "立案"}, {"case_kind", "行政公益诉讼"}})
                            .created.at(0);
  auto filing = DocumentService(context_).Generate("zhang", case_id);
  ASSERT_TRUE(filing.ok()) << filing.status().ToString();
  EXPECT_EQ(filing->title, "立案决定书");
  EXPECT_EQ(filing->number, "郧检行立〔2025〕1号");
  // A consultation issues no document.
  Must("2025-03-10", "zhang", case_id, "serve_filing");
  std::string consultation =
      Create("2025-03-10", "zhang", "consultation",
             {{"case", case_id}, {"addressee", "NY"}, {"form", "事实确认书"}});
  EXPECT_EQ(DocumentService(context_).Generate("zhang", consultation).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace shujian::workflow
