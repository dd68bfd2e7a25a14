#include "engine/input/loaded_dataset.h"

#include <algorithm>
#include <array>

#include "core/case_number.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/name_normalize.h"
#include "engine/common/value.h"

namespace shujian::engine {

int LoadedDataset::Find(std::string_view name) const {
  for (size_t index = 0; index < column_names.size(); ++index) {
    if (column_names[index] == name) return static_cast<int>(index);
  }
  return -1;
}

std::string KeyPart(data::LogicalType type, std::string_view stored) {
  switch (type) {
    case data::LogicalType::kCaseNo:
      return NormalizeCaseNumber(stored);
    case data::LogicalType::kText:
      return NormalizeNameForMatching(stored);
    default:
      return std::string(stored);
  }
}

std::string LoadedDataset::Key(size_t row, const StringPool& pool) const {
  std::string key;
  for (size_t part = 0; part < key_columns.size(); ++part) {
    const Vector& column = *columns[key_columns[part]];
    const data::ColumnSchema* schema_column = schema->FindColumn(column_names[key_columns[part]]);
    std::string stored;
    if (!column.IsNull(row)) {
      stored = column.type.id == TypeId::kString
                   ? std::string(pool.Get(static_cast<uint32_t>(column.data[row])))
                   : FormatScalar(column.type.id, column.data[row]);
    }
    if (part > 0) key += '|';
    key += KeyPart(schema_column->type, stored);
  }
  return key;
}

uint32_t LoadedDataset::BatchCode(size_t row) const {
  auto it = std::upper_bound(batch_starts.begin(), batch_starts.end(), static_cast<uint32_t>(row));
  return batch_codes[static_cast<size_t>(it - batch_starts.begin()) - 1];
}

size_t LoadedDataset::MemoryBytes() const {
  size_t bytes = (batch_starts.capacity() + batch_codes.capacity()) * 4;
  for (const ColumnPtr& column : columns)
    bytes += column->data.capacity() * 8 + column->nulls.capacity();
  return bytes;
}

DatasetBuilder::DatasetBuilder(const data::DatasetSchema& schema, std::vector<std::string> columns,
                               StringPool* pool, bool keys)
    : pool_(pool) {
  dataset_.schema = &schema;
  dataset_.column_names = std::move(columns);
  for (const std::string& key : keys ? schema.key : std::vector<std::string>()) {
    auto it = std::find(dataset_.column_names.begin(), dataset_.column_names.end(), key);
    if (it == dataset_.column_names.end()) {
      dataset_.column_names.push_back(key);
      it = dataset_.column_names.end() - 1;
    }
    dataset_.key_columns.push_back(static_cast<int>(it - dataset_.column_names.begin()));
  }
  for (const std::string& name : dataset_.column_names) {
    const data::ColumnSchema* column = schema.FindColumn(name);
    ValueType type = column == nullptr ? ValueType::String()
                                       : TypeOfLogical(column->type, column->enum_values.empty()
                                                                         ? nullptr
                                                                         : &column->enum_values);
    Vector vector;
    vector.type = type;
    columns_.push_back(std::move(vector));
    types_.push_back(type.id);
  }
}

void DatasetBuilder::Reserve(size_t rows) {
  for (Vector& column : columns_) column.Reserve(rows);
}

Status DatasetBuilder::TypeError(size_t column, size_t row, std::string_view value,
                                 const Status& reason) const {
  return Status::InvalidArgument(
      dataset_.schema->name + " 第" + std::to_string(row + 1) + "行列「" +
      dataset_.column_names[column] + "」的值「" + std::string(value) + "」不是" +
      TypeLabel(ValueType::Of(types_[column])) + "：" + reason.message());
}

Status DatasetBuilder::AppendValue(size_t index, std::string_view value) {
  Vector& column = columns_[index];
  if (value.empty()) {
    column.AppendNull();
  } else if (types_[index] == TypeId::kString) {
    column.Append(pool_->Intern(value));
  } else {
    Result<int64_t> parsed = ParseScalar(types_[index], value);
    if (!parsed.ok()) return TypeError(index, dataset_.rows, value, parsed.status());
    column.Append(*parsed);
  }
  return Status::Ok();
}

void DatasetBuilder::NoteBatch(std::string_view batch) {
  if (dataset_.batch_codes.empty() || batch != last_batch_) {
    dataset_.batch_starts.push_back(static_cast<uint32_t>(dataset_.rows));
    dataset_.batch_codes.push_back(pool_->Intern(batch));
    last_batch_ = std::string(batch);
  }
}

Status DatasetBuilder::AppendRow(std::string_view batch,
                                 std::span<const std::optional<std::string_view>> values) {
  if (values.size() != columns_.size()) {
    return Status::Internal("DatasetBuilder: 一行的值数与列数不符");
  }
  for (size_t index = 0; index < values.size(); ++index) {
    Status appended = AppendValue(index, values[index].value_or(std::string_view()));
    if (!appended.ok()) {
      // Roll back the partial row so the dataset stays rectangular.
      for (size_t done = 0; done < index; ++done) {
        Vector& previous = columns_[done];
        previous.data.pop_back();
        if (!previous.nulls.empty()) previous.nulls.pop_back();
      }
      return appended;
    }
  }
  NoteBatch(batch);
  ++dataset_.rows;
  return Status::Ok();
}

Status DatasetBuilder::AppendColumns(std::string_view batch, size_t rows,
                                     std::span<const std::vector<std::string_view>> columns) {
  SJ_RETURN_IF_ERROR(Prepare(batch, rows, columns, &scratch_));
  return AppendPrepared(scratch_);
}

Status DatasetBuilder::Prepare(std::string_view batch, size_t rows,
                               std::span<const std::vector<std::string_view>> columns,
                               PreparedBatch* out) const {
  if (columns.size() != types_.size()) return Status::Internal("DatasetBuilder: 列数不符");
  for (const std::vector<std::string_view>& values : columns) {
    if (values.size() < rows) return Status::Internal("DatasetBuilder: 列的行数不符");
  }
  out->batch.assign(batch);
  out->rows = rows;
  out->bad = false;
  out->columns.resize(columns.size());
  // A small direct-mapped cache per column: the address and length of a value, and what it
  // became (for text, its index among the values to intern). Views of one call never change,
  // so equal address and length mean equal bytes: a value repeated at one address (a store's
  // dictionary-encoded column) is converted, copied and hashed once.
  struct Cached {
    const char* data = nullptr;
    size_t size = 0;
    int64_t value = 0;
  };
  constexpr size_t kCacheSize = 1024;
  std::array<Cached, kCacheSize> cache;
  for (size_t index = 0; index < columns.size(); ++index) {
    const std::vector<std::string_view>& values = columns[index];
    PreparedBatch::Column& column = out->columns[index];
    column.values.resize(rows);
    column.nulls.clear();
    column.bytes.clear();
    column.ends.clear();
    column.hashes.clear();
    if (out->bad) continue;  // only the first bad value is reported
    cache.fill(Cached{});
    const TypeId type = types_[index];
    const bool text = type == TypeId::kString;
    for (size_t row = 0; row < rows; ++row) {
      std::string_view value = values[row];
      if (value.empty()) {
        if (column.nulls.empty()) column.nulls.resize(row, 0);
        column.nulls.push_back(1);
        column.values[row] = 0;
        continue;
      }
      if (!column.nulls.empty()) column.nulls.push_back(0);
      auto address = reinterpret_cast<uintptr_t>(value.data());
      Cached& slot = cache[((address >> 3) ^ (address >> 13) ^ value.size()) & (kCacheSize - 1)];
      if (slot.data == value.data() && slot.size == value.size()) {
        column.values[row] = slot.value;
        continue;
      }
      int64_t converted;
      if (text) {
        converted = static_cast<int64_t>(column.ends.size());
        column.bytes.append(value);
        column.ends.push_back(column.bytes.size());
        column.hashes.push_back(StringPool::Hash(value));
      } else if (!ParseCanonicalScalar(type, value, &converted)) {
        Result<int64_t> parsed = ParseScalar(type, value);
        if (!parsed.ok()) {
          out->bad = true;
          out->bad_column = index;
          out->bad_row = row;
          out->bad_value = std::string(value);
          out->bad_reason = parsed.status();
          break;
        }
        converted = *parsed;
      }
      slot = {value.data(), value.size(), converted};
      column.values[row] = converted;
    }
  }
  return Status::Ok();
}

Status DatasetBuilder::AppendPrepared(const PreparedBatch& prepared) {
  if (prepared.columns.size() != columns_.size())
    return Status::Internal("DatasetBuilder: 列数不符");
  if (prepared.bad) {
    return TypeError(prepared.bad_column, dataset_.rows + prepared.bad_row, prepared.bad_value,
                     prepared.bad_reason);
  }
  const size_t rows = prepared.rows;
  std::vector<std::string_view> texts;
  std::vector<uint32_t> codes;
  for (size_t index = 0; index < columns_.size(); ++index) {
    const PreparedBatch::Column& from = prepared.columns[index];
    Vector& column = columns_[index];
    const size_t old = column.data.size();
    if (types_[index] == TypeId::kString) {
      // The batch's texts are interned together (InternBatch), then placed.
      texts.resize(from.ends.size());
      for (size_t text = 0, begin = 0; text < from.ends.size(); begin = from.ends[text++]) {
        texts[text] = std::string_view(from.bytes).substr(begin, from.ends[text] - begin);
      }
      codes.resize(texts.size());
      pool_->InternBatch(texts, from.hashes.data(), codes.data());
      column.data.resize(old + rows);
      int64_t* data = column.data.data() + old;
      if (from.nulls.empty()) {
        for (size_t row = 0; row < rows; ++row)
          data[row] = codes[static_cast<size_t>(from.values[row])];
      } else {
        for (size_t row = 0; row < rows; ++row) {
          data[row] = from.nulls[row] != 0 ? 0 : codes[static_cast<size_t>(from.values[row])];
        }
      }
    } else {
      column.data.insert(column.data.end(), from.values.begin(),
                         from.values.begin() + static_cast<ptrdiff_t>(rows));
    }
    if (!from.nulls.empty()) {
      if (column.nulls.empty()) column.nulls.assign(old, 0);
      column.nulls.insert(column.nulls.end(), from.nulls.begin(), from.nulls.end());
    } else if (!column.nulls.empty()) {
      column.nulls.resize(old + rows, 0);
    }
  }
  if (rows > 0) NoteBatch(prepared.batch);
  dataset_.rows += rows;
  return Status::Ok();
}

LoadedDataset DatasetBuilder::Finish() {
  for (Vector& column : columns_) {
    column.CompactNulls();
    column.data.shrink_to_fit();
    column.nulls.shrink_to_fit();
    dataset_.columns.push_back(MakeColumn(std::move(column)));
  }
  columns_.clear();
  return std::move(dataset_);
}

}  // namespace shujian::engine
