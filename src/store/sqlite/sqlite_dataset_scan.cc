#include "store/sqlite/sqlite_dataset_scan.h"

namespace shujian::store {

Result<std::unique_ptr<SqliteDatasetScan>> SqliteDatasetScan::Open(SqliteConnection* connection,
                                                                   const ScanRequest& request) {
  SJ_ASSIGN_OR_RETURN(SegmentBlobReader reader, SegmentBlobReader::Create(connection));
  std::unique_ptr<SqliteDatasetScan> scan(new SqliteDatasetScan(std::move(reader)));
  scan->request_ = request;
  SJ_ASSIGN_OR_RETURN(std::optional<StoredDataset> stored, LoadStoredDataset(connection, request.dataset));
  if (!stored) return scan;  // no rows: Next() returns false at once
  SJ_ASSIGN_OR_RETURN(auto catalog, LoadColumnCatalog(connection, request.dataset));
  for (const ScanColumn& column : request.columns) {
    auto it = catalog.find(column.name);
    scan->request_numbers_.push_back(it == catalog.end() ? -1 : it->second);
  }
  for (const std::string& key : stored->key_columns) {
    auto it = catalog.find(key);
    if (it == catalog.end()) {
      return Status::Corruption("数据集「" + request.dataset + "」的主键列「" + key + "」没有列编号");
    }
    scan->key_numbers_.push_back(it->second);
  }
  SJ_ASSIGN_OR_RETURN(scan->segments_, LoadSegments(connection, request.dataset));
  SJ_ASSIGN_OR_RETURN(scan->superseded_, LoadSuperseded(connection, request.dataset));
  return scan;
}

Result<bool> SqliteDatasetScan::Next(RowBatch* batch) {
  batch->rows = 0;
  batch->batch_id = {};
  batch->keys.clear();
  batch->ordinals.clear();
  batch->files.clear();
  batch->lines.clear();
  batch->columns.assign(request_.columns.size(), {});
  while (next_segment_ < segments_.size()) {
    const SegmentInfo& info = segments_[next_segment_++];
    // The slots of this segment that are current.
    std::vector<size_t> slots;
    slots.reserve(static_cast<size_t>(info.row_count));
    for (int64_t slot = 0; slot < info.row_count; ++slot) {
      const int64_t ordinal = info.first_ordinal + slot;
      while (next_superseded_ < superseded_.size() && superseded_[next_superseded_] < ordinal) {
        ++next_superseded_;
      }
      if (next_superseded_ < superseded_.size() && superseded_[next_superseded_] == ordinal) continue;
      slots.push_back(static_cast<size_t>(slot));
    }
    if (slots.empty()) continue;
    current_ = std::make_unique<LoadedSegment>(info, &reader_);
    batch->rows = slots.size();
    batch->batch_id = current_->info().batch_id;
    batch->ordinals.reserve(slots.size());
    for (size_t slot : slots) batch->ordinals.push_back(info.first_ordinal + static_cast<int64_t>(slot));

    // Keys: a view into the BLOB for a one-column key, else the parts joined in an arena.
    std::vector<const DecodedColumn*> key_columns;
    for (int number : key_numbers_) {
      SJ_ASSIGN_OR_RETURN(const DecodedColumn* column, current_->Column(number));
      key_columns.push_back(column);
    }
    batch->keys.reserve(slots.size());
    if (key_columns.size() == 1) {
      for (size_t slot : slots) batch->keys.push_back(key_columns[0]->match_or_value(slot));
    } else {
      size_t total = 0;
      for (size_t slot : slots) {
        for (const DecodedColumn* column : key_columns) total += column->match_or_value(slot).size() + 1;
      }
      key_arena_.clear();
      key_arena_.reserve(total);
      std::vector<std::pair<size_t, size_t>> spans;
      spans.reserve(slots.size());
      for (size_t slot : slots) {
        size_t begin = key_arena_.size();
        for (size_t part = 0; part < key_columns.size(); ++part) {
          if (part > 0) key_arena_.push_back('|');
          key_arena_.append(key_columns[part]->match_or_value(slot));
        }
        spans.emplace_back(begin, key_arena_.size() - begin);
      }
      for (const auto& [begin, size] : spans) batch->keys.push_back(std::string_view(key_arena_).substr(begin, size));
    }

    for (size_t requested = 0; requested < request_.columns.size(); ++requested) {
      std::vector<std::string_view>& out = batch->columns[requested];
      out.reserve(slots.size());
      if (request_numbers_[requested] < 0) {
        out.assign(slots.size(), std::string_view());
        continue;
      }
      SJ_ASSIGN_OR_RETURN(const DecodedColumn* column, current_->Column(request_numbers_[requested]));
      const bool match = request_.columns[requested].form == CellForm::kMatch;
      for (size_t slot : slots) out.push_back(match ? column->match_or_value(slot) : column->value(slot));
    }
    if (request_.provenance) {
      SJ_ASSIGN_OR_RETURN(const Provenance* provenance, current_->Provenances());
      batch->files.reserve(slots.size());
      batch->lines.reserve(slots.size());
      for (size_t slot : slots) {
        batch->files.push_back(provenance->files[slot]);
        batch->lines.push_back(provenance->lines[slot]);
      }
    }
    return true;
  }
  current_.reset();
  return false;
}

}  // namespace shujian::store
