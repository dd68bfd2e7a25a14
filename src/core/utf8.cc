#include "core/utf8.h"

namespace shujian {

bool DecodeUtf8(std::string_view text, size_t* pos, char32_t* code_point) {
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

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    if (!DecodeUtf8(text, &pos, &code_point)) return false;
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
