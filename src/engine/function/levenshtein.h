// Levenshtein edit distance on code points (insertions, deletions and substitutions of whole
// characters: 张伟 → 张玮 is 1, not 3 as a byte-based distance would say).
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_FUNCTION_LEVENSHTEIN_H_
#define SHUJIAN_ENGINE_FUNCTION_LEVENSHTEIN_H_

#include <cstddef>
#include <string_view>

namespace shujian::engine {

size_t LevenshteinDistance(std::u32string_view a, std::u32string_view b);
// The distance between two UTF-8 strings (invalid bytes count as U+FFFD).
size_t LevenshteinUtf8(std::string_view a, std::string_view b);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_LEVENSHTEIN_H_
