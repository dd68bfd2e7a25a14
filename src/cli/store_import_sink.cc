#include "cli/store_import_sink.h"

namespace shujian::cli {

StoreImportSink::StoreImportSink(store::Store& store, std::string source, std::string user,
                                 std::string imported_at)
    : store_(store) {
  manifest_.source = std::move(source);
  manifest_.imported_by = std::move(user);
  manifest_.imported_at = std::move(imported_at);
}

Result<std::string> StoreImportSink::Begin(std::string_view dataset, const std::vector<std::string>& columns,
                                           const std::vector<std::string>& key_columns) {
  if (transaction_) return Status::FailedPrecondition("导入批次已经开始");
  SJ_ASSIGN_OR_RETURN(transaction_, store_.Begin(store::TransactionMode::kReadWrite));
  manifest_.dataset = std::string(dataset);
  SJ_ASSIGN_OR_RETURN(manifest_.id, transaction_->datasets().CreateBatch(manifest_));
  store::DatasetLayout layout{manifest_.dataset, columns, key_columns};
  SJ_ASSIGN_OR_RETURN(writer_, transaction_->datasets().OpenRowWriter(manifest_.id, layout));
  return manifest_.id;
}

Status StoreImportSink::PutRows(std::span<const ingest::SinkCell> cells, int file, std::span<const int64_t> lines,
                                std::vector<ingest::RowFate>* fates) {
  if (!writer_) return Status::FailedPrecondition("导入批次尚未开始");
  cells_.resize(cells.size());
  for (size_t index = 0; index < cells.size(); ++index) cells_[index] = {cells[index].value, cells[index].match};
  results_.clear();
  SJ_RETURN_IF_ERROR(writer_->PutRows(cells_, file, lines, &results_));
  for (const store::PutResult& put : results_) {
    ingest::RowFate fate;
    switch (put.outcome) {
      case store::RowOutcome::kNew: fate.kind = ingest::RowFate::kNew; break;
      case store::RowOutcome::kNewVersion: fate.kind = ingest::RowFate::kNewVersion; break;
      case store::RowOutcome::kUnchanged: fate.kind = ingest::RowFate::kUnchanged; break;
      case store::RowOutcome::kConflict: fate.kind = ingest::RowFate::kConflict; break;
    }
    fate.conflict_file = put.conflict_file;
    fate.conflict_line = put.conflict_line;
    fates->push_back(fate);
  }
  return Status::Ok();
}

Status StoreImportSink::AddProblems(std::span<const ingest::RowProblem> problems, int file) {
  if (!transaction_) return Status::FailedPrecondition("导入批次尚未开始");
  rejects_.clear();
  for (const ingest::RowProblem& problem : problems) {
    rejects_.push_back({file, "", problem.line, problem.column, problem.value, problem.reason, problem.warning});
  }
  return transaction_->datasets().AddRejects(manifest_.id, rejects_);
}

Status StoreImportSink::Commit(const std::vector<ingest::ImportedFile>& files) {
  if (!writer_) return Status::FailedPrecondition("导入批次尚未开始");
  SJ_RETURN_IF_ERROR(writer_->Finish());
  writer_.reset();
  for (const ingest::ImportedFile& file : files) {
    manifest_.files.push_back({file.name, file.sha256, file.bytes, file.format, file.encoding, file.sheet,
                               file.rows, file.accepted, file.rejected, file.unchanged});
    ingest::AddFileCounts(file, &manifest_);
  }
  SJ_RETURN_IF_ERROR(transaction_->datasets().CompleteBatch(manifest_));
  Status status = transaction_->Commit();
  transaction_.reset();
  return status;
}

Result<ingest::ImportReport> ImportIntoStore(store::Store& store, const data::SchemaRegistry& schemas,
                                             const ingest::ImportRequest& request, const std::string& source,
                                             const std::string& user, const Clock& clock,
                                             const ingest::ProgressCallback& progress) {
  StoreImportSink sink(store, source, user, clock.Now().ToIso());
  return ingest::ImportFiles(schemas, request, sink, progress);
}

}  // namespace shujian::cli
