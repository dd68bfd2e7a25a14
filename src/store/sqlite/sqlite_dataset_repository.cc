#include "store/sqlite/sqlite_dataset_repository.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "store/sqlite/dataset_segment.h"
#include "store/sqlite/key_index.h"
#include "store/sqlite/sqlite_dataset_row_writer.h"
#include "store/sqlite/sqlite_dataset_scan.h"
#include "store/sqlite/sqlite_dataset_tables.h"

namespace shujian::store {
namespace {

std::string BatchId(int64_t seq) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "b-%06lld", static_cast<long long>(seq));
  return buffer;
}

constexpr const char* kBatchColumns =
    "id, dataset, source, imported_by, imported_at, rows, accepted, rejected, unchanged, "
    "new_versions, warnings";

BatchManifest ReadBatch(const SqliteStatement& row) {
  BatchManifest batch;
  batch.id = row.Text(0);
  batch.dataset = row.Text(1);
  batch.source = row.Text(2);
  batch.imported_by = row.Text(3);
  batch.imported_at = row.Text(4);
  batch.rows = row.Int(5);
  batch.accepted = row.Int(6);
  batch.rejected = row.Int(7);
  batch.unchanged = row.Int(8);
  batch.new_versions = row.Int(9);
  batch.warnings = row.Int(10);
  return batch;
}

Status Inconsistent(std::string_view dataset, const std::string& what) {
  return Status::Corruption("数据集「" + std::string(dataset) + "」的存储不一致：" + what);
}

}  // namespace

Result<std::string> SqliteDatasetRepository::CreateBatch(const BatchManifest& manifest) {
  if (manifest.dataset.empty()) return Status::InvalidArgument("导入批次缺少数据集名称");
  SJ_ASSIGN_OR_RETURN(SqliteStatement next,
                      connection_->Prepare("SELECT coalesce(max(seq), 0) + 1 FROM import_batches"));
  SJ_ASSIGN_OR_RETURN(bool has_row, next.Step());
  if (!has_row) return Status::Internal("无法分配导入批次编号");
  const int64_t seq = next.Int(0);
  const std::string id = BatchId(seq);
  SJ_ASSIGN_OR_RETURN(SqliteStatement insert,
                      connection_->Prepare("INSERT INTO import_batches (id, seq, dataset, source, "
                                           "imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, id)
      .Bind(2, seq)
      .Bind(3, manifest.dataset)
      .Bind(4, manifest.source)
      .Bind(5, manifest.imported_by)
      .Bind(6, manifest.imported_at);
  SJ_RETURN_IF_ERROR(insert.Run());
  return id;
}

Result<std::unique_ptr<DatasetRowWriter>> SqliteDatasetRepository::OpenRowWriter(
    std::string_view batch_id, const DatasetLayout& layout) {
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<SqliteDatasetRowWriter> writer,
                      SqliteDatasetRowWriter::Open(connection_, batch_id, layout));
  return std::unique_ptr<DatasetRowWriter>(std::move(writer));
}

Status SqliteDatasetRepository::AddRejects(std::string_view batch_id,
                                           std::span<const RejectRecord> rejects) {
  if (rejects.empty()) return Status::Ok();
  SJ_ASSIGN_OR_RETURN(SqliteStatement next,
                      connection_->Prepare("SELECT coalesce(max(seq), 0) + 1 FROM import_rejects "
                                           "WHERE batch_id = ?"));
  next.Bind(1, batch_id);
  SJ_ASSIGN_OR_RETURN(bool has_row, next.Step());
  if (!has_row) return Status::Internal("无法分配拒绝记录编号");
  int64_t seq = next.Int(0);
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO import_rejects (batch_id, seq, file_position, line, "
                           "column_header, value, reason, severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  for (const RejectRecord& reject : rejects) {
    insert.Reset();
    insert.Bind(1, batch_id)
        .Bind(2, seq++)
        .Bind(3, static_cast<int64_t>(reject.file))
        .Bind(4, reject.line)
        .Bind(5, reject.column)
        .Bind(6, reject.value)
        .Bind(7, reject.reason)
        .Bind(8, reject.warning ? "warning" : "reject");
    SJ_RETURN_IF_ERROR(insert.Run());
  }
  return Status::Ok();
}

Status SqliteDatasetRepository::CompleteBatch(const BatchManifest& manifest) {
  if (manifest.rows != manifest.accepted + manifest.rejected + manifest.unchanged) {
    return Status::InvalidArgument("导入批次的行数不等于接受、拒绝与未变化之和");
  }
  SJ_ASSIGN_OR_RETURN(SqliteStatement update,
                      connection_->Prepare("UPDATE import_batches SET rows = ?, accepted = ?, "
                                           "rejected = ?, unchanged = ?, new_versions = ?, "
                                           "warnings = ? WHERE id = ?"));
  update.Bind(1, manifest.rows)
      .Bind(2, manifest.accepted)
      .Bind(3, manifest.rejected)
      .Bind(4, manifest.unchanged)
      .Bind(5, manifest.new_versions)
      .Bind(6, manifest.warnings)
      .Bind(7, manifest.id);
  SJ_RETURN_IF_ERROR(update.Run());
  if (sqlite3_changes(connection_->handle()) != 1) {
    return Status::NotFound("没有编号为 " + manifest.id + " 的导入批次");
  }
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement file,
      connection_->Prepare("INSERT INTO import_batch_files (batch_id, position, name, sha256, bytes, "
                           "format, encoding, sheet, rows, accepted, rejected, unchanged) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (size_t position = 0; position < manifest.files.size(); ++position) {
    const BatchFile& entry = manifest.files[position];
    file.Reset();
    file.Bind(1, manifest.id)
        .Bind(2, static_cast<int64_t>(position))
        .Bind(3, entry.name)
        .Bind(4, entry.sha256)
        .Bind(5, entry.bytes)
        .Bind(6, entry.format)
        .Bind(7, entry.encoding)
        .Bind(8, entry.sheet)
        .Bind(9, entry.rows)
        .Bind(10, entry.accepted)
        .Bind(11, entry.rejected)
        .Bind(12, entry.unchanged);
    SJ_RETURN_IF_ERROR(file.Run());
  }
  return Status::Ok();
}

Result<std::optional<BatchManifest>> SqliteDatasetRepository::GetBatch(std::string_view batch_id) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kBatchColumns +
                                           " FROM import_batches WHERE id = ?"));
  statement.Bind(1, batch_id);
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<BatchManifest>();
  BatchManifest batch = ReadBatch(statement);
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement files,
      connection_->Prepare("SELECT name, sha256, bytes, format, encoding, sheet, rows, accepted, "
                           "rejected, unchanged FROM import_batch_files WHERE batch_id = ? "
                           "ORDER BY position"));
  files.Bind(1, batch_id);
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, files.Step());
    if (!has_row) break;
    batch.files.push_back({files.Text(0), files.Text(1), files.Int(2), files.Text(3), files.Text(4),
                           files.Text(5), files.Int(6), files.Int(7), files.Int(8), files.Int(9)});
  }
  return std::optional<BatchManifest>(std::move(batch));
}

Result<std::vector<BatchManifest>> SqliteDatasetRepository::ListBatches(std::string_view dataset,
                                                                        int limit) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare("SELECT id FROM import_batches WHERE ? = '' OR dataset = ? "
                                           "ORDER BY seq DESC LIMIT ?"));
  statement.Bind(1, dataset).Bind(2, dataset).Bind(3, static_cast<int64_t>(limit > 0 ? limit : -1));
  std::vector<std::string> ids;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    ids.push_back(statement.Text(0));
  }
  std::vector<BatchManifest> batches;
  for (const std::string& id : ids) {
    SJ_ASSIGN_OR_RETURN(std::optional<BatchManifest> batch, GetBatch(id));
    if (batch) batches.push_back(std::move(*batch));
  }
  return batches;
}

Result<std::vector<RejectRecord>> SqliteDatasetRepository::ListRejects(std::string_view batch_id,
                                                                       const RejectFilter& filter) {
  SJ_ASSIGN_OR_RETURN(std::optional<BatchManifest> batch, GetBatch(batch_id));
  if (!batch) {
    return Status::NotFound("没有编号为 " + std::string(batch_id) +
                            " 的导入批次；用 shujian datasets 查看已有的批次");
  }
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare("SELECT file_position, line, column_header, value, reason, severity "
                           "FROM import_rejects WHERE batch_id = ? AND "
                           "(severity = 'reject' AND ? OR severity = 'warning' AND ?) "
                           "ORDER BY seq LIMIT ? OFFSET ?"));
  statement.Bind(1, batch_id)
      .Bind(2, static_cast<int64_t>(filter.include_rejects))
      .Bind(3, static_cast<int64_t>(filter.include_warnings))
      .Bind(4, filter.limit > 0 ? filter.limit : int64_t{-1})
      .Bind(5, filter.offset);
  std::vector<RejectRecord> rejects;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    RejectRecord reject;
    reject.file = static_cast<int>(statement.Int(0));
    if (reject.file >= 0 && static_cast<size_t>(reject.file) < batch->files.size()) {
      reject.file_name = batch->files[reject.file].name;
    }
    reject.line = statement.Int(1);
    reject.column = statement.Text(2);
    reject.value = statement.Text(3);
    reject.reason = statement.Text(4);
    reject.warning = statement.Text(5) == "warning";
    rejects.push_back(std::move(reject));
  }
  return rejects;
}

Result<std::vector<DatasetSummary>> SqliteDatasetRepository::Summaries() {
  std::map<std::string, DatasetSummary> summaries;
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement batches,
      connection_->Prepare("SELECT b.dataset, count(*), "
                           "(SELECT id FROM import_batches l WHERE l.dataset = b.dataset "
                           " ORDER BY seq DESC LIMIT 1), "
                           "(SELECT imported_at FROM import_batches l WHERE l.dataset = b.dataset "
                           " ORDER BY seq DESC LIMIT 1) "
                           "FROM import_batches b GROUP BY b.dataset"));
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, batches.Step());
    if (!has_row) break;
    DatasetSummary& summary = summaries[batches.Text(0)];
    summary.dataset = batches.Text(0);
    summary.batches = batches.Int(1);
    summary.last_batch_id = batches.Text(2);
    summary.last_imported_at = batches.Text(3);
  }
  SJ_ASSIGN_OR_RETURN(SqliteStatement rows,
                      connection_->Prepare("SELECT name, current_rows, next_ordinal FROM datasets"));
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, rows.Step());
    if (!has_row) break;
    DatasetSummary& summary = summaries[rows.Text(0)];
    summary.dataset = rows.Text(0);
    summary.current_rows = rows.Int(1);
    summary.stored_rows = rows.Int(2);
  }
  std::vector<DatasetSummary> result;
  for (auto& [name, summary] : summaries) result.push_back(std::move(summary));
  return result;
}

Result<std::unique_ptr<DatasetScan>> SqliteDatasetRepository::ScanCurrentRows(
    const ScanRequest& request) {
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<SqliteDatasetScan> scan,
                      SqliteDatasetScan::Open(connection_, request));
  return std::unique_ptr<DatasetScan>(std::move(scan));
}

Result<std::vector<RowVersion>> SqliteDatasetRepository::RowVersions(std::string_view dataset,
                                                                     std::span<const std::string> key) {
  std::vector<RowVersion> versions;
  SJ_ASSIGN_OR_RETURN(std::optional<StoredDataset> stored, LoadStoredDataset(connection_, dataset));
  if (!stored) return versions;
  if (key.size() != stored->key_columns.size()) {
    return Status::InvalidArgument("数据集「" + std::string(dataset) + "」的主键有 " +
                                   std::to_string(stored->key_columns.size()) + " 部分");
  }
  std::vector<std::string_view> parts(key.begin(), key.end());
  const uint64_t hash = RowKeyHash(parts);
  SJ_ASSIGN_OR_RETURN(auto catalog, LoadColumnCatalog(connection_, dataset));
  std::map<int, std::string> names;
  for (const auto& [name, number] : catalog) names[number] = name;
  std::vector<int> key_numbers;
  for (const std::string& column : stored->key_columns) key_numbers.push_back(catalog.find(column)->second);
  SJ_ASSIGN_OR_RETURN(std::vector<SegmentInfo> segments, LoadSegments(connection_, dataset));
  SJ_ASSIGN_OR_RETURN(SegmentBlobReader reader, SegmentBlobReader::Create(connection_));
  SJ_ASSIGN_OR_RETURN(SqliteStatement superseded,
                      connection_->Prepare("SELECT batch_id FROM dataset_superseded "
                                           "WHERE dataset = ? AND ordinal = ?"));
  SJ_ASSIGN_OR_RETURN(SqliteStatement imported,
                      connection_->Prepare("SELECT imported_at FROM import_batches WHERE id = ?"));
  std::string blob;
  for (const SegmentInfo& info : segments) {
    SJ_ASSIGN_OR_RETURN(bool found, reader.Read(info.id, kKeyHashColumn, &blob));
    if (!found) return Inconsistent(dataset, "存储段缺少主键散列");
    SJ_ASSIGN_OR_RETURN(std::vector<uint64_t> hashes, DecodeKeyHashes(blob));
    LoadedSegment segment(info, &reader);
    for (size_t slot = 0; slot < hashes.size(); ++slot) {
      if (hashes[slot] != hash) continue;
      bool equal = true;
      for (size_t part = 0; part < parts.size() && equal; ++part) {
        SJ_ASSIGN_OR_RETURN(const DecodedColumn* column, segment.Column(key_numbers[part]));
        equal = column->match_or_value(slot) == parts[part];
      }
      if (!equal) continue;
      RowVersion version;
      version.ordinal = info.first_ordinal + static_cast<int64_t>(slot);
      version.batch_id = info.batch_id;
      SJ_ASSIGN_OR_RETURN(const Provenance* provenance, segment.Provenances());
      version.file = provenance->files[slot];
      version.line = provenance->lines[slot];
      SJ_ASSIGN_OR_RETURN(const std::vector<int>* present, segment.PresentColumns());
      for (int number : *present) {
        SJ_ASSIGN_OR_RETURN(const DecodedColumn* column, segment.Column(number));
        if (column->value(slot).empty()) continue;
        auto name = names.find(number);
        version.values.emplace_back(name == names.end() ? std::to_string(number) : name->second,
                                    std::string(column->value(slot)));
      }
      superseded.Reset();
      superseded.Bind(1, dataset).Bind(2, version.ordinal);
      SJ_ASSIGN_OR_RETURN(bool is_superseded, superseded.Step());
      version.current = !is_superseded;
      if (is_superseded) version.superseded_by = superseded.Text(0);
      imported.Reset();
      imported.Bind(1, version.batch_id);
      SJ_ASSIGN_OR_RETURN(bool has_batch, imported.Step());
      if (has_batch) version.imported_at = imported.Text(0);
      versions.push_back(std::move(version));
    }
  }
  return versions;
}

Status SqliteDatasetRepository::Verify() {
  SJ_ASSIGN_OR_RETURN(SqliteStatement names, connection_->Prepare("SELECT name FROM datasets ORDER BY name"));
  std::vector<std::string> datasets;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, names.Step());
    if (!has_row) break;
    datasets.push_back(names.Text(0));
  }
  for (const std::string& dataset : datasets) SJ_RETURN_IF_ERROR(VerifyDataset(dataset));
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement orphans,
      connection_->Prepare("SELECT count(*) FROM dataset_segment_data WHERE id / 1024 NOT IN "
                           "(SELECT id FROM dataset_segments)"));
  SJ_ASSIGN_OR_RETURN(bool has_row, orphans.Step());
  if (has_row && orphans.Int(0) != 0) {
    return Status::Corruption("有 " + std::to_string(orphans.Int(0)) + " 个数据块不属于任何存储段");
  }
  return Status::Ok();
}

Status SqliteDatasetRepository::VerifyDataset(std::string_view dataset) {
  SJ_ASSIGN_OR_RETURN(std::optional<StoredDataset> stored, LoadStoredDataset(connection_, dataset));
  if (!stored) return Status::Ok();
  SJ_ASSIGN_OR_RETURN(std::vector<SegmentInfo> segments, LoadSegments(connection_, dataset));
  SJ_ASSIGN_OR_RETURN(std::vector<int64_t> superseded, LoadSuperseded(connection_, dataset));
  SJ_ASSIGN_OR_RETURN(auto catalog, LoadColumnCatalog(connection_, dataset));
  SJ_ASSIGN_OR_RETURN(SegmentBlobReader reader, SegmentBlobReader::Create(connection_));
  std::vector<int> key_numbers;
  for (const std::string& column : stored->key_columns) {
    auto it = catalog.find(column);
    if (it == catalog.end()) return Inconsistent(dataset, "主键列「" + column + "」没有列编号");
    key_numbers.push_back(it->second);
  }
  // Segments cover ordinals 0 .. next_ordinal - 1 exactly once, and every BLOB decodes.
  int64_t expected = 0;
  std::vector<std::pair<uint64_t, int64_t>> current_hashes;  // (key hash, ordinal)
  auto next_superseded = superseded.begin();
  for (const SegmentInfo& info : segments) {
    if (info.first_ordinal != expected) {
      return Inconsistent(dataset, "存储段 " + std::to_string(info.id) + " 的起始序号应为 " +
                                       std::to_string(expected));
    }
    expected += info.row_count;
    std::string blob;
    SJ_ASSIGN_OR_RETURN(bool found, reader.Read(info.id, kKeyHashColumn, &blob));
    if (!found) return Inconsistent(dataset, "存储段 " + std::to_string(info.id) + " 缺少主键散列");
    SJ_ASSIGN_OR_RETURN(std::vector<uint64_t> hashes, DecodeKeyHashes(blob));
    if (hashes.size() != static_cast<size_t>(info.row_count)) {
      return Inconsistent(dataset, "存储段 " + std::to_string(info.id) + " 的主键散列数不对");
    }
    LoadedSegment segment(info, &reader);
    SJ_RETURN_IF_ERROR(segment.Provenances().status());
    SJ_ASSIGN_OR_RETURN(const std::vector<int>* present, segment.PresentColumns());
    for (int number : *present) SJ_RETURN_IF_ERROR(segment.Column(number).status());
    // Each key hash is the hash of the row's key.
    std::vector<const DecodedColumn*> key_columns;
    for (int number : key_numbers) {
      SJ_ASSIGN_OR_RETURN(const DecodedColumn* column, segment.Column(number));
      key_columns.push_back(column);
    }
    std::vector<std::string_view> parts(key_columns.size());
    for (size_t slot = 0; slot < hashes.size(); ++slot) {
      for (size_t part = 0; part < parts.size(); ++part) parts[part] = key_columns[part]->match_or_value(slot);
      if (RowKeyHash(parts) != hashes[slot]) {
        return Inconsistent(dataset, "存储段 " + std::to_string(info.id) + " 第 " + std::to_string(slot) +
                                         " 行的主键散列与主键不符");
      }
      const int64_t ordinal = info.first_ordinal + static_cast<int64_t>(slot);
      while (next_superseded != superseded.end() && *next_superseded < ordinal) ++next_superseded;
      if (next_superseded == superseded.end() || *next_superseded != ordinal) {
        current_hashes.emplace_back(hashes[slot], ordinal);
      }
    }
  }
  // No key has two current versions.
  std::sort(current_hashes.begin(), current_hashes.end());
  auto key_of = [&](int64_t ordinal) -> Result<std::string> {
    int64_t index = FindSegment(segments, ordinal);
    if (index < 0) return Inconsistent(dataset, "行序号 " + std::to_string(ordinal) + " 不属于任何存储段");
    LoadedSegment segment(segments[index], &reader);
    std::string key;
    for (int number : key_numbers) {
      SJ_ASSIGN_OR_RETURN(const DecodedColumn* column, segment.Column(number));
      std::string_view part = column->match_or_value(static_cast<size_t>(ordinal - segments[index].first_ordinal));
      key += std::to_string(part.size()) + ":" + std::string(part);
    }
    return key;
  };
  for (size_t run = 0; run < current_hashes.size();) {
    size_t end = run + 1;
    while (end < current_hashes.size() && current_hashes[end].first == current_hashes[run].first) ++end;
    for (size_t a = run; a + 1 < end; ++a) {
      SJ_ASSIGN_OR_RETURN(std::string key_a, key_of(current_hashes[a].second));
      for (size_t b = a + 1; b < end; ++b) {
        SJ_ASSIGN_OR_RETURN(std::string key_b, key_of(current_hashes[b].second));
        if (key_a == key_b) {
          return Inconsistent(dataset, "行序号 " + std::to_string(current_hashes[a].second) + " 和 " +
                                           std::to_string(current_hashes[b].second) +
                                           " 是同一主键的两个当前版本");
        }
      }
    }
    run = end;
  }
  if (expected != stored->next_ordinal) {
    return Inconsistent(dataset, "存储段共 " + std::to_string(expected) + " 行，记录为 " +
                                     std::to_string(stored->next_ordinal));
  }
  for (int64_t ordinal : superseded) {
    if (ordinal < 0 || ordinal >= stored->next_ordinal) {
      return Inconsistent(dataset, "被替换的行序号 " + std::to_string(ordinal) + " 超出范围");
    }
  }
  const int64_t current = stored->next_ordinal - static_cast<int64_t>(superseded.size());
  if (current != stored->current_rows) {
    return Inconsistent(dataset, "当前行数记录为 " + std::to_string(stored->current_rows) + "，实际为 " +
                                     std::to_string(current));
  }
  return Status::Ok();
}

}  // namespace shujian::store
