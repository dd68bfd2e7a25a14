// AuditRepository: the append-only audit log (安全审计, shared/design/security.md AUD-1..AUD-3).
//
// The only write is Append, and it only accepts the next row of the chain: seq one past the
// last row and prev_mac equal to the last row's MAC. There is no update or delete here, and the
// SQLite schema refuses both with triggers. Computing the MACs (and holding the key) is the
// workflow's job (workflow/audit_log.h); the store keeps the rows and their order.
//
// Thread safety: used through its Transaction, by one thread at a time. Appends from concurrent
// transactions are serialised by the store's write lock, so the chain stays linear.
#ifndef SHUJIAN_STORE_AUDIT_REPOSITORY_H_
#define SHUJIAN_STORE_AUDIT_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::store {

struct AuditEvent {
  int64_t seq = 0;  // 1, 2, 3 ... without gaps
  std::string at;   // ISO date-time
  std::string actor;
  std::string actor_org;
  std::string action;  // e.g. suggestion.sign
  std::string object_type;
  std::string object_id;
  std::string outcome = "ok";  // ok or refused
  std::string summary;
  std::string before_json = "{}";
  std::string after_json = "{}";
  std::string key_id;
  std::string prev_mac;  // hex
  std::string mac;       // hex
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;

  // The last row, or nullopt for an empty log.
  virtual Result<std::optional<AuditEvent>> Last() = 0;
  // Appends `event`. FailedPrecondition unless event.seq is one past the last row and
  // event.prev_mac equals the last row's mac (the genesis value for the first row is the
  // caller's business).
  virtual Status Append(const AuditEvent& event) = 0;
  // Up to `limit` rows (0: all) with seq >= from_seq, in order.
  virtual Result<std::vector<AuditEvent>> Read(int64_t from_seq, int limit) = 0;
  // The rows about `object_id`, in order.
  virtual Result<std::vector<AuditEvent>> ReadForObject(std::string_view object_id) = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_AUDIT_REPOSITORY_H_
