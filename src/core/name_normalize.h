// The matching form of a person's or organisation's name.
//
// Two records name the same party when their matching forms are equal: NFKC (full-width and
// compatibility forms folded), traditional → simplified, no spaces or middle dots (维吾尔族 and
// foreign names are written with ·, •, ・ or nothing), Latin letters upper-cased, Chinese and
// full-width brackets → ASCII parentheses. The stored name keeps what the agency wrote; this form
// is only a key. Company suffixes and bracketed places (有限公司, （十堰）) are left to the model
// engine's fuzzy comparisons, which know when to ignore them.
//
// Thread safety: safe for concurrent use.
#ifndef SHUJIAN_CORE_NAME_NORMALIZE_H_
#define SHUJIAN_CORE_NAME_NORMALIZE_H_

#include <string>
#include <string_view>

namespace shujian {

std::string NormalizeNameForMatching(std::string_view name);

}  // namespace shujian

#endif  // SHUJIAN_CORE_NAME_NORMALIZE_H_
