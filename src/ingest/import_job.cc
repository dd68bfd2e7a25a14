#include "ingest/import_job.h"

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "core/unicode_fold.h"
#include "ingest/byte_source.h"
#include "ingest/input_file.h"
#include "ingest/row_validator.h"

namespace shujian::ingest {
namespace {

constexpr size_t kBlockRows = 4096;
constexpr size_t kBlockBytes = size_t{1} << 20;
constexpr size_t kTitleRowsAtMost = 10;
constexpr size_t kProblemsPerFlush = 8192;

// One input file between the header check and the import.
struct InputFile {
  std::string path;
  std::string name;
  FileFormat format = FileFormat::kCsv;
  std::unique_ptr<RecordReader> reader;
  std::optional<HeaderMapping> mapping;
  bool first_record_pending = false;  // JSON Lines: the record that revealed the header
  Record first_record;
  std::vector<RowProblem> title_rows;  // skipped rows above the header
  std::vector<std::string> notes;
};

std::string DatasetList(const data::SchemaRegistry& schemas) {
  std::string list;
  for (const data::DatasetSchema* schema : schemas.All()) {
    list += (list.empty() ? "" : "、") + schema->name + "（" + schema->title + "）";
  }
  return list;
}

bool IsBlankRecord(const Record& record) {
  for (const Cell& cell : record.cells) {
    if (!TrimSpaces(cell.text).empty()) return false;
  }
  return true;
}

// Opens the file and maps its header; skips blank and title rows above a tabular header.
Status PrepareFile(const data::DatasetSchema& schema, const ImportRequest& request, InputFile* file) {
  SJ_ASSIGN_OR_RETURN(file->reader, OpenRecordReader(file->path, {request.sheet}, &file->format));
  RecordReader& reader = *file->reader;
  Record record;
  if (reader.self_describing()) {
    // JSON Lines: the keys of the first object are the header.
    SJ_ASSIGN_OR_RETURN(bool more, reader.Next(&record));
    if (!more) return Status::InvalidArgument("文件「" + file->name + "」是空的");
    if (!record.problem.empty()) {
      return Status::InvalidArgument("文件「" + file->name + "」第" + std::to_string(record.line) +
                                     "行（第一条记录决定列名）无法读取：" + record.problem);
    }
    file->first_record = record;
    file->first_record_pending = true;
    SJ_ASSIGN_OR_RETURN(HeaderMapping mapping, HeaderMapping::Build(schema, reader.header(), file->name));
    file->mapping = std::move(mapping);
    return Status::Ok();
  }
  size_t rows_seen = 0;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool more, reader.Next(&record));
    if (!more) {
      return Status::InvalidArgument("文件「" + file->name + "」" +
                                     (file->format == FileFormat::kXlsx ? "的工作表「" + reader.sheet() + "」" : "") +
                                     "是空的，没有表头行");
    }
    if (IsBlankRecord(record)) continue;
    if (!record.problem.empty()) {
      return Status::InvalidArgument("文件「" + file->name + "」第" + std::to_string(record.line) +
                                     "行（表头）无法读取：" + record.problem);
    }
    // A title row: one value that is no column's header.
    size_t values = 0;
    std::string_view only;
    for (const Cell& cell : record.cells) {
      if (!TrimSpaces(cell.text).empty()) {
        ++values;
        only = cell.text;
      }
    }
    if (values == 1 && schema.MatchHeader(CleanHeader(only)) == nullptr && ++rows_seen <= kTitleRowsAtMost) {
      file->title_rows.push_back({record.line, "", std::string(only), "不是表头（标题行），未导入", true});
      file->notes.push_back("文件「" + file->name + "」第" + std::to_string(record.line) + "行「" +
                            std::string(only) + "」不是表头，已跳过");
      continue;
    }
    std::vector<std::string> headers;
    for (const Cell& cell : record.cells) headers.emplace_back(cell.text);
    SJ_ASSIGN_OR_RETURN(HeaderMapping mapping, HeaderMapping::Build(schema, headers, file->name));
    file->mapping = std::move(mapping);
    return Status::Ok();
  }
}

// Reads up to a block of records. Returns false when the file had no more.
Result<bool> FillBlock(InputFile* file, Record* record, RecordBlock* block) {
  block->Clear();
  if (file->first_record_pending) {
    block->Add(file->first_record);
    file->first_record_pending = false;
  }
  while (block->rows.size() < kBlockRows && block->text.size() < kBlockBytes) {
    SJ_ASSIGN_OR_RETURN(bool more, file->reader->Next(record));
    if (!more) {
      block->bytes_consumed = file->reader->bytes_consumed();
      return !block->rows.empty();
    }
    block->Add(*record);
  }
  block->bytes_consumed = file->reader->bytes_consumed();
  return true;
}

// Hands validated rows to the sink and keeps the counts.
class Collector {
 public:
  Collector(BatchSink& sink, const data::DatasetSchema& schema, const std::vector<InputFile>& files,
            ImportReport* report)
      : sink_(sink), files_(files), report_(report) {
    layout_size_ = schema.columns.size() + 1;
    for (const std::string& key : schema.key) {
      key_columns_.push_back(static_cast<size_t>(schema.FindColumn(key) - schema.columns.data()));
    }
  }

  Status Add(const ValidatedBlock& block, ImportedFile* file, const HeaderMapping& mapping) {
    // The valid rows go to the sink together; then every row is counted, and its problems
    // kept, in line order.
    cells_.clear();
    lines_.clear();
    fates_.clear();
    for (const ValidatedBlock::Row& row : block.rows) {
      if (row.rejected) continue;
      for (size_t column = 0; column < layout_size_; ++column) {
        cells_.push_back({block.span(row.first_span + 2 * column), block.span(row.first_span + 2 * column + 1)});
      }
      lines_.push_back(row.line);
    }
    if (!lines_.empty()) SJ_RETURN_IF_ERROR(sink_.PutRows(cells_, block.file, lines_, &fates_));
    size_t next_problem = 0;
    size_t next_fate = 0;
    const std::vector<RowProblem>& problems = block.problems;
    for (const ValidatedBlock::Row& row : block.rows) {
      while (next_problem < problems.size() && problems[next_problem].line <= row.line) {
        SJ_RETURN_IF_ERROR(Keep(problems[next_problem++], block.file, file));
      }
      ++file->rows;
      if (row.rejected) {
        ++file->rejected;
        continue;
      }
      const RowFate& fate = fates_[next_fate];
      const SinkCell* cells = &cells_[next_fate * layout_size_];
      ++next_fate;
      switch (fate.kind) {
        case RowFate::kNew: ++file->accepted; break;
        case RowFate::kNewVersion:
          ++file->accepted;
          ++file->new_versions;
          break;
        case RowFate::kUnchanged: ++file->unchanged; break;
        case RowFate::kConflict: {
          ++file->rejected;
          std::string headers;
          std::string key;
          for (size_t column : key_columns_) {
            headers += (headers.empty() ? "" : "、") + mapping.HeaderOfColumn(column);
            key += (key.empty() ? "" : "|") + std::string(cells[column].value);
          }
          std::string where = "第" + std::to_string(fate.conflict_line) + "行";
          if (fate.conflict_file != block.file && fate.conflict_file >= 0 &&
              static_cast<size_t>(fate.conflict_file) < files_.size()) {
            where = "文件「" + files_[static_cast<size_t>(fate.conflict_file)].name + "」" + where;
          }
          SJ_RETURN_IF_ERROR(Keep({row.line, headers, key,
                                   "与本次导入" + where + "的" + headers +
                                       "相同但内容不同；同一次导入中一个主键只能对应一行，请核对后只保留正确的一行",
                                   false},
                                  block.file, file));
          break;
        }
      }
    }
    while (next_problem < problems.size()) SJ_RETURN_IF_ERROR(Keep(problems[next_problem++], block.file, file));
    return Status::Ok();
  }

  Status Keep(const RowProblem& problem, int file_index, ImportedFile* file) {
    if (problem.excel_damage) ++excel_damage_;
    if (problem.needs_excel_evidence && excel_damage_ == 0) {
      // Shown at the end of the file if the file turns out to have Excel damage.
      if (held_.size() < static_cast<size_t>(kStoredWarningsPerBatch)) held_.push_back(problem);
      return Status::Ok();
    }
    if (problem.warning) {
      ++file->warnings;
      if (++warnings_ > kStoredWarningsPerBatch) {
        ++report_->warnings_not_listed;
        return Status::Ok();
      }
    }
    if (file_index != pending_file_) SJ_RETURN_IF_ERROR(Flush());
    pending_file_ = file_index;
    pending_.push_back(problem);
    if (pending_.size() >= kProblemsPerFlush) return Flush();
    return Status::Ok();
  }

  // Ends a file: its held warnings are kept if it had Excel damage, else dropped.
  Status FinishFile(int file_index, ImportedFile* file) {
    std::vector<RowProblem> held = std::move(held_);
    held_.clear();
    if (excel_damage_ > 0) {
      for (RowProblem& problem : held) {
        problem.needs_excel_evidence = false;
        SJ_RETURN_IF_ERROR(Keep(problem, file_index, file));
      }
    }
    excel_damage_ = 0;
    return Flush();
  }

  Status Flush() {
    if (pending_.empty()) return Status::Ok();
    Status status = sink_.AddProblems(pending_, pending_file_);
    pending_.clear();
    return status;
  }

 private:
  BatchSink& sink_;
  const std::vector<InputFile>& files_;
  ImportReport* report_;
  size_t layout_size_;
  std::vector<size_t> key_columns_;
  std::vector<SinkCell> cells_;
  std::vector<int64_t> lines_;
  std::vector<RowFate> fates_;
  std::vector<RowProblem> pending_;
  int pending_file_ = 0;
  int64_t warnings_ = 0;
  int64_t excel_damage_ = 0;       // in the current file
  std::vector<RowProblem> held_;   // warnings waiting for evidence of Excel damage
};

// Reads one file with a reader thread and `workers` validating threads; the calling thread
// hands the results to the collector in file order.
class Pipeline {
 public:
  Pipeline(InputFile* file, int file_index, const data::DatasetSchema& schema, const RowValidator::Options& options,
           int workers)
      : file_(file), file_index_(file_index), limit_(static_cast<size_t>(workers) * 2 + 2) {
    for (int worker = 0; worker < workers; ++worker) {
      validators_.push_back(std::make_unique<RowValidator>(schema, *file->mapping, options));
    }
  }

  ~Pipeline() { Stop(); }

  Status Run(const std::function<Status(const ValidatedBlock&)>& consume) {
    reader_ = std::thread([this] { Produce(); });
    for (auto& validator : validators_) {
      RowValidator* raw = validator.get();
      workers_.emplace_back([this, raw] { Work(raw); });
    }
    Status status;
    for (uint64_t sequence = 0;; ++sequence) {
      std::unique_ptr<ValidatedBlock> block;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] {
          return output_.count(sequence) > 0 || (input_done_ && produced_ == sequence);
        });
        if (output_.count(sequence) == 0) {
          status = read_error_;
          break;
        }
        block = std::move(output_[sequence]);
        output_.erase(sequence);
      }
      status = consume(*block);
      {
        std::lock_guard lock(mutex_);
        ++consumed_;
        free_validated_.push_back(std::move(block));
      }
      changed_.notify_all();
      if (!status.ok()) break;
    }
    Stop();
    return status;
  }

 private:
  void Produce() {
    Record record;
    uint64_t sequence = 0;
    while (true) {
      std::unique_ptr<RecordBlock> block;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return cancelled_ || produced_ - consumed_ < limit_; });
        if (cancelled_) break;
        if (!free_records_.empty()) {
          block = std::move(free_records_.back());
          free_records_.pop_back();
        }
      }
      if (!block) block = std::make_unique<RecordBlock>();
      Result<bool> filled = FillBlock(file_, &record, block.get());
      std::lock_guard lock(mutex_);
      if (!filled.ok()) {
        read_error_ = filled.status();
        break;
      }
      if (!*filled) break;
      block->file = file_index_;
      block->sequence = sequence++;
      input_.push_back(std::move(block));
      ++produced_;
      changed_.notify_all();
    }
    std::lock_guard lock(mutex_);
    input_done_ = true;
    changed_.notify_all();
  }

  void Work(RowValidator* validator) {
    while (true) {
      std::unique_ptr<RecordBlock> input;
      std::unique_ptr<ValidatedBlock> output;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return cancelled_ || !input_.empty() || input_done_; });
        if (cancelled_ || input_.empty()) return;
        input = std::move(input_.front());
        input_.pop_front();
        if (!free_validated_.empty()) {
          output = std::move(free_validated_.back());
          free_validated_.pop_back();
        }
      }
      if (!output) output = std::make_unique<ValidatedBlock>();
      validator->Validate(*input, output.get());
      std::lock_guard lock(mutex_);
      output_[output->sequence] = std::move(output);
      free_records_.push_back(std::move(input));
      changed_.notify_all();
    }
  }

  void Stop() {
    {
      std::lock_guard lock(mutex_);
      cancelled_ = true;
    }
    changed_.notify_all();
    if (reader_.joinable()) reader_.join();
    for (std::thread& worker : workers_) {
      if (worker.joinable()) worker.join();
    }
    workers_.clear();
  }

  InputFile* file_;
  int file_index_;
  size_t limit_;  // blocks read but not yet consumed
  std::vector<std::unique_ptr<RowValidator>> validators_;
  std::thread reader_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<RecordBlock>> input_;            // guarded by mutex_
  std::map<uint64_t, std::unique_ptr<ValidatedBlock>> output_;  // guarded by mutex_
  std::vector<std::unique_ptr<RecordBlock>> free_records_;      // guarded by mutex_
  std::vector<std::unique_ptr<ValidatedBlock>> free_validated_;  // guarded by mutex_
  uint64_t produced_ = 0;                                        // guarded by mutex_
  uint64_t consumed_ = 0;                                        // guarded by mutex_
  bool input_done_ = false;                                      // guarded by mutex_
  bool cancelled_ = false;                                       // guarded by mutex_
  Status read_error_;                                            // guarded by mutex_
};

}  // namespace

std::string DisplayName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Result<ImportReport> ImportFiles(const data::SchemaRegistry& schemas, const ImportRequest& request,
                                 BatchSink& sink, const ProgressCallback& progress) {
  const data::DatasetSchema* schema = schemas.Find(request.dataset);
  if (schema == nullptr) {
    return Status::InvalidArgument("没有名为「" + request.dataset + "」的数据集；可用的有：" + DatasetList(schemas));
  }
  if (request.files.empty()) return Status::InvalidArgument("没有指定要导入的文件");

  // 1. Every file readable and its header complete, before anything is written.
  std::vector<InputFile> files(request.files.size());
  for (size_t index = 0; index < files.size(); ++index) {
    files[index].path = request.files[index];
    files[index].name = DisplayName(request.files[index]);
    SJ_RETURN_IF_ERROR(PrepareFile(*schema, request, &files[index]));
  }

  // 2. The rows.
  ImportReport report;
  report.dataset = schema->name;
  SJ_ASSIGN_OR_RETURN(report.batch_id, sink.Begin(schema->name, RowValidator::LayoutColumns(*schema), schema->key));
  Collector collector(sink, *schema, files, &report);
  int workers = request.threads > 0 ? request.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (workers < 1) workers = 1;
  int64_t rows_before = 0;
  for (size_t index = 0; index < files.size(); ++index) {
    InputFile& file = files[index];
    ImportedFile summary;
    summary.name = file.name;
    summary.format = std::string(FileFormatName(file.format));
    summary.encoding = file.reader->encoding();
    summary.sheet = file.reader->sheet();
    for (const RowProblem& title : file.title_rows) {
      SJ_RETURN_IF_ERROR(collector.Keep(title, static_cast<int>(index), &summary));
    }
    for (std::string& note : file.notes) report.notes.push_back(std::move(note));
    RowValidator::Options options{request.today, file.format == FileFormat::kCsv};
    auto consume = [&](const ValidatedBlock& block) -> Status {
      SJ_RETURN_IF_ERROR(collector.Add(block, &summary, *file.mapping));
      if (progress) {
        progress({index, files.size(), file.name, block.bytes_consumed, file.reader->bytes_total(),
                  rows_before + summary.rows});
      }
      return Status::Ok();
    };
    if (workers == 1 || file.reader->self_describing()) {
      // One thread; JSON Lines always, as its header (and so the mapping) may grow while reading.
      RowValidator validator(*schema, *file.mapping, options);
      Record record;
      RecordBlock block;
      ValidatedBlock validated;
      while (true) {
        SJ_ASSIGN_OR_RETURN(bool more, FillBlock(&file, &record, &block));
        if (!more) break;
        if (file.reader->self_describing() && file.reader->header().size() > file.mapping->source_count()) {
          SJ_RETURN_IF_ERROR(file.mapping->Extend(file.reader->header()));
        }
        block.file = static_cast<int>(index);
        validator.Validate(block, &validated);
        SJ_RETURN_IF_ERROR(consume(validated));
      }
    } else {
      Pipeline pipeline(&file, static_cast<int>(index), *schema, options, workers);
      SJ_RETURN_IF_ERROR(pipeline.Run(consume));
    }
    SJ_RETURN_IF_ERROR(collector.FinishFile(static_cast<int>(index), &summary));
    // The manifest needs the hash of everything read; XLSX is read through libzip, so its
    // bytes are hashed here.
    summary.sha256 = file.reader->Sha256Hex();
    if (summary.sha256.empty()) {
      SJ_ASSIGN_OR_RETURN(summary.sha256, FileSha256(file.path));
    }
    std::error_code error;
    summary.bytes = static_cast<int64_t>(std::filesystem::file_size(file.path, error));
    file.reader.reset();  // frees its buffers (and an XLSX's shared strings) before the next file
    rows_before += summary.rows;
    AddFileCounts(summary, &report);
    report.files.push_back(std::move(summary));
  }

  // 3. The manifest, and the batch made durable.
  SJ_RETURN_IF_ERROR(sink.Commit(report.files));
  return report;
}

}  // namespace shujian::ingest
