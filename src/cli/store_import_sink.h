// StoreImportSink: where `shujian import` puts what the ingest layer read: one transaction of
// the Store per import. Begin starts the transaction, creates the batch and opens the
// dataset's row writer; Commit records the files and counts and commits. Destroying the sink
// before Commit rolls everything back, so a failed or killed import leaves nothing.
//
// ImportIntoStore is the library function the import command calls.
//
// Thread safety: one thread at a time.
#ifndef SHUJIAN_CLI_STORE_IMPORT_SINK_H_
#define SHUJIAN_CLI_STORE_IMPORT_SINK_H_

#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "ingest/batch_sink.h"
#include "ingest/import_job.h"
#include "store/store.h"

namespace shujian::cli {

class StoreImportSink final : public ingest::BatchSink {
 public:
  // `store` must outlive the sink. `source`, `user` and `imported_at` go to the manifest.
  StoreImportSink(store::Store& store, std::string source, std::string user, std::string imported_at);

  Result<std::string> Begin(std::string_view dataset, const std::vector<std::string>& columns,
                            const std::vector<std::string>& key_columns) override;
  Status PutRows(std::span<const ingest::SinkCell> cells, int file, std::span<const int64_t> lines,
                 std::vector<ingest::RowFate>* fates) override;
  Status AddProblems(std::span<const ingest::RowProblem> problems, int file) override;
  Status Commit(const std::vector<ingest::ImportedFile>& files) override;

 private:
  store::Store& store_;
  store::BatchManifest manifest_;
  std::unique_ptr<store::Transaction> transaction_;
  std::unique_ptr<store::DatasetRowWriter> writer_;
  std::vector<store::DatasetCell> cells_;
  std::vector<store::PutResult> results_;
  std::vector<store::RejectRecord> rejects_;
};

// Imports `request` into `store` as one batch (see ingest::ImportFiles for the errors).
Result<ingest::ImportReport> ImportIntoStore(store::Store& store, const data::SchemaRegistry& schemas,
                                             const ingest::ImportRequest& request, const std::string& source,
                                             const std::string& user, const Clock& clock,
                                             const ingest::ProgressCallback& progress);

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_STORE_IMPORT_SINK_H_
