#include "store/sqlite/sqlite_dataset_row_writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace shujian::store {
namespace {

constexpr size_t kCachedSegments = 4;
constexpr int64_t kMaxOrdinal = (int64_t{1} << 32) - 2;

}  // namespace

Result<std::unique_ptr<SqliteDatasetRowWriter>> SqliteDatasetRowWriter::Open(
    SqliteConnection* connection, std::string_view batch_id, const DatasetLayout& layout) {
  // The batch: created in this transaction, for this dataset, without rows yet.
  {
    SJ_ASSIGN_OR_RETURN(SqliteStatement batch,
                        connection->Prepare("SELECT dataset FROM import_batches WHERE id = ?"));
    batch.Bind(1, batch_id);
    SJ_ASSIGN_OR_RETURN(bool found, batch.Step());
    if (!found) return Status::NotFound("没有编号为 " + std::string(batch_id) + " 的导入批次");
    if (batch.Text(0) != layout.dataset) {
      return Status::InvalidArgument("导入批次 " + std::string(batch_id) + " 属于数据集「" +
                                     batch.Text(0) + "」，不是「" + layout.dataset + "」");
    }
    SJ_ASSIGN_OR_RETURN(SqliteStatement rows,
                        connection->Prepare("SELECT 1 FROM dataset_segments WHERE batch_id = ? LIMIT 1"));
    rows.Bind(1, batch_id);
    SJ_ASSIGN_OR_RETURN(bool has_rows, rows.Step());
    if (has_rows) {
      return Status::FailedPrecondition("导入批次 " + std::string(batch_id) + " 已经写入过数据行");
    }
  }
  // The layout: unique column names, a key made of them.
  std::set<std::string> names(layout.columns.begin(), layout.columns.end());
  if (names.size() != layout.columns.size() || layout.columns.empty()) {
    return Status::InvalidArgument("数据集「" + layout.dataset + "」的列名为空或重复");
  }
  if (layout.key_columns.empty()) return Status::InvalidArgument("数据集「" + layout.dataset + "」没有主键列");

  SJ_ASSIGN_OR_RETURN(SegmentBlobReader reader, SegmentBlobReader::Create(connection));
  std::unique_ptr<SqliteDatasetRowWriter> writer(
      new SqliteDatasetRowWriter(connection, std::move(reader)));
  writer->batch_id_ = std::string(batch_id);
  writer->layout_ = layout;
  for (const std::string& key : layout.key_columns) {
    auto it = std::find(layout.columns.begin(), layout.columns.end(), key);
    if (it == layout.columns.end()) {
      return Status::InvalidArgument("主键列「" + key + "」不在数据集「" + layout.dataset + "」的列中");
    }
    writer->key_positions_.push_back(static_cast<size_t>(it - layout.columns.begin()));
  }

  // The dataset: created on its first batch; its key never changes.
  SJ_ASSIGN_OR_RETURN(std::optional<StoredDataset> stored, LoadStoredDataset(connection, layout.dataset));
  if (!stored) {
    SJ_ASSIGN_OR_RETURN(SqliteStatement insert,
                        connection->Prepare("INSERT INTO datasets (name, key_columns, next_ordinal, "
                                            "current_rows) VALUES (?, ?, 0, 0)"));
    insert.Bind(1, layout.dataset).Bind(2, nlohmann::json(layout.key_columns).dump());
    SJ_RETURN_IF_ERROR(insert.Run());
    stored = StoredDataset{layout.dataset, layout.key_columns, 0, 0};
  } else if (stored->key_columns != layout.key_columns) {
    return Status::Incompatible("数据集「" + layout.dataset + "」已按主键 " +
                                nlohmann::json(stored->key_columns).dump() + " 保存，不能改为 " +
                                nlohmann::json(layout.key_columns).dump());
  }
  writer->next_ordinal_ = stored->next_ordinal;
  writer->current_rows_ = stored->current_rows;
  writer->batch_first_ordinal_ = stored->next_ordinal;
  writer->builder_first_ordinal_ = stored->next_ordinal;

  // Column numbers: existing ones, and new ones for columns never stored before.
  SJ_ASSIGN_OR_RETURN(auto catalog, LoadColumnCatalog(connection, layout.dataset));
  int next_column = kFirstDataColumn;
  for (const auto& [name, number] : catalog) next_column = std::max(next_column, number + 1);
  SJ_ASSIGN_OR_RETURN(SqliteStatement add_column,
                      connection->Prepare("INSERT INTO dataset_columns (dataset, column_no, name) "
                                          "VALUES (?, ?, ?)"));
  for (const std::string& column : layout.columns) {
    auto it = catalog.find(column);
    if (it != catalog.end()) {
      writer->column_numbers_.push_back(it->second);
      continue;
    }
    if (next_column > kMaxColumnNumber) {
      return Status::InvalidArgument("数据集「" + layout.dataset + "」的列太多（最多 " +
                                     std::to_string(kMaxColumnNumber - kFirstDataColumn + 1) + " 列）");
    }
    add_column.Reset();
    add_column.Bind(1, layout.dataset).Bind(2, static_cast<int64_t>(next_column)).Bind(3, column);
    SJ_RETURN_IF_ERROR(add_column.Run());
    writer->column_numbers_.push_back(next_column++);
  }
  writer->builders_.resize(layout.columns.size());

  SJ_ASSIGN_OR_RETURN(writer->segments_, LoadSegments(connection, layout.dataset));
  SJ_ASSIGN_OR_RETURN(std::vector<int64_t> superseded, LoadSuperseded(connection, layout.dataset));
  SJ_RETURN_IF_ERROR(writer->LoadIndex(superseded));
  SJ_ASSIGN_OR_RETURN(SqliteStatement insert_superseded,
                      connection->Prepare("INSERT INTO dataset_superseded (dataset, ordinal, batch_id) "
                                          "VALUES (?, ?, ?)"));
  writer->insert_superseded_ = std::make_unique<SqliteStatement>(std::move(insert_superseded));
  return writer;
}

Status SqliteDatasetRowWriter::LoadIndex(const std::vector<int64_t>& superseded) {
  index_.Reserve(static_cast<size_t>(current_rows_) + kSegmentRows);
  auto next_superseded = superseded.begin();
  std::string blob;
  for (const SegmentInfo& segment : segments_) {
    SJ_ASSIGN_OR_RETURN(bool found, reader_.Read(segment.id, kKeyHashColumn, &blob));
    if (!found) return Status::Corruption("数据集存储段 " + std::to_string(segment.id) + " 缺少主键散列");
    SJ_ASSIGN_OR_RETURN(std::vector<uint64_t> hashes, DecodeKeyHashes(blob));
    if (hashes.size() != static_cast<size_t>(segment.row_count)) {
      return Status::Corruption("数据集存储段 " + std::to_string(segment.id) + " 的主键散列数不一致");
    }
    for (size_t slot = 0; slot < hashes.size(); ++slot) {
      const int64_t ordinal = segment.first_ordinal + static_cast<int64_t>(slot);
      while (next_superseded != superseded.end() && *next_superseded < ordinal) ++next_superseded;
      if (next_superseded != superseded.end() && *next_superseded == ordinal) continue;
      index_.Insert(hashes[slot], static_cast<uint64_t>(ordinal));
    }
  }
  if (static_cast<int64_t>(index_.size()) != current_rows_) {
    return Status::Corruption("数据集「" + layout_.dataset + "」的当前行数（" +
                              std::to_string(current_rows_) + "）与存储段不一致（" +
                              std::to_string(index_.size()) + "）");
  }
  return Status::Ok();
}

Result<LoadedSegment*> SqliteDatasetRowWriter::SegmentOf(int64_t ordinal) {
  for (auto it = cache_.begin(); it != cache_.end(); ++it) {
    const SegmentInfo& info = (*it)->info();
    if (ordinal >= info.first_ordinal && ordinal < info.first_ordinal + info.row_count) {
      if (it != cache_.begin()) {
        std::unique_ptr<LoadedSegment> segment = std::move(*it);
        cache_.erase(it);
        cache_.push_front(std::move(segment));
      }
      return cache_.front().get();
    }
  }
  int64_t index = FindSegment(segments_, ordinal);
  if (index < 0) {
    return Status::Corruption("数据集「" + layout_.dataset + "」的行序号 " + std::to_string(ordinal) +
                              " 不属于任何存储段");
  }
  cache_.push_front(std::make_unique<LoadedSegment>(segments_[index], &reader_));
  if (cache_.size() > kCachedSegments) cache_.pop_back();
  return cache_.front().get();
}

Result<bool> SqliteDatasetRowWriter::KeyEquals(int64_t ordinal, std::span<const std::string_view> parts) {
  if (ordinal >= builder_first_ordinal_) {
    const size_t slot = static_cast<size_t>(ordinal - builder_first_ordinal_);
    for (size_t part = 0; part < parts.size(); ++part) {
      if (builders_[key_positions_[part]].match_or_value(slot) != parts[part]) return false;
    }
    return true;
  }
  SJ_ASSIGN_OR_RETURN(LoadedSegment * segment, SegmentOf(ordinal));
  const size_t slot = static_cast<size_t>(ordinal - segment->info().first_ordinal);
  for (size_t part = 0; part < parts.size(); ++part) {
    SJ_ASSIGN_OR_RETURN(const DecodedColumn* column, segment->Column(column_numbers_[key_positions_[part]]));
    if (column->match_or_value(slot) != parts[part]) return false;
  }
  return true;
}

Result<bool> SqliteDatasetRowWriter::RowEquals(int64_t ordinal, std::span<const DatasetCell> cells) {
  if (ordinal >= builder_first_ordinal_) {
    const size_t slot = static_cast<size_t>(ordinal - builder_first_ordinal_);
    for (size_t column = 0; column < cells.size(); ++column) {
      if (builders_[column].value(slot) != cells[column].value) return false;
    }
    return true;
  }
  SJ_ASSIGN_OR_RETURN(LoadedSegment * segment, SegmentOf(ordinal));
  const size_t slot = static_cast<size_t>(ordinal - segment->info().first_ordinal);
  for (size_t column = 0; column < cells.size(); ++column) {
    SJ_ASSIGN_OR_RETURN(const DecodedColumn* stored, segment->Column(column_numbers_[column]));
    if (stored->value(slot) != cells[column].value) return false;
  }
  // A column the stored row has and this layout lacks must be empty in the stored row.
  SJ_ASSIGN_OR_RETURN(const std::vector<int>* present, segment->PresentColumns());
  for (int column_no : *present) {
    if (std::find(column_numbers_.begin(), column_numbers_.end(), column_no) != column_numbers_.end()) {
      continue;
    }
    SJ_ASSIGN_OR_RETURN(const DecodedColumn* stored, segment->Column(column_no));
    if (!stored->value(slot).empty()) return false;
  }
  return true;
}

Result<std::pair<int, int64_t>> SqliteDatasetRowWriter::ProvenanceOf(int64_t ordinal) {
  if (ordinal >= builder_first_ordinal_) {
    const size_t slot = static_cast<size_t>(ordinal - builder_first_ordinal_);
    return std::make_pair(provenance_.files[slot], provenance_.lines[slot]);
  }
  SJ_ASSIGN_OR_RETURN(LoadedSegment * segment, SegmentOf(ordinal));
  SJ_ASSIGN_OR_RETURN(const Provenance* provenance, segment->Provenances());
  const size_t slot = static_cast<size_t>(ordinal - segment->info().first_ordinal);
  return std::make_pair(provenance->files[slot], provenance->lines[slot]);
}

int64_t SqliteDatasetRowWriter::Append(std::span<const DatasetCell> cells, int file, int64_t line,
                                       uint64_t hash) {
  for (size_t column = 0; column < cells.size(); ++column) {
    builders_[column].Append(cells[column].value, cells[column].match);
  }
  hashes_.push_back(hash);
  provenance_.files.push_back(file);
  provenance_.lines.push_back(line);
  return next_ordinal_++;
}

Result<uint64_t> SqliteDatasetRowWriter::KeyOf(std::span<const DatasetCell> cells,
                                               std::vector<std::string_view>* parts) {
  for (size_t position : key_positions_) {
    const DatasetCell& cell = cells[position];
    std::string_view part = cell.match.empty() ? cell.value : cell.match;
    if (part.empty()) return Status::InvalidArgument("主键列「" + layout_.columns[position] + "」为空");
    parts->push_back(part);
  }
  return RowKeyHash(std::span<const std::string_view>(*parts).last(key_positions_.size()));
}

Result<PutResult> SqliteDatasetRowWriter::Put(std::span<const DatasetCell> cells, int file, int64_t line) {
  if (finished_) return Status::FailedPrecondition("数据行写入已结束");
  if (cells.size() != layout_.columns.size()) {
    return Status::InvalidArgument("数据行的列数（" + std::to_string(cells.size()) + "）与布局（" +
                                   std::to_string(layout_.columns.size()) + "）不符");
  }
  parts_.clear();
  SJ_ASSIGN_OR_RETURN(uint64_t hash, KeyOf(cells, &parts_));
  return PutKeyed(cells, file, line, parts_, hash);
}

Status SqliteDatasetRowWriter::PutRows(std::span<const DatasetCell> cells, int file,
                                       std::span<const int64_t> lines, std::vector<PutResult>* results) {
  if (finished_) return Status::FailedPrecondition("数据行写入已结束");
  const size_t width = layout_.columns.size();
  if (cells.size() != width * lines.size()) {
    return Status::InvalidArgument("数据行的单元格数（" + std::to_string(cells.size()) + "）与布局不符");
  }
  // Hash every key first, so the index memory of the rows ahead can be fetched while a row
  // is being stored.
  const size_t key_size = key_positions_.size();
  batch_hashes_.clear();
  batch_parts_.clear();
  for (size_t row = 0; row < lines.size(); ++row) {
    SJ_ASSIGN_OR_RETURN(uint64_t hash, KeyOf(cells.subspan(row * width, width), &batch_parts_));
    batch_hashes_.push_back(hash);
  }
  constexpr size_t kAhead = 8;
  for (size_t row = 0; row < lines.size(); ++row) {
    if (row + kAhead < lines.size()) index_.Prefetch(batch_hashes_[row + kAhead]);
    SJ_ASSIGN_OR_RETURN(PutResult result,
                        PutKeyed(cells.subspan(row * width, width), file, lines[row],
                                 std::span<const std::string_view>(batch_parts_).subspan(row * key_size, key_size),
                                 batch_hashes_[row]));
    results->push_back(result);
  }
  return Status::Ok();
}

Result<PutResult> SqliteDatasetRowWriter::PutKeyed(std::span<const DatasetCell> cells, int file, int64_t line,
                                                   std::span<const std::string_view> parts, uint64_t hash) {
  if (next_ordinal_ > kMaxOrdinal) {
    return Status::InvalidArgument("数据集「" + layout_.dataset + "」的行数超过上限");
  }
  int64_t found = -1;
  Status error;
  size_t handle = index_.Find(hash, [&](uint64_t ordinal) {
    Result<bool> equal = KeyEquals(static_cast<int64_t>(ordinal), parts);
    if (!equal.ok()) {
      error = equal.status();
      return true;
    }
    if (*equal) found = static_cast<int64_t>(ordinal);
    return *equal;
  });
  SJ_RETURN_IF_ERROR(error);
  PutResult result;
  if (handle == KeyIndex::kNotFound) {
    index_.Insert(hash, static_cast<uint64_t>(Append(cells, file, line, hash)));
    ++current_rows_;
    result.outcome = RowOutcome::kNew;
  } else {
    SJ_ASSIGN_OR_RETURN(bool same, RowEquals(found, cells));
    if (same) {
      result.outcome = RowOutcome::kUnchanged;
    } else if (found >= batch_first_ordinal_) {
      SJ_ASSIGN_OR_RETURN(auto earlier, ProvenanceOf(found));
      result.outcome = RowOutcome::kConflict;
      result.conflict_file = earlier.first;
      result.conflict_line = earlier.second;
    } else {
      insert_superseded_->Reset();
      insert_superseded_->Bind(1, layout_.dataset).Bind(2, found).Bind(3, batch_id_);
      SJ_RETURN_IF_ERROR(insert_superseded_->Run());
      index_.Replace(handle, static_cast<uint64_t>(Append(cells, file, line, hash)));
      result.outcome = RowOutcome::kNewVersion;
    }
  }
  if (hashes_.size() >= kSegmentRows) {
    SJ_RETURN_IF_ERROR(Flush());
  } else if (!hashes_.empty() && hashes_.size() % 1024 == 0) {
    size_t bytes = 0;
    for (const ColumnBuilder& builder : builders_) bytes += builder.bytes();
    if (bytes >= kSegmentBytes) SJ_RETURN_IF_ERROR(Flush());
  }
  return result;
}

Status SqliteDatasetRowWriter::Flush() {
  if (hashes_.empty()) return Status::Ok();
  SJ_ASSIGN_OR_RETURN(SqliteStatement segment,
                      connection_->Prepare("INSERT INTO dataset_segments (dataset, batch_id, "
                                           "first_ordinal, row_count, format) VALUES (?, ?, ?, ?, ?)"));
  segment.Bind(1, layout_.dataset)
      .Bind(2, batch_id_)
      .Bind(3, builder_first_ordinal_)
      .Bind(4, static_cast<int64_t>(hashes_.size()))
      .Bind(5, static_cast<int64_t>(kSegmentFormat));
  SJ_RETURN_IF_ERROR(segment.Run());
  const int64_t segment_id = sqlite3_last_insert_rowid(connection_->handle());
  SJ_ASSIGN_OR_RETURN(SqliteStatement data,
                      connection_->Prepare("INSERT INTO dataset_segment_data (id, data) VALUES (?, ?)"));
  auto write = [&](int column_no) {
    data.Reset();
    data.Bind(1, SegmentDataId(segment_id, column_no)).BindBlob(2, encoded_);
    return data.Run();
  };
  encoded_.clear();
  EncodeKeyHashes(hashes_, &encoded_);
  SJ_RETURN_IF_ERROR(write(kKeyHashColumn));
  encoded_.clear();
  EncodeProvenance(provenance_, &encoded_);
  SJ_RETURN_IF_ERROR(write(kProvenanceColumn));
  for (size_t column = 0; column < builders_.size(); ++column) {
    if (builders_[column].empty()) continue;
    encoded_.clear();
    builders_[column].Encode(&encoded_);
    SJ_RETURN_IF_ERROR(write(column_numbers_[column]));
  }
  segments_.push_back({segment_id, batch_id_, builder_first_ordinal_, static_cast<int64_t>(hashes_.size())});
  builder_first_ordinal_ = next_ordinal_;
  for (ColumnBuilder& builder : builders_) builder.Clear();
  hashes_.clear();
  provenance_.files.clear();
  provenance_.lines.clear();
  return Status::Ok();
}

Status SqliteDatasetRowWriter::Finish() {
  if (finished_) return Status::FailedPrecondition("数据行写入已结束");
  finished_ = true;
  SJ_RETURN_IF_ERROR(Flush());
  SJ_ASSIGN_OR_RETURN(SqliteStatement update,
                      connection_->Prepare("UPDATE datasets SET next_ordinal = ?, current_rows = ? "
                                           "WHERE name = ?"));
  update.Bind(1, next_ordinal_).Bind(2, current_rows_).Bind(3, layout_.dataset);
  return update.Run();
}

}  // namespace shujian::store
