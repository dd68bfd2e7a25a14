#include "engine/spec/source_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace shujian::engine {

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("无法读取文件「" + path + "」");
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError("读取文件「" + path + "」时出错");
  return text.str();
}

Result<std::vector<std::filesystem::path>> YamlFilesIn(const std::string& directory, const std::string& what) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") files.push_back(entry.path());
  }
  if (error) return Status::IoError("无法读取" + what + "「" + directory + "」：" + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace shujian::engine
