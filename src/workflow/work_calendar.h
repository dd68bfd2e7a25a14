// WorkCalendar: which days are working days in mainland China — Monday to Friday, except the
// public holidays, plus the weekend days made working days (调休) — from the State Council's
// yearly notices kept as data (rules/calendar/YYYY.csv, compiled in).
//
// Deadlines counted in working days (the 3 and 10 working days of 反向衔接) and deadlines whose
// last day falls on a rest day (刑事诉讼法第105条, rules.md §0.3) read it. A year without a file
// is counted with weekends only, and callers are told (Covers) so they can say so.
//
// Thread safety: immutable after loading; safe for concurrent use.
#ifndef SHUJIAN_WORKFLOW_WORK_CALENDAR_H_
#define SHUJIAN_WORKFLOW_WORK_CALENDAR_H_

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/embedded_file.h"
#include "core/result.h"

namespace shujian::workflow {

class WorkCalendar {
 public:
  // The calendar of rules/calendar/ compiled into the binary.
  static const WorkCalendar& Shipped();
  // Parses calendar files named "YYYY.csv" (see rules/calendar/README.md). Returns
  // InvalidArgument naming the file and line of a bad date, kind or weekday, a 班 day that is not
  // a weekend day, or a date listed twice with different kinds.
  static Result<WorkCalendar> Parse(std::span<const EmbeddedFile> files);

  // True when `date` is a working day.
  bool IsWorkingDay(Date date) const;
  // True when the holiday notice of `year` is loaded.
  bool Covers(int year) const;
  // The years whose notices are loaded, ascending.
  std::vector<int> CoveredYears() const;
  // The holiday or adjusted working day's name ("春节", "春节调休上班"), or "" for an ordinary day.
  std::string DayName(Date date) const;

  // `date` if it is a working day, else the first working day after it.
  Date OnOrNextWorkingDay(Date date) const;
  // The day `count` working days after `start` (start itself not counted). REQUIRES: count >= 0.
  Date AddWorkingDays(Date start, int count) const;
  // The number of working days in (after, until]; 0 when until <= after.
  int WorkingDaysBetween(Date after, Date until) const;

 private:
  struct Day {
    bool working;
    std::string name;
  };
  std::map<int32_t, Day> special_;  // days since epoch → holiday or adjusted working day
  std::vector<int> years_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_WORK_CALENDAR_H_
