// CompiledModel: a model file parsed (spec/) and bound (bind/) against the dataset schemas
// and parameter tables — checked and ready to plan and run any number of times.
//
// Thread safety: immutable once compiled; may be run concurrently (each run has its own pool).
#ifndef SHUJIAN_ENGINE_COMPILED_MODEL_H_
#define SHUJIAN_ENGINE_COMPILED_MODEL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "data/dataset_schema.h"
#include "engine/bind/bound_model.h"
#include "engine/spec/model_spec.h"
#include "engine/spec/param_table.h"

namespace shujian::engine {

class CompiledModel {
 public:
  // Parses and binds a model file. Returns InvalidArgument "file:line:column：reason" for the
  // first problem (what `shujian model check` prints). `schemas` and `tables` must outlive the
  // result.
  static Result<std::unique_ptr<CompiledModel>> Compile(std::string_view yaml_text, std::string_view source_name,
                                                        const data::SchemaRegistry& schemas,
                                                        const TableLibrary& tables);

  const ModelSpec& spec() const { return *spec_; }
  const BoundModel& bound() const { return bound_; }
  // The datasets the model reads, sorted.
  std::vector<std::string> Datasets() const;
  // The dataset columns each step reads (ReadColumnsByStep), computed once.
  const std::vector<std::vector<int>>& read_columns() const { return read_columns_; }
  const data::SchemaRegistry& schemas() const { return *schemas_; }

 private:
  CompiledModel() = default;
  std::unique_ptr<ModelSpec> spec_;  // owned; bound_ points into it
  BoundModel bound_;
  std::vector<std::vector<int>> read_columns_;
  const data::SchemaRegistry* schemas_ = nullptr;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_COMPILED_MODEL_H_
