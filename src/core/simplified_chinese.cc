#include "core/simplified_chinese.h"

#include <opencc/opencc.h>

#include <filesystem>
#include <memory>

namespace shujian {
namespace {

struct Converter {
  std::unique_ptr<opencc::SimpleConverter> converter;
  Status status;
};

const Converter& GetConverter() {
  static const Converter* instance = [] {
    auto* result = new Converter();  // Intentionally leaked: used until exit.
    const char* candidates[] = {"/usr/share/opencc/t2s.json", "t2s.json"};
    for (const char* config : candidates) {
      if (config[0] == '/' && !std::filesystem::exists(config)) continue;
      try {
        result->converter = std::make_unique<opencc::SimpleConverter>(config);
        return result;
      } catch (const std::exception& error) {
        result->status = Status::Unimplemented(
            std::string("繁简转换词典无法加载（") + error.what() +
            "）；请安装 Debian 软件包 opencc（tools/install-deps.sh）");
      }
    }
    if (result->status.ok()) {
      result->status = Status::Unimplemented(
          "繁简转换词典 t2s.json 不存在；请安装 Debian 软件包 opencc（tools/install-deps.sh）");
    }
    return result;
  }();
  return *instance;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string ToSimplified(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  const Converter& converter = GetConverter();
  if (!converter.converter) return std::string(text);
  try {
    return converter.converter->Convert(text.data(), text.size());
  } catch (const std::exception&) {
    return std::string(text);
  }
}

Status SimplifiedChineseStatus() { return GetConverter().status; }

}  // namespace shujian
