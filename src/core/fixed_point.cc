#include "core/fixed_point.h"

#include <limits>

#include "core/unicode_fold.h"

namespace shujian {
namespace {

constexpr int64_t kPowersOfTen[] = {1,         10,         100,         1000,       10000,
                                    100000,    1000000,    10000000,    100000000,  1000000000};

bool StripSuffix(std::string* text, std::string_view suffix) {
  if (text->size() >= suffix.size() && text->ends_with(suffix)) {
    text->resize(text->size() - suffix.size());
    return true;
  }
  return false;
}

bool StripPrefix(std::string* text, std::string_view prefix) {
  if (text->starts_with(prefix)) {
    text->erase(0, prefix.size());
    return true;
  }
  return false;
}

}  // namespace

Result<int64_t> ParseFixedPoint(std::string_view input, const FixedPointOptions& options) {
  std::string text = RemoveSpaces(FoldFullWidth(input));
  if (text.empty()) return Status::InvalidArgument("为空");
  std::string original = text;
  bool negative = false;
  if (StripPrefix(&text, "-")) {
    negative = true;
  } else {
    StripPrefix(&text, "+");
  }
  int extra_scale = 0;
  if (options.allow_currency) {
    StripPrefix(&text, "¥") || StripPrefix(&text, "￥");
  }
  if (options.allow_ten_thousands && (StripSuffix(&text, "万元") || StripSuffix(&text, "万"))) {
    extra_scale = 4;
  } else if (options.allow_currency) {
    StripSuffix(&text, "元");
  }
  if (text.empty()) return Status::InvalidArgument("「" + original + "」不是数字");

  std::string digits;  // integer part then fraction, no separators
  int fraction_digits = -1;
  int group_length = -1;  // digits since the last thousands separator; -1 before any
  int integer_digits = 0;
  for (size_t index = 0; index < text.size(); ++index) {
    char c = text[index];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      if (fraction_digits >= 0) {
        ++fraction_digits;
      } else {
        ++integer_digits;
        if (group_length >= 0) ++group_length;
      }
    } else if (c == ',' && fraction_digits < 0) {
      if (integer_digits == 0 || (group_length >= 0 && group_length != 3) ||
          (group_length < 0 && integer_digits > 3)) {
        return Status::InvalidArgument("「" + original + "」的千分位分隔符位置不对");
      }
      group_length = 0;
    } else if (c == '.' && fraction_digits < 0) {
      fraction_digits = 0;
    } else {
      return Status::InvalidArgument("「" + original + "」不是数字");
    }
  }
  if (group_length >= 0 && group_length != 3) {
    return Status::InvalidArgument("「" + original + "」的千分位分隔符位置不对");
  }
  if (integer_digits == 0 && fraction_digits <= 0) {
    return Status::InvalidArgument("「" + original + "」不是数字");
  }
  if (fraction_digits < 0) fraction_digits = 0;
  int effective_scale = fraction_digits - extra_scale;  // decimals of the value in base units
  if (effective_scale > options.scale) {
    // Trailing zeros beyond the scale carry no information and are harmless.
    while (effective_scale > options.scale && !digits.empty() && digits.back() == '0') {
      digits.pop_back();
      --effective_scale;
    }
    if (effective_scale > options.scale) {
      return Status::InvalidArgument("「" + original + "」" +
                                     std::string(options.too_precise_reason));
    }
  }
  int multiply = options.scale - effective_scale;
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t value = 0;
  for (char c : digits) {
    if (value > (kMax - (c - '0')) / 10) return Status::InvalidArgument("「" + original + "」超出范围");
    value = value * 10 + (c - '0');
  }
  while (multiply-- > 0) {
    if (value > kMax / 10) return Status::InvalidArgument("「" + original + "」超出范围");
    value *= 10;
  }
  return negative ? -value : value;
}

std::string FormatFixedPoint(int64_t scaled, int scale, int min_decimals) {
  bool negative = scaled < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(scaled) : static_cast<uint64_t>(scaled);
  uint64_t power = static_cast<uint64_t>(kPowersOfTen[scale]);
  std::string out = negative ? "-" : "";
  out += std::to_string(magnitude / power);
  std::string fraction = std::to_string(magnitude % power);
  fraction.insert(0, static_cast<size_t>(scale) - fraction.size(), '0');
  while (static_cast<int>(fraction.size()) > min_decimals && !fraction.empty() &&
         fraction.back() == '0') {
    fraction.pop_back();
  }
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

}  // namespace shujian
