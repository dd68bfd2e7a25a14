#include "engine/function/scalar_ops.h"

#include <algorithm>
#include <limits>

#include "core/date.h"
#include "engine/common/value.h"

namespace shujian::engine {
namespace {

__extension__ typedef __int128 Int128;

constexpr int64_t kDecimalOne = 1000000;

// Millionths per unit of each numeric type: the common scale of comparisons.
int64_t ScaleToMillionths(TypeId type) {
  switch (type) {
    case TypeId::kInt: return kDecimalOne;
    case TypeId::kMoney: return 10000;  // 1 分 = 10,000 millionths of a 元
    default: return 1;                  // decimal
  }
}

// Units of `type` per 元/unit: int 1, decimal 10^6, money 100.
int64_t UnitsOf(TypeId type) {
  switch (type) {
    case TypeId::kInt: return 1;
    case TypeId::kMoney: return 100;
    default: return kDecimalOne;
  }
}

bool Fits(Int128 value) {
  return value >= std::numeric_limits<int64_t>::min() && value <= std::numeric_limits<int64_t>::max();
}

// numerator / denominator rounded half away from zero. REQUIRES: denominator != 0.
Int128 DivRound(Int128 numerator, Int128 denominator) {
  Int128 quotient = numerator / denominator;
  Int128 remainder = numerator % denominator;
  if (remainder != 0) {
    Int128 twice = remainder < 0 ? -remainder * 2 : remainder * 2;
    Int128 magnitude = denominator < 0 ? -denominator : denominator;
    if (twice >= magnitude) quotient += ((numerator < 0) != (denominator < 0)) ? -1 : 1;
  }
  return quotient;
}

// `value` of type `from` expressed in units of `to` (exact when scaling up, rounded down
// in scale).
Int128 Rescale(TypeId from, int64_t value, TypeId to) {
  int64_t from_units = UnitsOf(from);
  int64_t to_units = UnitsOf(to);
  if (from_units == to_units) return value;
  if (to_units > from_units) return static_cast<Int128>(value) * (to_units / from_units);
  return DivRound(value, from_units / to_units);
}

}  // namespace

std::optional<TypeId> NumericResultType(ArithOp op, TypeId a, TypeId b) {
  auto numeric = [](TypeId t) { return t == TypeId::kInt || t == TypeId::kDecimal || t == TypeId::kMoney; };
  if (!numeric(a) || !numeric(b)) return std::nullopt;
  bool a_money = a == TypeId::kMoney;
  bool b_money = b == TypeId::kMoney;
  switch (op) {
    case ArithOp::kAdd:
    case ArithOp::kSub:
      if (a_money || b_money) return TypeId::kMoney;
      if (a == TypeId::kInt && b == TypeId::kInt) return TypeId::kInt;
      return TypeId::kDecimal;
    case ArithOp::kMul:
      if (a_money && b_money) return std::nullopt;
      if (a_money || b_money) return TypeId::kMoney;
      if (a == TypeId::kInt && b == TypeId::kInt) return TypeId::kInt;
      return TypeId::kDecimal;
    case ArithOp::kDiv:
      if (a_money && b_money) return TypeId::kDecimal;
      if (b_money) return std::nullopt;
      if (a_money) return TypeId::kMoney;
      return TypeId::kDecimal;
    case ArithOp::kMod:
      if (a == TypeId::kInt && b == TypeId::kInt) return TypeId::kInt;
      return std::nullopt;
  }
  return std::nullopt;
}

bool ConvertNumeric(TypeId from, int64_t value, TypeId to, int64_t* result) {
  Int128 converted = Rescale(from, value, to);
  if (!Fits(converted)) return false;
  *result = static_cast<int64_t>(converted);
  return true;
}

bool NumericArith(ArithOp op, TypeId ta, int64_t a, TypeId tb, int64_t b, TypeId result_type,
                  int64_t* result) {
  Int128 value = 0;
  switch (op) {
    case ArithOp::kAdd:
    case ArithOp::kSub: {
      Int128 left = Rescale(ta, a, result_type);
      Int128 right = Rescale(tb, b, result_type);
      value = op == ArithOp::kAdd ? left + right : left - right;
      break;
    }
    case ArithOp::kMul: {
      // Units of the product: units(ta) * units(tb); bring to units(result).
      Int128 product = static_cast<Int128>(a) * b;
      Int128 units = static_cast<Int128>(UnitsOf(ta)) * UnitsOf(tb);
      Int128 wanted = UnitsOf(result_type);
      // units is always a multiple of wanted: the result keeps the finer operand's scale.
      value = units == wanted ? product : DivRound(product, units / wanted);
      break;
    }
    case ArithOp::kDiv: {
      if (b == 0) return false;
      // (a / units(ta)) / (b / units(tb)) * units(result)
      Int128 numerator = static_cast<Int128>(a) * UnitsOf(tb) * UnitsOf(result_type);
      Int128 denominator = static_cast<Int128>(b) * UnitsOf(ta);
      value = DivRound(numerator, denominator);
      break;
    }
    case ArithOp::kMod:
      if (b == 0) return false;
      value = static_cast<Int128>(a) % b;
      break;
  }
  if (!Fits(value)) return false;
  *result = static_cast<int64_t>(value);
  return true;
}

int CompareNumeric(TypeId ta, int64_t a, TypeId tb, int64_t b) {
  if (ta == tb) return a < b ? -1 : (a > b ? 1 : 0);
  Int128 left = static_cast<Int128>(a) * ScaleToMillionths(ta);
  Int128 right = static_cast<Int128>(b) * ScaleToMillionths(tb);
  return left < right ? -1 : (left > right ? 1 : 0);
}

int64_t RoundNumeric(TypeId type, int64_t value, int digits) {
  int64_t units = UnitsOf(type);
  int64_t step = units;
  for (int digit = 0; digit < digits && step > 1; ++digit) step /= 10;
  if (digits < 0) {
    for (int digit = 0; digit < -digits; ++digit) step *= 10;
  }
  if (step <= 1) return value;
  Int128 rounded = DivRound(value, step) * step;
  return Fits(rounded) ? static_cast<int64_t>(rounded) : value;
}

namespace {

// Result units per value unit when averaging: ints average to decimals.
int64_t MeanScale(TypeId value_type, TypeId result_type) {
  return (value_type == TypeId::kInt && result_type == TypeId::kDecimal) ? kDecimalOne : 1;
}

}  // namespace

bool SumOf(std::span<const int64_t> values, int64_t* result) {
  Int128 sum = 0;
  for (int64_t value : values) sum += value;
  if (!Fits(sum)) return false;
  *result = static_cast<int64_t>(sum);
  return true;
}

bool MeanOf(std::span<const int64_t> values, TypeId value_type, TypeId result_type, int64_t* result) {
  Int128 sum = 0;
  for (int64_t value : values) sum += value;
  Int128 mean = DivRound(sum * MeanScale(value_type, result_type), static_cast<Int128>(values.size()));
  if (!Fits(mean)) return false;
  *result = static_cast<int64_t>(mean);
  return true;
}

bool MedianOf(std::span<int64_t> values, TypeId value_type, TypeId result_type, bool temporal, int64_t* result) {
  std::sort(values.begin(), values.end());
  size_t middle = values.size() / 2;
  Int128 scale = MeanScale(value_type, result_type);
  Int128 value;
  if (values.size() % 2 == 1) {
    value = values[middle] * scale;
  } else if (temporal) {
    value = values[middle - 1];
  } else {
    value = DivRound((static_cast<Int128>(values[middle - 1]) + values[middle]) * scale, 2);
  }
  if (!Fits(value)) return false;
  *result = static_cast<int64_t>(value);
  return true;
}

int64_t AddDaysTo(TypeId type, int64_t value, int64_t days) {
  if (type == TypeId::kDateTime) return value + days * 86400;
  return value + days;
}

int64_t AddMonthsTo(TypeId type, int64_t value, int64_t months) {
  switch (type) {
    case TypeId::kPeriod:
      return value + months;
    case TypeId::kDateTime: {
      int32_t day = DateOfDateTime(value);
      int64_t seconds = value - static_cast<int64_t>(day) * 86400;
      Date shifted = Date::FromDaysSinceEpoch(day).AddMonths(static_cast<int>(months));
      return static_cast<int64_t>(shifted.days_since_epoch()) * 86400 + seconds;
    }
    default:
      return Date::FromDaysSinceEpoch(static_cast<int32_t>(value))
          .AddMonths(static_cast<int>(months))
          .days_since_epoch();
  }
}

int32_t DayOf(TypeId type, int64_t value) {
  switch (type) {
    case TypeId::kDateTime: return DateOfDateTime(value);
    case TypeId::kPeriod: {
      int64_t year = value >= 0 ? value / 12 : (value - 11) / 12;
      std::optional<Date> first = Date::FromYmd(static_cast<int>(year),
                                                static_cast<int>(value - year * 12) + 1, 1);
      return first ? first->days_since_epoch() : 0;
    }
    default: return static_cast<int32_t>(value);
  }
}

}  // namespace shujian::engine
