// Checking files people attach (reply letters, minutes, evidence, photos): the size limit and
// the allowed types of rules/procedure/procedure.yaml, with the type judged from the content
// (magic bytes and, for zip containers, the parts inside), never from the file name. Names are
// kept for display only, stripped of any directory.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_WORKFLOW_ATTACHMENTS_H_
#define SHUJIAN_WORKFLOW_ATTACHMENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::workflow {

// A file as a person handed it over.
struct Upload {
  std::string file_name;  // as given; only its last path component is kept
  std::string content;
};

struct SniffedType {
  std::string kind;        // pdf, docx, ofd, jpeg, png, or "" when unknown
  std::string media_type;  // application/pdf ...
};

// The type of `content` from its bytes: %PDF-, JPEG SOI, PNG signature, and zip packages that
// hold word/document.xml (docx) or OFD.xml (ofd).
SniffedType SniffFileType(std::string_view content);

struct CheckedUpload {
  std::string file_name;  // the display name, without directories
  std::string media_type;
  std::string sha256;
  int64_t size = 0;
};

// Checks `upload` against `allowed_kinds` and `max_bytes`. `what` names the file in messages
// (e.g. 回复文书). Returns InvalidArgument for an empty, too large or disallowed file, saying what
// was found and what is accepted.
Result<CheckedUpload> CheckUpload(const Upload& upload,
                                  const std::vector<std::string>& allowed_kinds, int64_t max_bytes,
                                  std::string_view what);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_ATTACHMENTS_H_
