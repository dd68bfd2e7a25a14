#include "engine/function/jaro_winkler.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace shujian::engine {

double JaroSimilarity(std::u32string_view a, std::u32string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  size_t longest = std::max(a.size(), b.size());
  size_t match_distance = longest / 2 == 0 ? 0 : longest / 2 - 1;
  std::vector<bool> a_matched(a.size(), false);
  std::vector<bool> b_matched(b.size(), false);
  size_t matches = 0;
  for (size_t a_index = 0; a_index < a.size(); ++a_index) {
    size_t start = a_index > match_distance ? a_index - match_distance : 0;
    size_t end = std::min(a_index + match_distance + 1, b.size());
    for (size_t b_index = start; b_index < end; ++b_index) {
      if (b_matched[b_index] || a[a_index] != b[b_index]) continue;
      a_matched[a_index] = true;
      b_matched[b_index] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  size_t b_index = 0;
  for (size_t a_index = 0; a_index < a.size(); ++a_index) {
    if (!a_matched[a_index]) continue;
    while (!b_matched[b_index]) ++b_index;
    if (a[a_index] != b[b_index]) ++transpositions;
    ++b_index;
  }
  double m = static_cast<double>(matches);
  return (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3.0;
}

double JaroWinklerSimilarity(std::u32string_view a, std::u32string_view b) {
  double jaro = JaroSimilarity(a, b);
  size_t prefix = 0;
  size_t limit = std::min<size_t>({4, a.size(), b.size()});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

double JaroWinklerUtf8(std::string_view a, std::string_view b) {
  return JaroWinklerSimilarity(ToCodePoints(a), ToCodePoints(b));
}

}  // namespace shujian::engine
