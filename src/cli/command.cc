#include "cli/command.h"

#include <cstdlib>

namespace shujian::cli {

std::string CommandContext::DatabaseLocation() const {
  if (!options->db.empty()) return options->db;
  if (const char* env = std::getenv("SHUJIAN_DB"); env != nullptr && *env != '\0') return env;
  return "shujian.db";
}

Result<std::unique_ptr<store::Store>> CommandContext::OpenStore(bool migrate) const {
  store::StoreOptions store_options;
  store_options.location = DatabaseLocation();
  store_options.create_if_missing = migrate;
  store_options.migrate_on_open = false;
  return store::OpenStore(store_options);
}

Result<ReadSession> BeginRead(const CommandContext& context) {
  ReadSession session;
  SJ_ASSIGN_OR_RETURN(session.store, context.OpenStore());
  SJ_ASSIGN_OR_RETURN(session.transaction, session.store->Begin(store::TransactionMode::kRead));
  return session;
}

}  // namespace shujian::cli
