// JsonLinesReader: one JSON object per line (JSON Lines), as exported by data platforms. The
// keys are the column titles: the header is the keys of the first object, in order, and grows
// when a later object has a key not seen before (self_describing). Values: strings as they
// are; numbers as written (CellKind::kNumber, so an ID number written as a number is caught);
// true/false; null is an empty cell; nested arrays and objects are kept as their JSON text.
// Blank lines are skipped; a line that is not a JSON object is returned with a problem. Line
// numbers are the file's line numbers.
//
// Thread safety: one thread at a time.
#ifndef SHUJIAN_INGEST_JSONL_READER_H_
#define SHUJIAN_INGEST_JSONL_READER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/record_reader.h"

namespace shujian::ingest {

class JsonLinesReader final : public RecordReader {
 public:
  static Result<std::unique_ptr<JsonLinesReader>> Open(std::unique_ptr<ByteSource> source);

  Result<bool> Next(Record* record) override;
  bool self_describing() const override { return true; }
  const std::vector<std::string>& header() const override { return header_; }
  int64_t bytes_consumed() const override { return source_->consumed() - static_cast<int64_t>(end_ - pos_); }
  int64_t bytes_total() const override { return source_->size(); }
  std::string encoding() const override { return "UTF-8"; }
  std::string Sha256Hex() const override { return source_->Sha256Hex(); }

 private:
  explicit JsonLinesReader(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}
  // The next line without its terminator, or nullopt at the end.
  Result<std::optional<std::string_view>> NextLine();

  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  int64_t line_ = 0;
  std::vector<std::string> header_;
  std::map<std::string, size_t> columns_;
  std::vector<std::string> values_;
};

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_JSONL_READER_H_
