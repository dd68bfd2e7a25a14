// Money (人民币元) as an exact integer number of 分. Parsing accepts what agencies write:
// "12,000", "12000.5", "￥1,200.00", "1.2万元", full-width digits. More than two decimals is a
// reject (a fine of 100.005 元 is a typing error, not something to round).
//
// Thread safety: a plain value.
#ifndef SHUJIAN_CORE_MONEY_H_
#define SHUJIAN_CORE_MONEY_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromFen(int64_t fen) {
    Money money;
    money.fen_ = fen;
    return money;
  }
  static constexpr Money FromYuan(int64_t yuan) { return FromFen(yuan * 100); }

  int64_t fen() const { return fen_; }
  // "1234.5" style: yuan with at most two decimals, no separators.
  std::string ToString() const;
  // "1,234.50元", for documents and screens.
  std::string ToDisplay() const;

  friend constexpr auto operator<=>(Money a, Money b) = default;
  friend constexpr Money operator+(Money a, Money b) { return FromFen(a.fen_ + b.fen_); }
  friend constexpr Money operator-(Money a, Money b) { return FromFen(a.fen_ - b.fen_); }

 private:
  int64_t fen_ = 0;
};

// Returns InvalidArgument with the reason when `text` is not an amount.
Result<Money> ParseMoney(std::string_view text);

}  // namespace shujian

#endif  // SHUJIAN_CORE_MONEY_H_
