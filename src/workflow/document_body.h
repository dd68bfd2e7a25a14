// The body of a document (检察建议书, 检察意见书) as a prosecutor writes it in a text file:
// sections introduced by a line 【名称】, each followed by its paragraphs (one per non-empty line).
//
//   【起因】本院在履行行政检察职责中发现……
//   【事实】经查，……
//   【理由】本院认为，……
//   【依据】《中华人民共和国人民检察院组织法》第二十一条……
//   【建议】
//   一、……
//   二、……
//   【抄送】十堰市郧阳区人民政府
//
// Text after 【名称】 on the same line is the section's first paragraph. Unknown section names are
// refused (a typo must not silently drop text); so is text before the first section.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_WORKFLOW_DOCUMENT_BODY_H_
#define SHUJIAN_WORKFLOW_DOCUMENT_BODY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::workflow {

// The section names, in document order.
inline constexpr std::string_view kBodySections[] = {"起因", "事实", "理由",
                                                     "依据", "建议", "抄送"};

struct DocumentBody {
  std::map<std::string, std::vector<std::string>> sections;  // name → paragraphs

  bool Has(std::string_view section) const;
  const std::vector<std::string>& Paragraphs(std::string_view section) const;
};

// Parses `text` (UTF-8). Returns InvalidArgument with the line (1-based) and what is accepted
// for invalid UTF-8, text before the first section, an unknown or repeated section, or a body
// with no paragraph at all.
Result<DocumentBody> ParseDocumentBody(std::string_view text);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_DOCUMENT_BODY_H_
