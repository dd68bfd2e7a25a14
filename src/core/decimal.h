// Decimal: an exact number with up to six decimal places (quantities in 公斤, 立方米, 亩, 吨;
// rates; 万元 amounts as published). Stored as an integer count of millionths.
//
// Thread safety: a plain value.
#ifndef SHUJIAN_CORE_DECIMAL_H_
#define SHUJIAN_CORE_DECIMAL_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian {

class Decimal {
 public:
  static constexpr int kScale = 6;
  static constexpr int64_t kOne = 1000000;

  constexpr Decimal() = default;
  static constexpr Decimal FromMillionths(int64_t millionths) {
    Decimal decimal;
    decimal.millionths_ = millionths;
    return decimal;
  }
  static constexpr Decimal FromInteger(int64_t value) { return FromMillionths(value * kOne); }

  int64_t millionths() const { return millionths_; }
  // For statistics and display only; comparisons use the exact value.
  double ToDouble() const { return static_cast<double>(millionths_) / kOne; }
  // Shortest exact form: "860", "3.25", "-0.5".
  std::string ToString() const;

  friend constexpr auto operator<=>(Decimal a, Decimal b) = default;
  friend constexpr Decimal operator+(Decimal a, Decimal b) {
    return FromMillionths(a.millionths_ + b.millionths_);
  }
  friend constexpr Decimal operator-(Decimal a, Decimal b) {
    return FromMillionths(a.millionths_ - b.millionths_);
  }

 private:
  int64_t millionths_ = 0;
};

// Returns InvalidArgument with the reason when `text` is not a number (or has more than six
// decimals).
Result<Decimal> ParseDecimal(std::string_view text);

}  // namespace shujian

#endif  // SHUJIAN_CORE_DECIMAL_H_
