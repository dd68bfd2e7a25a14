#include "engine/exec/window_values.h"

namespace shujian::engine {
namespace {

std::optional<int64_t> BoundValue(const std::optional<BoundExpr>& bound, const std::vector<std::vector<Value>>& params) {
  if (!bound) return std::nullopt;
  if (bound->kind == BoundKind::kLiteral) return bound->literal.i;
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
