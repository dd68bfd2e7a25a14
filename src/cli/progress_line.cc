#include "cli/progress_line.h"

#include <cstdio>

#include "cli/output.h"

namespace shujian::cli {

ProgressLine::ProgressLine() : enabled_(Output::StderrIsTerminal()) {}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::Show(std::string_view text) {
  if (!enabled_) return;
  std::fputs("\r\x1b[2K", stderr);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Clear() {
  if (!enabled_ || !shown_) return;
  std::fputs("\r\x1b[2K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace shujian::cli
