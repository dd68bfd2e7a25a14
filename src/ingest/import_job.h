// The import job: files → one batch of a standard dataset, through a BatchSink.
//
//   1. Every file is opened and its header mapped first; a file that lacks a required column
//      (or is not readable at all) refuses the whole import before anything is written.
//   2. The sink begins the batch; each file is streamed through its reader, judged row by row
//      (RowValidator, on worker threads, results taken in file order), and each valid row is
//      handed to the sink, which says whether it is new, a new version of its key, unchanged,
//      or a conflict with another row of the same batch (then a reject). Rejects and warnings
//      go to the sink as they come.
//   3. The files with their SHA-256 and counts complete the batch (BatchSink::Commit). An
//      error before that returns without committing: the sink must then keep nothing (the
//      store's sink rolls its transaction back), so a failed or killed import leaves no trace.
//
// Counts: rows = accepted + rejected + unchanged, per file and per batch; blank rows are not
// rows. Memory: one chunk per reader (XLSX: plus its shared strings) and a bounded number of
// blocks of rows in flight; it does not grow with the size of the files (the sink may need
// memory of its own).
//
// Before the header, rows with at most one value that name no column (a title such as
// "2023年行政处罚台账") are skipped and recorded as warnings of the batch.
//
// Thread safety: ImportFiles may be called concurrently with different sinks.
#ifndef SHUJIAN_INGEST_IMPORT_JOB_H_
#define SHUJIAN_INGEST_IMPORT_JOB_H_

#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "data/dataset_schema.h"
#include "ingest/batch_sink.h"

namespace shujian::ingest {

struct ImportRequest {
  std::string dataset;             // e.g. "admin_case"
  std::vector<std::string> files;  // paths; CSV, XLSX or JSON Lines (detected per file)
  std::string sheet;               // XLSX: the sheet to read; empty: the first
  Date today;                      // bounds birth dates in ID numbers
  int threads = 0;                 // threads judging rows; 0: one per processor
};

// Where an import is, for a progress bar.
struct ImportProgress {
  size_t file = 0;             // index of the file being read
  size_t files = 0;
  std::string file_name;
  int64_t bytes_done = 0;      // of this file
  int64_t bytes_total = -1;    // of this file; -1 when unknown
  int64_t rows = 0;            // rows of the batch so far
};
using ProgressCallback = std::function<void(const ImportProgress&)>;

struct ImportReport {
  std::string batch_id;
  std::string dataset;
  std::vector<ImportedFile> files;  // with their counts
  int64_t rows = 0;                 // accepted + rejected + unchanged
  int64_t accepted = 0;
  int64_t new_versions = 0;         // of accepted
  int64_t rejected = 0;
  int64_t unchanged = 0;
  int64_t warnings = 0;
  int64_t warnings_not_listed = 0;  // counted, but beyond the limit of warnings kept
  std::vector<std::string> notes;   // things the user should know (skipped title rows, ...)
};

// At most this many warnings are handed to the sink per batch (all are counted).
inline constexpr int64_t kStoredWarningsPerBatch = 1000;

// Imports `request.files` into `request.dataset` as one batch. Returns:
//   InvalidArgument: an unknown dataset, a file that is not readable as its format, a file
//                    without a required column or with two headers for one column (the
//                    message names the file and the column); nothing is stored;
//   NotFound / IoError: a file cannot be opened or read; nothing is stored;
//   the sink's errors; nothing is stored.
// A file whose rows are all rejected is not an error: the batch records the rejects.
Result<ImportReport> ImportFiles(const data::SchemaRegistry& schemas, const ImportRequest& request,
                                 BatchSink& sink, const ProgressCallback& progress = nullptr);

// The file name shown to users and stored in the manifest: the path without its directories.
std::string DisplayName(const std::string& path);

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_IMPORT_JOB_H_
