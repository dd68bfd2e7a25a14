#include "engine/run_inputs.h"

#include <set>

#include "engine/bind/binder.h"

namespace shujian::engine {

Result<std::vector<std::vector<Value>>> ResolveParameters(const BoundModel& model,
                                                          const RunOptions& options) {
  std::vector<std::vector<Value>> params;
  for (const BoundParameter& parameter : model.parameters) params.push_back(parameter.defaults);
  params[0] = {Value::Scalar(ValueType::Of(TypeId::kDate), options.as_of.days_since_epoch())};
  for (const auto& [name, text] : options.params) {
    int found = -1;
    for (size_t index = 1; index < model.parameters.size(); ++index) {
      if (model.parameters[index].name == name) found = static_cast<int>(index);
    }
    if (found < 0) {
      std::string list;
      for (size_t index = 1; index < model.parameters.size(); ++index) {
        list += (list.empty() ? "" : "、") + model.parameters[index].name;
      }
      return Status::InvalidArgument("模型 " + model.spec->id + " 没有参数「" + name + "」" +
                                     (list.empty() ? "（它没有参数）" : "（参数：" + list + "）"));
    }
    Result<std::vector<Value>> value = ParseParameterValue(model.parameters[found], text);
    if (!value.ok()) {
      return Status::InvalidArgument("参数「" + name + "」的值「" + text + "」无效：" +
                                     value.status().message());
    }
    params[found] = std::move(value).value();
  }
  return params;
}

Result<RunInputs> LoadInputs(const CompiledModel& model, DatasetSource* source,
                             const std::vector<std::vector<std::string>>& columns_by_step,
                             const std::vector<bool>& keys_by_step, const RunOptions& options) {
  RunInputs inputs;
  if (options.pool != nullptr) {
    inputs.pool = options.pool;
  } else {
    inputs.owned_pool = std::make_unique<StringPool>();
    inputs.pool = inputs.owned_pool.get();
  }
  SJ_ASSIGN_OR_RETURN(inputs.params, ResolveParameters(model.bound(), options));
  const BoundModel& bound = model.bound();
  std::map<std::string, std::vector<std::string>> wanted;  // dataset → columns in schema order
  std::map<std::string, bool> keys;                        // dataset → its keys are needed
  for (size_t index = 0; index < bound.steps.size(); ++index) {
    const BoundStep& step = bound.steps[index];
    if (step.kind != StepKind::kRead) continue;
    keys[step.dataset->name] = keys[step.dataset->name] || keys_by_step[index];
    std::vector<std::string>& columns = wanted[step.dataset->name];
    for (const std::string& name : columns_by_step[index]) {
      if (std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
    }
  }
  size_t number = 0;
  for (auto& [name, columns] : wanted) {
    const data::DatasetSchema* schema = model.schemas().Find(name);
    std::vector<std::string> ordered;
    for (const data::ColumnSchema& column : schema->columns) {
      if (std::find(columns.begin(), columns.end(), column.name) != columns.end())
        ordered.push_back(column.name);
    }
    if (options.progress) {
      RunProgress progress;
      progress.loading = true;
      progress.step = ++number;
      progress.steps = wanted.size();
      progress.name = name;
      progress.op = "加载";
      options.progress(progress);
    }
    Result<LoadedDataset> loaded = source->Load(*schema, ordered, keys[name], inputs.pool);
    if (!loaded.ok()) return loaded.status().WithContext("加载数据集 " + name);
    inputs.rows_read += loaded->rows;
    inputs.datasets.emplace(name, std::move(loaded).value());
  }
  std::set<std::string> batches;
  for (const auto& [name, dataset] : inputs.datasets) {
    for (uint32_t code : dataset.batch_codes) {
      std::string batch(inputs.pool->Get(code));
      if (inputs.batch_imported_on.count(code) == 0) {
        if (std::optional<Date> day = source->BatchImportedOn(batch)) {
          inputs.batch_imported_on[code] = day->days_since_epoch();
        }
      }
      batches.insert(std::move(batch));
    }
  }
  inputs.input_batches.assign(batches.begin(), batches.end());
  inputs.by_step.assign(bound.steps.size(), nullptr);
  for (size_t index = 0; index < bound.steps.size(); ++index) {
    const BoundStep& step = bound.steps[index];
    if (step.kind == StepKind::kRead)
      inputs.by_step[index] = &inputs.datasets.at(step.dataset->name);
  }
  return inputs;
}

}  // namespace shujian::engine
