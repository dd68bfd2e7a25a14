#include "engine/spec/source_position.h"

#include <algorithm>

#include "core/utf8.h"

namespace shujian::engine {

int SourceLine(std::string_view text, int pos) {
  if (pos < 0) return 0;
  size_t at = std::min(static_cast<size_t>(pos), text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

std::string SourcePosition(std::string_view name, std::string_view text, int pos) {
  if (pos < 0) return std::string(name);
  size_t at = std::min(static_cast<size_t>(pos), text.size());
  size_t line_start = 0;
  if (at > 0) {
    size_t newline = text.rfind('\n', at - 1);
    if (newline != std::string_view::npos) line_start = newline + 1;
  }
  size_t column = CodePointCount(text.substr(line_start, at - line_start)) + 1;
  return std::string(name) + ":" + std::to_string(SourceLine(text, pos)) + ":" +
         std::to_string(column);
}

}  // namespace shujian::engine
