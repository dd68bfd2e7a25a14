// Running the `shujian` binary from a test as a script would: arguments through the shell, a
// given standard input, standard output and standard error captured apart, the exit code.
#ifndef SHUJIAN_TESTS_SUPPORT_SHUJIAN_PROCESS_H_
#define SHUJIAN_TESTS_SUPPORT_SHUJIAN_PROCESS_H_

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace shujian::testing_support {

struct ProcessOutcome {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs SHUJIAN_BINARY with `arguments` (a shell-quoted string), `stdin_text` on its standard
// input and `environment` ("NAME=value ...") added to its environment.
inline ProcessOutcome RunShujian(const std::string& arguments, const std::string& stdin_text = "",
                                 const std::string& environment = "") {
  static int calls = 0;
  std::filesystem::path directory = std::filesystem::temp_directory_path();
  std::string stem =
      "shujian_process_" + std::to_string(::getpid()) + "_" + std::to_string(++calls);
  std::string err_path = (directory / (stem + ".err")).string();
  std::string in_path = (directory / (stem + ".in")).string();
  std::ofstream(in_path) << stdin_text;
  std::string command = environment + " " + std::string(SHUJIAN_BINARY) + " " + arguments + " <" +
                        in_path + " 2>" + err_path;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string out;
  std::array<char, 4096> buffer;
  size_t read;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    out.append(buffer.data(), read);
  int status = ::pclose(pipe);
  std::stringstream err;
  err << std::ifstream(err_path).rdbuf();
  std::filesystem::remove(err_path);
  std::filesystem::remove(in_path);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, err.str()};
}

}  // namespace shujian::testing_support

#endif  // SHUJIAN_TESTS_SUPPORT_SHUJIAN_PROCESS_H_
