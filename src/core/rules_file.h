// Reading the small comma-separated data files shipped in rules/ (region codes, the credit-code
// exception list): '#' comment lines, a header line, then one record per line. Fields hold no
// commas or quotes (these files are written by hand or by tools/); agency data files go through
// the import readers instead, which handle full CSV.
//
// Thread safety: a free function without state.
#ifndef SHUJIAN_CORE_RULES_FILE_H_
#define SHUJIAN_CORE_RULES_FILE_H_

#include <functional>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace shujian {

// Calls `record` for every data line of `text` with its 1-based line number and its fields.
// Skips blank lines, '#' comments and the header (the first non-comment line). Stops at, and
// returns, the first error `record` returns.
Status ForEachRulesRecord(
    std::string_view text,
    const std::function<Status(size_t line_number, const std::vector<std::string_view>& fields)>&
        record);

}  // namespace shujian

#endif  // SHUJIAN_CORE_RULES_FILE_H_
