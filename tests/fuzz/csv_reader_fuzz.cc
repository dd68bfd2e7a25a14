// Fuzz target for the CSV reader and row validation. Besides not crashing: the records of a
// file do not depend on the chunk size it is read with (every chunk boundary is handled), line
// numbers count records from 1, and every record judged against a dataset schema comes out
// valid, rejected with a reason, or blank.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "data/dataset_schema.h"
#include "ingest/csv_reader.h"
#include "ingest/header_mapping.h"
#include "ingest/row_validator.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

struct Read {
  bool ok = true;
  std::vector<shujian::ingest::Record> records;
  std::vector<std::vector<std::string>> cells;
};

Read ReadAll(std::string_view bytes, size_t chunk) {
  using namespace shujian::ingest;
  Read read;
  CsvReader::Options options;
  options.chunk_bytes = chunk;
  options.max_record_bytes = 1 << 16;
  auto reader = CsvReader::Open(ByteSource::FromMemory(bytes, "fuzz.csv"), options);
  if (!reader.ok()) {
    read.ok = false;
    return read;
  }
  Record record;
  while (true) {
    shujian::Result<bool> more = (*reader)->Next(&record);
    if (!more.ok()) {
      read.ok = false;
      return read;
    }
    if (!*more) break;
    std::vector<std::string> texts;
    for (const Cell& cell : record.cells) texts.emplace_back(cell.text);
    read.cells.push_back(std::move(texts));
    read.records.push_back({record.line, {}, record.problem});
  }
  return read;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shujian;
  using namespace shujian::ingest;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t small_chunk = size > 0 ? 1 + data[0] % 13 : 1;

  Read whole = ReadAll(bytes, 1 << 16);
  Read chunked = ReadAll(bytes, small_chunk);
  Require(whole.ok == chunked.ok);
  if (whole.ok) {
    Require(whole.cells == chunked.cells);
    for (size_t index = 0; index < whole.records.size(); ++index) {
      Require(whole.records[index].line == static_cast<int64_t>(index) + 1);
      Require(whole.records[index].problem == chunked.records[index].problem);
    }
  }

  // Every record as a row of a dataset whose header is complete.
  const data::DatasetSchema& schema = *data::SchemaRegistry::Shipped().Find("admin_case");
  static const HeaderMapping mapping = [&] {
    std::vector<std::string> headers;
    for (const data::ColumnSchema& column : schema.columns) headers.push_back(column.header);
    headers.push_back("备注");
    return HeaderMapping::Build(schema, headers, "fuzz.csv").value();
  }();
  RowValidator validator(schema, mapping, {*Date::FromYmd(2026, 1, 1), true});
  RecordBlock block;
  for (size_t index = 0; index < whole.records.size(); ++index) {
    Record record;
    record.line = whole.records[index].line;
    record.problem = whole.records[index].problem;
    for (const std::string& text : whole.cells[index]) record.cells.push_back({text, CellKind::kText});
    block.Add(record);
  }
  ValidatedBlock out;
  validator.Validate(block, &out);
  for (const ValidatedBlock::Row& row : out.rows) {
    bool has_reject = false;
    for (const RowProblem& problem : out.problems) {
      if (problem.line == row.line && !problem.warning) {
        has_reject = true;
        Require(!problem.reason.empty());
      }
    }
    Require(has_reject == row.rejected);
  }
  return 0;
}
