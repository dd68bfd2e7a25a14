// What Excel makes of values, for reading XLSX files and for recognising the damage Excel does
// to data that passed through it (a CSV saved from Excel, an XLSX typed by hand):
//  - number cells: the text Excel shows for a stored number (15 significant digits);
//  - date cells: which number formats are dates, and the date of a serial number (1900 and 1904
//    date systems);
//  - long identifiers turned into numbers: an 18-digit ID number stored as a number keeps only
//    15 significant digits (4.20304E+17, or 420304198001012000), a loss nothing can undo.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_INGEST_EXCEL_VALUES_H_
#define SHUJIAN_INGEST_EXCEL_VALUES_H_

#include <optional>
#include <string>
#include <string_view>

namespace shujian::ingest {

// How a cell's number format shows a number.
enum class NumberFormatKind { kGeneral, kDate, kDateTime, kTime, kPercent, kText };

// The kind of built-in number format `id` (ECMA-376 18.8.30 and the CJK built-ins 27-36,
// 50-58), or nullopt for ids that are not built in.
std::optional<NumberFormatKind> BuiltInNumberFormat(int id);
// The kind of a custom format code such as "yyyy/m/d", "[$-804]yyyy\"年\"m\"月\"d\"日\"" or
// "0.00%". Quoted text, escaped characters, colours and locales are ignored.
NumberFormatKind CustomNumberFormat(std::string_view format_code);

// The text Excel shows in a General cell for the number `stored` as written in the file
// ("4.2030419800101197E+17" → "4.20304198001012E+17", "44973" → "44973", "0.30000000000000004"
// → "0.3"). Returns `stored` unchanged when it is not a number.
std::string ExcelNumberText(std::string_view stored);

// The date ("2023-02-16") or date and time ("2023-02-16 08:30:00") of an Excel serial number
// in the 1900 (or, with `date1904`, the 1904) date system; time-only formats give "08:30:00".
// nullopt when the serial is outside 1900-01-01..9999-12-31 (or not a number).
std::optional<std::string> ExcelSerialText(std::string_view stored, NumberFormatKind kind,
                                           bool date1904);

// When `text` is what is left of an identifier (ID number, credit code) that went through a
// number (scientific notation such as 4.20304E+17, a decimal point, or digits beyond the 15th
// that are all zero in a number cell), the Chinese explanation; else nullopt. `number_cell`:
// the value came from a number cell, so it is a number whatever it looks like.
std::optional<std::string> IdentifierTurnedIntoNumber(std::string_view text, bool number_cell);

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_EXCEL_VALUES_H_
