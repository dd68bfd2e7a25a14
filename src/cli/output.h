// Output of the command line: data on stdout (a human table or one JSON document), messages
// and progress on stderr. With --json, stdout holds exactly one JSON document and nothing else.
//
// Thread safety: used by the command's thread only.
#ifndef SHUJIAN_CLI_OUTPUT_H_
#define SHUJIAN_CLI_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/status.h"

namespace shujian::cli {

class Output {
 public:
  explicit Output(bool json) : json_(json) {}

  bool json() const { return json_; }
  // True when stderr is a terminal (progress bars are drawn only then).
  static bool StderrIsTerminal();

  // Writes the command's JSON document to stdout. REQUIRES: json().
  void Json(const nlohmann::ordered_json& document) const;
  // Writes a line of human output to stdout. Ignored with --json.
  void Line(std::string_view text) const;
  // Writes a message for people to stderr, whatever the mode.
  void Message(std::string_view text) const;
  // Writes "错误：<message>" to stderr.
  void Error(const Status& status) const;

 private:
  bool json_;
};

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_OUTPUT_H_
