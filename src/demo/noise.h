// The realistic noise of agency data, applied on purpose and on record: the ways people and
// spreadsheets alter a correct value. Each function returns what an agency clerk might have
// typed for a correct value; the import must either read it back to the same value (a legacy
// 15-digit ID, a lower-case x, full-width digits) or reject it with a reason (a typo in a
// check digit, an impossible date).
//
// Thread safety: pure functions.
#ifndef SHUJIAN_DEMO_NOISE_H_
#define SHUJIAN_DEMO_NOISE_H_

#include <string>
#include <string_view>

namespace shujian::demo {

// The 15-digit form of an 18-digit ID born in the 1900s (GB 11643-1989), else the ID itself.
std::string AsLegacyId(std::string_view id);
// The ID with a lower-case x check character (unchanged if it has none).
std::string WithLowerCaseX(std::string_view id);
// Digits and Latin letters as full-width characters (１２３ＡＢＣ).
std::string AsFullWidth(std::string_view text);
// "420304 19800101 2510": the groups people type with spaces.
std::string WithSpaces(std::string_view id);
// A published, masked ID: 4203**********1234.
std::string Masked(std::string_view id);
// The ID with one wrong digit in its birth sequence, so its check character no longer fits.
std::string WithTypo(std::string_view id);
// A decision number written with other brackets: 〔2023〕 → [2023] or 【2023】, （） → ().
std::string WithOtherBrackets(std::string_view number, int variant);

}  // namespace shujian::demo

#endif  // SHUJIAN_DEMO_NOISE_H_
