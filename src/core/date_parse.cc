#include "core/date_parse.h"

#include <cmath>
#include <optional>
#include <string>

#include "core/unicode_fold.h"

namespace shujian {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr std::string_view kDateForms =
    "可用格式：2023-02-16、2023/2/16、2023.2.16、2023年2月16日、20230216";

// A cursor over ASCII text (after full-width folding) that reads numbers and literals.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }
  size_t pos() const { return pos_; }
  void set_pos(size_t pos) { pos_ = pos; }
  std::string_view rest() const { return text_.substr(pos_); }

  // Reads between min_digits and max_digits digits.
  std::optional<int> Number(size_t min_digits, size_t max_digits) {
    size_t start = pos_;
    int value = 0;
    while (pos_ < text_.size() && pos_ - start < max_digits && text_[pos_] >= '0' &&
           text_[pos_] <= '9') {
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
    }
    if (pos_ - start < min_digits) {
      pos_ = start;
      return std::nullopt;
    }
    return value;
  }
  bool Literal(std::string_view literal) {
    if (!text_.substr(pos_).starts_with(literal)) return false;
    pos_ += literal.size();
    return true;
  }
  bool OneOf(std::string_view characters, char* which) {
    if (pos_ < text_.size() && characters.find(text_[pos_]) != std::string_view::npos) {
      *which = text_[pos_++];
      return true;
    }
    return false;
  }
  void SkipSpaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

struct Ymd {
  int year;
  int month;
  int day;
};

// Reads the date part of a value: Y-M-D with one separator kind, Y年M月D日, or YYYYMMDD.
std::optional<Ymd> ScanYmd(Scanner* scanner) {
  size_t start = scanner->pos();
  if (auto year = scanner->Number(4, 4)) {
    char separator;
    if (scanner->OneOf("-/.", &separator)) {
      auto month = scanner->Number(1, 2);
      char second;
      if (month && scanner->OneOf("-/.", &second) && second == separator) {
        if (auto day = scanner->Number(1, 2)) return Ymd{*year, *month, *day};
      }
    } else if (scanner->Literal("年")) {
      auto month = scanner->Number(1, 2);
      if (month && scanner->Literal("月")) {
        if (auto day = scanner->Number(1, 2)) {
          scanner->Literal("日") || scanner->Literal("号");
          return Ymd{*year, *month, *day};
        }
      }
    } else if (auto month_day = scanner->Number(4, 4)) {
      return Ymd{*year, *month_day / 100, *month_day % 100};
    }
  }
  scanner->set_pos(start);
  return std::nullopt;
}

Result<Date> MakeDate(const Ymd& ymd, std::string_view original) {
  if (ymd.year < kMinYear || ymd.year > kMaxYear) {
    return Status::InvalidArgument("「" + std::string(original) + "」的年份" +
                                   std::to_string(ymd.year) + "超出1900–2100");
  }
  std::optional<Date> date = Date::FromYmd(ymd.year, ymd.month, ymd.day);
  if (!date) {
    return Status::InvalidArgument("「" + std::string(original) + "」不是有效日期（" +
                                   std::to_string(ymd.year) + "年" + std::to_string(ymd.month) +
                                   "月没有" + std::to_string(ymd.day) + "日）");
  }
  return *date;
}

// Reads an Excel serial "44973" or "44973.5": five digits, optional fraction.
std::optional<double> ScanExcelSerial(std::string_view text) {
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  if (whole.size() != 5) return std::nullopt;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  if (dot != std::string_view::npos) {
    std::string_view fraction = text.substr(dot + 1);
    if (fraction.empty()) return std::nullopt;
    for (char c : fraction) {
      if (c < '0' || c > '9') return std::nullopt;
    }
  }
  return std::stod(std::string(text));
}

// Reads "H:MM[:SS[.fff]]" or "H时M分[S秒]"; returns seconds since midnight.
std::optional<int> ScanTime(Scanner* scanner) {
  auto hour = scanner->Number(1, 2);
  if (!hour) return std::nullopt;
  int minute = 0;
  int second = 0;
  if (scanner->Literal(":")) {
    auto m = scanner->Number(2, 2);
    if (!m) return std::nullopt;
    minute = *m;
    if (scanner->Literal(":")) {
      auto s = scanner->Number(2, 2);
      if (!s) return std::nullopt;
      second = *s;
      if (scanner->Literal(".")) {
        if (!scanner->Number(1, 9)) return std::nullopt;  // fractions of a second are dropped
      }
    }
  } else if (scanner->Literal("时") || scanner->Literal("点")) {
    auto m = scanner->Number(1, 2);
    if (m) {
      if (!scanner->Literal("分")) return std::nullopt;
      minute = *m;
      if (auto s = scanner->Number(1, 2)) {
        if (!scanner->Literal("秒")) return std::nullopt;
        second = *s;
      }
    }
  } else {
    return std::nullopt;
  }
  if (*hour > 23 || minute > 59 || second > 59) return -1;
  return *hour * 3600 + minute * 60 + second;
}

std::string Prepare(std::string_view text) { return TrimSpaces(FoldFullWidth(text)); }

}  // namespace

Result<Date> DateFromExcelSerial(int64_t serial) {
  if (serial == 60) {
    return Status::InvalidArgument("Excel日期序号60对应不存在的1900年2月29日");
  }
  // Serial 1 is 1900-01-01; Excel counts a phantom 1900-02-29, so later serials are one high.
  Date base = *Date::FromYmd(1899, 12, serial < 60 ? 31 : 30);
  if (serial < 1 || serial > 2958465) {
    return Status::InvalidArgument("Excel日期序号" + std::to_string(serial) + "超出范围");
  }
  Date date = base.AddDays(static_cast<int32_t>(serial));
  if (date.year() < kMinYear || date.year() > kMaxYear) {
    return Status::InvalidArgument("Excel日期序号" + std::to_string(serial) + "对应" +
                                   date.ToIso() + "，超出1900–2100");
  }
  return date;
}

Result<DateTime> ParseDateTime(std::string_view text) {
  std::string prepared = Prepare(text);
  if (prepared.empty()) return Status::InvalidArgument("为空");
  if (std::optional<double> serial = ScanExcelSerial(prepared)) {
    double whole = std::floor(*serial);
    SJ_ASSIGN_OR_RETURN(Date date, DateFromExcelSerial(static_cast<int64_t>(whole)));
    int seconds = static_cast<int>(std::lround((*serial - whole) * 86400.0));
    if (seconds >= 86400) {
      date = date.AddDays(1);
      seconds -= 86400;
    }
    return *DateTime::FromParts(date, seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
  Scanner scanner(prepared);
  std::optional<Ymd> ymd = ScanYmd(&scanner);
  if (!ymd) {
    return Status::InvalidArgument("无法识别的日期「" + prepared + "」；" + std::string(kDateForms));
  }
  SJ_ASSIGN_OR_RETURN(Date date, MakeDate(*ymd, prepared));
  int seconds = 0;
  if (!scanner.done()) {
    if (!scanner.Literal("T")) scanner.SkipSpaces();
    std::optional<int> time = ScanTime(&scanner);
    if (!time || !scanner.done()) {
      return Status::InvalidArgument("「" + prepared + "」日期后的时间无法识别；时间应写作14:30或14:30:00");
    }
    if (*time < 0) return Status::InvalidArgument("「" + prepared + "」的时间不存在");
    seconds = *time;
  }
  return *DateTime::FromParts(date, seconds / 3600, seconds / 60 % 60, seconds % 60);
}

Result<Date> ParseDate(std::string_view text) {
  Result<DateTime> date_time = ParseDateTime(text);
  if (!date_time.ok()) return date_time.status();
  return date_time->date();
}

Result<Period> ParsePeriod(std::string_view text) {
  std::string prepared = Prepare(text);
  if (prepared.empty()) return Status::InvalidArgument("为空");
  Scanner scanner(prepared);
  std::optional<int> year = scanner.Number(4, 4);
  std::optional<int> month;
  if (year) {
    char separator;
    if (scanner.OneOf("-/.", &separator)) {
      month = scanner.Number(1, 2);
    } else if (scanner.Literal("年")) {
      month = scanner.Number(1, 2);
      if (month && !scanner.Literal("月")) month.reset();
    } else {
      month = scanner.Number(2, 2);
    }
  }
  if (year && month && scanner.done()) {
    if (*year < kMinYear || *year > kMaxYear) {
      return Status::InvalidArgument("「" + prepared + "」的年份超出1900–2100");
    }
    std::optional<Period> period = Period::FromYm(*year, *month);
    if (!period) {
      return Status::InvalidArgument("「" + prepared + "」的月份" + std::to_string(*month) +
                                     "不存在");
    }
    return *period;
  }
  // A full date is accepted when it is the first of a month: that is what Excel makes of "2023-02".
  Result<Date> date = ParseDate(prepared);
  if (date.ok()) {
    if (date->day() != 1) {
      return Status::InvalidArgument("「" + prepared + "」是具体日期，缴费年月应写作年-月，如" +
                                     Period::FromYm(date->year(), date->month())->ToIso());
    }
    return *Period::FromYm(date->year(), date->month());
  }
  return Status::InvalidArgument("无法识别的年月「" + prepared +
                                 "」；可用格式：2023-02、2023/2、2023年2月、202302");
}

}  // namespace shujian
