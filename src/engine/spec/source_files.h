// Reading model and table files from disk: one file's text, and the YAML files of a directory
// in name order.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_ENGINE_SPEC_SOURCE_FILES_H_
#define SHUJIAN_ENGINE_SPEC_SOURCE_FILES_H_

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace shujian::engine {

// The bytes of `path`. Returns IoError naming the file.
Result<std::string> ReadTextFile(const std::string& path);

// The *.yaml and *.yml files of `directory`, sorted. `what` names the directory in messages
// ("模型目录"). Returns IoError when it cannot be read.
Result<std::vector<std::filesystem::path>> YamlFilesIn(const std::string& directory, const std::string& what);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_SPEC_SOURCE_FILES_H_
