// SqliteStore: the embedded store of record, one SQLite database file.
//
// Each transaction runs on its own connection from a small pool, so threads never share a
// connection; SQLite's locking (WAL: readers never block the writer) and a busy timeout
// serialise writers. Write transactions start with BEGIN IMMEDIATE so two writers cannot
// deadlock on a lock upgrade.
//
// Thread safety: safe for concurrent use. Every Transaction must be destroyed before its Store.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_STORE_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_STORE_H_

#include <memory>
#include <mutex>
#include <vector>

#include "core/clock.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace shujian::store {

class SqliteStore final : public Store {
 public:
  // See OpenStore() in store.h for the errors. `clock` stamps migrations and defaults to the
  // system clock; when given it must outlive the store.
  static Result<std::unique_ptr<SqliteStore>> Open(const StoreOptions& options,
                                                   const Clock* clock = nullptr);

  Result<MigrationReport> Migrate() override;
  Result<SchemaInfo> Inspect() override;
  Result<std::unique_ptr<Transaction>> Begin(TransactionMode mode) override;

  // Returns a connection to the pool. Used by SqliteTransaction.
  void Release(std::unique_ptr<SqliteConnection> connection);

 private:
  SqliteStore(std::string path, const Clock* clock) : path_(std::move(path)), clock_(clock) {}
  Result<std::unique_ptr<SqliteConnection>> Acquire();

  const std::string path_;
  const Clock* clock_;
  SystemClock system_clock_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_;  // guarded by mutex_
  int version_ = 0;                                      // guarded by mutex_
  bool pending_ = false;  // migrations of this build not yet applied; guarded by mutex_
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_STORE_H_
