#include "ingest/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <cstring>
#include <vector>

namespace shujian::ingest {

std::string_view TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8: return "UTF-8";
    case TextEncoding::kGb18030: return "GB18030";
    case TextEncoding::kUtf16Le: return "UTF-16LE";
    case TextEncoding::kUtf16Be: return "UTF-16BE";
  }
  return "";
}

ByteOrderMark DetectByteOrderMark(std::string_view start) {
  auto starts = [&](std::string_view mark) { return start.substr(0, mark.size()) == mark; };
  if (starts("\xEF\xBB\xBF")) return {TextEncoding::kUtf8, 3};
  if (starts(std::string_view("\x84\x31\x95\x33", 4))) return {TextEncoding::kGb18030, 4};
  if (starts("\xFF\xFE")) return {TextEncoding::kUtf16Le, 2};
  if (starts("\xFE\xFF")) return {TextEncoding::kUtf16Be, 2};
  return {};
}

bool IsAscii(std::string_view bytes) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  while (n >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080ull) return false;
    p += 8;
    n -= 8;
  }
  while (n > 0) {
    if (static_cast<unsigned char>(*p) >= 0x80) return false;
    ++p;
    --n;
  }
  return true;
}

namespace {

// The length of the valid UTF-8 sequence at p[0] (n bytes available): 1..4; 0 when invalid;
// -1 when valid so far but cut off by the end.
int Utf8SequenceLength(const unsigned char* p, size_t n) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  int length;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < length; ++k) {
    if (static_cast<size_t>(k) >= n) return -1;
    unsigned char next = p[k];
    if (k == 1 ? (next < low || next > high) : (next < 0x80 || next > 0xBF)) return 0;
  }
  return length;
}

}  // namespace

bool LooksLikeUtf8(std::string_view sample, bool may_be_cut) {
  const auto* p = reinterpret_cast<const unsigned char*>(sample.data());
  const size_t n = sample.size();
  size_t valid = 0;
  size_t invalid = 0;
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    int length = Utf8SequenceLength(p + i, n - i);
    if (length < 0) {
      if (!may_be_cut) ++invalid;
      break;
    }
    if (length == 0) {
      ++invalid;
      ++i;
    } else {
      ++valid;
      i += static_cast<size_t>(length);
    }
  }
  return valid > invalid;
}

Gb18030Decoder::Gb18030Decoder() {
  UErrorCode error = U_ZERO_ERROR;
  converter_ = ucnv_open("GB18030", &error);
  if (U_FAILURE(error)) {
    converter_ = nullptr;
    return;
  }
  ucnv_setToUCallBack(converter_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
}

Gb18030Decoder::~Gb18030Decoder() {
  if (converter_ != nullptr) ucnv_close(converter_);
}

bool Gb18030Decoder::Decode(std::string_view bytes, std::string* out) {
  if (converter_ == nullptr) return false;
  ucnv_reset(converter_);
  std::vector<UChar> utf16(bytes.size() + 1);
  UErrorCode error = U_ZERO_ERROR;
  int32_t length = ucnv_toUChars(converter_, utf16.data(), static_cast<int32_t>(utf16.size()),
                                 bytes.data(), static_cast<int32_t>(bytes.size()), &error);
  if (U_FAILURE(error)) return false;
  int32_t needed = 0;
  error = U_ZERO_ERROR;
  size_t start = out->size();
  out->resize(start + static_cast<size_t>(length) * 3 + 1);
  u_strToUTF8(out->data() + start, static_cast<int32_t>(out->size() - start), &needed, utf16.data(),
              length, &error);
  if (U_FAILURE(error)) return false;
  out->resize(start + static_cast<size_t>(needed));
  return true;
}

namespace {

class Utf16Source final : public ByteSource {
 public:
  Utf16Source(std::unique_ptr<ByteSource> source, TextEncoding encoding, std::string already_read)
      : source_(std::move(source)), big_endian_(encoding == TextEncoding::kUtf16Be),
        pending_(std::move(already_read)), offset_(2) {}

  Result<size_t> Read(char* buffer, size_t capacity) override {
    // Converts whole code units from pending_ into UTF-8 until `capacity` is used.
    while (true) {
      if (output_.size() > output_pos_) {
        size_t count = std::min(capacity, output_.size() - output_pos_);
        std::memcpy(buffer, output_.data() + output_pos_, count);
        output_pos_ += count;
        return count;
      }
      output_.clear();
      output_pos_ = 0;
      if (finished_) return size_t{0};
      char chunk[1 << 16];
      SJ_ASSIGN_OR_RETURN(size_t got, source_->Read(chunk, sizeof chunk));
      pending_.append(chunk, got);
      if (got == 0) finished_ = true;
      size_t units = pending_.size() / 2;
      size_t used = 0;
      for (size_t unit = 0; unit < units; ++unit) {
        const auto* p = reinterpret_cast<const unsigned char*>(pending_.data() + unit * 2);
        char32_t code = big_endian_ ? (p[0] << 8 | p[1]) : (p[1] << 8 | p[0]);
        if (code >= 0xD800 && code <= 0xDBFF) {
          if (unit + 1 >= units) {
            if (finished_) return Unpaired(unit);
            break;  // wait for the low surrogate
          }
          const auto* q = p + 2;
          char32_t low = big_endian_ ? (q[0] << 8 | q[1]) : (q[1] << 8 | q[0]);
          if (low < 0xDC00 || low > 0xDFFF) return Unpaired(unit);
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          ++unit;
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
          return Unpaired(unit);
        }
        Append(code);
        used = (unit + 1) * 2;
      }
      if (finished_ && pending_.size() - used == 1) {
        return Status::InvalidArgument("文件「" + source_->name() + "」是UTF-16编码，但字节数为奇数（文件不完整）");
      }
      offset_ += used;
      pending_.erase(0, used);
    }
  }
  int64_t size() const override { return source_->size(); }
  int64_t consumed() const override { return source_->consumed(); }
  std::string Sha256Hex() const override { return source_->Sha256Hex(); }
  const std::string& name() const override { return source_->name(); }

 private:
  Status Unpaired(size_t unit) {
    return Status::InvalidArgument("文件「" + source_->name() + "」在第" +
                                   std::to_string(offset_ + unit * 2) +
                                   "字节处有不成对的UTF-16代理字符，不是有效的UTF-16文本");
  }
  void Append(char32_t code) {
    if (code < 0x80) {
      output_.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      output_.push_back(static_cast<char>(0xC0 | (code >> 6)));
      output_.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      output_.push_back(static_cast<char>(0xE0 | (code >> 12)));
      output_.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      output_.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      output_.push_back(static_cast<char>(0xF0 | (code >> 18)));
      output_.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      output_.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      output_.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  std::unique_ptr<ByteSource> source_;
  bool big_endian_;
  std::string pending_;  // bytes read but not yet converted
  std::string output_;   // UTF-8 not yet handed out
  size_t output_pos_ = 0;
  int64_t offset_;       // file offset of pending_[0]
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> Utf16ToUtf8Source(std::unique_ptr<ByteSource> source,
                                              TextEncoding encoding, std::string already_read) {
  return std::make_unique<Utf16Source>(std::move(source), encoding, std::move(already_read));
}

}  // namespace shujian::ingest
