// StoreDatasetSource: the engine's input read from the store — the current rows of a dataset
// as the import stored them (DatasetRepository::ScanCurrentRows), only the columns a model
// reads, with each row's batch, built into the engine's columns batch by batch. A dataset with
// no rows loads as zero rows. Row counts for plan estimates come from the datasets' summaries,
// read once.
//
// A dataset of more than 100,000 rows loads on two threads: Load starts one that scans the
// store and prepares each batch (DatasetBuilder::Prepare) while the calling thread interns and
// appends the previous batch, and joins it before returning. Meanwhile only that thread uses
// the transaction, and only the calling thread the pool; the result, the pool's codes
// included, is that of a load on one thread.
//
// Thread safety: used by one thread, inside the transaction it was given, which must outlive
// it; the transaction and the pool are not used by others while Load runs.
#ifndef SHUJIAN_WORKFLOW_STORE_DATASET_SOURCE_H_
#define SHUJIAN_WORKFLOW_STORE_DATASET_SOURCE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/input/dataset_source.h"
#include "store/store.h"
#include "workflow/model_run_service.h"

namespace shujian::workflow {

class StoreDatasetSource final : public engine::DatasetSource {
 public:
  explicit StoreDatasetSource(store::Transaction* transaction) : transaction_(transaction) {}

  Result<engine::LoadedDataset> Load(const data::DatasetSchema& schema,
                                     const std::vector<std::string>& columns, bool keys,
                                     engine::StringPool* pool) override;
  std::optional<size_t> CountRows(std::string_view dataset) override;
  // The day of the batch's manifest (Beijing time).
  std::optional<Date> BatchImportedOn(std::string_view batch) override;

 private:
  store::Transaction* transaction_;
  std::optional<std::map<std::string, size_t, std::less<>>> counts_;  // read on first use
};

// The factory ModelRunService::Run takes, making a StoreDatasetSource on the run's transaction.
DatasetSourceFactory StoreDatasetSources();

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_STORE_DATASET_SOURCE_H_
