#include "core/name_normalize.h"

#include "core/simplified_chinese.h"
#include "core/unicode_fold.h"
#include "core/utf8.h"

namespace shujian {
namespace {

bool IsNameSeparator(char32_t code_point) {
  switch (code_point) {
    case U'·': case U'•': case U'・': case U'.': case U'‧': case U'∙': case U'⋅':
      return true;
    default:
      return IsSpaceLike(code_point);
  }
}

char32_t UnifyBracket(char32_t code_point) {
  switch (code_point) {
    case U'〔': case U'【': case U'［': case U'[': case U'〖': return U'(';
    case U'〕': case U'】': case U'］': case U']': case U'〗': return U')';
    default: return code_point;
  }
}

}  // namespace

std::string NormalizeNameForMatching(std::string_view name) {
  std::string simplified = ToSimplified(NfkcFold(name));
  std::string out;
  out.reserve(simplified.size());
  size_t pos = 0;
  char32_t code_point;
  while (pos < simplified.size()) {
    const size_t start = pos;
    DecodeUtf8(simplified, &pos, &code_point);
    if (IsNameSeparator(code_point)) continue;
    char32_t unified = UnifyBracket(code_point);
    if (unified >= U'a' && unified <= U'z') unified -= U'a' - U'A';
    if (unified == code_point) {
      out.append(simplified, start, pos - start);  // unchanged: its bytes as they are
    } else {
      AppendUtf8(unified, &out);
    }
  }
  return out;
}

}  // namespace shujian
