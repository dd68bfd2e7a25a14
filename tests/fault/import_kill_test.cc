// Fault test: `shujian import` killed with SIGKILL in the middle of a large import. The
// database must afterwards pass the store's integrity check (SQLite's own and the dataset
// tables against each other) and hold nothing of the killed batch: not its manifest, not a
// row, not a reject. The batch before it must be intact, and the next import must work.
//
// "In the middle" is observed, not timed: the test waits until the import's transaction has
// written part of the batch to the write-ahead log, then kills it.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "store/store.h"
#include "test_files.h"

namespace shujian {
namespace {

using testing_support::TempDir;
using testing_support::ValidIdCard;
using testing_support::ValidUscc;

// A social_insurance CSV of `rows` valid rows, keys starting at `first`.
void WriteContributions(const std::string& path, int first, int rows) {
  std::ofstream out(path);
  out << "单位信用代码,身份证号,姓名,缴费年月,缴费基数\n";
  const std::string employer = ValidUscc("91420300", "12345678");
  char digits[32];
  for (int row = first; row < first + rows; ++row) {
    std::snprintf(digits, sizeof digits, "42030419%02d%02d%02d%03d", 50 + row / 1000000 % 50, 1 + row / 28 % 12,
                  1 + row % 28, row % 1000);
    out << employer << ',' << ValidIdCard(digits) << ",张三," << "2023-" << (1 + row / 100000 % 12) << ','
        << 3000 + row % 5000 << '\n';
  }
}

int64_t FileSize(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<int64_t>(size);
}

int Shell(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ImportKillTest, AKilledImportLeavesNothingAndTheDatabaseIntact) {
  TempDir dir;
  const std::string db = dir.File("shujian.db");
  const std::string binary = SHUJIAN_BINARY;
  ASSERT_EQ(Shell(binary + " --db " + db + " init >/dev/null"), 0);
  WriteContributions(dir.File("small.csv"), 0, 1000);
  ASSERT_EQ(Shell(binary + " --db " + db + " import social_insurance " + dir.File("small.csv") + " >/dev/null 2>&1"), 0);
  WriteContributions(dir.File("large.csv"), 0, 1500000);

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(binary.c_str(), binary.c_str(), "--db", db.c_str(), "import", "social_insurance",
          dir.File("large.csv").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the batch is being written (its pages reach the write-ahead log), then kill.
  const std::string wal = db + "-wal";
  const int64_t before = FileSize(wal);
  bool killed_mid_import = false;
  while (true) {
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child) break;  // finished before we saw it: fail below
    if (FileSize(wal) > before + (8 << 20)) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      killed_mid_import = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(killed_mid_import) << "the import ended before it could be killed; make the file larger";
  EXPECT_GT(FileSize(wal), before) << "the killed transaction had written to the log";

  store::StoreOptions options;
  options.location = db;
  auto store = store::OpenStore(options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Status integrity = (*store)->CheckIntegrity();
  EXPECT_TRUE(integrity.ok()) << integrity.ToString();
  {
    auto transaction = (*store)->Begin(store::TransactionMode::kRead).value();
    auto batches = transaction->datasets().ListBatches("", 0).value();
    ASSERT_EQ(batches.size(), 1u) << "nothing of the killed batch";
    EXPECT_EQ(batches[0].id, "b-000001");
    EXPECT_EQ(batches[0].accepted, 1000);
    EXPECT_FALSE(transaction->datasets().GetBatch("b-000002").value().has_value());
    auto summaries = transaction->datasets().Summaries().value();
    ASSERT_EQ(summaries.size(), 1u);
    EXPECT_EQ(summaries[0].current_rows, 1000);
    EXPECT_EQ(summaries[0].stored_rows, 1000);
    auto scan = transaction->datasets().ScanCurrentRows({"social_insurance", {{"wage"}}}).value();
    store::RowBatch batch;
    int64_t rows = 0;
    while (scan->Next(&batch).value()) {
      rows += static_cast<int64_t>(batch.rows);
      EXPECT_EQ(batch.batch_id, "b-000001");
    }
    EXPECT_EQ(rows, 1000);
  }
  store->reset();

  // The database works on: the same import again completes, finding the first 1000 unchanged.
  ASSERT_EQ(Shell(binary + " --db " + db + " import social_insurance " + dir.File("small.csv") +
                " --json > " + dir.File("again.json") + " 2>/dev/null"),
            0);
  EXPECT_NE(testing_support::ReadBytes(dir.File("again.json")).find("\"unchanged\":1000"), std::string::npos);
}

}  // namespace
}  // namespace shujian
