// DatasetRepository on SQLite: tables import_batches, import_batch_files, import_rejects,
// datasets, dataset_columns, dataset_segments, dataset_segment_data and dataset_superseded
// (migration 0010). Rows are written by SqliteDatasetRowWriter and read by SqliteDatasetScan.
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_DATASET_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_DATASET_REPOSITORY_H_

#include "store/dataset_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteDatasetRepository final : public DatasetRepository {
 public:
  // `connection` must outlive the repository and be inside a transaction.
  explicit SqliteDatasetRepository(SqliteConnection* connection) : connection_(connection) {}

  Result<std::string> CreateBatch(const BatchManifest& manifest) override;
  Result<std::unique_ptr<DatasetRowWriter>> OpenRowWriter(std::string_view batch_id,
                                                          const DatasetLayout& layout) override;
  Status AddRejects(std::string_view batch_id, std::span<const RejectRecord> rejects) override;
  Status CompleteBatch(const BatchManifest& manifest) override;
  Result<std::optional<BatchManifest>> GetBatch(std::string_view batch_id) override;
  Result<std::vector<BatchManifest>> ListBatches(std::string_view dataset, int limit) override;
  Result<std::vector<RejectRecord>> ListRejects(std::string_view batch_id,
                                                const RejectFilter& filter) override;
  Result<std::vector<DatasetSummary>> Summaries() override;
  Result<std::unique_ptr<DatasetScan>> ScanCurrentRows(const ScanRequest& request) override;
  Result<std::vector<RowVersion>> RowVersions(std::string_view dataset,
                                              std::span<const std::string> key) override;
  Status Verify() override;

 private:
  Status VerifyDataset(std::string_view dataset);
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_DATASET_REPOSITORY_H_
