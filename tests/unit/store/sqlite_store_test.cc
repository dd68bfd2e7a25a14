// Tests of the SQLite store: creation and upgrade, refusal of databases it must not touch,
// transactions, and the connection settings the architecture requires.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "core/clock.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_migrator.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace shujian::store {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("shujian_store_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    path_ = (directory_ / "test.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::unique_ptr<Store> OpenMigrated() {
    StoreOptions options;
    options.location = path_;
    options.migrate_on_open = true;
    Result<std::unique_ptr<Store>> store = OpenStore(options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Runs SQL on the file directly, as another program would.
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(code, SQLITE_OK) << message;
  }

  std::filesystem::path directory_;
  std::string path_;
};

TEST_F(SqliteStoreTest, InitCreatesThenIsIdempotent) {
  StoreOptions options;
  options.location = path_;
  Result<std::unique_ptr<Store>> store = OpenStore(options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  FixedClock clock(*Date::FromYmd(2024, 1, 2));
  Result<MigrationReport> first = (*store)->Migrate();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, LatestSqliteSchemaVersion());
  EXPECT_FALSE(first->applied.empty());

  Result<MigrationReport> second = (*store)->Migrate();
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->created);
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->from_version, LatestSqliteSchemaVersion());

  Result<SchemaInfo> info = (*store)->Inspect();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->backend, "sqlite");
  EXPECT_EQ(info->version, LatestSqliteSchemaVersion());
  EXPECT_EQ(info->latest, LatestSqliteSchemaVersion());
}

TEST_F(SqliteStoreTest, NewDatabaseRecordsItsIdentity) {
  std::unique_ptr<Store> store = OpenMigrated();
  auto transaction = store->Begin(TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  auto id = (*transaction)->meta().Get(kMetaDatabaseId);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(id->has_value());
  EXPECT_EQ((*id)->size(), 32u);
  auto created_by = (*transaction)->meta().Get(kMetaCreatedBy);
  ASSERT_TRUE(created_by.ok() && created_by->has_value());
  EXPECT_TRUE((*created_by)->starts_with("shujian "));
  auto missing = (*transaction)->meta().Get("no such key");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(SqliteStoreTest, CommitPersistsAndDestructionRollsBack) {
  std::unique_ptr<Store> store = OpenMigrated();
  {
    auto transaction = store->Begin(TransactionMode::kReadWrite);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE((*transaction)->meta().Put("kept", "1").ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
    EXPECT_FALSE((*transaction)->Commit().ok());  // finished
  }
  {
    auto transaction = store->Begin(TransactionMode::kReadWrite);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE((*transaction)->meta().Put("dropped", "1").ok());
    ASSERT_TRUE((*transaction)->meta().Put("kept", "2").ok());
    // Destroyed without Commit.
  }
  store.reset();
  store = OpenMigrated();
  auto transaction = store->Begin(TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  EXPECT_EQ((*transaction)->meta().Get("kept")->value(), "1");
  EXPECT_FALSE((*transaction)->meta().Get("dropped")->has_value());
}

TEST_F(SqliteStoreTest, ConnectionSettings) {
  Result<std::unique_ptr<SqliteConnection>> connection = SqliteConnection::Open(path_, true);
  ASSERT_TRUE(connection.ok());
  auto pragma = [&](const char* sql) {
    auto statement = (*connection)->Prepare(sql);
    EXPECT_TRUE(statement.ok());
    EXPECT_TRUE(*statement->Step());
    return statement->Text(0);
  };
  EXPECT_EQ(pragma("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(pragma("PRAGMA synchronous"), "2");  // FULL
  EXPECT_EQ(pragma("PRAGMA foreign_keys"), "1");
  EXPECT_EQ(pragma("PRAGMA secure_delete"), "1");
}

TEST_F(SqliteStoreTest, TablesAreStrict) {
  OpenMigrated();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT name, strict FROM pragma_table_list "
                               "WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
                               -1, &statement, nullptr),
            SQLITE_OK);
  int tables = 0;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    ++tables;
    EXPECT_EQ(sqlite3_column_int(statement, 1), 1)
        << reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)) << " is not STRICT";
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  EXPECT_GE(tables, 2);
}

TEST_F(SqliteStoreTest, RefusesANewerDatabase) {
  OpenMigrated();
  Sql("INSERT INTO schema_version VALUES (999, '0999_future.sql', '2030-01-01T00:00:00')");
  StoreOptions options;
  options.location = path_;
  Result<std::unique_ptr<Store>> store = OpenStore(options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIncompatible);
  EXPECT_NE(store.status().message().find("结构版本为999"), std::string::npos)
      << store.status().message();
}

// Migration numbers are reserved per area and land on main in any order, so a database can
// hold 0035 without 0034 (or 0003 added after 0030 was applied). Such a gap is pending and is
// applied, although the database's highest version is already the build's latest.
TEST_F(SqliteStoreTest, AppliesAMigrationMissingBelowTheHighestVersion) {
  OpenMigrated();
  Sql("DELETE FROM schema_version WHERE version = 34; DROP TABLE attachments; DROP TABLE blobs;");
  StoreOptions options;
  options.location = path_;
  Result<std::unique_ptr<Store>> store = OpenStore(options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto refused = (*store)->Begin(TransactionMode::kRead);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  Result<MigrationReport> report = (*store)->Migrate();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->applied, std::vector<int>{34});
  auto transaction = (*store)->Begin(TransactionMode::kReadWrite);
  ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
  EXPECT_TRUE((*transaction)->attachments().ListAttachments("x").ok());
}

TEST_F(SqliteStoreTest, RefusesForeignDatabasesAndOtherFiles) {
  Sql("CREATE TABLE customers (id INTEGER)");
  StoreOptions options;
  options.location = path_;
  Result<std::unique_ptr<Store>> foreign = OpenStore(options);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(foreign.status().message().find("不是 shujian 数据库"), std::string::npos);

  std::string text_file = (directory_ / "notes.txt").string();
  std::ofstream(text_file) << "这不是数据库，只是一段足够长的文字，用来占满 SQLite 文件头的位置。"
                              "This is plainly not a database file at all.";
  options.location = text_file;
  Result<std::unique_ptr<Store>> not_sqlite = OpenStore(options);
  ASSERT_FALSE(not_sqlite.ok());
  EXPECT_EQ(not_sqlite.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SqliteStoreTest, MissingFileAndUninitialisedDatabase) {
  StoreOptions options;
  options.location = (directory_ / "absent.db").string();
  options.create_if_missing = false;
  Result<std::unique_ptr<Store>> absent = OpenStore(options);
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.status().code(), StatusCode::kNotFound);

  options.location = path_;
  options.create_if_missing = true;
  Result<std::unique_ptr<Store>> empty = OpenStore(options);
  ASSERT_TRUE(empty.ok());
  auto transaction = (*empty)->Begin(TransactionMode::kRead);
  ASSERT_FALSE(transaction.ok());
  EXPECT_EQ(transaction.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(transaction.status().message().find("shujian init"), std::string::npos);
}

TEST_F(SqliteStoreTest, PostgresIsNotYetAvailable) {
  StoreOptions options;
  options.location = "postgresql://localhost/shujian";
  EXPECT_EQ(OpenStore(options).status().code(), StatusCode::kUnimplemented);
}

TEST_F(SqliteStoreTest, AFailedMigrationLeavesTheDatabaseAsItWas) {
  // A schema_version table at version 0 and a table that migration 0001 will collide with:
  // the migration fails, and nothing of it remains.
  Sql("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL) STRICT; CREATE TABLE meta (x INTEGER);");
  Result<std::unique_ptr<SqliteConnection>> connection = SqliteConnection::Open(path_, false);
  ASSERT_TRUE(connection.ok());
  SystemClock clock;
  Result<MigrationReport> report = MigrateSqlite(**connection, clock);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("0001_meta.sql"), std::string::npos);
  Result<SqliteSchemaState> state = ReadSqliteSchemaState(**connection);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->version, 0);
  auto columns = (*connection)->Prepare("SELECT count(*) FROM pragma_table_info('meta')");
  ASSERT_TRUE(columns.ok());
  ASSERT_TRUE(*columns->Step());
  EXPECT_EQ(columns->Int(0), 1);  // still the foreign one-column table
}

TEST_F(SqliteStoreTest, ConcurrentWritersEachCommit) {
  std::unique_ptr<Store> store = OpenMigrated();
  constexpr int kThreads = 4;
  constexpr int kWritesPerThread = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int thread_index = 0; thread_index < kThreads; ++thread_index) {
    threads.emplace_back([&, thread_index] {
      for (int write = 0; write < kWritesPerThread; ++write) {
        auto transaction = store->Begin(TransactionMode::kReadWrite);
        if (!transaction.ok()) {
          ++failures;
          continue;
        }
        auto current = (*transaction)->meta().Get("counter");
        int value = current.ok() && current->has_value() ? std::stoi(**current) : 0;
        if (!(*transaction)->meta().Put("counter", std::to_string(value + 1)).ok() ||
            !(*transaction)->meta().Put("t" + std::to_string(thread_index), "x").ok() ||
            !(*transaction)->Commit().ok()) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  auto transaction = store->Begin(TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  // Read-modify-write under the write lock: no update is lost.
  EXPECT_EQ((*transaction)->meta().Get("counter")->value(), std::to_string(kThreads * kWritesPerThread));
}

}  // namespace
}  // namespace shujian::store
