// The audit log (安全审计, shared/design/security.md AUD-1..AUD-3, §6.5): every change the
// workflow makes is one row — who, when, what, the object, before and after — appended in the
// same transaction as the change, so a change without its audit row cannot be committed.
//
// Rows form a hash chain: mac = HMAC(key, prev_mac ‖ row), with HMAC-SM3 (SM3 is in Debian 12's
// OpenSSL 3.0; HMAC-SHA256 only where a provider lacks SM3), the algorithm and key fingerprint
// recorded with every row. Verify() recomputes the chain and names the first row that was
// changed, removed or reordered; an anchor (the last seq and mac, kept outside the database by
// the audit administrator) also detects rows removed from the end. The key lives outside the
// database (AuditKey), so whoever can write the database cannot forge a consistent chain.
//
// Thread safety: AuditKey and AuditLog are immutable; safe for concurrent use.
#ifndef SHUJIAN_WORKFLOW_AUDIT_LOG_H_
#define SHUJIAN_WORKFLOW_AUDIT_LOG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"
#include "workflow/access_policy.h"

namespace shujian::workflow {

class AuditKey {
 public:
  // Reads the key from `path` (64 hex characters), creating a new random key there (mode 0600)
  // when the file does not exist. IoError when it cannot be read or written; InvalidArgument when
  // the file does not hold a key.
  static Result<AuditKey> LoadOrCreate(const std::string& path);
  // A key from raw bytes (tests, key services).
  static AuditKey FromSecret(std::string secret);

  const std::string& secret() const { return secret_; }
  // "HMAC-SM3:1a2b3c4d": the algorithm and the first 8 hex digits of SHA-256(secret).
  const std::string& key_id() const { return key_id_; }
  const std::string& algorithm() const { return algorithm_; }

 private:
  std::string secret_;
  std::string algorithm_;
  std::string key_id_;
};

// One change, as the workflow describes it.
struct AuditEntry {
  std::string action;       // e.g. suggestion.sign
  std::string object_type;  // suggestion, case, lead, user ...
  std::string object_id;
  std::string outcome = "ok";  // ok, or refused for a denied attempt
  std::string summary;         // one line for people
  std::string before_json = "{}";
  std::string after_json = "{}";
};

struct AuditVerification {
  int64_t rows = 0;
  int64_t last_seq = 0;
  std::string last_mac;
  bool intact = true;
  int64_t first_bad_seq = 0;  // the first row that does not verify; 0 when intact
  std::string problem;        // what is wrong, in Chinese
};

class AuditLog {
 public:
  AuditLog(AuditKey key, const Clock& clock) : key_(std::move(key)), clock_(clock) {}

  // Appends `entry` done by `actor` in `transaction`. ID numbers in the before/after snapshots and
  // the summary are masked (AUD-6).
  Status Record(store::Transaction& transaction, const Actor& actor, const AuditEntry& entry) const;

  // Recomputes the whole chain. With an anchor (seq and mac noted earlier), also checks that the
  // log still reaches that row with that MAC.
  Result<AuditVerification> Verify(store::Transaction& transaction,
                                   std::optional<std::pair<int64_t, std::string>> anchor) const;

  const AuditKey& key() const { return key_; }

 private:
  Result<std::string> Mac(const store::AuditEvent& event, std::string_view algorithm) const;

  AuditKey key_;
  const Clock& clock_;
};

// The prev_mac of the first row.
inline constexpr std::string_view kAuditGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_AUDIT_LOG_H_
