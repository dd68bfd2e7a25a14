// Data files compiled into the binary (see cmake/embed.cmake): shipped region codes, SQL
// migrations. The repository file is the source of truth; this is the build's copy of it.
#ifndef SHUJIAN_CORE_EMBEDDED_FILE_H_
#define SHUJIAN_CORE_EMBEDDED_FILE_H_

#include <span>
#include <string_view>

namespace shujian {

// One embedded file. Both views point at static storage and live for the whole program.
struct EmbeddedFile {
  std::string_view path;  // relative to the directory named when embedding, e.g. "0001_meta.sql"
  std::string_view data;  // the file's bytes
};

}  // namespace shujian

#endif  // SHUJIAN_CORE_EMBEDDED_FILE_H_
