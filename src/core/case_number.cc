#include "core/case_number.h"

#include "core/unicode_fold.h"
#include "core/utf8.h"

namespace shujian {

std::string NormalizeCaseNumber(std::string_view number) {
  // NFKC can turn a character into a space and a combining mark (´ → " ́"); once the space is
  // gone the mark composes with what precedes it, so fold again to reach a fixed point.
  std::string folded = NfkcFold(RemoveSpaces(NfkcFold(number)));
  std::string out;
  out.reserve(folded.size());
  size_t pos = 0;
  char32_t code_point;
  while (pos < folded.size()) {
    DecodeUtf8(folded, &pos, &code_point);
    if (IsSpaceLike(code_point)) continue;
    switch (code_point) {
      case U'〔': case U'【': case U'〖': case U'［': code_point = U'['; break;
      case U'〕': case U'】': case U'〗': case U'］': code_point = U']'; break;
      case U'（': code_point = U'('; break;
      case U'）': code_point = U')'; break;
      default: break;
    }
    if (code_point >= U'a' && code_point <= U'z') code_point -= U'a' - U'A';
    AppendUtf8(code_point, &out);
  }
  return out;
}

}  // namespace shujian
