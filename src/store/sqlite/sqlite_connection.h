// A thin RAII layer over the SQLite C API for the SQLite store: a connection with the
// settings every connection of shujian needs, prepared statements with typed binding, and
// SQLite result codes turned into Status with messages for people.
//
// Only src/store/sqlite uses this file: no SQLite type crosses the Store interface.
//
// Thread safety: a SqliteConnection and its statements are used by one thread at a time.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_CONNECTION_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_CONNECTION_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian::store {

class SqliteStatement;

class SqliteConnection {
 public:
  // Opens `path` and applies the connection settings: WAL journal, synchronous=FULL, foreign
  // keys on, secure_delete on, a busy timeout. With create=false a missing file is NotFound.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool create);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Runs one or more statements without results.
  Status Execute(std::string_view sql);
  // Prepares one statement.
  Result<SqliteStatement> Prepare(std::string_view sql);

  // A Status for the connection's last error; `action` says what was being done.
  Status LastError(std::string_view action) const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// A prepared statement. Bind parameters are 1-based, as in SQLite.
class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  ~SqliteStatement();

  SqliteStatement& Bind(int index, std::string_view text);
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, double value);
  SqliteStatement& BindNull(int index);
  SqliteStatement& BindOptional(int index, const std::optional<std::string>& text);
  // Binds bytes as a BLOB (a STRICT BLOB column refuses TEXT).
  SqliteStatement& BindBlob(int index, std::string_view bytes);

  // Advances to the next row: true when there is one, false when done.
  Result<bool> Step();
  // Runs a statement that returns no rows.
  Status Run();
  // Makes the statement ready to bind and run again.
  void Reset();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  // The bytes of a BLOB (or any) column.
  std::string Blob(int column) const;

 private:
  friend class SqliteConnection;
  SqliteStatement(SqliteConnection* connection, sqlite3_stmt* statement)
      : connection_(connection), statement_(statement) {}
  SqliteConnection* connection_;
  sqlite3_stmt* statement_;
  Status bind_error_;
};

// The Status for SQLite result `code`, with `action` naming what failed. BUSY/LOCKED become
// FailedPrecondition ("the database is in use"), CORRUPT/NOTADB Corruption or
// InvalidArgument, FULL/IOERR IoError, anything else Internal.
Status SqliteStatus(int code, std::string_view action, std::string_view detail);

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_CONNECTION_H_
