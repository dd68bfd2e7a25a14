#include "core/utf8.h"
#include "ingest/csv_reader.h"

#include <algorithm>
#include <cstring>

namespace shujian::ingest {
namespace {

constexpr size_t kEncodingSample = size_t{1} << 16;

const char* Find(const char* begin, const char* end, char c) {
  const void* found = std::memchr(begin, c, static_cast<size_t>(end - begin));
  return found ? static_cast<const char*>(found) : end;
}

}  // namespace

Result<std::unique_ptr<CsvReader>> CsvReader::Open(std::unique_ptr<ByteSource> source,
                                                   const Options& options) {
  std::unique_ptr<CsvReader> reader(new CsvReader(std::move(source), options));
  reader->buffer_.resize(options.chunk_bytes);
  // The first chunk decides the encoding (a byte-order mark) and the delimiter.
  while (!reader->eof_ && reader->end_ < 4) SJ_RETURN_IF_ERROR(reader->Fill());
  ByteOrderMark mark = DetectByteOrderMark(std::string_view(reader->buffer_.data(), reader->end_));
  if (mark.encoding == TextEncoding::kUtf16Le || mark.encoding == TextEncoding::kUtf16Be) {
    std::string already(reader->buffer_.data() + mark.bytes, reader->end_ - mark.bytes);
    reader->utf16_name_ = std::string(TextEncodingName(*mark.encoding));
    reader->source_ = Utf16ToUtf8Source(std::move(reader->source_), *mark.encoding, std::move(already));
    reader->utf16_ = true;
    reader->mode_ = Mode::kUtf8;
    reader->pos_ = reader->end_ = reader->scan_pos_ = 0;
    reader->eof_ = false;
    while (!reader->eof_ && reader->end_ < 4) SJ_RETURN_IF_ERROR(reader->Fill());
  } else if (mark.encoding) {
    reader->mode_ = *mark.encoding == TextEncoding::kUtf8 ? Mode::kUtf8 : Mode::kGb18030;
    reader->pos_ = reader->scan_pos_ = mark.bytes;
  }
  SJ_RETURN_IF_ERROR(reader->DetectDelimiter());
  return reader;
}

Status CsvReader::DetectDelimiter() {
  // The header line: up to its first line break outside quotes (reading on if needed).
  while (true) {
    bool in_quotes = false;
    size_t index = pos_;
    for (; index < end_; ++index) {
      char c = buffer_[index];
      if (c == '"') in_quotes = !in_quotes;
      if (!in_quotes && (c == '\n' || c == '\r')) break;
    }
    if (index < end_ || eof_ || end_ - pos_ >= (size_t{1} << 16)) break;
    SJ_RETURN_IF_ERROR(Fill());
  }
  // The most frequent of , \t ; outside quotes.
  size_t counts[3] = {0, 0, 0};
  const char candidates[3] = {',', '\t', ';'};
  bool in_quotes = false;
  for (size_t index = pos_; index < end_; ++index) {
    char c = buffer_[index];
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n' || c == '\r') break;
    for (int candidate = 0; candidate < 3; ++candidate) counts[candidate] += c == candidates[candidate];
  }
  int best = 0;
  for (int candidate = 1; candidate < 3; ++candidate) {
    if (counts[candidate] > counts[best]) best = candidate;
  }
  delimiter_ = candidates[best];
  for (char c : {delimiter_, '"', '\n', '\r'}) special_[static_cast<unsigned char>(c)] = true;
  return Status::Ok();
}

Status CsvReader::Fill() {
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    scan_pos_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  SJ_ASSIGN_OR_RETURN(size_t got, source_->Read(buffer_.data() + end_, buffer_.size() - end_));
  if (got == 0) eof_ = true;
  end_ += got;
  return Status::Ok();
}

bool CsvReader::FindRecordEnd(size_t* end, size_t* next, bool* open_quote) {
  // The same reading as SplitFields: a quote opens quoting only at the start of a field; inside
  // quotes "" is a quote and a single quote closes; after it, anything up to the delimiter
  // belongs to the value.
  const char* data = buffer_.data();
  size_t index = scan_pos_;
  Scan state = scan_state_;
  while (index < end_) {
    if (state == Scan::kQuoted) {
      const char* quote = Find(data + index, data + end_, '"');
      index = static_cast<size_t>(quote - data);
      if (index == end_) break;
      state = Scan::kQuoteInQuoted;
      ++index;
      continue;
    }
    if (state == Scan::kUnquoted) {
      while (index < end_ && !special_[static_cast<unsigned char>(data[index])]) ++index;
      if (index == end_) break;
    }
    const char c = data[index];
    if (c == '"') {
      // Opens quoting at a field's start, re-enters it after a closing quote (""), and is
      // data anywhere else.
      state = state == Scan::kUnquoted ? Scan::kUnquoted : Scan::kQuoted;
      ++index;
      continue;
    }
    if (c == delimiter_) {
      state = Scan::kFieldStart;
      ++index;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r') {
        if (index + 1 == end_ && !eof_) break;  // a CRLF may be cut between chunks
        *next = index + 1 + (index + 1 < end_ && data[index + 1] == '\n');
      } else {
        *next = index + 1;
      }
      *end = index;
      *open_quote = false;
      return true;
    }
    state = Scan::kUnquoted;
    ++index;
  }
  if (eof_) {
    *end = *next = end_;
    *open_quote = state == Scan::kQuoted;
    return true;
  }
  scan_pos_ = index;
  scan_state_ = state;
  return false;
}

void CsvReader::SplitFields(size_t begin, size_t end) {
  spans_.clear();
  scratch_.clear();
  const char* data = buffer_.data();
  const char* stop = data + end;
  size_t s = begin;
  while (true) {
    if (s < end && data[s] == '"') {
      size_t segment = s + 1;
      size_t scratch_start = std::string::npos;
      size_t index = segment;
      while (true) {
        size_t quote = static_cast<size_t>(Find(data + index, stop, '"') - data);
        if (quote == end) {  // no closing quote: the rest of the file is this value
          if (scratch_start == std::string::npos) {
            spans_.push_back({segment, end - segment, Where::kBuffer});
          } else {
            scratch_.append(data + segment, end - segment);
            spans_.push_back({scratch_start, scratch_.size() - scratch_start, Where::kScratch});
          }
          s = end;
          break;
        }
        if (quote + 1 < end && data[quote + 1] == '"') {  // "" is one quote
          if (scratch_start == std::string::npos) scratch_start = scratch_.size();
          scratch_.append(data + segment, quote + 1 - segment);
          index = segment = quote + 2;
          continue;
        }
        if (scratch_start == std::string::npos && (quote + 1 == end || data[quote + 1] == delimiter_)) {
          spans_.push_back({segment, quote - segment, Where::kBuffer});
          s = quote + 1;
          break;
        }
        if (scratch_start == std::string::npos) scratch_start = scratch_.size();
        scratch_.append(data + segment, quote - segment);
        // Characters after the closing quote belong to the value, as Excel reads them.
        size_t after = quote + 1;
        size_t delimiter = static_cast<size_t>(Find(data + after, stop, delimiter_) - data);
        scratch_.append(data + after, delimiter - after);
        spans_.push_back({scratch_start, scratch_.size() - scratch_start, Where::kScratch});
        s = delimiter;
        break;
      }
    } else {
      size_t delimiter = static_cast<size_t>(Find(data + s, stop, delimiter_) - data);
      spans_.push_back({s, delimiter - s, Where::kBuffer});
      s = delimiter;
    }
    if (s < end && data[s] == delimiter_) {
      ++s;
      continue;
    }
    break;
  }
}

std::string CsvReader::Decode(size_t begin, size_t end) {
  std::string_view bytes(buffer_.data() + begin, end - begin);
  if (IsAscii(bytes)) return "";
  if (mode_ == Mode::kUtf8) {
    if (IsValidUtf8(bytes)) return "";
    return "本行含有不是UTF-8编码的字节，而文件的其余部分是UTF-8；请把整个文件另存为UTF-8"
           "（Excel：另存为“CSV UTF-8”）后重新导入";
  }
  decoded_.clear();
  for (Span& span : spans_) {
    std::string_view field = span.where == Where::kScratch
                                 ? std::string_view(scratch_).substr(span.offset, span.size)
                                 : std::string_view(buffer_.data() + span.offset, span.size);
    if (IsAscii(field)) continue;
    size_t start = decoded_.size();
    if (!gb18030_.Decode(field, &decoded_)) {
      return "本行含有无法按GB18030（GBK）解码的字节；文件可能不是GBK编码，或者已经损坏";
    }
    span = {start, decoded_.size() - start, Where::kDecoded};
  }
  return "";
}

Result<bool> CsvReader::Next(Record* record) {
  record->cells.clear();
  record->problem.clear();
  size_t end = 0;
  size_t next = 0;
  bool open_quote = false;
  auto too_long = [&] {
    const size_t limit = options_.max_record_bytes;
    const std::string size = limit >= (size_t{1} << 20) ? std::to_string(limit >> 20) + "MB"
                                                        : std::to_string(limit >> 10) + "KB";
    return Status::InvalidArgument("文件「" + source_->name() + "」第" + std::to_string(records_ + 1) +
                                   "行起的一条记录超过" + size +
                                   "，多半是某个值的引号没有闭合；请在该行附近检查引号后重新导入");
  };
  while (true) {
    if (pos_ == end_) {
      if (eof_) return false;
      SJ_RETURN_IF_ERROR(Fill());
      continue;
    }
    if (FindRecordEnd(&end, &next, &open_quote)) break;
    if (end_ - pos_ > options_.max_record_bytes) return too_long();
    SJ_RETURN_IF_ERROR(Fill());
  }
  if (end - pos_ > options_.max_record_bytes) return too_long();
  // The first record with non-ASCII bytes decides between UTF-8 and GB18030, from the same
  // sample whatever the chunk size: up to kEncodingSample bytes from the record's start.
  if (mode_ == Mode::kUndecided && !IsAscii(std::string_view(buffer_.data() + pos_, end - pos_))) {
    const size_t record_end = end - pos_;
    const size_t record_next = next - pos_;
    while (!eof_ && end_ - pos_ < kEncodingSample) SJ_RETURN_IF_ERROR(Fill());
    end = pos_ + record_end;
    next = pos_ + record_next;
    const size_t sample = std::min(end_ - pos_, kEncodingSample);
    const bool cut = !(eof_ && pos_ + sample == end_);
    mode_ = LooksLikeUtf8(std::string_view(buffer_.data() + pos_, sample), cut) ? Mode::kUtf8 : Mode::kGb18030;
  }
  record->line = ++records_;
  SplitFields(pos_, end);
  record->problem = Decode(pos_, end);
  if (open_quote && record->problem.empty()) {
    record->problem =
        "引号不配对：本行有一个值以引号开头，但直到文件末尾都没有结束引号，其后的内容都被读成了这个值";
  }
  record->cells.reserve(spans_.size());
  for (const Span& span : spans_) {
    std::string_view text;
    switch (span.where) {
      case Where::kBuffer: text = std::string_view(buffer_.data() + span.offset, span.size); break;
      case Where::kScratch: text = std::string_view(scratch_).substr(span.offset, span.size); break;
      case Where::kDecoded: text = std::string_view(decoded_).substr(span.offset, span.size); break;
    }
    record->cells.push_back({text, CellKind::kText});
  }
  pos_ = scan_pos_ = next;
  scan_state_ = Scan::kFieldStart;
  return true;
}

int64_t CsvReader::bytes_consumed() const {
  if (utf16_) return source_->consumed();
  return source_->consumed() - static_cast<int64_t>(end_ - pos_);
}

std::string CsvReader::encoding() const {
  if (utf16_) return utf16_name_;
  return mode_ == Mode::kGb18030 ? "GB18030" : "UTF-8";
}

}  // namespace shujian::ingest
