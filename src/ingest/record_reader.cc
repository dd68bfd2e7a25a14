#include "ingest/record_reader.h"

namespace shujian::ingest {

const std::vector<std::string>& RecordReader::header() const {
  static const std::vector<std::string> kNone;
  return kNone;
}

}  // namespace shujian::ingest
