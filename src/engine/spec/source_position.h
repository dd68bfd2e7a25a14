// Positions in model and table files as people read them: "file:line:column", the column
// counted in characters (yaml-cpp counts bytes; a Chinese character is three of them).
//
// Thread safety: pure function.
#ifndef SHUJIAN_ENGINE_SPEC_SOURCE_POSITION_H_
#define SHUJIAN_ENGINE_SPEC_SOURCE_POSITION_H_

#include <string>
#include <string_view>

namespace shujian::engine {

// "name:line:column" of byte offset `pos` of `text`; `name` alone when pos < 0.
std::string SourcePosition(std::string_view name, std::string_view text, int pos);

// The 1-based line of byte offset `pos` (0 when pos < 0).
int SourceLine(std::string_view text, int pos);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_SPEC_SOURCE_POSITION_H_
