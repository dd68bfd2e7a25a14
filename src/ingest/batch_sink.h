// BatchSink: where an import puts what it read. The ingest layer judges files and knows
// nothing of storage; the caller supplies a sink that keeps rows, rejects and the batch
// manifest (the shujian binary's sink writes them to the Store in one transaction, see
// src/cli/store_import_sink.h). A sink decides, per row, whether it is new, a new version of
// its key, unchanged, or in conflict with a row of the same batch.
//
// Thread safety: called from one thread (the import's) at a time.
#ifndef SHUJIAN_INGEST_BATCH_SINK_H_
#define SHUJIAN_INGEST_BATCH_SINK_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ingest/row_validator.h"

namespace shujian::ingest {

// One value of a row to keep: the stored form, and the matching form when it differs.
struct SinkCell {
  std::string_view value;
  std::string_view match;
};

// What the sink made of a row.
struct RowFate {
  enum Kind { kNew, kNewVersion, kUnchanged, kConflict } kind = kNew;
  int conflict_file = -1;     // kConflict: the file and line of the earlier row with this key
  int64_t conflict_line = 0;
};

// One imported file, for the manifest.
struct ImportedFile {
  std::string name;      // without directories
  std::string sha256;    // lower-case hex
  int64_t bytes = 0;
  std::string format;    // "csv", "xlsx", "jsonl"
  std::string encoding;  // CSV, JSON Lines; "" for XLSX
  std::string sheet;     // XLSX
  int64_t rows = 0;
  int64_t accepted = 0;
  int64_t new_versions = 0;  // of accepted
  int64_t rejected = 0;
  int64_t unchanged = 0;
  int64_t warnings = 0;
};

// Adds the counts of `file` to `totals` (a report or a manifest: any type with these fields).
template <typename Totals>
void AddFileCounts(const ImportedFile& file, Totals* totals) {
  totals->rows += file.rows;
  totals->accepted += file.accepted;
  totals->new_versions += file.new_versions;
  totals->rejected += file.rejected;
  totals->unchanged += file.unchanged;
  totals->warnings += file.warnings;
}

class BatchSink {
 public:
  virtual ~BatchSink() = default;

  // Starts the batch: its rows have `columns` (in the order cells are passed) and are keyed
  // by `key_columns`. Returns the batch id.
  virtual Result<std::string> Begin(std::string_view dataset, const std::vector<std::string>& columns,
                                    const std::vector<std::string>& key_columns) = 0;
  // Keeps valid rows of file `file` (an index into the request's files): `cells` holds
  // lines.size() rows of one cell per column (as given to Begin), row after row. Appends one
  // RowFate per row to *fates, in order.
  virtual Status PutRows(std::span<const SinkCell> cells, int file, std::span<const int64_t> lines,
                         std::vector<RowFate>* fates) = 0;
  // Keeps rejects and warnings of file `file`, in order.
  virtual Status AddProblems(std::span<const RowProblem> problems, int file) = 0;
  // Records the files with their counts and makes the batch durable. Until it returns OK,
  // nothing of the batch may be visible.
  virtual Status Commit(const std::vector<ImportedFile>& files) = 0;
};

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_BATCH_SINK_H_
