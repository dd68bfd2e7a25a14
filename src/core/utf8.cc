#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace shujian {

bool IsValidUtf8(std::string_view text) {
  // The same rules as DecodeUtf8 (shortest form, no surrogates, at most U+10FFFF), checked on
  // the bytes without computing code points; ASCII runs eight bytes at a time.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t pos = 0;
  while (pos < size) {
    while (pos + 8 <= size) {
      uint64_t word;
      std::memcpy(&word, bytes + pos, 8);
      if (word & 0x8080808080808080ull) break;
      pos += 8;
    }
    if (pos == size) break;
    const unsigned char lead = bytes[pos];
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    size_t length;
    unsigned char low = 0x80;   // the allowed range of the second byte
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // no overlong forms
      if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;  // at most U+10FFFF
    } else {
      return false;
    }
    if (pos + length > size) return false;
    if (bytes[pos + 1] < low || bytes[pos + 1] > high) return false;
    for (size_t offset = 2; offset < length; ++offset) {
      if ((bytes[pos + offset] & 0xC0) != 0x80) return false;
    }
    pos += length;
  }
  return true;
}

std::u32string ToCodePoints(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos, &code_point);
    out.push_back(code_point);
  }
  return out;
}

void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    code_point = kReplacementCharacter;
  }
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

std::string ToUtf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size() * 3);
  for (char32_t code_point : code_points) AppendUtf8(code_point, &out);
  return out;
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos, &code_point);
    ++count;
  }
  return count;
}

std::string_view Utf8Prefix(std::string_view text, size_t count) {
  size_t pos = 0;
  char32_t code_point;
  for (size_t taken = 0; taken < count && pos < text.size(); ++taken) {
    DecodeUtf8(text, &pos, &code_point);
  }
  return text.substr(0, pos);
}

}  // namespace shujian
