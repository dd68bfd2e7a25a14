#include "core/money.h"

#include "core/fixed_point.h"

namespace shujian {

std::string Money::ToString() const { return FormatFixedPoint(fen_, 2, 0); }

std::string Money::ToDisplay() const {
  std::string plain = FormatFixedPoint(fen_, 2, 2);
  bool negative = plain[0] == '-';
  std::string_view digits = std::string_view(plain).substr(negative ? 1 : 0);
  size_t integer_length = digits.find('.');
  std::string out = negative ? "-" : "";
  for (size_t index = 0; index < integer_length; ++index) {
    if (index > 0 && (integer_length - index) % 3 == 0) out.push_back(',');
    out.push_back(digits[index]);
  }
  out.append(digits.substr(integer_length));
  return out + "元";
}

Result<Money> ParseMoney(std::string_view text) {
  FixedPointOptions options;
  options.scale = 2;
  options.allow_currency = true;
  options.allow_ten_thousands = true;
  options.too_precise_reason = "超过两位小数（金额精确到分）";
  SJ_ASSIGN_OR_RETURN(int64_t fen, ParseFixedPoint(text, options));
  return Money::FromFen(fen);
}

}  // namespace shujian
