// The demonstration city: 十堰, its city procuratorate and eight basic procuratorates, and the
// district of 郧阳 whose 34 enforcement agencies upload about 2,700 cases a year, with the
// datasets every supervision model reads. The generator is seeded and deterministic: the same
// options give the same files, byte for byte.
//
// The data is clean except where noise is put on purpose (15-digit IDs, lower-case x,
// full-width digits, GBK files, masked IDs, typos, duplicate uploads, Excel-mangled IDs), and
// it holds findings planted on purpose, one per expected lead, each recorded in the
// generation report so that tests and the demo can say which leads the models must find.
// Background data is built so that it triggers no model: every lead comes from a plant.
//
// This file holds what the parts of the generator share; each dataset family is written by
// its own file (linkage_data.cc, transport_data.cc, employment_data.cc, heritage_data.cc).
//
// Thread safety: a generation runs on one thread.
#ifndef SHUJIAN_DEMO_CITY_H_
#define SHUJIAN_DEMO_CITY_H_

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "demo/identity_factory.h"
#include "demo/random.h"
#include "demo/table_file_writer.h"

namespace shujian::demo {

struct DemoOptions {
  std::string directory;                     // where the files are written (created if missing)
  uint64_t seed = 20231231;                  // the same seed gives the same city
  int scale = 1;                             // multiplies the background volume (benchmarks)
  Date as_of = *Date::FromYmd(2024, 3, 31);  // the day the models are run; data covers 2023
};

// One file as an agency would send it.
struct GeneratedFile {
  std::string dataset;  // e.g. "admin_case"
  std::string path;     // absolute or relative to the working directory
  std::string format;   // FileFormatName()
  std::string source;   // who sent it, e.g. "十堰市郧阳区农业农村局"
  std::string sheet;    // XLSX: the sheet to read; empty for CSV
  long rows = 0;        // data rows written (header not counted)
  long noisy_rows = 0;  // rows the import must reject, by design
  Date uploaded_on;     // when the sender uploads it (default: the demo's day)
};

// A lead the models must produce, planted on purpose.
struct PlantedFinding {
  std::string model;               // e.g. "penalty-instead-of-prosecution"
  std::vector<std::string> rules;  // sub-rules that must fire, e.g. {"a"}
  std::string subject_kind;        // record | vehicle | person | organisation | site
  std::string subject_dataset;     // for record subjects
  std::string subject_key;         // the normalised key
  std::string why;                 // what was planted, in Chinese
};

struct GenerationReport {
  std::vector<GeneratedFile> files;
  std::vector<PlantedFinding> planted;
  // Rows written per dataset (over all files).
  std::map<std::string, long> rows_by_dataset;
};

// Builds the city into options.directory and returns what was written and planted.
Result<GenerationReport> GenerateDemoCity(const DemoOptions& options);

// ---- Shared by the generator's parts (not for callers) ----

// An open output table with the dataset's header as the sender titles it.
// Writes `rows` (canonical column → value, none noisy) as one whole file of `dataset`, as
// OutputTable::Open names and heads it.
Status WriteTableFile(const DemoOptions& options, GenerationReport* report,
                      const std::string& dataset, const std::string& file_stem, FileFormat format,
                      const std::string& source,
                      std::span<const std::map<std::string, std::string>> rows);

class OutputTable {
 public:
  // Opens `file_stem` + extension in the options' directory for `dataset`, with the schema's
  // headers (or `header_overrides`: canonical column → header the sender uses instead).
  static Result<std::unique_ptr<OutputTable>> Open(
      const DemoOptions& options, GenerationReport* report, const std::string& dataset,
      const std::string& file_stem, FileFormat format, const std::string& source,
      const std::map<std::string, std::string>& header_overrides = {},
      const WriterOptions& writer_options = {});
  // When the sender uploads the file (default: the demo's day).
  void SetUploadedOn(Date day);
  // Writes a row given by canonical column name; columns not named are empty.
  Status Write(const std::map<std::string, std::string>& values, bool noisy = false);
  // Writes a row with fewer cells than columns (a ragged row, rejected by design).
  Status WriteRagged(size_t cells);
  Status Close();

 private:
  OutputTable() = default;
  std::unique_ptr<TableFileWriter> writer_;
  std::vector<std::string> columns_;  // canonical names in file order
  GenerationReport* report_ = nullptr;
  size_t file_index_ = 0;
};

// The people and organisations every part shares.
struct CityRegistry {
  struct AgencyEntry {
    std::string name;
    std::string uscc;
    std::string case_prefix;
    std::string decision_abbr;
    std::string field;
    int cases_per_year;
  };
  std::vector<AgencyEntry> agencies;  // the 34 agencies of 郧阳
  std::string police_unit = "十堰市公安局郧阳区分局";
};

// Each part adds its files and plants to the report.
Status GenerateLinkageData(const DemoOptions& options, const CityRegistry& registry,
                           IdentityFactory& identities, GenerationReport* report);
Status GenerateTransportData(const DemoOptions& options, const CityRegistry& registry,
                             IdentityFactory& identities, GenerationReport* report);
Status GenerateEmploymentData(const DemoOptions& options, IdentityFactory& identities,
                              GenerationReport* report);
Status GenerateHeritageData(const DemoOptions& options, IdentityFactory& identities,
                            GenerationReport* report);

}  // namespace shujian::demo

#endif  // SHUJIAN_DEMO_CITY_H_
