// Small helpers shared by the SQLite repositories of the workflow areas: ids of the form
// "<prefix>-NNNNNN" allocated in sequence inside the caller's write transaction, and reading
// one integer.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_IDS_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_IDS_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

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

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_IDS_H_
