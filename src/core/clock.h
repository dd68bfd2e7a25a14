// Clock: the only way shujian learns what time it is.
//
// Nothing reads the wall clock directly. Services take a Clock, so tests and the CLI's
// `--as-of` / `--on` options can fix "today", and every deadline and "within N months" rule
// is reproducible. Beijing time (UTC+8, no daylight saving) is the civil time of every date
// the platform handles.
//
// Thread safety: implementations are safe for concurrent use.
#ifndef SHUJIAN_CORE_CLOCK_H_
#define SHUJIAN_CORE_CLOCK_H_

#include <atomic>
#include <cstdint>

#include "core/date.h"

namespace shujian {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since 1970-01-01T00:00:00Z.
  virtual int64_t UnixSeconds() const = 0;

  // The current date and time in Beijing time.
  DateTime Now() const;
  // The current date in Beijing time.
  Date Today() const { return Now().date(); }
};

// The machine's real-time clock.
class SystemClock final : public Clock {
 public:
  int64_t UnixSeconds() const override;
};

// A clock that shows what it was set to; for tests and for `--as-of`.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t unix_seconds) : unix_seconds_(unix_seconds) {}
  // Noon, Beijing time, on `date`.
  explicit FixedClock(Date date);

  int64_t UnixSeconds() const override { return unix_seconds_.load(); }
  void Set(int64_t unix_seconds) { unix_seconds_.store(unix_seconds); }
  void AdvanceSeconds(int64_t seconds) { unix_seconds_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> unix_seconds_;
};

// The Unix time of `local` read as Beijing time.
int64_t BeijingToUnixSeconds(const DateTime& local);

}  // namespace shujian

#endif  // SHUJIAN_CORE_CLOCK_H_
