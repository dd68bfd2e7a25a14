#include "core/decimal.h"

#include "core/fixed_point.h"

namespace shujian {

std::string Decimal::ToString() const { return FormatFixedPoint(millionths_, kScale, 0); }

Result<Decimal> ParseDecimal(std::string_view text) {
  FixedPointOptions options;
  options.scale = Decimal::kScale;
  options.too_precise_reason = "超过六位小数";
  SJ_ASSIGN_OR_RETURN(int64_t millionths, ParseFixedPoint(text, options));
  return Decimal::FromMillionths(millionths);
}

}  // namespace shujian
