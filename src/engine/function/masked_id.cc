#include "engine/function/masked_id.h"

#include <string>

#include "core/unicode_fold.h"

namespace shujian::engine {
namespace {

// The number as 18 positions, '*' for masked ones and '?' where a 15-digit number has nothing
// (century and check character). Returns false when the shape is not an ID number.
bool Align(std::string_view raw, std::string* out) {
  std::string text = RemoveSpaces(FoldFullWidth(raw));
  for (char& c : text) {
    if (c == 'x') c = 'X';
    if (!((c >= '0' && c <= '9') || c == 'X' || c == '*')) return false;
  }
  if (text.size() == 18) {
    *out = text;
    return true;
  }
  if (text.size() == 15) {
    *out = text.substr(0, 6) + "??" + text.substr(6, 9) + "?";
    return true;
  }
  return false;
}

}  // namespace

bool MaskedIdCompatible(std::string_view a, std::string_view b) {
  std::string left, right;
  if (!Align(a, &left) || !Align(b, &right)) return false;
  bool masked = left.find('*') != std::string::npos || right.find('*') != std::string::npos;
  int agreeing = 0;
  for (size_t pos = 0; pos < 18; ++pos) {
    char l = left[pos];
    char r = right[pos];
    if (l == '*' || r == '*' || l == '?' || r == '?') continue;
    if (l != r) return false;
    ++agreeing;
  }
  if (!masked) return agreeing >= 15;
  return agreeing >= kMinVisibleAgreeing;
}

}  // namespace shujian::engine
