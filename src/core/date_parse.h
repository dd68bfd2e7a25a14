// Reading dates, date-times and months the way agencies write them
// (shared/spec/datasets.md, types date, datetime, period).
//
// Accepted dates: 2023-02-16, 2023/2/16, 2023.2.16, 2023年2月16日, 20230216, and Excel serial
// day numbers (a five-digit number such as 44973, the form a date cell takes when a sheet is
// saved as text; 1900 date system). A date may carry a time of day, which a date column drops
// (exports often write "2023/2/16 0:00"). Full-width digits and surrounding spaces are fine.
// Years must lie in 1900..2100: anything else in this domain is a typing error.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_CORE_DATE_PARSE_H_
#define SHUJIAN_CORE_DATE_PARSE_H_

#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace shujian {

// Returns InvalidArgument whose message says what was wrong and which forms are accepted.
Result<Date> ParseDate(std::string_view text);

// A date with an optional time "H:MM[:SS[.fff]]" after a space or 'T' (also 14时30分[05秒]);
// without a time, midnight. Excel serials may have a day fraction.
Result<DateTime> ParseDateTime(std::string_view text);

// A month: 2023-02, 2023/2, 2023.2, 2023年2月, 202302; or a date on the first of a month (how
// Excel stores a typed "2023-02").
Result<Period> ParsePeriod(std::string_view text);

// The date of an Excel serial day number (1900 date system, with Excel's phantom
// 1900-02-29 = 60 refused). Returns InvalidArgument outside 1900..2100.
Result<Date> DateFromExcelSerial(int64_t serial);

}  // namespace shujian

#endif  // SHUJIAN_CORE_DATE_PARSE_H_
