// Applies the numbered SQL migrations of the SQLite store (src/store/migrations/sqlite/NNNN_*.sql,
// compiled into the binary) inside one transaction, and records each in `schema_version`.
//
// Invariants:
//  1. A database's schema version is the largest number in its schema_version table; 0 when
//     the table does not exist.
//  2. Migrations are applied in number order, all pending ones in one transaction: a failure or
//     a crash leaves the database at its previous version.
//  3. A database whose version is above the newest migration of this build is never changed.
//
// Thread safety: functions take the connection they work on; callers serialise.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_MIGRATOR_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_MIGRATOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace shujian::store {

struct SqliteMigration {
  int number;             // from the file name's leading digits
  std::string name;       // the file name, e.g. "0001_meta.sql"
  std::string_view sql;
};

// The migrations of this build, in number order.
const std::vector<SqliteMigration>& SqliteMigrations();
// The newest migration number of this build.
int LatestSqliteSchemaVersion();

// The state of a database before any change.
struct SqliteSchemaState {
  bool empty = false;    // no tables at all: a new database
  bool foreign = false;  // tables, but no schema_version: not a shujian database
  int version = 0;
};
Result<SqliteSchemaState> ReadSqliteSchemaState(SqliteConnection& connection);

// Brings the database up to LatestSqliteSchemaVersion(). See the invariants above.
Result<MigrationReport> MigrateSqlite(SqliteConnection& connection, const Clock& clock);

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_MIGRATOR_H_
