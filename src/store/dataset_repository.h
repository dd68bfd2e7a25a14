// DatasetRepository: the rows of the standard datasets, the import batches that brought them,
// and the rejects of each batch. The store keeps what the ingest layer judged; it never
// interprets a value (no schema, no types: every value is a string in its stored form).
//
// Rows. A dataset is a set of rows keyed by the dataset key (shared/spec/datasets.md). Each
// row has a value per column, and for some columns (names, case numbers) a matching form
// beside it when that differs from the value. The key of a row is the tuple of its key
// columns' matching forms (the value where there is none). Rows are versioned: each stored row
// is one version of its key, with a stable ordinal (its place in the dataset, never reused),
// the batch that brought it, and its provenance (file of the batch, line). Exactly one version
// of each key is current; storing a row whose key exists and whose values differ makes it the
// current version and keeps the old one in history. A row equal to the current version (all
// values equal; matching forms are derived and not compared) stores nothing and is
// "unchanged".
//
// Batches. One import is one batch: created, filled through one DatasetRowWriter, its rejects
// added, then completed with its counts, all in one Transaction, so a failed or killed import
// leaves nothing behind. Batch ids are allocated in order: "b-000001", "b-000002", ...
//
// Reading rows (for the model engine). ScanCurrentRows streams the current version of every
// row of a dataset, only the requested columns, in RowBatches of up to a few tens of
// thousands of rows, with each row's key and the batch it came from. It is built for loading
// millions of rows into columnar memory: values are string_views into buffers the scan owns,
// valid until the next call; nothing is copied per row, and columns that are not requested
// are not read from disk.
//
//   std::unique_ptr<Transaction> txn = store->Begin(TransactionMode::kRead).value();
//   ScanRequest request{"social_insurance", {{"person_id"}, {"name", CellForm::kMatch}}};
//   std::unique_ptr<DatasetScan> scan = txn->datasets().ScanCurrentRows(request).value();
//   RowBatch batch;
//   while (scan->Next(&batch).value()) {
//     for (size_t row = 0; row < batch.rows; ++row)
//       use(batch.keys[row], batch.batch_id, batch.columns[0][row], batch.columns[1][row]);
//   }
//
// Thread safety: used through its Transaction, by one thread at a time; so are the writers and
// scans it returns, which must be destroyed before the Transaction.
#ifndef SHUJIAN_STORE_DATASET_REPOSITORY_H_
#define SHUJIAN_STORE_DATASET_REPOSITORY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::store {

// One file of a batch, as recorded in its manifest.
struct BatchFile {
  std::string name;      // the file name as the user gave it (without directories)
  std::string sha256;    // lower-case hex SHA-256 of the file's bytes
  int64_t bytes = 0;     // file size
  std::string format;    // "csv", "xlsx" or "jsonl"
  std::string encoding;  // CSV and JSON Lines: "UTF-8", "GB18030", "UTF-16LE"...; XLSX: ""
  std::string sheet;     // XLSX: the sheet read; else ""
  int64_t rows = 0;      // data rows read (accepted + rejected + unchanged)
  int64_t accepted = 0;  // stored as a new row or a new version
  int64_t rejected = 0;  // not stored: at least one reject names the row
  int64_t unchanged = 0; // equal to the stored current version
};

// A batch manifest: what was imported, from where, by whom, when, and what came of it.
struct BatchManifest {
  std::string id;           // "b-000001"; allocated by CreateBatch
  std::string dataset;      // e.g. "admin_case"
  std::string source;       // the agency or system the data came from (--source); may be empty
  std::string imported_by;  // the user who imported it
  std::string imported_at;  // ISO 8601 date-time, Beijing time
  int64_t rows = 0;         // accepted + rejected + unchanged
  int64_t accepted = 0;
  int64_t rejected = 0;
  int64_t unchanged = 0;
  int64_t new_versions = 0;  // of `accepted`, rows that replaced an older version
  int64_t warnings = 0;      // values accepted with a warning
  std::vector<BatchFile> files;
};

// One rejected value (or, with warning = true, a value accepted with a warning).
struct RejectRecord {
  int file = 0;             // index into the batch's files
  std::string file_name;    // filled by ListRejects
  int64_t line = 0;         // 1-based, the header is line 1 (XLSX: the sheet's row number)
  std::string column;       // the column header as the user wrote it ("" for the whole row)
  std::string value;        // the raw value as the user wrote it
  std::string reason;       // in plain Chinese
  bool warning = false;
};

struct RejectFilter {
  bool include_rejects = true;
  bool include_warnings = false;
  int64_t limit = 0;   // 0: all
  int64_t offset = 0;  // skip this many (in file, line order)
};

// One cell of a row to store.
struct DatasetCell {
  std::string_view value;  // the stored form; empty: no value
  std::string_view match;  // the matching form when it differs from value; else empty
};

// How the rows written by one writer are laid out.
struct DatasetLayout {
  std::string dataset;
  std::vector<std::string> columns;      // column names, in the order cells are passed
  std::vector<std::string> key_columns;  // the key, in order; each must be one of `columns`
};

enum class RowOutcome {
  kNew,         // the first version of its key
  kNewVersion,  // replaced a different current version (kept in history)
  kUnchanged,   // equal to the current version: nothing stored
  kConflict,    // this batch already stored a different row with this key: nothing stored
};

struct PutResult {
  RowOutcome outcome = RowOutcome::kNew;
  int conflict_file = -1;      // kConflict: the file index of the earlier row of this batch
  int64_t conflict_line = 0;   // kConflict: its line
};

// Writes the rows of one batch. Rows are buffered and written in large segments.
class DatasetRowWriter {
 public:
  virtual ~DatasetRowWriter() = default;

  // Stores one row (or finds it unchanged). `cells` has one cell per layout column; `file`
  // indexes the batch's files and `line` is the row's line, for provenance and conflicts.
  // Returns InvalidArgument when a key column has no value or the cell count is wrong.
  virtual Result<PutResult> Put(std::span<const DatasetCell> cells, int file, int64_t line) = 0;

  // Stores several rows of file `file` as Put would, in order: `cells` holds lines.size() rows
  // of one cell per layout column, row after row. Appends one PutResult per row to *results.
  // Faster than Put row by row (keys are hashed and looked up ahead).
  virtual Status PutRows(std::span<const DatasetCell> cells, int file, std::span<const int64_t> lines,
                         std::vector<PutResult>* results) = 0;

  // Writes everything buffered. REQUIRES: called once, before the batch is completed.
  virtual Status Finish() = 0;
};

// What `datasets` shows for one dataset that has rows or batches.
struct DatasetSummary {
  std::string dataset;
  int64_t current_rows = 0;   // rows in their current version
  int64_t stored_rows = 0;    // every version, current or in history
  int64_t batches = 0;
  std::string last_batch_id;  // the newest batch
  std::string last_imported_at;
};

// Which form of a column a scan returns.
enum class CellForm {
  kValue,  // the stored form
  kMatch,  // the matching form (the stored form where none differs)
};

struct ScanColumn {
  std::string name;
  CellForm form = CellForm::kValue;
};

struct ScanRequest {
  std::string dataset;
  std::vector<ScanColumn> columns;  // may be empty: keys and batch ids only
  bool provenance = false;          // fill RowBatch::files and lines
  bool keys = true;                 // fill RowBatch::keys (a reader that rebuilds keys from
                                    // the key columns, like the model engine, saves the work)
};

// A run of current rows, all from one import batch.
struct RowBatch {
  size_t rows = 0;
  std::string_view batch_id;                           // the batch every row here came from
  std::vector<std::string_view> keys;                  // [row]: key parts joined with '|' (with keys)
  std::vector<int64_t> ordinals;                       // [row]: the row's ordinal in the dataset
  std::vector<std::vector<std::string_view>> columns;  // [requested column][row]; "" = no value
  std::vector<int32_t> files;                          // [row], with provenance: file index
  std::vector<int64_t> lines;                          // [row], with provenance: line
};

class DatasetScan {
 public:
  virtual ~DatasetScan() = default;
  // Fills `batch` with the next rows (replacing its contents). Returns false when there are no
  // more. Views in `batch` stay valid until the next call or the scan's destruction.
  virtual Result<bool> Next(RowBatch* batch) = 0;
};

// One stored version of a key.
struct RowVersion {
  int64_t ordinal = 0;
  std::string batch_id;
  std::string imported_at;
  bool current = false;
  std::string superseded_by;  // the batch that replaced it; "" while current
  int file = 0;
  int64_t line = 0;
  std::vector<std::pair<std::string, std::string>> values;  // (column, value), non-empty only
};

class DatasetRepository {
 public:
  virtual ~DatasetRepository() = default;

  // Allocates the next batch id and records `manifest` (its id and counts are ignored; the
  // counts start at zero). Returns the id.
  virtual Result<std::string> CreateBatch(const BatchManifest& manifest) = 0;

  // Opens the writer for the rows of `batch_id`, created in this transaction. Builds an index
  // of the dataset's current keys in memory (about 12 bytes per current row). A dataset keeps
  // the key columns of its first batch: a different key is Incompatible.
  virtual Result<std::unique_ptr<DatasetRowWriter>> OpenRowWriter(std::string_view batch_id,
                                                                  const DatasetLayout& layout) = 0;

  // Adds rejects (and warnings) to the batch, after those added before.
  virtual Status AddRejects(std::string_view batch_id, std::span<const RejectRecord> rejects) = 0;

  // Records the batch's counts and files (`manifest.id` names it). REQUIRES: its writer, if
  // any, has finished.
  virtual Status CompleteBatch(const BatchManifest& manifest) = 0;

  // The batch with its files, or nullopt.
  virtual Result<std::optional<BatchManifest>> GetBatch(std::string_view batch_id) = 0;
  // Batches of `dataset` (every dataset when empty), newest first, with their files.
  virtual Result<std::vector<BatchManifest>> ListBatches(std::string_view dataset, int limit) = 0;
  // The rejects of a batch in file, line order. NotFound when there is no such batch.
  virtual Result<std::vector<RejectRecord>> ListRejects(std::string_view batch_id,
                                                        const RejectFilter& filter) = 0;

  // Every dataset with rows or batches, by name.
  virtual Result<std::vector<DatasetSummary>> Summaries() = 0;

  // Streams the current rows of a dataset (see the top of this file). Columns the dataset
  // never had come back empty. A dataset without rows gives no batches.
  virtual Result<std::unique_ptr<DatasetScan>> ScanCurrentRows(const ScanRequest& request) = 0;

  // Every stored version of the row with key `key` (its parts, as in the key columns), oldest
  // first. Reads the whole key index of the dataset: for inspection, not for bulk use.
  virtual Result<std::vector<RowVersion>> RowVersions(std::string_view dataset,
                                                      std::span<const std::string> key) = 0;

  // Checks the dataset tables against each other (row counts, ordinals, segments, the key
  // index). Returns Corruption naming the first inconsistency.
  virtual Status Verify() = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_DATASET_REPOSITORY_H_
