// Helpers for tests that need files: a temporary directory, writing bytes, converting text to
// GB18030 as Chinese Windows writes it, building XLSX packages by hand (libzip) to reproduce
// what Excel and other writers put in them, and valid identifiers to fill rows with.
#ifndef SHUJIAN_TESTS_SUPPORT_TEST_FILES_H_
#define SHUJIAN_TESTS_SUPPORT_TEST_FILES_H_

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/id_card.h"
#include "core/uscc.h"

namespace shujian::testing_support {

// A directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("shujian_" + std::to_string(::getpid()) + "_" + (info ? std::string(info->test_suite_name()) + "_" + info->name() : "t"));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `utf8` converted to GB18030 (what Excel on Chinese Windows writes as "CSV").
inline std::string ToGb18030(const std::string& utf8) {
  std::string out(utf8.size() * 2 + 16, '\0');
  UErrorCode error = U_ZERO_ERROR;
  int32_t length = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                static_cast<int32_t>(utf8.size()), &error);
  EXPECT_TRUE(U_SUCCESS(error));
  out.resize(static_cast<size_t>(length));
  return out;
}

// Writes a ZIP archive (an XLSX package) with the given entries.
inline void WriteZip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  std::filesystem::remove(path);
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    ASSERT_NE(source, nullptr);
    ASSERT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
  }
  ASSERT_EQ(zip_close(archive), 0);
}

// A minimal workbook: one or more sheets given as their <sheetData> inner XML, optional
// shared strings (<si> items), cell formats (numFmt ids of cellXfs) and custom formats.
struct HandXlsx {
  std::vector<std::pair<std::string, std::string>> sheets;  // (name, sheetData inner XML)
  std::vector<std::string> shared_strings;                   // each an <si> inner XML
  std::vector<int> cell_formats = {0};                       // numFmtId per style index
  std::vector<std::pair<int, std::string>> custom_formats;   // (id, formatCode)
  bool date1904 = false;
  bool absolute_targets = false;

  void Write(const std::string& path) const {
    auto escape = [](const std::string& text) {
      std::string out;
      for (char c : text) {
        if (c == '"') out += "&quot;";
        else if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else out += c;
      }
      return out;
    };
    std::vector<std::pair<std::string, std::string>> entries;
    entries.emplace_back("[Content_Types].xml",
                         R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)");
    entries.emplace_back("_rels/.rels",
                         R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
    std::string workbook = R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)";
    if (date1904) workbook += R"(<workbookPr date1904="1"/>)";
    workbook += "<sheets>";
    std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    const std::string prefix = absolute_targets ? "/xl/" : "";
    for (size_t index = 0; index < sheets.size(); ++index) {
      std::string id = "rId" + std::to_string(index + 10);
      workbook += "<sheet name=\"" + escape(sheets[index].first) + "\" sheetId=\"" + std::to_string(index + 1) +
                  "\" r:id=\"" + id + "\"/>";
      rels += "<Relationship Id=\"" + id +
              "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"" +
              prefix + "worksheets/s" + std::to_string(index + 1) + ".xml\"/>";
      entries.emplace_back("xl/worksheets/s" + std::to_string(index + 1) + ".xml",
                           R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
                               sheets[index].second + "</sheetData></worksheet>");
    }
    workbook += "</sheets></workbook>";
    rels += "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"" +
            prefix + "styles.xml\"/>";
    rels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"" +
            prefix + "sharedStrings.xml\"/>";
    rels += "</Relationships>";
    entries.emplace_back("xl/workbook.xml", workbook);
    entries.emplace_back("xl/_rels/workbook.xml.rels", rels);
    std::string styles = R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
    if (!custom_formats.empty()) {
      styles += "<numFmts>";
      for (const auto& [id, code] : custom_formats) {
        styles += "<numFmt numFmtId=\"" + std::to_string(id) + "\" formatCode=\"" + escape(code) + "\"/>";
      }
      styles += "</numFmts>";
    }
    styles += R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>)";
    for (int format : cell_formats) styles += "<xf numFmtId=\"" + std::to_string(format) + "\"/>";
    styles += "</cellXfs></styleSheet>";
    entries.emplace_back("xl/styles.xml", styles);
    std::string strings = R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
    for (const std::string& item : shared_strings) strings += "<si>" + item + "</si>";
    strings += "</sst>";
    entries.emplace_back("xl/sharedStrings.xml", strings);
    WriteZip(path, entries);
  }
};

// A valid 18-character ID number from its first 17 digits.
inline std::string ValidIdCard(const std::string& first17) { return first17 + IdCardCheckCharacter(first17); }
// A valid credit code: `first8` (authority, kind, region) and the 8 digits of the subject code,
// whose check character (GB 11714) and the code's own are computed.
inline std::string ValidUscc(const std::string& first8, const std::string& subject8) {
  std::string first17 = first8 + subject8 + OrganizationCodeCheckCharacter(subject8);
  return first17 + UsccCheckCharacter(first17);
}

}  // namespace shujian::testing_support

#endif  // SHUJIAN_TESTS_SUPPORT_TEST_FILES_H_
