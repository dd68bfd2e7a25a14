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
    DecodeUtf8(simplified, &pos, &code_point);
    if (IsNameSeparator(code_point)) continue;
    code_point = UnifyBracket(code_point);
    if (code_point >= U'a' && code_point <= U'z') code_point -= U'a' - U'A';
    AppendUtf8(code_point, &out);
  }
  return out;
}

}  // namespace shujian
