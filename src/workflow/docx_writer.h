// Writing .docx files (Office Open XML packages) with libzip, and filling the WordprocessingML
// templates kept in templates/documents/.
//
// A template is the document.xml of a document with placeholders: {{name}} is replaced by a
// value (XML-escaped); a paragraph containing {{#name}} is a prototype, repeated once per item of
// the list `name` (zero items remove it). Placeholders must sit inside one run — the templates in
// the repository are written that way, which is why they are kept as XML rather than edited in
// Word (Word splits text into runs at will).
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_WORKFLOW_DOCX_WRITER_H_
#define SHUJIAN_WORKFLOW_DOCX_WRITER_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace shujian::workflow {

// The parts of a package: path inside the zip ("word/document.xml") → content.
using DocxParts = std::vector<std::pair<std::string, std::string>>;

// Zips `parts` into a package, [Content_Types].xml first, deflated. Returns Internal when libzip
// fails.
Result<std::string> WriteDocx(const DocxParts& parts);

// `text` with &, <, >, " and ' escaped, control characters other than tab and newline removed
// (they are not allowed in XML 1.0).
std::string XmlEscape(std::string_view text);

struct TemplateValues {
  std::map<std::string, std::string> scalars;             // {{name}}
  std::map<std::string, std::vector<std::string>> lists;  // paragraphs with {{#name}}
};

// Fills `xml`. Returns InvalidArgument naming a placeholder the template uses but `values` does
// not define, or a {{#name}} outside a paragraph.
Result<std::string> FillTemplate(std::string_view xml, const TemplateValues& values);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_DOCX_WRITER_H_
