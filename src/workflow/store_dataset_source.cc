#include "workflow/store_dataset_source.h"

#include <memory>

#include "core/date_parse.h"

namespace shujian::workflow {

Result<engine::LoadedDataset> StoreDatasetSource::Load(const data::DatasetSchema& schema,
                                                       const std::vector<std::string>& columns,
                                                       bool keys, engine::StringPool* pool) {
  engine::DatasetBuilder builder(schema, columns, pool, keys);
  store::ScanRequest request;
  request.dataset = schema.name;
  for (const std::string& column : builder.columns())
    request.columns.push_back({column, store::CellForm::kValue});
  if (std::optional<size_t> rows = CountRows(schema.name)) builder.Reserve(*rows);
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<store::DatasetScan> scan,
                      transaction_->datasets().ScanCurrentRows(request));
  store::RowBatch batch;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool more, scan->Next(&batch));
    if (!more) break;
    Status appended = builder.AppendColumns(batch.batch_id, batch.rows, batch.columns);
    if (!appended.ok()) {
      return Status::Corruption("数据集「" + schema.name + "」批次 " + std::string(batch.batch_id) +
                                " 的存储值无法读取：" + appended.message());
    }
  }
  return builder.Finish();
}

std::optional<size_t> StoreDatasetSource::CountRows(std::string_view dataset) {
  if (!counts_) {
    Result<std::vector<store::DatasetSummary>> summaries = transaction_->datasets().Summaries();
    if (!summaries.ok()) return std::nullopt;
    counts_.emplace();
    for (const store::DatasetSummary& summary : *summaries) {
      (*counts_)[summary.dataset] = static_cast<size_t>(summary.current_rows);
    }
  }
  auto found = counts_->find(dataset);
  return found == counts_->end() ? size_t{0} : found->second;
}

std::optional<Date> StoreDatasetSource::BatchImportedOn(std::string_view batch) {
  Result<std::optional<store::BatchManifest>> manifest = transaction_->datasets().GetBatch(batch);
  if (!manifest.ok() || !manifest->has_value()) return std::nullopt;
  Result<Date> day = ParseDate(std::string_view((*manifest)->imported_at).substr(0, 10));
  if (!day.ok()) return std::nullopt;
  return *day;
}

DatasetSourceFactory StoreDatasetSources() {
  return [](store::Transaction& transaction) -> Result<std::unique_ptr<engine::DatasetSource>> {
    return std::unique_ptr<engine::DatasetSource>(
        std::make_unique<StoreDatasetSource>(&transaction));
  };
}

}  // namespace shujian::workflow
