// Documents (文书) as .docx, from the templates in templates/documents/ (GB/T 9704 layout): the
// 检察建议书 of a suggestion, the 检察意见书 of an opinion, the 立案决定书 of a case — with the
// document number, title, addressee, the body sections (cause, facts, reasons, legal basis,
// recommendations, written by the prosecutor in the body file or drawn from the lead), and the
// reply deadline in words from the deadline rules (两个月, or 十五日 when urgent).
//
// Before signing, a suggestion or opinion gives a draft marked （草稿） without a number. Every
// generated document is kept as an attachment of its matter (with its SHA-256) and audited.
// Documents carry personal data, so only roles that see it in full may generate them.
//
// Thread safety: safe for concurrent use; each call runs its own transaction.
#ifndef SHUJIAN_WORKFLOW_DOCUMENT_SERVICE_H_
#define SHUJIAN_WORKFLOW_DOCUMENT_SERVICE_H_

#include <string>

#include "core/result.h"
#include "workflow/workflow_context.h"

namespace shujian::workflow {

struct GeneratedDocument {
  std::string bytes;      // the .docx
  std::string file_name;  // 郧检行建〔2024〕3号 检察建议书.docx
  std::string title;      // 检察建议书
  std::string number;     // the 文号, or "" for a draft
  bool draft = false;
  std::string attachment_id;  // where it was kept
  std::string sha256;
};

class DocumentService {
 public:
  explicit DocumentService(const WorkflowContext& context) : context_(context) {}

  // The document of matter `id`. Errors: NotFound; PermissionDenied (scope, or a role that does
  // not see personal data); FailedPrecondition for a matter that issues no document.
  Result<GeneratedDocument> Generate(const std::string& actor, const std::string& id) const;

 private:
  const WorkflowContext& context_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_DOCUMENT_SERVICE_H_
