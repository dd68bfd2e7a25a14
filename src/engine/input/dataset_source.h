// DatasetSource: where the engine's input comes from. The engine asks for "these columns of
// this dataset, current rows, with each row's batch id" and gets a LoadedDataset (whose rows'
// keys are their key columns, loaded when the model needs keys); it
// never knows whether the rows came from the store (workflow/ implements that), from a model's
// fixtures (FixtureSource) or from a benchmark generator.
//
// Thread safety: implementations say; the engine calls a source from one thread.
#ifndef SHUJIAN_ENGINE_INPUT_DATASET_SOURCE_H_
#define SHUJIAN_ENGINE_INPUT_DATASET_SOURCE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "data/dataset_schema.h"
#include "engine/common/string_pool.h"
#include "engine/input/loaded_dataset.h"

namespace shujian::engine {

class DatasetSource {
 public:
  virtual ~DatasetSource() = default;

  // Loads the current rows of `schema`'s dataset: `columns` (canonical names of the schema, in
  // this order, then with `keys` the key columns not among them — use DatasetBuilder) and the
  // batch that stored each row's current version. A dataset with no rows loads as zero rows,
  // not an error. Strings go into `pool`.
  // Returns IoError or Corruption when the source fails.
  virtual Result<LoadedDataset> Load(const data::DatasetSchema& schema, const std::vector<std::string>& columns,
                                     bool keys, StringPool* pool) = 0;

  // The number of current rows of `dataset`, for plan estimates; nullopt when unknown.
  virtual std::optional<size_t> CountRows(std::string_view dataset) = 0;

  // The day `batch` was imported (the pseudo-column _imported_on: when an agency uploaded a
  // row); nullopt when the source does not know.
  virtual std::optional<Date> BatchImportedOn(std::string_view batch) {
    (void)batch;
    return std::nullopt;
  }
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_INPUT_DATASET_SOURCE_H_
