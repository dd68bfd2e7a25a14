// Fuzz target for the XLSX reader. The first byte chooses what the rest is:
//   even: a whole file (the ZIP container and everything in it);
//   odd:  the parts of a workbook separated by "\n@@\n" (sheet XML, shared strings, styles,
//         workbook), zipped here, so the XML parsing is reached on every run.
// Besides not crashing: row numbers never go backwards, and every record has cells or a
// problem.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/xlsx_reader.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

// A ZIP archive in memory holding `entries`.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(source);
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : entries) {
    zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), file, ZIP_FL_OVERWRITE);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  zip_close(archive);
  std::string bytes;
  if (zip_source_open(source) == 0) {
    char buffer[4096];
    zip_int64_t got;
    while ((got = zip_source_read(source, buffer, sizeof buffer)) > 0) bytes.append(buffer, static_cast<size_t>(got));
    zip_source_close(source);
  }
  zip_source_free(source);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shujian::ingest;
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes;
  if (data[0] % 2 == 0) {
    bytes.assign(rest);
  } else {
    std::vector<std::string> parts;
    size_t start = 0;
    while (parts.size() < 3) {
      size_t separator = rest.find("\n@@\n", start);
      if (separator == std::string_view::npos) break;
      parts.emplace_back(rest.substr(start, separator - start));
      start = separator + 4;
    }
    parts.emplace_back(rest.substr(start));
    parts.resize(4);
    std::string workbook = parts[3].empty()
                               ? R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)"
                               : parts[3];
    bytes = Zip({{"xl/workbook.xml", workbook},
                 {"xl/_rels/workbook.xml.rels",
                  R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>)"},
                 {"xl/worksheets/sheet1.xml", parts[0]},
                 {"xl/sharedStrings.xml", parts[1]},
                 {"xl/styles.xml", parts[2]}});
  }
  XlsxReader::Options options;
  options.max_shared_string_bytes = 1 << 20;
  auto reader = XlsxReader::OpenMemory(bytes, "fuzz.xlsx", options);
  if (!reader.ok()) return 0;
  Record record;
  int64_t previous = 0;
  while (true) {
    shujian::Result<bool> more = (*reader)->Next(&record);
    if (!more.ok() || !*more) break;
    Require(record.line > previous);
    previous = record.line;
    Require(!record.cells.empty() || !record.problem.empty());
  }
  return 0;
}
