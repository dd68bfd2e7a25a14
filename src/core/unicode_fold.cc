#include "core/unicode_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace shujian {
namespace {

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* normalizer = [] {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(error);
    return U_SUCCESS(error) ? instance : nullptr;
  }();
  return normalizer;
}

bool IsFullWidthAscii(char32_t code_point) {
  return (code_point >= 0xFF01 && code_point <= 0xFF5E) || code_point == 0x3000;
}

// NFKC of one code point; the code point itself if ICU is unavailable.
void AppendNfkc(char32_t code_point, std::string* out) {
  const icu::Normalizer2* normalizer = Nfkc();
  if (normalizer == nullptr) {
    AppendUtf8(code_point, out);
    return;
  }
  UErrorCode error = U_ZERO_ERROR;
  icu::UnicodeString folded =
      normalizer->normalize(icu::UnicodeString(static_cast<UChar32>(code_point)), error);
  if (U_FAILURE(error)) {
    AppendUtf8(code_point, out);
    return;
  }
  folded.toUTF8String(*out);
}

}  // namespace

std::string FoldFullWidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos, &code_point);
    if (IsFullWidthAscii(code_point)) {
      AppendNfkc(code_point, &out);
    } else {
      AppendUtf8(code_point, &out);
    }
  }
  return out;
}

std::string NfkcFold(std::string_view text) {
  // Fast path: ASCII is already NFKC.
  bool ascii = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return std::string(text);
  const icu::Normalizer2* normalizer = Nfkc();
  UErrorCode error = U_ZERO_ERROR;
  // Fast path: most text (names, Chinese words) is already NFKC.
  if (normalizer != nullptr && IsValidUtf8(text) &&
      normalizer->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                                   error) &&
      U_SUCCESS(error)) {
    return std::string(text);
  }
  error = U_ZERO_ERROR;
  std::string valid = ToUtf8(ToCodePoints(text));
  if (normalizer == nullptr) return valid;
  icu::UnicodeString folded =
      normalizer->normalize(icu::UnicodeString::fromUTF8(valid), error);
  if (U_FAILURE(error)) return valid;
  std::string out;
  folded.toUTF8String(out);
  return out;
}

bool IsSpaceLike(char32_t code_point) {
  switch (code_point) {
    case U' ': case U'\t': case U'\n': case U'\r': case U'\v': case U'\f':
    case 0x00A0: case 0x3000: case 0xFEFF: case 0x202F: case 0x205F:
      return true;
    default:
      return code_point >= 0x2000 && code_point <= 0x200B;
  }
}

std::string TrimSpaces(std::string_view text) {
  std::u32string code_points = ToCodePoints(text);
  size_t begin = 0;
  size_t end = code_points.size();
  while (begin < end && IsSpaceLike(code_points[begin])) ++begin;
  while (end > begin && IsSpaceLike(code_points[end - 1])) --end;
  if (begin == 0 && end == code_points.size() && IsValidUtf8(text)) return std::string(text);
  return ToUtf8(std::u32string_view(code_points).substr(begin, end - begin));
}

std::string RemoveSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos, &code_point);
    if (!IsSpaceLike(code_point)) AppendUtf8(code_point, &out);
  }
  return out;
}

}  // namespace shujian
