#include "engine/input/fixture_source.h"

#include "core/date_parse.h"
#include "core/unicode_fold.h"
#include "data/value_normalizer.h"

namespace shujian::engine {
namespace {

Status Reject(const std::string& where, const std::string& message) {
  return Status::InvalidArgument(where + "：" + message);
}

}  // namespace

Result<FixtureSource> FixtureSource::Create(const data::SchemaRegistry& schemas,
                                            const std::vector<FixtureTableInput>& tables,
                                            Date today) {
  FixtureSource source;
  for (const FixtureTableInput& table : tables) {
    const data::DatasetSchema* schema = schemas.Find(table.dataset);
    if (schema == nullptr) return Reject(table.where, "未知的数据集「" + table.dataset + "」");
    std::vector<StoredRow>& stored_rows = source.rows_[schema->name];
    for (const FixtureRowInput& row : table.rows) {
      // Raw values by canonical column.
      std::map<std::string, std::pair<std::string, std::string>> raw;  // column → (value, where)
      StoredRow stored;
      stored.batch = table.batch;
      for (const FixtureCellInput& cell : row.cells) {
        if (cell.column == "_imported_on") {  // the day the row was uploaded: a batch of that day
          if (!cell.value || TrimSpaces(*cell.value).empty()) continue;
          Result<Date> day = ParseDate(cell.value.value_or(""));
          if (!day.ok())
            return Reject(cell.where, "_imported_on 应为日期：" + day.status().message());
          stored.batch = table.batch + "@" + day->ToIso();
          source.imported_on_[stored.batch] = *day;
          continue;
        }
        const data::ColumnSchema* column = schema->MatchHeader(cell.column);
        if (column == nullptr) {
          return Reject(cell.where, "数据集 " + schema->name + " 没有列「" + cell.column + "」");
        }
        if (raw.count(column->name))
          return Reject(cell.where, "列「" + column->name + "」在一行中出现两次");
        std::string value = cell.value ? TrimSpaces(*cell.value) : std::string();
        if (!value.empty()) raw[column->name] = {value, cell.where};
      }
      for (const data::ColumnSchema& column : schema->columns) {
        auto it = raw.find(column.name);
        if (it == raw.end()) {
          if (column.required) {
            return Reject(row.where, "缺少必填列「" + column.name + "」（" + column.header + "）");
          }
          if (column.required_when) {
            auto condition = raw.find(column.required_when->column);
            if (condition != raw.end()) {
              for (const std::string& when : column.required_when->values) {
                const data::ColumnSchema* other = schema->FindColumn(column.required_when->column);
                data::NormalizeContext context{today, other->enum_values, &other->value_aliases};
                Result<data::NormalizedValue> judged =
                    data::NormalizeValue(other->type, condition->second.first, context);
                if (judged.ok() && judged->stored == when) {
                  return Reject(row.where, "「" + column.required_when->column + "」为" + when +
                                               "时必须填写「" + column.name + "」");
                }
              }
            }
          }
          if (!column.required_with.empty() && raw.count(column.required_with)) {
            return Reject(row.where, "填写了「" + column.required_with + "」时必须填写「" +
                                         column.name + "」");
          }
          continue;
        }
        data::LogicalType type = column.type;
        if (type == data::LogicalType::kPartyId) {
          auto party = raw.find(column.party_type_column);
          const data::ColumnSchema* party_column = schema->FindColumn(column.party_type_column);
          std::string party_type;
          if (party != raw.end() && party_column != nullptr) {
            data::NormalizeContext context{today, party_column->enum_values,
                                           &party_column->value_aliases};
            Result<data::NormalizedValue> judged =
                data::NormalizeValue(party_column->type, party->second.first, context);
            if (judged.ok()) party_type = judged->stored;
          }
          if (party_type == "单位") type = data::LogicalType::kUscc;
        }
        data::NormalizeContext context{today, column.enum_values, &column.value_aliases};
        Result<data::NormalizedValue> judged =
            data::NormalizeValue(type, it->second.first, context);
        if (!judged.ok()) {
          return Reject(it->second.second, "「" + column.name + "」的值「" + it->second.first +
                                               "」会被导入拒绝：" + judged.status().message());
        }
        stored.values[column.name] = judged->stored;
      }
      for (size_t part = 0; part < schema->key.size(); ++part) {
        const data::ColumnSchema* column = schema->FindColumn(schema->key[part]);
        auto it = stored.values.find(schema->key[part]);
        if (part > 0) stored.key += '|';
        stored.key += KeyPart(column->type, it == stored.values.end() ? "" : it->second);
      }
      bool replaced = false;
      for (StoredRow& existing : stored_rows) {
        if (existing.key == stored.key) {
          existing = stored;  // a new version of the same row
          replaced = true;
        }
      }
      if (!replaced) stored_rows.push_back(std::move(stored));
    }
  }
  return source;
}

Result<LoadedDataset> FixtureSource::Load(const data::DatasetSchema& schema,
                                          const std::vector<std::string>& columns, bool keys,
                                          StringPool* pool) {
  DatasetBuilder builder(schema, columns, pool, keys);
  const std::vector<std::string>& all = builder.columns();
  auto it = rows_.find(schema.name);
  if (it != rows_.end()) {
    std::vector<std::optional<std::string_view>> values(all.size());
    for (const StoredRow& row : it->second) {
      for (size_t index = 0; index < all.size(); ++index) {
        auto value = row.values.find(all[index]);
        values[index] = value == row.values.end() ? std::nullopt
                                                  : std::optional<std::string_view>(value->second);
      }
      SJ_RETURN_IF_ERROR(builder.AppendRow(row.batch, values));
    }
  }
  return builder.Finish();
}

std::optional<size_t> FixtureSource::CountRows(std::string_view dataset) {
  auto it = rows_.find(dataset);
  return it == rows_.end() ? 0 : it->second.size();
}

std::optional<Date> FixtureSource::BatchImportedOn(std::string_view batch) {
  auto found = imported_on_.find(batch);
  if (found == imported_on_.end()) return std::nullopt;
  return found->second;
}

}  // namespace shujian::engine
