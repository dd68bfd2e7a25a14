// Exact decimal numbers as scaled 64-bit integers, parsed from what people write:
// "1,234.56", "１２３４．５", "￥1,200", "1.5万", "-3". No binary floating point touches a value.
//
// Money (元, stored as integer 分) and Decimal (quantities, rates, 万元; six decimal places)
// are both built on ParseFixedPoint; each type lives in its own header.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_CORE_FIXED_POINT_H_
#define SHUJIAN_CORE_FIXED_POINT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian {

struct FixedPointOptions {
  int scale = 2;                    // decimal places kept; more is a reject, never a rounding
  bool allow_currency = false;      // a leading ¥/￥ and a trailing 元
  bool allow_ten_thousands = false; // a trailing 万 / 万元 multiplies by 10,000
  std::string_view too_precise_reason = "小数位数过多";
};

// Parses `text` into an integer scaled by 10^options.scale. Accepts a sign, thousands
// separators in groups of three, full-width digits and surrounding spaces. Returns
// InvalidArgument with the reason (empty, not a number, misplaced separator, too many
// decimals, out of range).
Result<int64_t> ParseFixedPoint(std::string_view text, const FixedPointOptions& options);

// Formats `scaled` / 10^scale with exactly `min_decimals`..scale decimals (trailing zeros
// beyond min_decimals dropped), no thousands separators: FormatFixedPoint(150, 2, 0) = "1.5".
std::string FormatFixedPoint(int64_t scaled, int scale, int min_decimals);

}  // namespace shujian

#endif  // SHUJIAN_CORE_FIXED_POINT_H_
