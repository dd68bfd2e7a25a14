#include "workflow/attachments.h"

#include <zip.h>

#include <algorithm>

#include "workflow/crypto.h"

namespace shujian::workflow {
namespace {

// True when the zip archive in `content` has an entry named `name` (checked without extracting).
bool ZipHasEntry(std::string_view content, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(content.data(), content.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return false;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  bool found = false;
  if (archive == nullptr) {
    zip_source_free(source);
  } else {
    found = zip_name_locate(archive, name, 0) >= 0;
    zip_discard(archive);
  }
  zip_error_fini(&error);
  return found;
}

std::string KindList(const std::vector<std::string>& kinds) {
  std::string list;
  for (const std::string& kind : kinds) {
    if (!list.empty()) list += "、";
    list += kind == "jpeg"   ? "JPEG"
            : kind == "png"  ? "PNG"
            : kind == "pdf"  ? "PDF"
            : kind == "docx" ? "Word（.docx）"
            : kind == "ofd"  ? "OFD"
                             : kind;
  }
  return list;
}

}  // namespace

SniffedType SniffFileType(std::string_view content) {
  if (content.starts_with("%PDF-")) return {"pdf", "application/pdf"};
  if (content.starts_with("\xFF\xD8\xFF")) return {"jpeg", "image/jpeg"};
  if (content.starts_with("\x89PNG\r\n\x1A\n")) return {"png", "image/png"};
  if (content.starts_with("PK\x03\x04")) {
    if (ZipHasEntry(content, "word/document.xml")) {
      return {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
    }
    if (ZipHasEntry(content, "OFD.xml")) return {"ofd", "application/ofd"};
  }
  return {"", "application/octet-stream"};
}

Result<CheckedUpload> CheckUpload(const Upload& upload,
                                  const std::vector<std::string>& allowed_kinds, int64_t max_bytes,
                                  std::string_view what) {
  std::string name = upload.file_name;
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty()) name = std::string(what);
  std::string label = std::string(what) + "「" + name + "」";
  if (upload.content.empty()) return Status::InvalidArgument(label + "是空文件");
  if (static_cast<int64_t>(upload.content.size()) > max_bytes) {
    return Status::InvalidArgument(label + "有 " + std::to_string(upload.content.size()) +
                                   " 字节，超过上限 " + std::to_string(max_bytes) +
                                   " 字节；请压缩或拆分后再上传");
  }
  SniffedType type = SniffFileType(upload.content);
  if (type.kind.empty() ||
      std::find(allowed_kinds.begin(), allowed_kinds.end(), type.kind) == allowed_kinds.end()) {
    return Status::InvalidArgument(label +
                                   (type.kind.empty() ? std::string("的内容不是可识别的文件类型")
                                                      : "是 " + KindList({type.kind}) + " 文件") +
                                   "；" + std::string(what) + "只接受 " + KindList(allowed_kinds) +
                                   "（按文件内容判断，不看扩展名）");
  }
  return CheckedUpload{name, type.media_type, Sha256Hex(upload.content),
                       static_cast<int64_t>(upload.content.size())};
}

}  // namespace shujian::workflow
