#include "store/sqlite/sqlite_dataset_tables.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace shujian::store {

Result<std::optional<StoredDataset>> LoadStoredDataset(SqliteConnection* connection,
                                                       std::string_view dataset) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection->Prepare("SELECT key_columns, next_ordinal, current_rows "
                                          "FROM datasets WHERE name = ?"));
  statement.Bind(1, dataset);
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<StoredDataset>();
  StoredDataset stored;
  stored.name = std::string(dataset);
  nlohmann::json key = nlohmann::json::parse(statement.Text(0), nullptr, false);
  if (!key.is_array()) return Status::Corruption("数据集「" + stored.name + "」的主键记录已损坏");
  for (const auto& part : key) {
    if (!part.is_string()) return Status::Corruption("数据集「" + stored.name + "」的主键记录已损坏");
    stored.key_columns.push_back(part.get<std::string>());
  }
  stored.next_ordinal = statement.Int(1);
  stored.current_rows = statement.Int(2);
  return std::optional<StoredDataset>(std::move(stored));
}

Result<std::map<std::string, int, std::less<>>> LoadColumnCatalog(SqliteConnection* connection,
                                                                  std::string_view dataset) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection->Prepare("SELECT name, column_no FROM dataset_columns "
                                          "WHERE dataset = ?"));
  statement.Bind(1, dataset);
  std::map<std::string, int, std::less<>> catalog;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    catalog[statement.Text(0)] = static_cast<int>(statement.Int(1));
  }
  return catalog;
}

Result<std::vector<SegmentInfo>> LoadSegments(SqliteConnection* connection,
                                              std::string_view dataset) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection->Prepare("SELECT id, batch_id, first_ordinal, row_count "
                                          "FROM dataset_segments WHERE dataset = ? "
                                          "ORDER BY first_ordinal"));
  statement.Bind(1, dataset);
  std::vector<SegmentInfo> segments;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    segments.push_back({statement.Int(0), statement.Text(1), statement.Int(2), statement.Int(3)});
  }
  return segments;
}

Result<std::vector<int64_t>> LoadSuperseded(SqliteConnection* connection, std::string_view dataset) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection->Prepare("SELECT ordinal FROM dataset_superseded "
                                          "WHERE dataset = ? ORDER BY ordinal"));
  statement.Bind(1, dataset);
  std::vector<int64_t> ordinals;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    ordinals.push_back(statement.Int(0));
  }
  return ordinals;
}

int64_t FindSegment(const std::vector<SegmentInfo>& segments, int64_t ordinal) {
  auto it = std::upper_bound(segments.begin(), segments.end(), ordinal,
                             [](int64_t wanted, const SegmentInfo& segment) {
                               return wanted < segment.first_ordinal;
                             });
  if (it == segments.begin()) return -1;
  --it;
  if (ordinal >= it->first_ordinal + it->row_count) return -1;
  return it - segments.begin();
}

Result<SegmentBlobReader> SegmentBlobReader::Create(SqliteConnection* connection) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement read,
                      connection->Prepare("SELECT data FROM dataset_segment_data WHERE id = ?"));
  SJ_ASSIGN_OR_RETURN(SqliteStatement list,
                      connection->Prepare("SELECT id FROM dataset_segment_data "
                                          "WHERE id BETWEEN ? AND ? ORDER BY id"));
  return SegmentBlobReader(std::move(read), std::move(list));
}

Result<bool> SegmentBlobReader::Read(int64_t segment_id, int column_no, std::string* out) {
  read_.Reset();
  read_.Bind(1, SegmentDataId(segment_id, column_no));
  SJ_ASSIGN_OR_RETURN(bool found, read_.Step());
  if (!found) return false;
  std::string_view data = read_.BlobView(0);
  out->assign(data.data(), data.size());
  read_.Reset();
  return true;
}

Result<std::vector<int>> SegmentBlobReader::DataColumns(int64_t segment_id) {
  list_.Reset();
  list_.Bind(1, SegmentDataId(segment_id, kFirstDataColumn))
      .Bind(2, SegmentDataId(segment_id, kMaxColumnNumber));
  std::vector<int> columns;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, list_.Step());
    if (!has_row) break;
    columns.push_back(static_cast<int>(list_.Int(0) - SegmentDataId(segment_id, 0)));
  }
  list_.Reset();
  return columns;
}

Result<const DecodedColumn*> LoadedSegment::Column(int column_no) {
  auto it = columns_.find(column_no);
  if (it != columns_.end()) return &it->second.second;
  auto blob = std::make_unique<std::string>();
  SJ_ASSIGN_OR_RETURN(bool found, reader_->Read(info_.id, column_no, blob.get()));
  DecodedColumn column = DecodedColumn::Empty(static_cast<size_t>(info_.row_count));
  if (found) {
    SJ_ASSIGN_OR_RETURN(column, DecodedColumn::Decode(*blob));
    if (column.rows() != static_cast<size_t>(info_.row_count)) {
      return Status::Corruption("数据集存储段 " + std::to_string(info_.id) + " 的行数不一致");
    }
  }
  auto [inserted, ok] = columns_.emplace(column_no, std::make_pair(std::move(blob), std::move(column)));
  (void)ok;
  return &inserted->second.second;
}

Result<const Provenance*> LoadedSegment::Provenances() {
  if (!provenance_) {
    std::string blob;
    SJ_ASSIGN_OR_RETURN(bool found, reader_->Read(info_.id, kProvenanceColumn, &blob));
    if (!found) return Status::Corruption("数据集存储段 " + std::to_string(info_.id) + " 缺少来源");
    SJ_ASSIGN_OR_RETURN(Provenance provenance, DecodeProvenance(blob));
    if (provenance.lines.size() != static_cast<size_t>(info_.row_count)) {
      return Status::Corruption("数据集存储段 " + std::to_string(info_.id) + " 的来源行数不一致");
    }
    provenance_ = std::move(provenance);
  }
  return &*provenance_;
}

Result<const std::vector<int>*> LoadedSegment::PresentColumns() {
  if (!present_) {
    SJ_ASSIGN_OR_RETURN(std::vector<int> present, reader_->DataColumns(info_.id));
    present_ = std::move(present);
  }
  return &*present_;
}

}  // namespace shujian::store
