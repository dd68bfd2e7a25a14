#include "engine/function/comparison_levels.h"

#include <cmath>

#include "core/case_number.h"
#include "core/name_normalize.h"
#include "engine/function/company_name.h"
#include "engine/function/jaro_winkler.h"
#include "engine/function/levenshtein.h"
#include "engine/function/masked_id.h"
#include "engine/function/pinyin.h"

namespace shujian::engine {

std::string NormalizeForLevel(Normalization normalize, std::string_view text) {
  switch (normalize) {
    case Normalization::kNone: return std::string(text);
    case Normalization::kName: return NormalizeNameForMatching(text);
    case Normalization::kCompany: return CompanyNameForm(text);
    case Normalization::kCaseNo: return NormalizeCaseNumber(text);
  }
  return std::string(text);
}

std::string PinyinKey(std::string_view text) {
  std::string pinyin = Pinyin(NormalizeNameForMatching(text));
  std::string key;
  for (char c : pinyin) {
    if (c != ' ') key += c;
  }
  return key;
}

int64_t JaroWinklerMillionths(std::string_view a, std::string_view b) {
  return std::llround(JaroWinklerUtf8(a, b) * 1000000.0);
}

bool StringLevelHolds(LevelKind kind, int64_t threshold, std::string_view a, std::string_view b) {
  switch (kind) {
    case LevelKind::kExact: return a == b;
    case LevelKind::kLevenshtein: return static_cast<int64_t>(LevenshteinUtf8(a, b)) <= threshold;
    case LevelKind::kJaroWinkler: return JaroWinklerMillionths(a, b) >= threshold;
    case LevelKind::kPinyin: return !a.empty() && a == b;
    case LevelKind::kMaskedId: return MaskedIdCompatible(a, b);
    default: return false;
  }
}

bool DateLevelHolds(int64_t threshold, int64_t a_day, int64_t b_day) {
  int64_t apart = a_day > b_day ? a_day - b_day : b_day - a_day;
  return apart <= threshold;
}

}  // namespace shujian::engine
