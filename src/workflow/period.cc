#include "workflow/period.h"

#include <charconv>

#include "core/unicode_fold.h"

namespace shujian::workflow {
namespace {

struct UnitSpelling {
  std::string_view suffix;
  PeriodUnit unit;
};

// Longest suffixes first so "个工作日" is not read as "日".
constexpr UnitSpelling kSpellings[] = {
    {"个工作日", PeriodUnit::kWorkingDays},
    {"工作日", PeriodUnit::kWorkingDays},
    {"个月", PeriodUnit::kMonths},
    {"月", PeriodUnit::kMonths},
    {"日", PeriodUnit::kDays},
    {"天", PeriodUnit::kDays},
    {"年", PeriodUnit::kYears},
};

// The unit as written after the number: 日, 个工作日, 个月, 年.
std::string_view UnitSuffix(PeriodUnit unit) {
  switch (unit) {
    case PeriodUnit::kDays:
      return "日";
    case PeriodUnit::kWorkingDays:
      return "个工作日";
    case PeriodUnit::kMonths:
      return "个月";
    case PeriodUnit::kYears:
      return "年";
  }
  return "";
}

}  // namespace

std::string PeriodSpec::ToString() const {
  return std::to_string(amount) + std::string(UnitSuffix(unit));
}

std::string PeriodSpec::InWords() const {
  // 两 before a measure word (两个月, 两年), 二 otherwise (十二日, 二日).
  bool measure_word = unit != PeriodUnit::kDays;
  return (amount == 2 && measure_word ? std::string("两") : ChineseNumeral(amount)) +
         std::string(UnitSuffix(unit));
}

Result<PeriodSpec> ParsePeriodSpec(std::string_view text) {
  std::string folded = RemoveSpaces(FoldFullWidth(text));
  auto refuse = [&] {
    return Status::InvalidArgument("期限「" + std::string(text) +
                                   "」写法不对；应为「N日」「N个工作日」「N个月」或「N年」，"
                                   "N 为正整数，如「2个月」「15日」");
  };
  for (const UnitSpelling& spelling : kSpellings) {
    if (!folded.ends_with(spelling.suffix)) continue;
    std::string_view digits(folded.data(), folded.size() - spelling.suffix.size());
    int amount = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), amount);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
        amount <= 0 || amount > 3650) {
      return refuse();
    }
    return PeriodSpec{amount, spelling.unit};
  }
  return refuse();
}

DueDate ComputeDue(Date base, const PeriodSpec& period, const WorkCalendar& calendar,
                   bool extend_past_rest_days) {
  DueDate result;
  switch (period.unit) {
    case PeriodUnit::kDays:
      result.due = base.AddDays(period.amount);
      break;
    case PeriodUnit::kMonths:
      result.due = base.AddMonths(period.amount);
      break;
    case PeriodUnit::kYears:
      result.due = base.AddYears(period.amount);
      break;
    case PeriodUnit::kWorkingDays:
      result.due = calendar.AddWorkingDays(base, period.amount);
      break;
  }
  if (extend_past_rest_days) result.due = calendar.OnOrNextWorkingDay(result.due);
  bool counts_working_days = extend_past_rest_days || period.unit == PeriodUnit::kWorkingDays;
  if (counts_working_days) {
    for (int year = base.year(); year <= result.due.year(); ++year) {
      if (!calendar.Covers(year)) {
        result.notes.push_back(std::to_string(year) +
                               "年的节假日安排尚未录入（rules/calendar/），期限暂按周末计算");
      }
    }
  }
  return result;
}

std::string ChineseNumeral(int value) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  if (value == 0) return "零";
  if (value < 0 || value >= 10000) return std::to_string(value);
  static constexpr std::string_view kUnits[] = {"千", "百", "十", ""};
  static constexpr int kPlaces[] = {1000, 100, 10, 1};
  std::string text;
  bool pending_zero = false;
  for (int place = 0; place < 4; ++place) {
    int digit = value / kPlaces[place] % 10;
    if (digit == 0) {
      if (!text.empty()) pending_zero = true;
      continue;
    }
    if (pending_zero) {
      text += "零";
      pending_zero = false;
    }
    // 十五, not 一十五, when ten is the leading place.
    if (!(digit == 1 && place == 2 && text.empty())) text += kDigits[digit];
    text += kUnits[place];
  }
  return text;
}

}  // namespace shujian::workflow
