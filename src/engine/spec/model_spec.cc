#include "engine/spec/model_spec.h"

#include <algorithm>

#include "core/utf8.h"
#include "engine/spec/source_position.h"

namespace shujian::engine {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

const char* StepKindKey(StepKind kind) {
  switch (kind) {
    case StepKind::kRead: return "read";
    case StepKind::kFilter: return "filter";
    case StepKind::kCompute: return "compute";
    case StepKind::kJoin: return "join";
    case StepKind::kSemi: return "semi";
    case StepKind::kAnti: return "anti";
    case StepKind::kLookup: return "lookup";
    case StepKind::kAggregate: return "aggregate";
    case StepKind::kRolling: return "rolling";
    case StepKind::kFuzzy: return "fuzzy";
    case StepKind::kEmit: return "emit";
    case StepKind::kOutput: return "output";
  }
  return "";
}

void ModelSpec::IndexLines() {
  line_starts.assign(1, 0);
  for (size_t at = source_text.find('\n'); at != std::string::npos; at = source_text.find('\n', at + 1)) {
    line_starts.push_back(static_cast<int>(at + 1));
  }
}

std::string ModelSpec::Where(int pos) const {
  if (pos < 0 || line_starts.empty()) return SourcePosition(source_name, source_text, pos);
  int at = std::min(pos, static_cast<int>(source_text.size()));
  auto line = std::upper_bound(line_starts.begin(), line_starts.end(), at) - 1;
  std::string_view before(source_text.data() + *line, static_cast<size_t>(at - *line));
  return source_name + ":" + std::to_string(line - line_starts.begin() + 1) + ":" +
         std::to_string(CodePointCount(before) + 1);
}

int ModelSpec::PosInText(const SpecText& text, int offset) const {
  if (text.pos < 0 || static_cast<size_t>(text.pos) >= source_text.size()) return text.pos;
  size_t source = static_cast<size_t>(text.pos);
  char first = source_text[source];
  if (first == '"' || first == '\'') {
    ++source;
  } else if (first == '|' || first == '>') {
    size_t newline = source_text.find('\n', source);
    if (newline == std::string::npos) return text.pos;
    source = newline + 1;
  }
  // Walk the value and the file together; whitespace may differ (folded lines, indentation).
  size_t index = 0;
  size_t target = std::min(static_cast<size_t>(std::max(offset, 0)), text.text.size());
  while (index < target && source < source_text.size()) {
    if (text.text[index] == source_text[source]) {
      ++index;
      ++source;
    } else if (IsBlank(source_text[source])) {
      ++source;
    } else if (IsBlank(text.text[index])) {
      ++index;
    } else {
      break;  // an escape sequence: the rest is approximate
    }
  }
  while (source < source_text.size() && IsBlank(source_text[source]) && index < text.text.size() &&
         !IsBlank(text.text[index])) {
    ++source;
  }
  return static_cast<int>(source);
}

}  // namespace shujian::engine
