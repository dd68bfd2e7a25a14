#include "engine/compiled_model.h"

#include <set>

#include "engine/bind/binder.h"
#include "engine/bind/column_refs.h"
#include "engine/spec/spec_parser.h"

namespace shujian::engine {

Result<std::unique_ptr<CompiledModel>> CompiledModel::Compile(std::string_view yaml_text,
                                                              std::string_view source_name,
                                                              const data::SchemaRegistry& schemas,
                                                              const TableLibrary& tables) {
  SJ_ASSIGN_OR_RETURN(ModelSpec spec, ParseModelSpec(yaml_text, source_name));
  std::unique_ptr<CompiledModel> model(new CompiledModel());
  model->spec_ = std::make_unique<ModelSpec>(std::move(spec));
  SJ_ASSIGN_OR_RETURN(model->bound_, BindModel(*model->spec_, schemas, tables));
  model->read_columns_ = ReadColumnsByStep(model->bound_);
  model->schemas_ = &schemas;
  return model;
}

std::vector<std::string> CompiledModel::Datasets() const {
  std::set<std::string> names;
  for (const BoundStep& step : bound_.steps) {
    if (step.kind == StepKind::kRead) names.insert(step.dataset->name);
  }
  return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace shujian::engine
