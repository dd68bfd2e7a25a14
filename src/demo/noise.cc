#include "demo/noise.h"

#include "core/utf8.h"

namespace shujian::demo {

std::string AsLegacyId(std::string_view id) {
  if (id.size() != 18 || id.substr(6, 2) != "19") return std::string(id);
  return std::string(id.substr(0, 6)) + std::string(id.substr(8, 9));
}

std::string WithLowerCaseX(std::string_view id) {
  std::string out(id);
  if (!out.empty() && out.back() == 'X') out.back() = 'x';
  return out;
}

std::string AsFullWidth(std::string_view text) {
  std::string out;
  for (char32_t c : ToCodePoints(text)) {
    if ((c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) {
      c += 0xFEE0;
    }
    AppendUtf8(c, &out);
  }
  return out;
}

std::string WithSpaces(std::string_view id) {
  if (id.size() != 18) return std::string(id);
  return std::string(id.substr(0, 6)) + " " + std::string(id.substr(6, 8)) + " " +
         std::string(id.substr(14));
}

std::string Masked(std::string_view id) {
  if (id.size() != 18) return std::string(id);
  return std::string(id.substr(0, 4)) + std::string(10, '*') + std::string(id.substr(14));
}

std::string WithTypo(std::string_view id) {
  std::string out(id);
  if (out.size() != 18) return out;
  out[15] = out[15] == '9' ? '0' : static_cast<char>(out[15] + 1);
  return out;
}

std::string WithOtherBrackets(std::string_view number, int variant) {
  std::u32string code_points = ToCodePoints(number);
  for (char32_t& c : code_points) {
    if (variant % 2 == 0) {
      if (c == U'〔') c = U'[';
      if (c == U'〕') c = U']';
    } else {
      if (c == U'〔') c = U'【';
      if (c == U'〕') c = U'】';
    }
    if (variant % 3 == 0) {
      if (c == U'（') c = U'(';
      if (c == U'）') c = U')';
    }
  }
  return ToUtf8(code_points);
}

}  // namespace shujian::demo
