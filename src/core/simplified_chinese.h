// Traditional → simplified Chinese, with OpenCC's t2s conversion (phrase-aware), so that
// 張偉 and 张伟, 有限責任公司 and 有限责任公司 compare equal in matching.
//
// OpenCC's dictionaries come from Debian's libopencc-data (/usr/share/opencc). If they cannot
// be loaded, ToSimplified returns its input unchanged and SimplifiedChineseStatus() says why;
// callers that depend on the conversion (model runs) check it once and refuse to run.
//
// Text in which no character occurs in any key of OpenCC's t2s dictionaries is returned without
// calling OpenCC (it cannot change it); that is most names, and it makes the common case cheap.
//
// Thread safety: safe for concurrent use; the converter is created once.
#ifndef SHUJIAN_CORE_SIMPLIFIED_CHINESE_H_
#define SHUJIAN_CORE_SIMPLIFIED_CHINESE_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace shujian {

// `text` in simplified characters. REQUIRES: valid UTF-8 (invalid bytes are passed through).
std::string ToSimplified(std::string_view text);

// The same conversion, always through OpenCC (no shortcut). For tests of the shortcut.
std::string ToSimplifiedWithOpenCc(std::string_view text);

// OK when the OpenCC dictionaries are loaded; otherwise the reason they are not.
Status SimplifiedChineseStatus();

}  // namespace shujian

#endif  // SHUJIAN_CORE_SIMPLIFIED_CHINESE_H_
