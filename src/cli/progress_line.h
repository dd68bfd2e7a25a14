// ProgressLine: one line of progress on stderr for long runs ("模型 2/8 penalty-…：步骤 3/7 反连接
// uncovered"), redrawn in place, and only when stderr is a terminal (scripts and --json pipes
// see nothing). Cleared when done.
//
// Thread safety: one command thread.
#ifndef SHUJIAN_CLI_PROGRESS_LINE_H_
#define SHUJIAN_CLI_PROGRESS_LINE_H_

#include <string>
#include <string_view>

namespace shujian::cli {

class ProgressLine {
 public:
  ProgressLine();
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Replaces the line with `text` (no newline). Does nothing when stderr is not a terminal.
  void Show(std::string_view text);
  // Erases the line.
  void Clear();
  bool enabled() const { return enabled_; }

 private:
  bool enabled_;
  bool shown_ = false;
};

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_PROGRESS_LINE_H_
