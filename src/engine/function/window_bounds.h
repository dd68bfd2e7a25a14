// Time windows: which values of `to` lie within [lower, upper] days, months or years of a
// `from` value, as the closed range [lo, hi] of comparable integers. Shared by the window join,
// the rolling window and the reference evaluator, so all three draw the boundary the same way.
//
// Calendar rules: dates and date-times compare by their date (a date-time's time of day is
// ignored); a month added to 31 January ends on the last day of February (core/date.h); an
// exclusive end moves the bound by one day (one month when both sides are year-months). Two
// year-months compare as months; a year-month against a date uses the month's first day.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_FUNCTION_WINDOW_BOUNDS_H_
#define SHUJIAN_ENGINE_FUNCTION_WINDOW_BOUNDS_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/bind/bound_model.h"
#include "engine/common/value_type.h"

namespace shujian::engine {

struct WindowSpecValues {
  enum class Unit { kDays, kMonths };
  Unit unit = Unit::kDays;             // years are 12 months
  std::optional<int64_t> lower;        // in units; nullopt: unbounded
  std::optional<int64_t> upper;
  bool lower_inclusive = true;
  bool upper_inclusive = true;
  bool in_months = false;              // both sides are year-months: compare months
};

// The unit of a window ("days", "months", "years") and the multiplier of its bounds.
WindowSpecValues::Unit WindowUnit(std::string_view unit, int64_t* multiplier);

// The comparable form of a window endpoint: months for year-months when in_months, else days.
int64_t WindowPoint(TypeId type, int64_t value, bool in_months);

// [lo, hi] of `to` points for a `from` point (both WindowPoint forms); empty when lo > hi.
void WindowRange(const WindowSpecValues& window, int64_t from, int64_t* lo, int64_t* hi);

// The window of a join or rolling step with its bounds evaluated for a run: literals, or the
// run's parameter values (`params`, one list per parameter); a null parameter is unbounded.
WindowSpecValues ResolveWindow(const BoundWindow& window, TypeId from_type, TypeId to_type,
                               const std::vector<std::vector<Value>>& params);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_WINDOW_BOUNDS_H_
