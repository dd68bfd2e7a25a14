#include "workflow/docx_writer.h"

#include <zip.h>

#include <algorithm>
#include <memory>

namespace shujian::workflow {
namespace {

// Finds the paragraph (<w:p ...>...</w:p>) around position `pos`.
bool EnclosingParagraph(std::string_view xml, size_t pos, size_t* begin, size_t* end) {
  size_t start = pos;
  while (true) {
    start = xml.rfind("<w:p", start == 0 ? 0 : start - 1);
    if (start == std::string_view::npos) return false;
    char next = start + 4 < xml.size() ? xml[start + 4] : '\0';
    if (next == '>' || next == ' ') break;  // not <w:pPr>, <w:pStyle>
    if (start == 0) return false;
  }
  size_t close = xml.find("</w:p>", pos);
  if (close == std::string_view::npos) return false;
  *begin = start;
  *end = close + 6;
  return true;
}

// Replaces every {{name}} of `text` (no lists).
Result<std::string> FillScalars(std::string_view text, const TemplateValues& values) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    size_t close = text.find("}}", open);
    if (close == std::string_view::npos) return Status::InvalidArgument("模板中有未闭合的 {{");
    out.append(text.substr(pos, open - pos));
    std::string name(text.substr(open + 2, close - open - 2));
    auto it = values.scalars.find(name);
    if (it == values.scalars.end()) {
      return Status::InvalidArgument("模板使用了未提供的字段 {{" + name + "}}");
    }
    out += XmlEscape(it->second);
    pos = close + 2;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
        out.push_back(c);
    }
  }
  return out;
}

Result<std::string> FillTemplate(std::string_view xml, const TemplateValues& values) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t marker = xml.find("{{#", pos);
    if (marker == std::string_view::npos) break;
    size_t begin = 0;
    size_t end = 0;
    if (!EnclosingParagraph(xml, marker, &begin, &end) || begin < pos) {
      return Status::InvalidArgument("模板中的 {{#…}} 必须位于段落之内");
    }
    size_t close = xml.find("}}", marker);
    std::string name(xml.substr(marker + 3, close - marker - 3));
    auto list = values.lists.find(name);
    if (list == values.lists.end()) {
      return Status::InvalidArgument("模板使用了未提供的段落列表 {{#" + name + "}}");
    }
    SJ_ASSIGN_OR_RETURN(std::string before, FillScalars(xml.substr(pos, begin - pos), values));
    out += before;
    std::string_view prototype = xml.substr(begin, end - begin);
    std::string placeholder = "{{#" + name + "}}";
    size_t at = prototype.find(placeholder);
    for (const std::string& item : list->second) {
      SJ_ASSIGN_OR_RETURN(std::string head, FillScalars(prototype.substr(0, at), values));
      SJ_ASSIGN_OR_RETURN(std::string tail,
                          FillScalars(prototype.substr(at + placeholder.size()), values));
      out += head + XmlEscape(item) + tail;
    }
    pos = end;
  }
  SJ_ASSIGN_OR_RETURN(std::string rest, FillScalars(xml.substr(pos), values));
  out += rest;
  return out;
}

Result<std::string> WriteDocx(const DocxParts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (target == nullptr) {
    zip_error_fini(&error);
    return Status::Internal("无法创建文书缓冲区");
  }
  zip_source_keep(target);  // keep the bytes after zip_close
  zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(target);
    zip_error_fini(&error);
    return Status::Internal("无法创建文书压缩包");
  }
  DocxParts ordered = parts;
  std::stable_partition(ordered.begin(), ordered.end(),
                        [](const auto& part) { return part.first == "[Content_Types].xml"; });
  for (const auto& [path, content] : ordered) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_int64_t index =
        source ? zip_file_add(archive, path.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
               : -1;
    if (index < 0) {
      if (source) zip_source_free(source);
      zip_discard(archive);
      zip_source_free(target);
      zip_error_fini(&error);
      return Status::Internal("无法写入文书部件 " + path);
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(target);
    zip_error_fini(&error);
    return Status::Internal("无法完成文书压缩包");
  }
  std::string bytes;
  if (zip_source_open(target) == 0) {
    zip_source_seek(target, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(target);
    zip_source_seek(target, 0, SEEK_SET);
    if (size > 0) {
      bytes.resize(static_cast<size_t>(size));
      zip_int64_t read = zip_source_read(target, bytes.data(), static_cast<zip_uint64_t>(size));
      if (read != size) bytes.clear();
    }
    zip_source_close(target);
  }
  zip_source_free(target);
  zip_error_fini(&error);
  if (bytes.empty()) return Status::Internal("无法读出生成的文书");
  return bytes;
}

}  // namespace shujian::workflow
