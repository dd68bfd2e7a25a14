// The tests behind fuzzy comparison levels (docs/reference/model_format.md, "fuzzy"), on plain
// strings and dates, shared by the native fuzzy join (which memoises the normalised forms per
// distinct string) and the reference evaluator.
//
//   exact        the normalised forms are equal
//   levenshtein  edit distance of the normalised forms (code points) ≤ threshold
//   jaro_winkler similarity of the normalised forms (code points), in millionths, ≥ threshold
//   pinyin       the pinyin of the names' matching forms, without spaces, are equal and not empty
//   masked_id    function/masked_id.h
//   date_within  the dates are at most `threshold` days apart (both ends inclusive)
//   null         either side is null;  else  always
// Every test but null and else fails when a side is null.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_FUNCTION_COMPARISON_LEVELS_H_
#define SHUJIAN_ENGINE_FUNCTION_COMPARISON_LEVELS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/bind/bound_model.h"

namespace shujian::engine {

// The form a level compares: raw, name matching form, company form, case-number form.
std::string NormalizeForLevel(Normalization normalize, std::string_view text);
// The pinyin key of a name (pinyin of its matching form, no spaces).
std::string PinyinKey(std::string_view text);
// Jaro–Winkler similarity in millionths, rounded (the unit of jaro_winkler thresholds).
int64_t JaroWinklerMillionths(std::string_view a, std::string_view b);

// Whether a string level holds for the (already normalised; pinyin: PinyinKey) forms.
// REQUIRES: kind is exact, levenshtein, jaro_winkler, pinyin or masked_id.
bool StringLevelHolds(LevelKind kind, int64_t threshold, std::string_view a, std::string_view b);
// Whether date_within `threshold` days holds for two days-since-epoch values.
bool DateLevelHolds(int64_t threshold, int64_t a_day, int64_t b_day);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_COMPARISON_LEVELS_H_
