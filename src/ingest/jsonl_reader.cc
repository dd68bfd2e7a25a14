#include "core/utf8.h"
#include "ingest/jsonl_reader.h"

#include <cstring>
#include <nlohmann/json.hpp>

#include "ingest/text_encoding.h"

namespace shujian::ingest {
namespace {

constexpr size_t kChunkBytes = size_t{1} << 20;
constexpr size_t kMaxLineBytes = size_t{16} << 20;

}  // namespace

Result<std::unique_ptr<JsonLinesReader>> JsonLinesReader::Open(std::unique_ptr<ByteSource> source) {
  std::unique_ptr<JsonLinesReader> reader(new JsonLinesReader(std::move(source)));
  reader->buffer_.resize(kChunkBytes);
  return reader;
}

Result<std::optional<std::string_view>> JsonLinesReader::NextLine() {
  size_t scan = pos_;
  while (true) {
    const void* newline = std::memchr(buffer_.data() + scan, '\n', end_ - scan);
    if (newline != nullptr) {
      size_t at = static_cast<size_t>(static_cast<const char*>(newline) - buffer_.data());
      std::string_view line(buffer_.data() + pos_, at - pos_);
      pos_ = at + 1;
      return std::optional<std::string_view>(line);
    }
    if (eof_) {
      if (pos_ == end_) return std::optional<std::string_view>();
      std::string_view line(buffer_.data() + pos_, end_ - pos_);
      pos_ = end_;
      return std::optional<std::string_view>(line);
    }
    if (end_ - pos_ > kMaxLineBytes) {
      return Status::InvalidArgument("文件「" + source_->name() + "」第" + std::to_string(line_ + 1) +
                                     "行超过16MB，不像JSON Lines文件");
    }
    // Keep the partial line and read more.
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    scan = end_;
    pos_ = 0;
    if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
    SJ_ASSIGN_OR_RETURN(size_t got, source_->Read(buffer_.data() + end_, buffer_.size() - end_));
    if (got == 0) eof_ = true;
    end_ += got;
  }
}

Result<bool> JsonLinesReader::Next(Record* record) {
  record->cells.clear();
  record->problem.clear();
  while (true) {
    SJ_ASSIGN_OR_RETURN(std::optional<std::string_view> line, NextLine());
    if (!line) return false;
    ++line_;
    std::string_view text = *line;
    if (line_ == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    record->line = line_;
    values_.assign(header_.size(), std::string());
    std::vector<CellKind> kinds(header_.size(), CellKind::kText);
    if (!IsValidUtf8(text)) {
      record->problem = "本行不是有效的UTF-8文本（JSON Lines文件必须是UTF-8编码）";
    } else {
      nlohmann::ordered_json object = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (object.is_discarded()) {
        record->problem = "本行不是有效的JSON";
      } else if (!object.is_object()) {
        record->problem = "本行是JSON，但不是一个对象（应为 {\"列名\": 值, ...}）";
      } else {
        for (const auto& [key, value] : object.items()) {
          auto [it, added] = columns_.emplace(key, header_.size());
          if (added) {
            header_.push_back(key);
            values_.emplace_back();
            kinds.push_back(CellKind::kText);
          }
          std::string& cell = values_[it->second];
          CellKind& kind = kinds[it->second];
          if (value.is_string()) {
            cell = value.get<std::string>();
          } else if (value.is_number()) {
            cell = value.dump();
            kind = CellKind::kNumber;
          } else if (value.is_boolean()) {
            cell = value.get<bool>() ? "TRUE" : "FALSE";
            kind = CellKind::kBool;
          } else if (!value.is_null()) {
            cell = value.dump();
          }
        }
      }
    }
    for (size_t index = 0; index < values_.size(); ++index) {
      record->cells.push_back({values_[index], kinds[index]});
    }
    return true;
  }
}

}  // namespace shujian::ingest
