// Small helpers shared by the SQLite repositories of the workflow areas: ids of the form
// "<prefix>-NNNNNN" allocated in sequence inside the caller's write transaction, reading one
// integer, collecting the rows of a query, and requiring that an UPDATE or DELETE touched a row.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_IDS_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_IDS_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

// "S-000012" for prefix "S" and seq 12 (more digits once past 999999).
inline std::string SequentialId(std::string_view prefix, int64_t seq) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%06lld", static_cast<long long>(seq));
  return std::string(prefix) + "-" + buffer;
}

// The single integer the query `sql` returns; `text` is bound to its parameter ?1, if any.
inline Result<int64_t> QueryInt(SqliteConnection* connection, std::string_view sql,
                                std::string_view text = {}) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement, connection->Prepare(sql));
  if (sql.find('?') != std::string_view::npos) statement.Bind(1, text);
  SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
  if (!has_row) return Status::Internal("查询没有返回结果");
  return statement.Int(0);
}

// Steps `statement` to the end and returns read(row) for every row.
template <typename T, typename Read>
Result<std::vector<T>> CollectRows(SqliteStatement& statement, Read read) {
  std::vector<T> rows;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    rows.push_back(read(statement));
  }
  return rows;
}

// NotFound(`message`) unless the last statement on `connection` changed exactly one row.
inline Status RequireOneChange(SqliteConnection* connection, std::string message) {
  if (sqlite3_changes(connection->handle()) != 1) return Status::NotFound(std::move(message));
  return Status::Ok();
}

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_IDS_H_
