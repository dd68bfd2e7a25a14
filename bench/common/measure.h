// Measuring a benchmark contender fairly: each one runs in its own child process, so its
// peak resident memory (ru_maxrss from wait4) is its own, and wall time is taken around the
// child. Used by every side-by-side benchmark in bench/.
#ifndef SHUJIAN_BENCH_COMMON_MEASURE_H_
#define SHUJIAN_BENCH_COMMON_MEASURE_H_

#include <functional>
#include <string>
#include <vector>

namespace shujian::bench {

struct Measurement {
  std::string name;        // the contender, e.g. "shujian", "sqlite3 .import", "duckdb read_csv"
  double seconds = 0;      // wall time of the work (as reported by the child, else of the child)
  long peak_rss_kb = 0;    // peak resident set size of the child process
  int exit_code = 0;       // 0 when the work succeeded
  std::string note;        // anything the child printed on its result pipe (e.g. row counts)
};

// Runs `work` in a forked child. `work` returns 0 on success and may write a one-line note
// and its own timing through the Reporter it is given (so that set-up inside the child, such
// as loading data into memory, can be excluded from `seconds`).
class Reporter {
 public:
  explicit Reporter(int fd) : fd_(fd) {}
  // Reports the seconds of the measured part; otherwise the whole child is timed.
  void Seconds(double seconds);
  // Reports a note (one line).
  void Note(const std::string& note);

 private:
  int fd_;
};

Measurement MeasureInChild(const std::string& name, const std::function<int(Reporter&)>& work);

// Runs an external command (argv[0] looked up in PATH) in a child, with stdin from
// `stdin_path` when not empty.
Measurement MeasureCommand(const std::string& name, const std::vector<std::string>& argv,
                           const std::string& stdin_path = "");

// A monotonic clock in seconds.
double NowSeconds();

// Prints a table of measurements with each one's ratio to the first (the anchor), as
// Markdown, to stdout.
void PrintComparison(const std::string& title, const std::vector<Measurement>& results,
                     long rows);

}  // namespace shujian::bench

#endif  // SHUJIAN_BENCH_COMMON_MEASURE_H_
