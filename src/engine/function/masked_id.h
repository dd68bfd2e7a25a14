// Whether a published, masked ID number (4203**********1234, as 双公示 records print it) can
// be the same person as a full ID number (or another masked one).
//
// Both numbers are folded (full-width, spaces, lower-case x). A 15-digit number is aligned with
// an 18-digit one the way GB 11643 upgrades it (the year gains "19", the check character has no
// counterpart). Two numbers are compatible when every position visible in both agrees and at
// least kMinVisibleAgreeing such positions exist; two unmasked numbers must be equal (after
// upgrading a 15-digit one). Anything that is not an ID number shape (wrong length, letters) is
// compatible with nothing.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_FUNCTION_MASKED_ID_H_
#define SHUJIAN_ENGINE_FUNCTION_MASKED_ID_H_

#include <string_view>

namespace shujian::engine {

// Positions visible in both numbers that must agree before a masked number is accepted.
inline constexpr int kMinVisibleAgreeing = 6;

bool MaskedIdCompatible(std::string_view a, std::string_view b);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_MASKED_ID_H_
