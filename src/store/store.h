// Store: the store of record, behind an interface that says nothing about SQL engines.
//
// All business data lives in a Store. Work happens in Transactions: a unit of work that sees
// one consistent state and whose writes all land or none do ("every multi-step write is one
// transaction"). A Transaction hands out repositories, one per area (meta now; datasets,
// leads, cases ... as their issues land), each an interface of domain operations. Callers never
// see SQL, a connection or a row id; SQLite (embedded, the default) and PostgreSQL (the
// multi-user deployment) implement the same interfaces.
//
// Thread safety: a Store is safe for concurrent use; each thread begins its own Transactions.
// A Transaction is used by one thread at a time.
#ifndef SHUJIAN_STORE_STORE_H_
#define SHUJIAN_STORE_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/attachment_repository.h"
#include "store/audit_repository.h"
#include "store/heritage_repository.h"
#include "store/lead_handling_repository.h"
#include "store/lead_repository.h"
#include "store/matter_repository.h"
#include "store/meta_repository.h"
#include "store/org_repository.h"

namespace shujian::store {

struct StoreOptions {
  // A file path selects SQLite; a "postgresql://" or "postgres://" URL selects PostgreSQL.
  std::string location = "shujian.db";
  // Create an empty database when `location` does not exist. Default: true.
  bool create_if_missing = true;
  // Bring an older database's schema up to date on open. When false, opening a database whose
  // schema is older than this build's is refused (FailedPrecondition), and only Migrate()
  // changes it. Default: false (`shujian init` migrates explicitly).
  bool migrate_on_open = false;
};

// What a database is, as found on open or after a migration.
struct SchemaInfo {
  std::string backend;   // "sqlite" or "postgresql"
  std::string location;  // the file or the URL without its password
  int version = 0;       // the schema version of the database
  int latest = 0;        // the newest schema version this build knows
};

// What Migrate() did.
struct MigrationReport {
  bool created = false;       // the database was empty before
  int from_version = 0;
  int to_version = 0;
  std::vector<int> applied;   // the migration numbers applied, in order
};

enum class TransactionMode {
  kRead,       // reads only; never blocks writers for long
  kReadWrite,  // takes the write lock at once, so two writers never deadlock
};

// A unit of work. Destroying an uncommitted Transaction rolls it back.
class Transaction {
 public:
  virtual ~Transaction() = default;

  // Makes every write of this transaction durable, or none of them. After Commit (whatever its
  // outcome) the transaction is finished and its repositories must not be used.
  virtual Status Commit() = 0;

  // Database-wide settings and identity.
  virtual MetaRepository& meta() = 0;
  // Leads, their evidence, and model runs.
  virtual LeadRepository& leads() = 0;
  // Organisations, departments, users and roles.
  virtual OrgRepository& orgs() = 0;
  // How leads are handled (owner, assignment, evaluation, merging); non-model leads.
  virtual LeadHandlingRepository& lead_handling() = 0;
  // Cases and their dispositions, events, deadlines, document numbers.
  virtual MatterRepository& matters() = 0;
  // The append-only audit log.
  virtual AuditRepository& audit() = 0;
  // Attached files, stored by SHA-256.
  virtual AttachmentRepository& attachments() = 0;
  // The heritage registry.
  virtual HeritageRepository& heritage() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Creates the schema of an empty database or upgrades an older one, applying every pending
  // migration in one transaction. Idempotent. Returns Incompatible for a database newer than
  // this build.
  virtual Result<MigrationReport> Migrate() = 0;

  // The schema version of the database and of this build.
  virtual Result<SchemaInfo> Inspect() = 0;

  // Starts a transaction. May wait (up to the store's busy timeout) for another writer.
  virtual Result<std::unique_ptr<Transaction>> Begin(
      TransactionMode mode = TransactionMode::kReadWrite) = 0;
};

// Opens the store that options.location names. Returns:
//   InvalidArgument: the location is not a database of shujian (another file, another program's
//                    database);
//   Incompatible:    the database was written by a newer shujian;
//   FailedPrecondition: the schema is older and options.migrate_on_open is false;
//   NotFound:        the file does not exist and options.create_if_missing is false;
//   IoError:         the file cannot be opened or created;
//   Unimplemented:   a backend this build does not have.
Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options);

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_STORE_H_
