#include "engine/function/levenshtein.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace shujian::engine {

size_t LevenshteinDistance(std::u32string_view a, std::u32string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  std::vector<size_t> previous(b.size() + 1);
  std::vector<size_t> current(b.size() + 1);
  for (size_t b_index = 0; b_index <= b.size(); ++b_index) previous[b_index] = b_index;
  for (size_t a_index = 1; a_index <= a.size(); ++a_index) {
    current[0] = a_index;
    for (size_t b_index = 1; b_index <= b.size(); ++b_index) {
      size_t substitution = previous[b_index - 1] + (a[a_index - 1] == b[b_index - 1] ? 0 : 1);
      current[b_index] = std::min({previous[b_index] + 1, current[b_index - 1] + 1, substitution});
    }
    previous.swap(current);
  }
  return previous[b.size()];
}

size_t LevenshteinUtf8(std::string_view a, std::string_view b) {
  return LevenshteinDistance(ToCodePoints(a), ToCodePoints(b));
}

}  // namespace shujian::engine
