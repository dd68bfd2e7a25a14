#include "engine/function/pinyin.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace shujian::engine {
namespace {

std::unique_ptr<icu::Transliterator> Create(UErrorCode* status) {
  return std::unique_ptr<icu::Transliterator>(icu::Transliterator::createInstance(
      "Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, *status));
}

icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created = Create(&status);
    return U_SUCCESS(status) ? std::move(created) : nullptr;
  }();
  return transliterator.get();
}

}  // namespace

std::string Pinyin(std::string_view text) {
  icu::Transliterator* transliterator = ThreadTransliterator();
  std::string converted;
  if (transliterator == nullptr) {
    converted.assign(text);
  } else {
    icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    transliterator->transliterate(unicode);
    unicode.toUTF8String(converted);
  }
  std::string out;
  bool space = false;
  for (char c : converted) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

Status PinyinStatus() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> created = Create(&status);
  if (U_FAILURE(status)) {
    return Status::FailedPrecondition(std::string("ICU 的汉字转拼音（Han-Latin）不可用：") +
                                      u_errorName(status));
  }
  return Status::Ok();
}

}  // namespace shujian::engine
