// Text encodings of CSV and JSON Lines files: the byte-order marks, the UTF-8 test that decides
// between UTF-8 and GB18030 (what Excel on Chinese Windows writes: GBK, of which GB18030 is a
// superset), decoding GB18030 to UTF-8 with ICU, and a ByteSource that turns UTF-16 (Excel's
// "Unicode text") into UTF-8. Invalid bytes are reported, never replaced silently.
//
// Thread safety: functions are pure; a decoder is used by one thread at a time.
#ifndef SHUJIAN_INGEST_TEXT_ENCODING_H_
#define SHUJIAN_INGEST_TEXT_ENCODING_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"

struct UConverter;

namespace shujian::ingest {

enum class TextEncoding { kUtf8, kGb18030, kUtf16Le, kUtf16Be };

// "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE".
std::string_view TextEncodingName(TextEncoding encoding);

// The encoding a byte-order mark at the start of `start` announces, and the mark's length.
struct ByteOrderMark {
  std::optional<TextEncoding> encoding;
  size_t bytes = 0;
};
ByteOrderMark DetectByteOrderMark(std::string_view start);

// Whether a sample of a file without a byte-order mark is UTF-8 rather than GB18030: its
// non-ASCII bytes form valid UTF-8 sequences more often than not (in GBK text about one
// character in ten does; a UTF-8 file with a few stray GBK rows still counts as UTF-8, and those rows are then
// reported). `may_be_cut`: the sample may end inside a character.
bool LooksLikeUtf8(std::string_view sample, bool may_be_cut);
// True when every byte is below 0x80.
bool IsAscii(std::string_view bytes);

// Decodes GB18030 (and so GBK and GB2312) to UTF-8.
class Gb18030Decoder {
 public:
  Gb18030Decoder();
  ~Gb18030Decoder();
  Gb18030Decoder(const Gb18030Decoder&) = delete;
  Gb18030Decoder& operator=(const Gb18030Decoder&) = delete;
  // Appends the UTF-8 of `bytes` to *out. Returns false (out unspecified) when `bytes` is not
  // complete, valid GB18030.
  bool Decode(std::string_view bytes, std::string* out);

 private:
  UConverter* converter_;
};

// A source that reads UTF-16 (`encoding`) from `source` and yields UTF-8. `already_read` holds
// the bytes after the two-byte byte-order mark that were read from `source` before. Its SHA-256 and sizes are those of the underlying file. A read fails with
// InvalidArgument naming the byte offset if the file holds an unpaired surrogate.
std::unique_ptr<ByteSource> Utf16ToUtf8Source(std::unique_ptr<ByteSource> source,
                                              TextEncoding encoding, std::string already_read);

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_TEXT_ENCODING_H_
