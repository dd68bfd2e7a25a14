#include "core/clock.h"

#include <chrono>

namespace shujian {
namespace {

constexpr int64_t kBeijingOffsetSeconds = 8 * 3600;
constexpr int64_t kSecondsPerDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

DateTime Clock::Now() const {
  int64_t local = UnixSeconds() + kBeijingOffsetSeconds;
  int64_t days = FloorDiv(local, kSecondsPerDay);
  int64_t seconds = local - days * kSecondsPerDay;
  return *DateTime::FromParts(Date::FromDaysSinceEpoch(static_cast<int32_t>(days)),
                              static_cast<int>(seconds / 3600),
                              static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
}

int64_t SystemClock::UnixSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

FixedClock::FixedClock(Date date)
    : unix_seconds_(BeijingToUnixSeconds(*DateTime::FromParts(date, 12, 0, 0))) {}

int64_t BeijingToUnixSeconds(const DateTime& local) {
  return static_cast<int64_t>(local.date().days_since_epoch()) * kSecondsPerDay +
         local.seconds_of_day() - kBeijingOffsetSeconds;
}

}  // namespace shujian
