// Han characters to pinyin, with ICU's Han-Latin transliterator (tone marks removed), for
// comparing names that were typed with different characters of the same sound (张伟 / 章玮
// both read "zhang wei"). ICU picks one reading for a polyphonic character (长 is "zhang" in
// every word), which is good enough for a comparison level and not for display.
//
// Thread safety: safe for concurrent use (one transliterator per thread).
#ifndef SHUJIAN_ENGINE_FUNCTION_PINYIN_H_
#define SHUJIAN_ENGINE_FUNCTION_PINYIN_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace shujian::engine {

// Lower-case ASCII pinyin of `text`, syllables separated by single spaces; characters that are
// not Han pass through (Latin letters lower-cased, spaces collapsed). E.g. 张伟 → "zhang wei".
std::string Pinyin(std::string_view text);

// OK when ICU's Han-Latin transliterator is available; else why not.
Status PinyinStatus();

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_PINYIN_H_
