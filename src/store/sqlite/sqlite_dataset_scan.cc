#include "store/sqlite/sqlite_dataset_scan.h"

#include <cstring>

namespace shujian::store {

Result<std::unique_ptr<SqliteDatasetScan>> SqliteDatasetScan::Open(SqliteConnection* connection,
                                                                   const ScanRequest& request) {
  SJ_ASSIGN_OR_RETURN(SegmentBlobReader reader, SegmentBlobReader::Create(connection));
  std::unique_ptr<SqliteDatasetScan> scan(new SqliteDatasetScan(std::move(reader)));
  scan->request_ = request;
  SJ_ASSIGN_OR_RETURN(std::optional<StoredDataset> stored,
                      LoadStoredDataset(connection, request.dataset));
  if (!stored) return scan;  // no rows: Next() returns false at once
  SJ_ASSIGN_OR_RETURN(auto catalog, LoadColumnCatalog(connection, request.dataset));
  for (const ScanColumn& column : request.columns) {
    auto it = catalog.find(column.name);
    scan->request_numbers_.push_back(it == catalog.end() ? -1 : it->second);
  }
  for (const std::string& key : stored->key_columns) {
    auto it = catalog.find(key);
    if (it == catalog.end()) {
      return Status::Corruption("数据集「" + request.dataset + "」的主键列「" + key +
                                "」没有列编号");
    }
    scan->key_numbers_.push_back(it->second);
  }
  SJ_ASSIGN_OR_RETURN(scan->segments_, LoadSegments(connection, request.dataset));
  SJ_ASSIGN_OR_RETURN(scan->superseded_, LoadSuperseded(connection, request.dataset));
  return scan;
}

Result<const SqliteDatasetScan::SegmentColumn*> SqliteDatasetScan::ReadColumn(
    const SegmentInfo& info, int number) {
  if (columns_segment_ != info.id) {
    for (SegmentColumn& column : columns_) column.number = -1;
    columns_segment_ = info.id;
  }
  SegmentColumn* free = nullptr;
  for (SegmentColumn& column : columns_) {
    if (column.number == number) return &column;
    if (column.number < 0 && free == nullptr) free = &column;
  }
  if (free == nullptr) free = &columns_.emplace_back();
  free->decoded.reset();
  SJ_ASSIGN_OR_RETURN(bool found, reader_.Read(info.id, number, &free->blob));
  if (found) {
    SJ_ASSIGN_OR_RETURN(DecodedColumn decoded, DecodedColumn::Decode(free->blob));
    if (decoded.rows() != static_cast<size_t>(info.row_count)) {
      return Status::Corruption("数据集存储段 " + std::to_string(info.id) + " 的行数不一致");
    }
    free->decoded.emplace(std::move(decoded));
  }
  free->number = number;
  return free;
}

Result<bool> SqliteDatasetScan::Next(RowBatch* batch) {
  batch->rows = 0;
  batch->batch_id = {};
  batch->keys.clear();
  batch->ordinals.clear();
  batch->files.clear();
  batch->lines.clear();
  // The column vectors are emptied, not replaced, so that their buffers serve the next batch.
  batch->columns.resize(request_.columns.size());
  for (std::vector<std::string_view>& column : batch->columns) column.clear();
  while (next_segment_ < segments_.size()) {
    const SegmentInfo& info = segments_[next_segment_++];
    // The slots of this segment that are current.
    std::vector<size_t>& slots = slots_;
    slots.clear();
    slots.reserve(static_cast<size_t>(info.row_count));
    for (int64_t slot = 0; slot < info.row_count; ++slot) {
      const int64_t ordinal = info.first_ordinal + slot;
      while (next_superseded_ < superseded_.size() && superseded_[next_superseded_] < ordinal) {
        ++next_superseded_;
      }
      if (next_superseded_ < superseded_.size() && superseded_[next_superseded_] == ordinal)
        continue;
      slots.push_back(static_cast<size_t>(slot));
    }
    if (slots.empty()) continue;
    batch->rows = slots.size();
    batch->batch_id = info.batch_id;  // segments_ outlives the batch
    batch->ordinals.reserve(slots.size());
    for (size_t slot : slots)
      batch->ordinals.push_back(info.first_ordinal + static_cast<int64_t>(slot));

    // Keys: a view into the BLOB for a one-column key, else the parts joined in an arena. A
    // column without a BLOB contributes empty parts; one without matching forms its values.
    struct KeyPart {
      const DecodedColumn* column;  // null: no BLOB
      bool matches;
      std::string_view operator()(size_t slot) const {
        if (column == nullptr) return {};
        return matches ? column->match_or_value(slot) : column->value(slot);
      }
    };
    if (request_.keys) {
      std::vector<KeyPart> parts;
      parts.reserve(key_numbers_.size());
      for (int number : key_numbers_) {
        SJ_ASSIGN_OR_RETURN(const SegmentColumn* column, ReadColumn(info, number));
        const DecodedColumn* decoded = column->decoded ? &*column->decoded : nullptr;
        parts.push_back({decoded, decoded != nullptr && decoded->has_matches()});
      }
      batch->keys.reserve(slots.size());
      if (parts.size() == 1) {
        for (size_t slot : slots) batch->keys.push_back(parts[0](slot));
      } else if (!parts.empty()) {
        size_t total = 0;
        for (size_t slot : slots) {
          for (const KeyPart& part : parts) total += part(slot).size();
        }
        total += slots.size() * (parts.size() - 1);  // the separators
        key_arena_.resize(total);
        char* arena = key_arena_.data();
        size_t used = 0;
        for (size_t slot : slots) {
          const size_t begin = used;
          for (size_t part = 0; part < parts.size(); ++part) {
            if (part > 0) arena[used++] = '|';
            std::string_view text = parts[part](slot);
            if (!text.empty()) std::memcpy(arena + used, text.data(), text.size());
            used += text.size();
          }
          batch->keys.push_back(std::string_view(arena + begin, used - begin));
        }
      }
    }

    for (size_t requested = 0; requested < request_.columns.size(); ++requested) {
      std::vector<std::string_view>& out = batch->columns[requested];
      if (request_numbers_[requested] < 0) {
        out.assign(slots.size(), std::string_view());
        continue;
      }
      SJ_ASSIGN_OR_RETURN(const SegmentColumn* stored,
                          ReadColumn(info, request_numbers_[requested]));
      if (!stored->decoded) {
        out.assign(slots.size(), std::string_view());
        continue;
      }
      const DecodedColumn& column = *stored->decoded;
      out.resize(slots.size());
      std::string_view* values = out.data();
      if (request_.columns[requested].form == CellForm::kMatch && column.has_matches()) {
        for (size_t row = 0; row < slots.size(); ++row)
          values[row] = column.match_or_value(slots[row]);
      } else {
        for (size_t row = 0; row < slots.size(); ++row) values[row] = column.value(slots[row]);
      }
    }
    if (request_.provenance) {
      current_ = std::make_unique<LoadedSegment>(info, &reader_);
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
  columns_.clear();
  columns_segment_ = -1;
  return false;
}

}  // namespace shujian::store
