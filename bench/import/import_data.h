// Seeded generators of the import benchmark's files: a city's administrative enforcement cases
// (admin_case) and its social-insurance contributions (social_insurance), as agencies export
// them: valid ID numbers and credit codes of real Hubei counties, common Chinese names, dates
// in the forms agencies write, amounts with thousands separators, values quoted when they hold
// commas, and a little noise (wrong check digits, empty required values, impossible dates,
// repeated rows, full-width digits, old 15-digit ID numbers) so the importer has rejects to
// find. The same seed gives the same bytes.
#ifndef SHUJIAN_BENCH_IMPORT_IMPORT_DATA_H_
#define SHUJIAN_BENCH_IMPORT_IMPORT_DATA_H_

#include <cstdint>
#include <string>

namespace shujian::bench {

struct GeneratedFile {
  std::string path;
  int64_t rows = 0;         // data rows written
  int64_t noisy_rows = 0;   // rows made to be rejected
  int64_t bytes = 0;
};

// Writes `rows` admin_case rows (UTF-8, header first) to `path`. Returns false on I/O errors.
bool GenerateAdminCases(const std::string& path, int64_t rows, uint64_t seed, GeneratedFile* out);

// Writes `rows` social_insurance rows: month by month, employer by employer, as monthly
// declarations are exported.
bool GenerateSocialInsurance(const std::string& path, int64_t rows, uint64_t seed, GeneratedFile* out);

}  // namespace shujian::bench

#endif  // SHUJIAN_BENCH_IMPORT_IMPORT_DATA_H_
