// Periods (期间) of the procedure — "2个月", "15日", "3个工作日", "1年" — and the day a period
// ends. The rules are those of 刑事诉讼法第105条 and 民法典第201–203条 as rules.md §0.3 states
// them: the starting day is not counted; a period in months or years ends on the corresponding
// day of the last month (its last day when there is none); a period in days ends that many days
// later; a period in working days counts working days only; and when the last day is not a
// working day, the period ends on the next working day (unless a rule says otherwise).
//
// Thread safety: free functions and plain values.
#ifndef SHUJIAN_WORKFLOW_PERIOD_H_
#define SHUJIAN_WORKFLOW_PERIOD_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "workflow/work_calendar.h"

namespace shujian::workflow {

enum class PeriodUnit { kDays, kWorkingDays, kMonths, kYears };

struct PeriodSpec {
  int amount = 0;
  PeriodUnit unit = PeriodUnit::kDays;

  // As the rules write it: "2个月", "15日", "3个工作日", "1年".
  std::string ToString() const;
  // As documents write it: "两个月", "十五日", "三个工作日", "一年".
  std::string InWords() const;
};

// Parses "N日", "N天", "N个工作日", "N个月", "N月", "N年" (N a positive integer up to 3650).
// Returns InvalidArgument naming the accepted forms.
Result<PeriodSpec> ParsePeriodSpec(std::string_view text);

struct DueDate {
  Date due;
  std::vector<std::string> notes;  // e.g. a year whose holidays are not loaded
};

// The last day of `period` running from `base` (base not counted). With `extend_past_rest_days`
// a last day that is not a working day moves to the next working day.
DueDate ComputeDue(Date base, const PeriodSpec& period, const WorkCalendar& calendar,
                   bool extend_past_rest_days = true);

// Chinese numerals for documents: 1 → 一, 2 → 二, 10 → 十, 15 → 十五, 20 → 二十, 105 → 一百零五.
// REQUIRES: 0 <= value < 10000.
std::string ChineseNumeral(int value);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_PERIOD_H_
