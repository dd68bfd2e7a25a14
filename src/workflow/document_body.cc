#include "workflow/document_body.h"

#include <algorithm>

#include "core/unicode_fold.h"
#include "core/utf8.h"

namespace shujian::workflow {
namespace {

std::string SectionList() {
  std::string list;
  for (std::string_view name : kBodySections) list += "【" + std::string(name) + "】";
  return list;
}

}  // namespace

bool DocumentBody::Has(std::string_view section) const {
  auto it = sections.find(std::string(section));
  return it != sections.end() && !it->second.empty();
}

const std::vector<std::string>& DocumentBody::Paragraphs(std::string_view section) const {
  static const std::vector<std::string> kEmpty;
  auto it = sections.find(std::string(section));
  return it == sections.end() ? kEmpty : it->second;
}

Result<DocumentBody> ParseDocumentBody(std::string_view text) {
  if (!IsValidUtf8(text)) {
    return Status::InvalidArgument("正文文件不是 UTF-8 编码；请另存为 UTF-8 后再试");
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  DocumentBody body;
  std::string current;
  size_t line_number = 0;
  size_t paragraphs = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line = TrimSpaces(text.substr(pos, end - pos));
    ++line_number;
    pos = end + 1;
    if (line.empty()) {
      if (end == text.size()) break;
      continue;
    }
    std::string where = "正文第" + std::to_string(line_number) + "行";
    if (line.starts_with("【")) {
      size_t close = line.find("】");
      if (close == std::string::npos) {
        return Status::InvalidArgument(where + "：「【」没有对应的「】」");
      }
      std::string name = line.substr(3, close - 3);
      if (std::find(std::begin(kBodySections), std::end(kBodySections), name) ==
          std::end(kBodySections)) {
        return Status::InvalidArgument(where + "：不认识的段落「【" + name + "】」；可用的有 " +
                                       SectionList());
      }
      if (body.sections.count(name) > 0) {
        return Status::InvalidArgument(where + "：「【" + name + "】」出现了两次");
      }
      current = name;
      body.sections[current];
      line = TrimSpaces(std::string_view(line).substr(close + 3));
      if (line.empty()) continue;
    } else if (current.empty()) {
      return Status::InvalidArgument(where + "：正文应以段落名开头，如「【起因】」；可用的有 " +
                                     SectionList());
    }
    body.sections[current].push_back(line);
    ++paragraphs;
    if (end == text.size()) break;
  }
  if (paragraphs == 0)
    return Status::InvalidArgument("正文是空的；请按 " + SectionList() + " 分段写");
  return body;
}

}  // namespace shujian::workflow
