// FixtureSource: a DatasetSource over rows written in a model's fixtures or a golden test, as
// a user would type them in an import file. Every value goes through data::NormalizeValue
// with the dataset schema (party_id judged by the row's party type), required columns are
// enforced, and a row whose key repeats replaces the earlier row (the current version), exactly
// as an import would judge and store them. A value an import would reject is an error naming
// the fixture's position: fixtures must be valid data.
//
// Thread safety: Load may be called from one thread at a time.
#ifndef SHUJIAN_ENGINE_INPUT_FIXTURE_SOURCE_H_
#define SHUJIAN_ENGINE_INPUT_FIXTURE_SOURCE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "engine/input/dataset_source.h"

namespace shujian::engine {

struct FixtureCellInput {
  std::string column;                 // canonical name, Chinese header or alias
  std::optional<std::string> value;   // as typed; nullopt: empty
  std::string where;                  // "file:line:column" for messages
};

struct FixtureRowInput {
  std::vector<FixtureCellInput> cells;
  std::string where;
};

struct FixtureTableInput {
  std::string dataset;
  std::string batch = "fixture";      // the batch id every row of this table gets
  std::vector<FixtureRowInput> rows;
  std::string where;
};

class FixtureSource : public DatasetSource {
 public:
  // Judges every row. `today` bounds birth dates of ID numbers (as on import day).
  // Returns InvalidArgument "where：reason" for the first row an import would reject.
  static Result<FixtureSource> Create(const data::SchemaRegistry& schemas,
                                      const std::vector<FixtureTableInput>& tables, Date today);

  Result<LoadedDataset> Load(const data::DatasetSchema& schema, const std::vector<std::string>& columns, bool keys,
                             StringPool* pool) override;
  std::optional<size_t> CountRows(std::string_view dataset) override;
  // Rows with a cell `_imported_on: DATE` belong to a batch imported that day.
  std::optional<Date> BatchImportedOn(std::string_view batch) override;

 private:
  struct StoredRow {
    std::string key;
    std::string batch;
    std::map<std::string, std::string> values;  // canonical column → stored form
  };
  // dataset → rows in first-appearance order of their keys
  std::map<std::string, std::vector<StoredRow>, std::less<>> rows_;
  std::map<std::string, Date, std::less<>> imported_on_;  // batch → the day it was imported
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_INPUT_FIXTURE_SOURCE_H_
