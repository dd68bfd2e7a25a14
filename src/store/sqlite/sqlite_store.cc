#include "store/sqlite/sqlite_store.h"

#include "store/sqlite/sqlite_migrator.h"
#include "store/sqlite/sqlite_transaction.h"

namespace shujian::store {

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const StoreOptions& options,
                                                       const Clock* clock) {
  std::unique_ptr<SqliteStore> store(new SqliteStore(options.location, clock));
  if (store->clock_ == nullptr) store->clock_ = &store->system_clock_;
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> connection,
                      SqliteConnection::Open(options.location, options.create_if_missing));
  SJ_ASSIGN_OR_RETURN(SqliteSchemaState state, ReadSqliteSchemaState(*connection));
  if (state.foreign) {
    return Status::InvalidArgument("「" + options.location +
                                   "」不是 shujian 数据库（其中已有其他程序的表）");
  }
  if (UnknownSqliteMigration(state) != 0) {
    // MigrateSqlite refuses it with the full explanation.
    Result<MigrationReport> refused = MigrateSqlite(*connection, *store->clock_);
    return refused.ok() ? Status::Internal("较新的数据库未被拒绝") : refused.status();
  }
  store->version_ = state.version;
  store->pending_ = !PendingSqliteMigrations(state).empty();
  store->idle_.push_back(std::move(connection));
  if (options.migrate_on_open && store->pending_) {
    SJ_ASSIGN_OR_RETURN(MigrationReport report, store->Migrate());
    (void)report;
  }
  return store;
}

Result<std::unique_ptr<SqliteConnection>> SqliteStore::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<SqliteConnection> connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  return SqliteConnection::Open(path_, /*create=*/false);
}

void SqliteStore::Release(std::unique_ptr<SqliteConnection> connection) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(connection));
}

Result<MigrationReport> SqliteStore::Migrate() {
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> connection, Acquire());
  Result<MigrationReport> report = MigrateSqlite(*connection, *clock_);
  Release(std::move(connection));
  if (report.ok()) {
    std::lock_guard lock(mutex_);
    version_ = report->to_version;
    pending_ = false;
  }
  return report;
}

Result<SchemaInfo> SqliteStore::Inspect() {
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> connection, Acquire());
  Result<SqliteSchemaState> state = ReadSqliteSchemaState(*connection);
  Release(std::move(connection));
  if (!state.ok()) return state.status();
  return SchemaInfo{"sqlite", path_, state->version, LatestSqliteSchemaVersion()};
}

Result<std::unique_ptr<Transaction>> SqliteStore::Begin(TransactionMode mode) {
  {
    std::lock_guard lock(mutex_);
    if (pending_) {
      return Status::FailedPrecondition(
          "数据库「" + path_ + "」" +
          (version_ == 0 ? std::string("尚未初始化")
                         : "的结构（版本" + std::to_string(version_) +
                               "）有本程序的迁移尚未应用（本程序到版本" +
                               std::to_string(LatestSqliteSchemaVersion()) + "）") +
          "；请先运行 shujian init");
    }
  }
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> connection, Acquire());
  Status status =
      connection->Execute(mode == TransactionMode::kReadWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!status.ok()) {
    Release(std::move(connection));
    return status;
  }
  return std::unique_ptr<Transaction>(new SqliteTransaction(this, std::move(connection)));
}

SqliteTransaction::SqliteTransaction(SqliteStore* store,
                                     std::unique_ptr<SqliteConnection> connection)
    : store_(store), connection_(std::move(connection)) {}

SqliteTransaction::~SqliteTransaction() {
  meta_.reset();
  leads_.reset();
  orgs_.reset();
  lead_handling_.reset();
  matters_.reset();
  audit_.reset();
  attachments_.reset();
  heritage_.reset();
  if (!finished_) connection_->Execute("ROLLBACK").ok();  // Nothing to report from a destructor.
  store_->Release(std::move(connection_));
}

Status SqliteTransaction::Commit() {
  if (finished_) return Status::FailedPrecondition("事务已结束");
  finished_ = true;
  Status status = connection_->Execute("COMMIT");
  if (!status.ok()) connection_->Execute("ROLLBACK").ok();
  return status;
}

MetaRepository& SqliteTransaction::meta() {
  if (!meta_) meta_ = std::make_unique<SqliteMetaRepository>(connection_.get());
  return *meta_;
}

LeadRepository& SqliteTransaction::leads() {
  if (!leads_) leads_ = std::make_unique<SqliteLeadRepository>(connection_.get());
  return *leads_;
}

OrgRepository& SqliteTransaction::orgs() {
  if (!orgs_) orgs_ = std::make_unique<SqliteOrgRepository>(connection_.get());
  return *orgs_;
}

LeadHandlingRepository& SqliteTransaction::lead_handling() {
  if (!lead_handling_) {
    lead_handling_ = std::make_unique<SqliteLeadHandlingRepository>(connection_.get());
  }
  return *lead_handling_;
}

MatterRepository& SqliteTransaction::matters() {
  if (!matters_) matters_ = std::make_unique<SqliteMatterRepository>(connection_.get());
  return *matters_;
}

AuditRepository& SqliteTransaction::audit() {
  if (!audit_) audit_ = std::make_unique<SqliteAuditRepository>(connection_.get());
  return *audit_;
}

AttachmentRepository& SqliteTransaction::attachments() {
  if (!attachments_) attachments_ = std::make_unique<SqliteAttachmentRepository>(connection_.get());
  return *attachments_;
}

HeritageRepository& SqliteTransaction::heritage() {
  if (!heritage_) heritage_ = std::make_unique<SqliteHeritageRepository>(connection_.get());
  return *heritage_;
}

}  // namespace shujian::store
