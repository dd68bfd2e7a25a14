// OpenStore: chooses the backend from the location's form.
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace shujian::store {

Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options) {
  const std::string& location = options.location;
  if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
    return Status::Unimplemented("本版本尚不支持 PostgreSQL 存储；请用 --db 指定 SQLite 数据库文件");
  }
  if (location.empty()) return Status::InvalidArgument("数据库位置为空；请用 --db 指定数据库文件");
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> store, SqliteStore::Open(options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace shujian::store
