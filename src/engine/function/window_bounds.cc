#include "engine/function/window_bounds.h"

#include <limits>

#include "core/date.h"
#include "engine/function/scalar_ops.h"

namespace shujian::engine {

WindowSpecValues::Unit WindowUnit(std::string_view unit, int64_t* multiplier) {
  *multiplier = unit == "years" ? 12 : 1;
  return unit == "days" ? WindowSpecValues::Unit::kDays : WindowSpecValues::Unit::kMonths;
}

int64_t WindowPoint(TypeId type, int64_t value, bool in_months) {
  if (in_months) return value;  // REQUIRES: type is kPeriod
  return DayOf(type, value);
}

void WindowRange(const WindowSpecValues& window, int64_t from, int64_t* lo, int64_t* hi) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  auto shift = [&](int64_t amount) -> int64_t {
    if (window.in_months || window.unit == WindowSpecValues::Unit::kDays) return from + amount;
    Date date = Date::FromDaysSinceEpoch(static_cast<int32_t>(from));
    return date.AddMonths(static_cast<int>(amount)).days_since_epoch();
  };
  if (window.lower) {
    *lo = shift(*window.lower);
    if (!window.lower_inclusive) *lo += 1;
  } else {
    *lo = kMin;
  }
  if (window.upper) {
    *hi = shift(*window.upper);
    if (!window.upper_inclusive) *hi -= 1;
  } else {
    *hi = kMax;
  }
}

namespace {

std::optional<int64_t> BoundValue(const std::optional<BoundExpr>& bound, const std::vector<std::vector<Value>>& params) {
  if (!bound) return std::nullopt;
  if (bound->kind == BoundKind::kLiteral) return bound->literal.i;
  if (bound->kind == BoundKind::kNegate) {  // -$param
    std::optional<BoundExpr> operand = bound->args[0];
    std::optional<int64_t> value = BoundValue(operand, params);
    if (!value) return std::nullopt;
    return -*value;
  }
  const std::vector<Value>& values = params[bound->param];
  if (values.empty() || values[0].null) return std::nullopt;
  return values[0].i;
}

}  // namespace

WindowSpecValues ResolveWindow(const BoundWindow& window, TypeId from_type, TypeId to_type,
                               const std::vector<std::vector<Value>>& params) {
  WindowSpecValues values;
  int64_t multiplier = 1;
  values.unit = WindowUnit(window.unit, &multiplier);
  values.lower = BoundValue(window.lower, params);
  values.upper = BoundValue(window.upper, params);
  if (values.lower) *values.lower *= multiplier;
  if (values.upper) *values.upper *= multiplier;
  values.lower_inclusive = window.lower_inclusive;
  values.upper_inclusive = window.upper_inclusive;
  values.in_months = from_type == TypeId::kPeriod && to_type == TypeId::kPeriod;
  return values;
}

}  // namespace shujian::engine
