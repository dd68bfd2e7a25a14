// Applies the numbered SQL migrations of the SQLite store (src/store/migrations/sqlite/NNNN_*.sql,
// compiled into the binary) inside one transaction, and records each in `schema_version`.
//
// Invariants:
//  1. A database's schema version is the largest number in its schema_version table; 0 when
//     the table does not exist.
//  2. A migration is pending when its number is not in schema_version — not merely when it is
//     above the version: number ranges are reserved per area and land in any order, so a
//     database may hold 0030 before 0003 exists.
//  3. Pending migrations are applied in number order, all in one transaction: a failure or a
//     crash leaves the database as it was.
//  4. A database holding a migration this build does not know (a newer build wrote it) is never
//     changed.
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
  std::vector<int> applied;  // the numbers in schema_version, ascending
};
Result<SqliteSchemaState> ReadSqliteSchemaState(SqliteConnection& connection);

// The migrations of this build that `state` has not applied, ascending.
std::vector<int> PendingSqliteMigrations(const SqliteSchemaState& state);
// The first migration `state` has applied that this build does not know, or 0.
int UnknownSqliteMigration(const SqliteSchemaState& state);

// Brings the database up to date with this build. See the invariants above.
Result<MigrationReport> MigrateSqlite(SqliteConnection& connection, const Clock& clock);

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_MIGRATOR_H_
