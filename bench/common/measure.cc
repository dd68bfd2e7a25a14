#include "measure.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace shujian::bench {

double NowSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void Reporter::Seconds(double seconds) {
  std::string line = "S " + std::to_string(seconds) + "\n";
  (void)!write(fd_, line.data(), line.size());
}

void Reporter::Note(const std::string& note) {
  std::string line = "N " + note + "\n";
  (void)!write(fd_, line.data(), line.size());
}

namespace {

Measurement Collect(const std::string& name, pid_t pid, int read_fd, double started) {
  Measurement measurement;
  measurement.name = name;
  std::string messages;
  char buffer[4096];
  ssize_t got;
  while ((got = read(read_fd, buffer, sizeof buffer)) > 0) messages.append(buffer, got);
  close(read_fd);
  int status = 0;
  struct rusage usage;
  std::memset(&usage, 0, sizeof usage);
  wait4(pid, &status, 0, &usage);
  measurement.seconds = NowSeconds() - started;
  measurement.peak_rss_kb = usage.ru_maxrss;
  measurement.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  size_t start = 0;
  while (start < messages.size()) {
    size_t end = messages.find('\n', start);
    if (end == std::string::npos) end = messages.size();
    std::string line = messages.substr(start, end - start);
    if (line.starts_with("S ")) measurement.seconds = std::atof(line.c_str() + 2);
    if (line.starts_with("N ")) measurement.note += (measurement.note.empty() ? "" : "; ") + line.substr(2);
    start = end + 1;
  }
  return measurement;
}

}  // namespace

Measurement MeasureInChild(const std::string& name, const std::function<int(Reporter&)>& work) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  std::fflush(stdout);
  double started = NowSeconds();
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    Reporter reporter(fds[1]);
    int code = work(reporter);
    close(fds[1]);
    std::fflush(stdout);
    _exit(code);
  }
  close(fds[1]);
  return Collect(name, pid, fds[0], started);
}

Measurement MeasureCommand(const std::string& name, const std::vector<std::string>& argv,
                           const std::string& stdin_path) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  std::fflush(stdout);
  double started = NowSeconds();
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    close(fds[1]);
    if (!stdin_path.empty()) {
      int in = open(stdin_path.c_str(), O_RDONLY);
      if (in < 0) _exit(127);
      dup2(in, 0);
      close(in);
    }
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  return Collect(name, pid, fds[0], started);
}

void PrintComparison(const std::string& title, const std::vector<Measurement>& results,
                     long rows) {
  std::printf("\n### %s\n\n", title.c_str());
  std::printf("| contender | seconds | rows/s | peak RSS (MiB) | time ÷ %s | memory ÷ %s | note |\n",
              results.empty() ? "-" : results[0].name.c_str(),
              results.empty() ? "-" : results[0].name.c_str());
  std::printf("|---|---:|---:|---:|---:|---:|---|\n");
  for (const Measurement& result : results) {
    double time_ratio = results[0].seconds > 0 ? result.seconds / results[0].seconds : 0;
    double memory_ratio =
        results[0].peak_rss_kb > 0 ? double(result.peak_rss_kb) / results[0].peak_rss_kb : 0;
    std::printf("| %s | %.3f | %.0f | %.1f | %.2f | %.2f | %s%s |\n", result.name.c_str(),
                result.seconds, result.seconds > 0 ? rows / result.seconds : 0,
                result.peak_rss_kb / 1024.0, time_ratio, memory_ratio,
                result.exit_code == 0 ? "" : ("FAILED exit " + std::to_string(result.exit_code) + " ").c_str(),
                result.note.c_str());
  }
  std::fflush(stdout);
}

}  // namespace shujian::bench
