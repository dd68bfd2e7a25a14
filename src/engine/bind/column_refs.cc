#include "engine/bind/column_refs.h"

#include <algorithm>
#include <set>

namespace shujian::engine {
namespace {

// Calls `visit(schema, expr)` for every expression of `step` with the schema it is bound
// against (aggregate outputs are skipped: they read intermediate columns, whose inputs are the
// aggregate arguments, visited separately).
template <typename Visit>
void ForEachExpression(const BoundModel& model, const BoundStep& step, Visit visit) {
  const std::vector<ColumnInfo>* input = step.input >= 0 ? &model.steps[step.input].schema : nullptr;
  const std::vector<ColumnInfo>* other = step.other >= 0 ? &model.steps[step.other].schema : nullptr;
  if (step.filter) visit(step.kind == StepKind::kRead ? &step.schema : input, *step.filter);
  for (size_t index = 0; index < step.computes.size(); ++index) visit(&step.schema, step.computes[index]);
  for (const KeyPair& key : step.keys) {
    visit(input, key.left);
    if (step.kind == StepKind::kLookup) continue;
    visit(other, key.right);
  }
  for (const std::vector<KeyPair>& rule : step.blocking) {
    for (const KeyPair& key : rule) {
      visit(input, key.left);
      visit(other, key.right);
    }
  }
  for (const BoundComparison& comparison : step.comparisons) {
    visit(input, comparison.left);
    visit(other, comparison.right);
  }
  if (step.window && step.kind != StepKind::kRolling) {
    visit(input, step.window->from);
    visit(other, step.window->to);
  }
  if (step.where) visit(&step.pair_schema, *step.where);
  if (step.match_when) visit(&step.pair_schema, *step.match_when);
  for (const BoundExpr& key : step.group_keys) visit(input, key);
  for (const BoundAggregate& call : step.aggregates) {
    for (const BoundExpr& arg : call.args) visit(input, arg);
  }
  if (step.order_by) visit(input, *step.order_by);
  if (step.kind == StepKind::kRolling) {
    for (const BoundExpr& output : step.outputs) visit(&step.schema, output);
    if (step.having) visit(&step.schema, *step.having);
  }
  if (step.kind == StepKind::kEmit) {
    if (step.emit.subject_key) visit(input, *step.emit.subject_key);
    for (const BoundTemplate* templ : {&step.emit.label, &step.emit.title, &step.emit.addressee}) {
      for (const BoundTemplate::Part& part : templ->parts) {
        if (part.expr) visit(input, *part.expr);
      }
    }
    for (const auto& [name, fact] : step.emit.facts) visit(input, fact);
  }
  for (const BoundExpr& column : step.output_columns) visit(input, column);
}

}  // namespace

void MarkColumns(const BoundExpr& expr, std::vector<bool>* used) {
  if (expr.kind == BoundKind::kColumn && expr.column >= 0 &&
      static_cast<size_t>(expr.column) < used->size()) {
    (*used)[expr.column] = true;
  }
  for (const BoundExpr& arg : expr.args) MarkColumns(arg, used);
}

void MarkColumns(const BoundTemplate& templ, std::vector<bool>* used) {
  for (const BoundTemplate::Part& part : templ.parts) {
    if (part.expr) MarkColumns(*part.expr, used);
  }
}

namespace {

// (qualifier, name) of every column any expression of any step refers to.
std::set<std::pair<std::string, std::string>> ReferencedColumns(const BoundModel& model) {
  std::set<std::pair<std::string, std::string>> referenced;
  for (const BoundStep& step : model.steps) {
    ForEachExpression(model, step, [&](const std::vector<ColumnInfo>* schema, const BoundExpr& expr) {
      if (schema == nullptr) return;
      std::vector<bool> used(schema->size(), false);
      MarkColumns(expr, &used);
      for (size_t column = 0; column < used.size(); ++column) {
        if (used[column]) referenced.emplace((*schema)[column].qualifier, (*schema)[column].name);
      }
    });
  }
  return referenced;
}

}  // namespace

std::vector<std::vector<int>> ReadColumnsByStep(const BoundModel& model) {
  std::set<std::pair<std::string, std::string>> referenced = ReferencedColumns(model);
  std::vector<std::vector<int>> result(model.steps.size());
  for (size_t index = 0; index < model.steps.size(); ++index) {
    const BoundStep& step = model.steps[index];
    if (step.kind != StepKind::kRead) continue;
    for (size_t column = 0; column < step.schema.size(); ++column) {
      int dataset_column = step.dataset_columns[column];
      if (dataset_column < 0) continue;
      if (referenced.count({step.name, step.schema[column].name})) result[index].push_back(dataset_column);
    }
  }
  return result;
}

std::vector<bool> KeysNeededByStep(const BoundModel& model) {
  bool emits = false;
  for (const BoundStep& step : model.steps) emits = emits || step.kind == StepKind::kEmit;
  std::set<std::pair<std::string, std::string>> referenced = ReferencedColumns(model);
  std::vector<bool> result(model.steps.size(), false);
  for (size_t index = 0; index < model.steps.size(); ++index) {
    const BoundStep& step = model.steps[index];
    if (step.kind != StepKind::kRead) continue;
    result[index] = emits;
    for (size_t column = 0; column < step.schema.size() && !result[index]; ++column) {
      if (step.dataset_columns[column] == -1 && referenced.count({step.name, step.schema[column].name})) {
        result[index] = true;
      }
    }
  }
  return result;
}

}  // namespace shujian::engine
