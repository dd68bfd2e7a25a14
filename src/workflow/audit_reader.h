// Reading and verifying the audit log, for the audit administrator (审计管理员: 查看审计, 核验审计)
// and the local operator. Rows are shown with personal data masked: the audit administrator audits
// what was done, and does not read case data (三员, security.md AC-1).
//
// Thread safety: safe for concurrent use; each call runs its own transaction.
#ifndef SHUJIAN_WORKFLOW_AUDIT_READER_H_
#define SHUJIAN_WORKFLOW_AUDIT_READER_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "workflow/workflow_context.h"

namespace shujian::workflow {

class AuditReader {
 public:
  explicit AuditReader(const WorkflowContext& context) : context_(context) {}

  // Up to `limit` rows (0: all) from `from_seq`, or the rows of `object_id` when it is not empty.
  Result<std::vector<store::AuditEvent>> Read(const std::string& actor, int64_t from_seq, int limit,
                                              const std::string& object_id) const;
  // Recomputes the chain (audit_log.h); with `anchor` (seq, mac) also detects removed tail rows.
  Result<AuditVerification> Verify(const std::string& actor,
                                   std::optional<std::pair<int64_t, std::string>> anchor) const;

 private:
  const WorkflowContext& context_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_AUDIT_READER_H_
