#include "cli/output.h"

#include <unistd.h>

#include <cstdio>

namespace shujian::cli {

bool Output::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void Output::Json(const nlohmann::ordered_json& document) const {
  std::string text = document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

void Output::Line(std::string_view text) const {
  if (json_) return;
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

void Output::Message(std::string_view text) const {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fputc('\n', stderr);
}

void Output::Error(const Status& status) const {
  std::string text = "错误：" + status.message();
  Message(text);
}

}  // namespace shujian::cli
