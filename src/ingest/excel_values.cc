#include "ingest/excel_values.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/date_parse.h"

namespace shujian::ingest {
namespace {

std::optional<double> ParseNumber(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

constexpr std::string_view kLostDigits =
    "，而Excel的数字只保留15位有效数字，多出的位已变成0或被舍入，原号码无法还原；"
    "请从原系统重新导出，或在Excel中先把该列设为“文本”格式再填写号码";

}  // namespace

std::optional<NumberFormatKind> BuiltInNumberFormat(int id) {
  if (id == 0) return NumberFormatKind::kGeneral;
  if (id >= 1 && id <= 8) return NumberFormatKind::kGeneral;
  if (id == 9 || id == 10) return NumberFormatKind::kPercent;
  if (id == 11 || id == 12 || id == 13) return NumberFormatKind::kGeneral;
  if (id >= 14 && id <= 17) return NumberFormatKind::kDate;
  if (id >= 18 && id <= 21) return NumberFormatKind::kTime;
  if (id == 22) return NumberFormatKind::kDateTime;
  if ((id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58) {
    return NumberFormatKind::kDate;
  }
  if ((id >= 32 && id <= 35) || id == 55 || id == 56) return NumberFormatKind::kTime;
  if (id >= 37 && id <= 44) return NumberFormatKind::kGeneral;
  if (id >= 45 && id <= 47) return NumberFormatKind::kTime;
  if (id == 48) return NumberFormatKind::kGeneral;
  if (id == 49) return NumberFormatKind::kText;
  return std::nullopt;
}

NumberFormatKind CustomNumberFormat(std::string_view format_code) {
  // Only the first section (positive numbers) decides.
  bool has_date = false;  // y, d, or m among them
  bool has_time = false;  // h, s
  bool has_month_or_minute = false;
  bool has_percent = false;
  bool is_text = false;
  for (size_t index = 0; index < format_code.size(); ++index) {
    char c = format_code[index];
    if (c == ';') break;
    if (c == '"') {  // quoted literal
      size_t close = format_code.find('"', index + 1);
      if (close == std::string_view::npos) break;
      index = close;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {  // escaped, padding or fill: skip the next char
      ++index;
      continue;
    }
    if (c == '[') {  // colour, locale, condition; [h] [m] [s] are elapsed time
      size_t close = format_code.find(']', index + 1);
      if (close == std::string_view::npos) break;
      std::string_view inside = format_code.substr(index + 1, close - index - 1);
      if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 's' ||
                              inside[0] == 'S' || inside[0] == 'm' || inside[0] == 'M') &&
          inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
        has_time = true;
      }
      index = close;
      continue;
    }
    switch (c) {
      case 'y': case 'Y': case 'd': case 'D': has_date = true; break;
      case 'h': case 'H': case 's': case 'S': has_time = true; break;
      case 'm': case 'M': has_month_or_minute = true; break;
      case '%': has_percent = true; break;
      case '@': is_text = true; break;
      case 'G': case 'g':
        if (format_code.substr(index, 7) == "General" || format_code.substr(index, 7) == "general") {
          index += 6;
        }
        break;
      case 'E': case 'e':  // scientific notation (0.00E+00) or a locale's era year: neither a date we read
        break;
      default: break;
    }
  }
  if (has_month_or_minute && !has_time) has_date = true;
  if (has_date && has_time) return NumberFormatKind::kDateTime;
  if (has_date) return NumberFormatKind::kDate;
  if (has_time) return NumberFormatKind::kTime;
  if (is_text) return NumberFormatKind::kText;
  if (has_percent) return NumberFormatKind::kPercent;
  return NumberFormatKind::kGeneral;
}

std::string ExcelNumberText(std::string_view stored) {
  std::optional<double> value = ParseNumber(stored);
  if (!value) return std::string(stored);
  char buffer[64];
  if (std::fabs(*value) < 1e15 && std::floor(*value) == *value) {
    std::snprintf(buffer, sizeof buffer, "%.0f", *value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.15G", *value);
  }
  std::string text = buffer;
  if (text == "-0") text = "0";
  return text;
}

std::optional<std::string> ExcelSerialText(std::string_view stored, NumberFormatKind kind,
                                           bool date1904) {
  std::optional<double> value = ParseNumber(stored);
  if (!value || *value < 0 || *value > 2958466.0) return std::nullopt;
  double serial = *value + (date1904 ? 1462.0 : 0.0);
  double whole = std::floor(serial);
  long seconds = std::lround((serial - whole) * 86400.0);
  if (seconds >= 86400) {
    whole += 1;
    seconds -= 86400;
  }
  char time[64];
  std::snprintf(time, sizeof time, "%02ld:%02ld:%02ld", seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (kind == NumberFormatKind::kTime && whole == (date1904 ? 1462.0 : 0.0)) return std::string(time);
  Result<Date> date = DateFromExcelSerial(static_cast<int64_t>(whole));
  if (!date.ok()) return std::nullopt;
  if (kind == NumberFormatKind::kDate && seconds == 0) return date->ToIso();
  return date->ToIso() + " " + time;
}

std::optional<std::string> IdentifierTurnedIntoNumber(std::string_view text, bool number_cell) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  // Scientific notation: digits, an optional fraction, E and an exponent.
  size_t index = 0;
  if (index < text.size() && (text[index] == '+' || text[index] == '-')) ++index;
  size_t digits_start = index;
  while (index < text.size() && IsDigit(text[index])) ++index;
  size_t integer_digits = index - digits_start;
  bool fraction = false;
  if (index < text.size() && text[index] == '.') {
    fraction = true;
    ++index;
    while (index < text.size() && IsDigit(text[index])) ++index;
  }
  bool exponent = false;
  if (integer_digits > 0 && index < text.size() && (text[index] == 'E' || text[index] == 'e')) {
    size_t exponent_start = ++index;
    bool signed_exponent = false;
    if (index < text.size() && (text[index] == '+' || text[index] == '-')) {
      signed_exponent = true;
      ++index;
    }
    size_t exponent_digits = index;
    while (index < text.size() && IsDigit(text[index])) ++index;
    exponent_digits = index - exponent_digits;
    // What Excel and number printers write: a one-digit mantissa or a fraction ("4.20304E+17",
    // "4E17"), or a signed exponent. A code that merely holds an E between digits, such as the
    // credit code 914203046253437E20, is none of these.
    exponent = index > exponent_start && exponent_digits >= 1 && exponent_digits <= 3 &&
               (integer_digits == 1 || fraction || signed_exponent);
  }
  if (integer_digits == 0 || index != text.size()) return std::nullopt;  // not a number at all
  if (exponent) {
    return "号码被Excel存成了数字，显示为科学计数法「" + std::string(text) + "」" + std::string(kLostDigits);
  }
  if (!number_cell) {
    // Text such as "420304198001012000.0": a number written out with a fraction.
    if (fraction && integer_digits >= 15) {
      return "号码被Excel存成了数字（「" + std::string(text) + "」）" + std::string(kLostDigits);
    }
    return std::nullopt;
  }
  if (fraction) {
    return "该单元格是数字「" + std::string(text) + "」，不是号码" + std::string(kLostDigits);
  }
  if (integer_digits <= 15) return std::nullopt;  // exact in a double: a 15-digit old ID number
  // Beyond 15 significant digits a double keeps nothing: Excel wrote zeros there.
  std::string_view tail = text.substr(digits_start + 15);
  if (tail.find_first_not_of('0') == std::string_view::npos) {
    return "号码被Excel存成了数字「" + std::string(text) + "」，第15位以后都是0" + std::string(kLostDigits);
  }
  // Digits that a double can hold exactly may be what rounding left of another number; digits
  // it cannot hold were written into the file as they are (by a program, not by Excel).
  std::string_view digits = text.substr(digits_start, integer_digits);
  uint64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  bool from_double = error != std::errc() || end != digits.data() + digits.size() ||
                     value > (uint64_t{1} << 62) ||
                     static_cast<uint64_t>(static_cast<double>(value)) == value;
  if (!from_double) {
    // The shortest digits that read back as the same double (what JavaScript and most JSON
    // writers print) are just as suspect as the double's exact value.
    char shortest[64];
    auto written = std::to_chars(shortest, shortest + sizeof shortest, static_cast<double>(value),
                                 std::chars_format::scientific);
    if (written.ec == std::errc()) {
      // "4.203041980010125e+17" → "420304198001012500".
      std::string_view scientific(shortest, static_cast<size_t>(written.ptr - shortest));
      size_t e = scientific.find('e');
      std::string mantissa;
      for (char c : scientific.substr(0, e)) {
        if (c != '.') mantissa.push_back(c);
      }
      int power = std::atoi(std::string(scientific.substr(e + 1)).c_str());
      if (power >= 0 && static_cast<size_t>(power) + 1 >= mantissa.size()) {
        mantissa.append(static_cast<size_t>(power) + 1 - mantissa.size(), '0');
        from_double = mantissa == digits;
      }
    }
  }
  if (from_double) {
    return "号码被存成了数字「" + std::string(text) + "」，无法确定它是否已被舍入" + std::string(kLostDigits);
  }
  return std::nullopt;
}

}  // namespace shujian::ingest
