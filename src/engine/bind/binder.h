// The binder: ModelSpec + dataset schemas + parameter tables → BoundModel.
//
// Everything that can be checked before any data is read is checked here, with file:line:column
// messages: unknown datasets and parameter tables, unknown or ambiguous columns, type errors in
// every expression and template, unknown parameters and parameter defaults of the wrong type,
// steps that refer to steps that do not exist (or come later), windows over non-dates, fuzzy
// levels applied to the wrong types, emits whose subject cannot be found, a model with no emit.
// `shujian model check` is this function.
//
// Thread safety: pure function; the result points into `spec`, `schemas` and `tables`, which
// must outlive it.
#ifndef SHUJIAN_ENGINE_BIND_BINDER_H_
#define SHUJIAN_ENGINE_BIND_BINDER_H_

#include "core/result.h"
#include "data/dataset_schema.h"
#include "engine/bind/bound_model.h"
#include "engine/spec/model_spec.h"
#include "engine/spec/param_table.h"

namespace shujian::engine {

// Returns InvalidArgument "file:line:column：reason" for the first problem found.
Result<BoundModel> BindModel(const ModelSpec& spec, const data::SchemaRegistry& schemas,
                             const TableLibrary& tables);

// Parses a parameter value as written (a default, a fixture's params, `--param`) into the
// parameter's type. A list value has its items separated by '\n' or ','.
Result<std::vector<Value>> ParseParameterValue(const BoundParameter& parameter, const std::string& text);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_BIND_BINDER_H_
