#include "engine/function/company_name.h"

#include "core/name_normalize.h"

namespace shujian::engine {
namespace {

constexpr std::string_view kSuffixes[] = {
    "股份有限公司", "有限责任公司", "有限公司", "责任公司", "集团公司", "总公司",
    "公司",         "集团",         "有限合伙", "合伙企业",
};

std::string RemoveBracketed(const std::string& text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') {
      ++depth;
      continue;
    }
    if (c == ')') {
      if (depth > 0) --depth;
      continue;
    }
    if (depth == 0) out += c;
  }
  return out;
}

}  // namespace

std::string CompanyNameForm(std::string_view name) {
  std::string matching = NormalizeNameForMatching(name);
  std::string form = RemoveBracketed(matching);
  constexpr std::string_view kBranch = "分公司";
  constexpr std::string_view kCompany = "公司";
  if (form.size() > kBranch.size() && form.ends_with(kBranch)) {
    std::string head = form.substr(0, form.size() - kBranch.size());
    size_t last = head.rfind(kCompany);
    form = last == std::string::npos ? head : head.substr(0, last + kCompany.size());
  }
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view suffix : kSuffixes) {
      if (form.size() > suffix.size() && form.ends_with(suffix)) {
        form.resize(form.size() - suffix.size());
        changed = true;
        break;
      }
    }
  }
  // A name that was nothing but a legal form keeps its matching form.
  for (std::string_view fragment : {"", "有限", "有限责任", "股份", "股份有限", "责任"}) {
    if (form == fragment) return matching;
  }
  return form;
}

}  // namespace shujian::engine
