#include "core/unicode_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
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

// True when no byte of `text` is 0x80 or above.
bool IsAsciiText(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

namespace {

// Whether full-width `code_point` (U+FF01..U+FF5E) folds under `which`.
bool Folds(char32_t code_point, FullWidth which) {
  if (which == FullWidth::kAll) return true;
  char32_t ascii = code_point - 0xFF01 + 0x21;
  return (ascii >= U'0' && ascii <= U'9') || (ascii >= U'A' && ascii <= U'Z') || (ascii >= U'a' && ascii <= U'z');
}

}  // namespace

std::string FoldFullWidth(std::string_view text, FullWidth which) {
  // Fast path: full-width forms and U+3000 are encoded with lead bytes 0xEF and 0xE3; valid
  // text without them is returned as it is.
  bool may_fold = false;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte == 0xEF || byte == 0xE3) {
      may_fold = true;
      break;
    }
  }
  const bool valid = IsValidUtf8(text);
  if (!may_fold && valid) return std::string(text);
  if (valid) {
    // Valid text: only the three-byte forms of U+FF01..U+FF5E and U+3000 change.
    std::string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t pos = 0; pos < text.size(); ++pos) {
      if ((bytes[pos] == 0xEF || bytes[pos] == 0xE3) && pos + 2 < text.size()) {
        char32_t code_point = static_cast<char32_t>((bytes[pos] & 0x0F) << 12 | (bytes[pos + 1] & 0x3F) << 6 |
                                                    (bytes[pos + 2] & 0x3F));
        if (code_point >= 0xFF01 && code_point <= 0xFF5E && Folds(code_point, which)) {
          out.push_back(static_cast<char>(code_point - 0xFF01 + 0x21));
          pos += 2;
          continue;
        }
        if (code_point == 0x3000) {
          out.push_back(' ');
          pos += 2;
          continue;
        }
      }
      out.push_back(static_cast<char>(bytes[pos]));
    }
    return out;
  }
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos, &code_point);
    if (IsFullWidthAscii(code_point) && (code_point == 0x3000 || Folds(code_point, which))) {
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
  if (normalizer != nullptr && IsValidUtf8(text)) {
    // Most text (names, Chinese words) is already NFKC; the rest is normalised UTF-8 to UTF-8.
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (normalizer->isNormalizedUTF8(piece, error) && U_SUCCESS(error)) return std::string(text);
    error = U_ZERO_ERROR;
    std::string out;
    out.reserve(text.size());
    icu::StringByteSink<std::string> sink(&out);
    normalizer->normalizeUTF8(0, piece, sink, nullptr, error);
    if (U_SUCCESS(error)) return out;
    error = U_ZERO_ERROR;
  }
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
  // Fast path: ASCII text trims by bytes.
  if (IsAsciiText(text)) {
    size_t begin = 0;
    size_t end = text.size();
    while (begin < end && IsAsciiSpace(text[begin])) ++begin;
    while (end > begin && IsAsciiSpace(text[end - 1])) --end;
    return std::string(text.substr(begin, end - begin));
  }
  // Fast path: valid text that neither starts nor ends with a space is returned as it is.
  if (IsValidUtf8(text)) {
    size_t pos = 0;
    char32_t first;
    DecodeUtf8(text, &pos, &first);
    size_t last_start = text.size() - 1;
    while (last_start > 0 && (static_cast<unsigned char>(text[last_start]) & 0xC0) == 0x80) --last_start;
    char32_t last;
    pos = last_start;
    DecodeUtf8(text, &pos, &last);
    if (!IsSpaceLike(first) && !IsSpaceLike(last)) return std::string(text);
  }
  std::u32string code_points = ToCodePoints(text);
  size_t begin = 0;
  size_t end = code_points.size();
  while (begin < end && IsSpaceLike(code_points[begin])) ++begin;
  while (end > begin && IsSpaceLike(code_points[end - 1])) --end;
  if (begin == 0 && end == code_points.size() && IsValidUtf8(text)) return std::string(text);
  return ToUtf8(std::u32string_view(code_points).substr(begin, end - begin));
}

std::string RemoveSpaces(std::string_view text) {
  if (IsAsciiText(text)) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
      if (!IsAsciiSpace(c)) out.push_back(c);
    }
    return out;
  }
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    const size_t start = pos;
    if (!DecodeUtf8(text, &pos, &code_point)) {
      AppendUtf8(code_point, &out);  // U+FFFD for the invalid byte
    } else if (!IsSpaceLike(code_point)) {
      out.append(text, start, pos - start);
    }
  }
  return out;
}

}  // namespace shujian
