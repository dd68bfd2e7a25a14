#include "engine/input/loaded_dataset.h"

#include <algorithm>

#include "core/case_number.h"
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
    case data::LogicalType::kCaseNo: return NormalizeCaseNumber(stored);
    case data::LogicalType::kText: return NormalizeNameForMatching(stored);
    default: return std::string(stored);
  }
}

std::string LoadedDataset::Key(size_t row, const StringPool& pool) const {
  std::string key;
  for (size_t part = 0; part < key_columns.size(); ++part) {
    const Vector& column = *columns[key_columns[part]];
    const data::ColumnSchema* schema_column = schema->FindColumn(column_names[key_columns[part]]);
    std::string stored;
    if (!column.IsNull(row)) {
      stored = column.type.id == TypeId::kString ? std::string(pool.Get(static_cast<uint32_t>(column.data[row])))
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
  for (const ColumnPtr& column : columns) bytes += column->data.capacity() * 8 + column->nulls.capacity();
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

Status DatasetBuilder::TypeError(size_t column, size_t row, std::string_view value, const Status& reason) const {
  return Status::InvalidArgument(dataset_.schema->name + " 第" + std::to_string(row + 1) + "行列「" +
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

Status DatasetBuilder::AppendRow(std::string_view batch, std::span<const std::optional<std::string_view>> values) {
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
  if (columns.size() != columns_.size()) return Status::Internal("DatasetBuilder: 列数不符");
  // A small direct-mapped cache per column: the address and length of a value, and what it
  // became. Views of one call never change, so equal address and length mean equal bytes.
  struct Cached {
    const char* data = nullptr;
    size_t size = 0;
    int64_t value = 0;
  };
  constexpr size_t kCacheSize = 1024;
  std::vector<Cached> cache(kCacheSize);
  for (size_t index = 0; index < columns.size(); ++index) {
    const std::vector<std::string_view>& values = columns[index];
    if (values.size() < rows) return Status::Internal("DatasetBuilder: 列的行数不符");
    Vector& column = columns_[index];
    std::fill(cache.begin(), cache.end(), Cached{});
    if (types_[index] == TypeId::kString) {
      // Text: the distinct addresses are interned together (InternBatch), then placed.
      std::vector<std::string_view> pending;
      std::vector<int64_t> reference(rows, -1);  // index into pending; -1: null
      for (size_t row = 0; row < rows; ++row) {
        std::string_view value = values[row];
        if (value.empty()) continue;
        auto address = reinterpret_cast<uintptr_t>(value.data());
        Cached& slot = cache[((address >> 3) ^ (address >> 13) ^ value.size()) & (kCacheSize - 1)];
        if (slot.data != value.data() || slot.size != value.size()) {
          slot = {value.data(), value.size(), static_cast<int64_t>(pending.size())};
          pending.push_back(value);
        }
        reference[row] = slot.value;
      }
      std::vector<uint32_t> codes(pending.size());
      pool_->InternBatch(pending, codes.data());
      for (size_t row = 0; row < rows; ++row) {
        if (reference[row] < 0) {
          column.AppendNull();
        } else {
          column.Append(codes[static_cast<size_t>(reference[row])]);
        }
      }
      continue;
    }
    for (size_t row = 0; row < rows; ++row) {
      std::string_view value = values[row];
      if (value.empty()) {
        column.AppendNull();
        continue;
      }
      auto address = reinterpret_cast<uintptr_t>(value.data());
      Cached& slot = cache[((address >> 3) ^ (address >> 13) ^ value.size()) & (kCacheSize - 1)];
      if (slot.data == value.data() && slot.size == value.size()) {
        column.Append(slot.value);
        continue;
      }
      Result<int64_t> parsed = ParseScalar(types_[index], value);
      if (!parsed.ok()) {
        Status error = TypeError(index, dataset_.rows + row, value, parsed.status());
        for (size_t done = 0; done <= index; ++done) {  // every column had dataset_.rows rows
          columns_[done].data.resize(dataset_.rows);
          if (!columns_[done].nulls.empty()) columns_[done].nulls.resize(dataset_.rows);
        }
        return error;
      }
      slot = {value.data(), value.size(), *parsed};
      column.Append(*parsed);
    }
  }
  if (rows > 0) NoteBatch(batch);
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
