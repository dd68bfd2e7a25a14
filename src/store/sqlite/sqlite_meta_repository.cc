#include "store/sqlite/sqlite_meta_repository.h"

namespace shujian::store {

Result<std::optional<std::string>> SqliteMetaRepository::Get(std::string_view key) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare("SELECT value FROM meta WHERE key = ?"));
  statement.Bind(1, key);
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<std::string>();
  return std::optional<std::string>(statement.Text(0));
}

Status SqliteMetaRepository::Put(std::string_view key, std::string_view value) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare("INSERT INTO meta (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  return statement.Bind(1, key).Bind(2, value).Run();
}

}  // namespace shujian::store
