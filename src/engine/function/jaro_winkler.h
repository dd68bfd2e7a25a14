// Jaro and Jaro–Winkler similarity on code points (not bytes: a Chinese name of three
// characters is three symbols here, nine in a byte-based implementation such as DuckDB's
// jaro_winkler_similarity, which therefore scores Chinese names wrongly).
//
// Jaro–Winkler uses the usual prefix scale 0.1 and a common prefix of at most 4 code points.
// Two empty strings score 1; one empty string scores 0.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_FUNCTION_JARO_WINKLER_H_
#define SHUJIAN_ENGINE_FUNCTION_JARO_WINKLER_H_

#include <string_view>

namespace shujian::engine {

// Jaro similarity in [0, 1].
double JaroSimilarity(std::u32string_view a, std::u32string_view b);
// Jaro–Winkler similarity in [0, 1].
double JaroWinklerSimilarity(std::u32string_view a, std::u32string_view b);
// Jaro–Winkler similarity of two UTF-8 strings (invalid bytes count as U+FFFD).
double JaroWinklerUtf8(std::string_view a, std::string_view b);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_JARO_WINKLER_H_
