// UTF-8 decoding and encoding by code point.
//
// Chinese text must be measured, compared and cut by code point, never by byte: a name of
// three characters is nine bytes. Invalid sequences are never passed through silently: the
// decoder reports them, and the lossy helpers replace them with U+FFFD.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_CORE_UTF8_H_
#define SHUJIAN_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace shujian {

inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

// Decodes the code point starting at text[*pos] and advances *pos past it. Returns false
// (and advances *pos by one byte, setting *code_point to U+FFFD) when the bytes there are not
// a valid, shortest-form UTF-8 sequence of a Unicode scalar value.
// REQUIRES: *pos < text.size().
inline bool DecodeUtf8(std::string_view text, size_t* pos, char32_t* code_point);

// True iff `text` is entirely valid UTF-8.
bool IsValidUtf8(std::string_view text);

// The code points of `text`; invalid bytes become U+FFFD.
std::u32string ToCodePoints(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (U+FFFD if it is not a scalar value).
void AppendUtf8(char32_t code_point, std::string* out);
std::string ToUtf8(std::u32string_view code_points);

// Number of code points in `text` (invalid bytes count one each).
size_t CodePointCount(std::string_view text);

// The first `count` code points of `text` (all of it when shorter).
std::string_view Utf8Prefix(std::string_view text, size_t count);

// Defined here so that the per-character loops of the text functions inline it.
inline bool DecodeUtf8(std::string_view text, size_t* pos, char32_t* code_point) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t size = text.size();
  size_t start = *pos;
  unsigned char lead = bytes[start];
  if (lead < 0x80) {
    *code_point = lead;
    *pos = start + 1;
    return true;
  }
  int length;
  char32_t value;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    *code_point = kReplacementCharacter;
    *pos = start + 1;
    return false;
  }
  if (start + length > size) {
    *code_point = kReplacementCharacter;
    *pos = start + 1;
    return false;
  }
  for (int offset = 1; offset < length; ++offset) {
    unsigned char continuation = bytes[start + offset];
    if ((continuation & 0xC0) != 0x80) {
      *code_point = kReplacementCharacter;
      *pos = start + 1;
      return false;
    }
    value = (value << 6) | (continuation & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *code_point = kReplacementCharacter;
    *pos = start + 1;
    return false;
  }
  *code_point = value;
  *pos = start + length;
  return true;
}

}  // namespace shujian

#endif  // SHUJIAN_CORE_UTF8_H_
