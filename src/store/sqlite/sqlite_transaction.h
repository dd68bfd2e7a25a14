// SqliteTransaction: a Transaction of the SQLite store on one pooled connection. It creates
// its repositories on first use; they run their SQL on the transaction's connection.
//
// Thread safety: one thread at a time, like every Transaction.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_TRANSACTION_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_TRANSACTION_H_

#include <memory>

#include "store/sqlite/sqlite_attachment_repository.h"
#include "store/sqlite/sqlite_audit_repository.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_heritage_repository.h"
#include "store/sqlite/sqlite_lead_handling_repository.h"
#include "store/sqlite/sqlite_lead_repository.h"
#include "store/sqlite/sqlite_matter_repository.h"
#include "store/sqlite/sqlite_meta_repository.h"
#include "store/sqlite/sqlite_org_repository.h"
#include "store/store.h"

namespace shujian::store {

class SqliteStore;

class SqliteTransaction final : public Transaction {
 public:
  // REQUIRES: `connection` has just run BEGIN.
  SqliteTransaction(SqliteStore* store, std::unique_ptr<SqliteConnection> connection);
  ~SqliteTransaction() override;

  Status Commit() override;
  MetaRepository& meta() override;
  LeadRepository& leads() override;
  OrgRepository& orgs() override;
  LeadHandlingRepository& lead_handling() override;
  MatterRepository& matters() override;
  AuditRepository& audit() override;
  AttachmentRepository& attachments() override;
  HeritageRepository& heritage() override;

 private:
  SqliteStore* store_;
  std::unique_ptr<SqliteConnection> connection_;
  bool finished_ = false;
  std::unique_ptr<SqliteMetaRepository> meta_;
  std::unique_ptr<SqliteLeadRepository> leads_;
  std::unique_ptr<SqliteOrgRepository> orgs_;
  std::unique_ptr<SqliteLeadHandlingRepository> lead_handling_;
  std::unique_ptr<SqliteMatterRepository> matters_;
  std::unique_ptr<SqliteAuditRepository> audit_;
  std::unique_ptr<SqliteAttachmentRepository> attachments_;
  std::unique_ptr<SqliteHeritageRepository> heritage_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_TRANSACTION_H_
