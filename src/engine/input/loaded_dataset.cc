#include "engine/input/loaded_dataset.h"

#include "engine/common/value.h"

namespace shujian::engine {

int LoadedDataset::Find(std::string_view name) const {
  for (size_t index = 0; index < column_names.size(); ++index) {
    if (column_names[index] == name) return static_cast<int>(index);
  }
  return -1;
}

size_t LoadedDataset::MemoryBytes() const {
  size_t bytes = (keys.capacity() + batches.capacity()) * 4;
  for (const ColumnPtr& column : columns) bytes += column->data.capacity() * 8 + column->nulls.capacity();
  return bytes;
}

DatasetBuilder::DatasetBuilder(const data::DatasetSchema& schema, std::vector<std::string> columns,
                               StringPool* pool)
    : pool_(pool) {
  dataset_.schema = &schema;
  dataset_.column_names = std::move(columns);
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
  dataset_.keys.reserve(rows);
  dataset_.batches.reserve(rows);
}

Status DatasetBuilder::AppendRow(std::string_view key, std::string_view batch,
                                 std::span<const std::optional<std::string_view>> values) {
  if (values.size() != columns_.size()) {
    return Status::Internal("DatasetBuilder: 一行的值数与列数不符");
  }
  for (size_t index = 0; index < values.size(); ++index) {
    Vector& column = columns_[index];
    const std::optional<std::string_view>& value = values[index];
    if (!value || value->empty()) {
      column.AppendNull();
      continue;
    }
    if (types_[index] == TypeId::kString) {
      column.Append(pool_->Intern(*value));
      continue;
    }
    Result<int64_t> parsed = ParseScalar(types_[index], *value);
    if (!parsed.ok()) {
      // Roll back the partial row so the dataset stays rectangular.
      for (size_t done = 0; done < index; ++done) {
        Vector& previous = columns_[done];
        previous.data.pop_back();
        if (!previous.nulls.empty()) previous.nulls.pop_back();
      }
      return Status::InvalidArgument(dataset_.schema->name + " 的行「" + std::string(key) + "」列「" +
                                     dataset_.column_names[index] + "」的值「" + std::string(*value) +
                                     "」不是" + TypeLabel(ValueType::Of(types_[index])) + "：" +
                                     parsed.status().message());
    }
    column.Append(*parsed);
  }
  dataset_.keys.push_back(pool_->Intern(key));
  dataset_.batches.push_back(pool_->Intern(batch));
  ++dataset_.rows;
  return Status::Ok();
}

LoadedDataset DatasetBuilder::Finish() {
  for (Vector& column : columns_) {
    column.CompactNulls();
    dataset_.columns.push_back(MakeColumn(std::move(column)));
  }
  columns_.clear();
  return std::move(dataset_);
}

}  // namespace shujian::engine
