// CsvReader: RFC 4180 CSV as agencies' systems and Excel write it, streamed in chunks.
//
// - Encoding: a byte-order mark decides (UTF-8, UTF-16LE/BE as Excel's "Unicode text",
//   GB18030); without one, the first non-ASCII bytes decide: valid UTF-8 means UTF-8,
//   anything else GB18030 (of which GBK and GB2312 are subsets). A row whose bytes do not fit
//   the file's encoding is returned with a problem, never with replaced characters.
// - Delimiter: comma, tab or semicolon, whichever the header line uses most (outside quotes).
// - Quoting: fields may be quoted; inside quotes, "" is a quote and delimiters and line breaks
//   are data. A quote in the middle of an unquoted field is data, and characters after a
//   closing quote are kept (as Excel does). A quote left open at the end of the file makes the
//   last record's problem.
// - Lines: LF, CRLF or CR end a record. Record N (the header is 1) is reported as line N:
//   the row number a user sees when the file is opened in Excel, which differs from the text
//   line when a value holds a line break.
// - Memory: one chunk (1 MiB) plus the longest record; a record longer than 16 MiB (almost
//   always a quote never closed) refuses the file.
//
// Thread safety: one thread at a time.
#ifndef SHUJIAN_INGEST_CSV_READER_H_
#define SHUJIAN_INGEST_CSV_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/record_reader.h"
#include "ingest/text_encoding.h"

namespace shujian::ingest {

class CsvReader final : public RecordReader {
 public:
  struct Options {
    size_t chunk_bytes = 1 << 20;
    size_t max_record_bytes = 16 << 20;
  };

  // Reads the first chunk to find the encoding and delimiter. IoError when it cannot be read.
  static Result<std::unique_ptr<CsvReader>> Open(std::unique_ptr<ByteSource> source,
                                                 const Options& options);
  static Result<std::unique_ptr<CsvReader>> Open(std::unique_ptr<ByteSource> source) {
    return Open(std::move(source), Options());
  }

  Result<bool> Next(Record* record) override;
  int64_t bytes_consumed() const override;
  int64_t bytes_total() const override { return source_->size(); }
  std::string encoding() const override;
  std::string Sha256Hex() const override { return source_->Sha256Hex(); }
  char delimiter() const { return delimiter_; }

 private:
  enum class Mode { kUndecided, kUtf8, kGb18030 };
  CsvReader(std::unique_ptr<ByteSource> source, const Options& options)
      : source_(std::move(source)), options_(options) {}
  // Moves the unread bytes to the front and reads more. Sets eof_ when the source is done.
  Status Fill();
  // Chooses the delimiter from the header line (reading until its end).
  Status DetectDelimiter();
  // Finds the end of the record starting at pos_: sets *end to the index of its line break (or
  // end_ at the end of the file), *next to where the next record starts, *open_quote when the
  // file ended inside quotes. Returns false when more bytes are needed first.
  bool FindRecordEnd(size_t* end, size_t* next, bool* open_quote);
  // Splits [begin, end) into fields (spans_ and scratch_).
  void SplitFields(size_t begin, size_t end);
  // Applies the encoding to the fields; returns a problem or "".
  std::string Decode(size_t begin, size_t end);

  std::unique_ptr<ByteSource> source_;
  Options options_;
  std::string buffer_;
  size_t pos_ = 0;  // start of unread bytes
  size_t end_ = 0;  // end of valid bytes
  bool eof_ = false;
  // Where FindRecordEnd stopped for want of bytes, and in which state.
  enum class Scan : uint8_t { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  size_t scan_pos_ = 0;
  Scan scan_state_ = Scan::kFieldStart;
  bool special_[256] = {};  // the delimiter, quote, CR, LF
  char delimiter_ = ',';
  Mode mode_ = Mode::kUndecided;
  bool utf16_ = false;
  std::string utf16_name_;
  int64_t records_ = 0;
  // A field: bytes [offset, offset + size) of buffer_, scratch_ (unescaped quotes) or
  // decoded_ (GB18030 turned into UTF-8).
  enum class Where : uint8_t { kBuffer, kScratch, kDecoded };
  struct Span {
    size_t offset;
    size_t size;
    Where where;
  };
  std::vector<Span> spans_;
  std::string scratch_;
  std::string decoded_;
  Gb18030Decoder gb18030_;
};

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_CSV_READER_H_
