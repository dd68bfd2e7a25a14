// Unicode folding of what agencies type: full-width letters and digits, ideographic spaces,
// compatibility forms. Uses ICU's NFKC normaliser.
//
// Two strengths:
//  - FoldFullWidth: only full-width ASCII (U+FF01..U+FF5E) and the ideographic space (U+3000)
//    become their ASCII forms: "１２３ ＡＢＣ" → "123 ABC", what codes, numbers and dates get.
//    With FullWidth::kLettersAndDigits the full-width punctuation of Chinese text （，：；）
//    stays as written: what free text and names get. Nothing else is touched.
//  - NfkcFold: full NFKC, for keys used in matching (case numbers, normalised names).
// Neither changes Chinese characters (traditional → simplified is core/simplified_chinese.h).
//
// Thread safety: safe for concurrent use (ICU normalisers are immutable singletons).
#ifndef SHUJIAN_CORE_UNICODE_FOLD_H_
#define SHUJIAN_CORE_UNICODE_FOLD_H_

#include <string>
#include <string_view>

namespace shujian {

enum class FullWidth {
  kAll,                // every full-width ASCII form
  kLettersAndDigits,   // only Ａ–Ｚ, ａ–ｚ, ０–９ (and U+3000); punctuation kept
};

// Full-width ASCII and U+3000 → ASCII; all else unchanged. Invalid UTF-8 → U+FFFD.
std::string FoldFullWidth(std::string_view text, FullWidth which = FullWidth::kAll);

// Unicode NFKC. Invalid UTF-8 → U+FFFD.
std::string NfkcFold(std::string_view text);

// True for the spaces people paste into spreadsheets: ASCII whitespace, U+00A0, U+3000,
// U+2000..U+200B, U+FEFF (BOM / zero-width no-break space).
bool IsSpaceLike(char32_t code_point);

// `text` without leading and trailing space-like code points.
std::string TrimSpaces(std::string_view text);

// `text` without any space-like code points.
std::string RemoveSpaces(std::string_view text);

}  // namespace shujian

#endif  // SHUJIAN_CORE_UNICODE_FOLD_H_
