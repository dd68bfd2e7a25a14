// MetaRepository on SQLite: the `meta` table (migration 0001).
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_META_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_META_REPOSITORY_H_

#include "store/meta_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteMetaRepository final : public MetaRepository {
 public:
  // `connection` must outlive the repository.
  explicit SqliteMetaRepository(SqliteConnection* connection) : connection_(connection) {}

  Result<std::optional<std::string>> Get(std::string_view key) override;
  Status Put(std::string_view key, std::string_view value) override;

 private:
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_META_REPOSITORY_H_
