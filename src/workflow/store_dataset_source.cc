#include "workflow/store_dataset_source.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "core/date_parse.h"

namespace shujian::workflow {

namespace {

// Batches between the scanning thread and the loading one: prepared batches in scan order,
// and spent ones to refill (so their buffers are reused). Two in all: one being prepared
// while the other is appended.
class BatchQueue {
 public:
  using Batch = engine::DatasetBuilder::PreparedBatch;

  explicit BatchQueue(size_t buffers) {
    for (size_t index = 0; index < buffers; ++index) spent_.push_back(std::make_unique<Batch>());
  }

  // Scanning thread: a batch to fill, or null once the loader stopped.
  std::unique_ptr<Batch> TakeSpent() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || !spent_.empty(); });
    if (stopped_) return nullptr;
    std::unique_ptr<Batch> batch = std::move(spent_.back());
    spent_.pop_back();
    return batch;
  }
  void PutReady(std::unique_ptr<Batch> batch) {
    std::lock_guard lock(mutex_);
    ready_.push_back(std::move(batch));
    changed_.notify_all();
  }
  // Scanning thread, at the end: `status` is the scan's error, or Ok when it ran out of rows.
  void Finish(Status status) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    status_ = std::move(status);
    changed_.notify_all();
  }

  // Loading thread: the next prepared batch, or null at the end (then status() tells why).
  std::unique_ptr<Batch> TakeReady() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return finished_ || !ready_.empty(); });
    if (ready_.empty()) return nullptr;
    std::unique_ptr<Batch> batch = std::move(ready_.front());
    ready_.pop_front();
    return batch;
  }
  void PutSpent(std::unique_ptr<Batch> batch) {
    std::lock_guard lock(mutex_);
    spent_.push_back(std::move(batch));
    changed_.notify_all();
  }
  // Loading thread: tells the scanning thread to stop (after an error).
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }
  Status status() {
    std::lock_guard lock(mutex_);
    return status_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> ready_;
  std::vector<std::unique_ptr<Batch>> spent_;
  bool finished_ = false;
  bool stopped_ = false;
  Status status_;
};

// Datasets of at most this many rows load on the calling thread alone.
constexpr size_t kRowsForTwoThreads = 100000;

}  // namespace

Result<engine::LoadedDataset> StoreDatasetSource::Load(const data::DatasetSchema& schema,
                                                       const std::vector<std::string>& columns,
                                                       bool keys, engine::StringPool* pool) {
  engine::DatasetBuilder builder(schema, columns, pool, keys);
  store::ScanRequest request;
  request.dataset = schema.name;
  request.keys = false;  // the builder rebuilds a row's key from its key columns when needed
  for (const std::string& column : builder.columns())
    request.columns.push_back({column, store::CellForm::kValue});
  std::optional<size_t> rows = CountRows(schema.name);
  if (rows) builder.Reserve(*rows);
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<store::DatasetScan> scan,
                      transaction_->datasets().ScanCurrentRows(request));
  auto unreadable = [&](std::string_view batch, const Status& reason) {
    return Status::Corruption("数据集「" + schema.name + "」批次 " + std::string(batch) +
                              " 的存储值无法读取：" + reason.message());
  };
  auto append = [&](const engine::DatasetBuilder::PreparedBatch& prepared) -> Status {
    Status appended = builder.AppendPrepared(prepared);
    return appended.ok() ? appended : unreadable(prepared.batch, appended);
  };

  if (!rows || *rows <= kRowsForTwoThreads) {
    store::RowBatch batch;
    engine::DatasetBuilder::PreparedBatch prepared;
    while (true) {
      SJ_ASSIGN_OR_RETURN(bool more, scan->Next(&batch));
      if (!more) break;
      Status prepared_ok = builder.Prepare(batch.batch_id, batch.rows, batch.columns, &prepared);
      if (!prepared_ok.ok()) return unreadable(batch.batch_id, prepared_ok);
      SJ_RETURN_IF_ERROR(append(prepared));
    }
    return builder.Finish();
  }

  // Two threads: a scanning thread reads and decodes the segments and prepares each batch
  // (DatasetBuilder::Prepare: parsing, copying out the texts and hashing them); this thread
  // interns and appends the previous one. Only the scanning thread uses the transaction and
  // the scan until it is joined; only this one uses the builder's columns and the pool. The
  // batches arrive in scan order, so the pool's codes are those of a one-thread load.
  BatchQueue queue(2);
  std::thread scanner([&] {
    Status status;
    store::RowBatch batch;
    try {
      while (true) {
        std::unique_ptr<engine::DatasetBuilder::PreparedBatch> prepared = queue.TakeSpent();
        if (prepared == nullptr) break;
        Result<bool> more = scan->Next(&batch);
        if (!more.ok()) {
          status = more.status();
          break;
        }
        if (!*more) break;
        status = builder.Prepare(batch.batch_id, batch.rows, batch.columns, prepared.get());
        if (!status.ok()) {
          status = unreadable(batch.batch_id, status);
          break;
        }
        queue.PutReady(std::move(prepared));
      }
    } catch (const std::exception& error) {
      status = Status::Internal(std::string("读取数据集失败：") + error.what());
    }
    queue.Finish(std::move(status));
  });
  struct StopAndJoin {  // on every way out, exceptions included
    BatchQueue& queue;
    std::thread& thread;
    ~StopAndJoin() {
      queue.Stop();
      thread.join();
    }
  };
  Status status;
  {
    StopAndJoin stop_and_join{queue, scanner};
    while (std::unique_ptr<engine::DatasetBuilder::PreparedBatch> prepared = queue.TakeReady()) {
      status = append(*prepared);
      if (!status.ok()) break;
      queue.PutSpent(std::move(prepared));
    }
  }
  if (!status.ok()) return status;
  SJ_RETURN_IF_ERROR(queue.status());
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
