#include "core/rules_file.h"

namespace shujian {

Status ForEachRulesRecord(
    std::string_view text,
    const std::function<Status(size_t line_number, const std::vector<std::string_view>& fields)>&
        record) {
  size_t line_number = 0;
  size_t start = 0;
  bool header_seen = false;
  std::vector<std::string_view> fields;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    fields.clear();
    size_t field_start = 0;
    while (true) {
      size_t comma = line.find(',', field_start);
      fields.push_back(line.substr(field_start, comma == std::string_view::npos
                                                    ? std::string_view::npos
                                                    : comma - field_start));
      if (comma == std::string_view::npos) break;
      field_start = comma + 1;
    }
    SJ_RETURN_IF_ERROR(record(line_number, fields));
  }
  return Status::Ok();
}

}  // namespace shujian
