#include "store/sqlite/sqlite_connection.h"

#include <filesystem>

namespace shujian::store {
namespace {

constexpr int kBusyTimeoutMs = 30000;

}  // namespace

Status SqliteStatus(int code, std::string_view action, std::string_view detail) {
  std::string message(action);
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::FailedPrecondition(message + "：数据库正被另一个进程写入，请稍后重试");
    case SQLITE_NOTADB:
      return Status::InvalidArgument(message + "：文件不是 SQLite 数据库");
    case SQLITE_CORRUPT:
      return Status::Corruption(message + "：数据库文件已损坏（" + std::string(detail) +
                                "）；请从备份恢复");
    case SQLITE_FULL:
      return Status::IoError(message + "：磁盘已满");
    case SQLITE_CANTOPEN:
      return Status::IoError(message + "：无法打开文件（" + std::string(detail) + "）");
    case SQLITE_READONLY:
      return Status::IoError(message + "：数据库只读（" + std::string(detail) + "）");
    case SQLITE_IOERR:
      return Status::IoError(message + "：读写错误（" + std::string(detail) + "）");
    case SQLITE_CONSTRAINT:
      return Status::FailedPrecondition(message + "：违反数据约束（" + std::string(detail) + "）");
    default:
      return Status::Internal(message + "：" + std::string(detail));
  }
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 bool create) {
  std::error_code error;
  if (!create && !std::filesystem::exists(path, error)) {
    return Status::NotFound("数据库文件「" + path + "」不存在；请先运行 shujian init");
  }
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    sqlite3_close(db);
    return SqliteStatus(code, "打开数据库「" + path + "」", detail);
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db, path));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  Status status = connection->Execute(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
      "PRAGMA secure_delete=ON;");
  if (!status.ok()) return status.WithContext("打开数据库「" + path + "」");
  return connection;
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

Status SqliteConnection::Execute(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    std::string detail = error ? error : sqlite3_errstr(code);
    sqlite3_free(error);
    return SqliteStatus(code, "执行数据库语句", detail);
  }
  return Status::Ok();
}

Result<SqliteStatement> SqliteConnection::Prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (code != SQLITE_OK) return LastError("准备数据库语句");
  return SqliteStatement(this, statement);
}

Status SqliteConnection::LastError(std::string_view action) const {
  return SqliteStatus(sqlite3_extended_errcode(db_), action, sqlite3_errmsg(db_));
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : connection_(other.connection_), statement_(other.statement_),
      bind_error_(std::move(other.bind_error_)) {
  other.statement_ = nullptr;
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    connection_ = other.connection_;
    statement_ = other.statement_;
    bind_error_ = std::move(other.bind_error_);
    other.statement_ = nullptr;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
  int code = sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
  if (code != SQLITE_OK && bind_error_.ok()) bind_error_ = connection_->LastError("绑定参数");
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  int code = sqlite3_bind_int64(statement_, index, value);
  if (code != SQLITE_OK && bind_error_.ok()) bind_error_ = connection_->LastError("绑定参数");
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, double value) {
  int code = sqlite3_bind_double(statement_, index, value);
  if (code != SQLITE_OK && bind_error_.ok()) bind_error_ = connection_->LastError("绑定参数");
  return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  int code = sqlite3_bind_null(statement_, index);
  if (code != SQLITE_OK && bind_error_.ok()) bind_error_ = connection_->LastError("绑定参数");
  return *this;
}

SqliteStatement& SqliteStatement::BindOptional(int index, const std::optional<std::string>& text) {
  return text ? Bind(index, std::string_view(*text)) : BindNull(index);
}

SqliteStatement& SqliteStatement::BindBlob(int index, std::string_view bytes) {
  int code = sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (code != SQLITE_OK && bind_error_.ok()) bind_error_ = connection_->LastError("绑定参数");
  return *this;
}

Result<bool> SqliteStatement::Step() {
  if (!bind_error_.ok()) return bind_error_;
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return connection_->LastError("读写数据库");
}

Status SqliteStatement::Run() {
  Result<bool> stepped = Step();
  if (!stepped.ok()) return stepped.status();
  return Status::Ok();
}

void SqliteStatement::Reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  bind_error_ = Status::Ok();
}

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(statement_, column); }

double SqliteStatement::Double(int column) const {
  return sqlite3_column_double(statement_, column);
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  int size = sqlite3_column_bytes(statement_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size)) : "";
}

std::string SqliteStatement::Blob(int column) const {
  const void* bytes = sqlite3_column_blob(statement_, column);
  int size = sqlite3_column_bytes(statement_, column);
  return bytes ? std::string(static_cast<const char*>(bytes), static_cast<size_t>(size)) : "";
}

std::optional<std::string> SqliteStatement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

}  // namespace shujian::store
