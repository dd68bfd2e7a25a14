#include "core/simplified_chinese.h"

#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/opencc.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/utf8.h"

namespace shujian {
namespace {

struct Converter {
  std::unique_ptr<opencc::SimpleConverter> converter;
  Status status;
  // A bitmap over U+0000..U+10FFFF holding, for every entry of the t2s dictionaries
  // (TSCharacters, TSPhrases) whose first value differs from its key, the first code point at
  // which they differ (the key's first one when their lengths differ). OpenCC changes text only
  // through such an entry, whose key must then occur in the text, marked code point included:
  // text without any marked code point comes out of OpenCC unchanged, so it is returned without
  // calling OpenCC (about 9 µs per call). Empty when the dictionaries cannot be read; then
  // every non-ASCII text goes through OpenCC.
  std::vector<uint64_t> changing_code_points;
};

// Fills converter->changing_code_points from the dictionaries next to `config`. Leaves it empty if
// any of them cannot be read, which only disables the shortcut.
void LoadChangingCodePoints(const std::filesystem::path& config, Converter* converter) {
  std::vector<uint64_t> bitmap(0x110000 / 64, 0);
  for (const char* name : {"TSCharacters.ocd2", "TSPhrases.ocd2"}) {
    std::filesystem::path path = config.parent_path() / name;
    FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) return;
    opencc::MarisaDictPtr dict;
    try {
      dict = opencc::MarisaDict::NewFromFile(file);
    } catch (const std::exception&) {
    }
    std::fclose(file);
    if (!dict) return;
    try {
      for (const auto& entry : *dict->GetLexicon()) {
        if (entry->NumValues() == 0) continue;
        const std::u32string key = ToCodePoints(entry->Key());
        const std::u32string value = ToCodePoints(entry->Values().front());
        if (key == value || key.empty()) continue;
        size_t differ = 0;
        if (key.size() == value.size()) {
          while (key[differ] == value[differ]) ++differ;
        }
        const char32_t code_point = key[differ];
        bitmap[code_point / 64] |= uint64_t{1} << (code_point % 64);
      }
    } catch (const std::exception&) {
      return;
    }
  }
  converter->changing_code_points = std::move(bitmap);
}

const Converter& GetConverter() {
  static const Converter* instance = [] {
    auto* result = new Converter();  // Intentionally leaked: used until exit.
    const char* candidates[] = {"/usr/share/opencc/t2s.json", "t2s.json"};
    for (const char* config : candidates) {
      if (config[0] == '/' && !std::filesystem::exists(config)) continue;
      try {
        result->converter = std::make_unique<opencc::SimpleConverter>(config);
        if (config[0] == '/') LoadChangingCodePoints(config, result);
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

// True when `text` holds a code point marked in changing_code_points (or there is no bitmap).
bool MayChange(const Converter& converter, std::string_view text) {
  if (converter.changing_code_points.empty()) return true;
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos, &code_point);
    if (converter.changing_code_points[code_point / 64] >> (code_point % 64) & 1) return true;
  }
  return false;
}

}  // namespace

std::string ToSimplifiedWithOpenCc(std::string_view text) {
  const Converter& converter = GetConverter();
  if (!converter.converter) return std::string(text);
  try {
    return converter.converter->Convert(text.data(), text.size());
  } catch (const std::exception&) {
    return std::string(text);
  }
}

std::string ToSimplified(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  const Converter& converter = GetConverter();
  if (!converter.converter) return std::string(text);
  if (!MayChange(converter, text)) return std::string(text);
  return ToSimplifiedWithOpenCc(text);
}

Status SimplifiedChineseStatus() { return GetConverter().status; }

}  // namespace shujian
