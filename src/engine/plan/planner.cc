// The planner: operator choice, filter fusion, column pruning (liveness computed backwards
// from the emits and outputs), build-side choice, and row estimates. Estimates use dataset row
// counts and fixed selectivities (a filter keeps half, an anti join half, an aggregate a tenth);
// they order joins and inform explain, never change results.
#include <algorithm>

#include "engine/bind/column_refs.h"
#include "engine/plan/plan.h"

namespace shujian::engine {
namespace {

void MarkRange(const BoundExpr& expr, size_t offset, size_t size, std::vector<bool>* used) {
  std::vector<bool> all(offset + size, false);
  MarkColumns(expr, &all);
  for (size_t column = 0; column < size; ++column) {
    if (all[offset + column]) (*used)[column] = true;
  }
}

std::string KeysText(const std::vector<KeyPair>& keys) {
  std::string text;
  for (const KeyPair& key : keys) text += (text.empty() ? "" : "，") + key.left.text + " = " + key.right.text;
  return text;
}

}  // namespace

const char* PhysicalOpName(PhysicalOp op) {
  switch (op) {
    case PhysicalOp::kScan: return "扫描";
    case PhysicalOp::kFilter: return "过滤";
    case PhysicalOp::kCompute: return "计算列";
    case PhysicalOp::kHashJoin: return "哈希连接";
    case PhysicalOp::kWindowJoin: return "时间窗口连接";
    case PhysicalOp::kSemiJoin: return "半连接";
    case PhysicalOp::kAntiJoin: return "反连接";
    case PhysicalOp::kLookupJoin: return "参数表连接";
    case PhysicalOp::kHashAggregate: return "分组聚合";
    case PhysicalOp::kRollingWindow: return "滚动窗口";
    case PhysicalOp::kFuzzyJoin: return "模糊匹配";
    case PhysicalOp::kEmit: return "产生线索";
    case PhysicalOp::kOutput: return "输出表";
  }
  return "";
}

Plan MakePlan(const BoundModel& model, const PlanOptions& options, const RowCountFunction& row_counts) {
  Plan plan;
  plan.options = options;
  size_t count = model.steps.size();
  plan.nodes.resize(count);
  plan.load_columns.resize(count);

  // Operators and estimates, forwards.
  for (size_t index = 0; index < count; ++index) {
    const BoundStep& step = model.steps[index];
    PlanNode& node = plan.nodes[index];
    node.step = static_cast<int>(index);
    double input = step.input >= 0 ? plan.nodes[step.input].estimated_rows : 0;
    double other = step.other >= 0 ? plan.nodes[step.other].estimated_rows : 0;
    switch (step.kind) {
      case StepKind::kRead: {
        node.op = PhysicalOp::kScan;
        std::optional<size_t> rows = row_counts ? row_counts(step.dataset->name) : std::nullopt;
        node.estimated_rows = rows ? static_cast<double>(*rows) : 1000;
        if (step.filter) node.estimated_rows *= 0.5;
        node.detail = step.dataset->name + (step.filter ? "，条件 " + step.filter->text : "");
        break;
      }
      case StepKind::kFilter:
        node.op = PhysicalOp::kFilter;
        node.estimated_rows = input * 0.5;
        node.detail = step.filter->text;
        break;
      case StepKind::kCompute:
        node.op = PhysicalOp::kCompute;
        node.estimated_rows = input;
        for (size_t column = 0; column < step.computes.size(); ++column) {
          const ColumnInfo& info = step.schema[step.schema.size() - step.computes.size() + column];
          node.detail += (node.detail.empty() ? "" : "，") + info.name + " = " + step.computes[column].text;
        }
        break;
      case StepKind::kJoin:
      case StepKind::kSemi:
      case StepKind::kAnti:
        node.op = step.window                     ? PhysicalOp::kWindowJoin
                  : step.join == JoinKind::kSemi ? PhysicalOp::kSemiJoin
                  : step.join == JoinKind::kAnti ? PhysicalOp::kAntiJoin
                                                 : PhysicalOp::kHashJoin;
        node.estimated_rows = step.join == JoinKind::kInner  ? std::max(input, other)
                              : step.join == JoinKind::kLeft ? std::max(input, other)
                                                             : input * 0.5;
        node.build_left = options.choose_build_side && step.join == JoinKind::kInner && !step.window &&
                          !step.keys.empty() && input < other;
        node.detail = std::string(step.join == JoinKind::kSemi ? "半连接 " : step.join == JoinKind::kAnti ? "反连接 "
                                  : step.join == JoinKind::kLeft ? "左连接 " : "内连接 ") +
                      model.steps[step.other].name + "，键 " + KeysText(step.keys) +
                      (step.window ? "，窗口 " + step.window->text : "") +
                      (step.where ? "，附加条件 " + step.where->text : "") +
                      (node.build_left ? "，以左侧建哈希表" : "");
        break;
      case StepKind::kLookup:
        node.op = PhysicalOp::kLookupJoin;
        node.estimated_rows = input;
        node.detail = step.table->name + "（" + std::to_string(step.table->rows.size()) + "行）" +
                      (step.keys.empty() ? "" : "，键 " + KeysText(step.keys)) +
                      (step.where ? "，附加条件 " + step.where->text : "");
        break;
      case StepKind::kAggregate:
        node.op = PhysicalOp::kHashAggregate;
        node.estimated_rows = step.group_keys.empty() ? 1 : std::max(1.0, input * 0.1);
        for (const BoundExpr& key : step.group_keys) node.detail += (node.detail.empty() ? "按 " : "、") + key.text;
        if (step.having) node.detail += (node.detail.empty() ? "" : "，") + std::string("having ") + step.having->text;
        break;
      case StepKind::kRolling:
        node.op = PhysicalOp::kRollingWindow;
        node.estimated_rows = step.having ? input * 0.5 : input;
        for (const BoundExpr& key : step.group_keys) node.detail += (node.detail.empty() ? "按 " : "、") + key.text;
        node.detail += "，排序 " + step.order_by->text + "，窗口 " + step.window->text;
        if (step.having) node.detail += "，having " + step.having->text;
        break;
      case StepKind::kFuzzy: {
        node.op = PhysicalOp::kFuzzyJoin;
        node.estimated_rows = step.join == JoinKind::kInner ? input : input * 0.5;
        node.detail = "与 " + model.steps[step.other].name + "，分块 ";
        for (size_t rule = 0; rule < step.blocking.size(); ++rule) {
          node.detail += (rule == 0 ? "" : " 或 ") + std::string("[") + KeysText(step.blocking[rule]) + "]";
        }
        node.detail += "，匹配条件 " + step.match_when->text;
        break;
      }
      case StepKind::kEmit:
        node.op = PhysicalOp::kEmit;
        node.estimated_rows = input;
        node.detail = "子规则 " + step.emit.rule + "，对象 " + step.emit.subject_kind;
        break;
      case StepKind::kOutput:
        node.op = PhysicalOp::kOutput;
        node.estimated_rows = input;
        node.detail = step.output_title;
        break;
    }
    node.live.assign(step.schema.size(), !options.prune_columns);
  }

  // Filter fusion: a filter whose input is a read step read by nothing else.
  if (options.fuse_filters) {
    for (size_t index = 0; index < count; ++index) {
      const BoundStep& step = model.steps[index];
      if (step.kind != StepKind::kFilter) continue;
      const BoundStep& input = model.steps[step.input];
      if (input.kind != StepKind::kRead || input.consumers.size() != 1 ||
          plan.nodes[step.input].fused_filter >= 0) {
        continue;
      }
      plan.nodes[index].fused = true;
      plan.nodes[step.input].fused_filter = static_cast<int>(index);
      plan.nodes[index].detail += "（在扫描 " + input.name + " 时执行）";
    }
  }

  // Liveness, backwards: what each step's consumers read of its output.
  if (options.prune_columns) {
    for (size_t reverse = count; reverse-- > 0;) {
      const BoundStep& step = model.steps[reverse];
      const std::vector<bool>& live = plan.nodes[reverse].live;
      auto input_live = [&]() -> std::vector<bool>& { return plan.nodes[step.input].live; };
      size_t left_size = step.input >= 0 ? model.steps[step.input].schema.size() : 0;
      switch (step.kind) {
        case StepKind::kRead:
          break;
        case StepKind::kFilter: {
          std::vector<bool>& in = input_live();
          for (size_t column = 0; column < live.size(); ++column) if (live[column]) in[column] = true;
          MarkColumns(*step.filter, &in);
          break;
        }
        case StepKind::kCompute: {
          std::vector<bool>& in = input_live();
          for (size_t column = 0; column < left_size; ++column) if (live[column]) in[column] = true;
          for (const BoundExpr& expr : step.computes) MarkRange(expr, 0, left_size, &in);
          break;
        }
        case StepKind::kJoin:
        case StepKind::kSemi:
        case StepKind::kAnti:
        case StepKind::kLookup:
        case StepKind::kFuzzy: {
          std::vector<bool>& left = input_live();
          size_t right_size = step.kind == StepKind::kLookup ? step.table->columns.size()
                                                             : model.steps[step.other].schema.size();
          std::vector<bool> right(right_size, false);
          bool pair_output = step.join == JoinKind::kInner || step.join == JoinKind::kLeft;
          for (size_t column = 0; column < left_size && column < live.size(); ++column) if (live[column]) left[column] = true;
          if (pair_output) {
            for (size_t column = 0; column < right_size && left_size + column < live.size(); ++column) {
              if (live[left_size + column]) right[column] = true;
            }
          }
          auto mark_pair = [&](const BoundExpr& expr) {
            MarkRange(expr, 0, left_size, &left);
            MarkRange(expr, left_size, right_size, &right);
          };
          for (const KeyPair& key : step.keys) {
            MarkColumns(key.left, &left);
            MarkColumns(key.right, &right);
          }
          for (const auto& rule : step.blocking) {
            for (const KeyPair& key : rule) {
              MarkColumns(key.left, &left);
              MarkColumns(key.right, &right);
            }
          }
          for (const BoundComparison& comparison : step.comparisons) {
            MarkColumns(comparison.left, &left);
            MarkColumns(comparison.right, &right);
          }
          if (step.window) {
            MarkColumns(step.window->from, &left);
            MarkColumns(step.window->to, &right);
          }
          if (step.where) mark_pair(*step.where);
          if (step.match_when) mark_pair(*step.match_when);
          if (step.kind != StepKind::kLookup) {
            std::vector<bool>& other = plan.nodes[step.other].live;
            for (size_t column = 0; column < right_size; ++column) if (right[column]) other[column] = true;
          }
          break;
        }
        case StepKind::kAggregate: {
          std::vector<bool>& in = input_live();
          for (const BoundExpr& key : step.group_keys) MarkColumns(key, &in);
          for (const BoundAggregate& call : step.aggregates) {
            for (const BoundExpr& arg : call.args) MarkColumns(arg, &in);
          }
          break;
        }
        case StepKind::kRolling: {
          std::vector<bool>& in = input_live();
          for (size_t column = 0; column < left_size; ++column) if (live[column]) in[column] = true;
          for (const BoundExpr& key : step.group_keys) MarkColumns(key, &in);
          MarkColumns(*step.order_by, &in);
          for (const BoundAggregate& call : step.aggregates) {
            for (const BoundExpr& arg : call.args) MarkColumns(arg, &in);
          }
          for (const BoundExpr& output : step.outputs) MarkRange(output, 0, left_size, &in);
          if (step.having) MarkRange(*step.having, 0, left_size, &in);
          break;
        }
        case StepKind::kEmit: {
          std::vector<bool>& in = input_live();
          if (step.emit.subject_key) MarkColumns(*step.emit.subject_key, &in);
          MarkColumns(step.emit.label, &in);
          MarkColumns(step.emit.title, &in);
          MarkColumns(step.emit.addressee, &in);
          for (const auto& [name, fact] : step.emit.facts) MarkColumns(fact, &in);
          break;
        }
        case StepKind::kOutput: {
          std::vector<bool>& in = input_live();
          for (const BoundExpr& column : step.output_columns) MarkColumns(column, &in);
          break;
        }
      }
    }
    // A fused filter's predicate is evaluated by the scan: its columns are live in the scan.
    for (size_t index = 0; index < count; ++index) {
      if (!plan.nodes[index].fused) continue;
      const BoundStep& step = model.steps[index];
      std::vector<bool>& scan_live = plan.nodes[step.input].live;
      for (size_t column = 0; column < scan_live.size(); ++column) {
        if (plan.nodes[index].live[column]) scan_live[column] = true;
      }
      MarkColumns(*step.filter, &scan_live);
    }
  }

  // Columns to load: live columns of each scan, its own filter's, and what evidence shows.
  std::vector<std::vector<int>> read_columns = ReadColumnsByStep(model);
  for (size_t index = 0; index < count; ++index) {
    const BoundStep& step = model.steps[index];
    if (step.kind != StepKind::kRead) continue;
    std::vector<bool> load(step.dataset->columns.size(), false);
    for (size_t column = 0; column < step.schema.size(); ++column) {
      int dataset_column = step.dataset_columns[column];
      if (dataset_column >= 0 && plan.nodes[index].live[column]) load[dataset_column] = true;
    }
    if (step.filter) {
      std::vector<bool> used(step.schema.size(), false);
      MarkColumns(*step.filter, &used);
      for (size_t column = 0; column < used.size(); ++column) {
        if (used[column] && step.dataset_columns[column] >= 0) load[step.dataset_columns[column]] = true;
      }
    }
    for (int column : read_columns[index]) load[column] = true;
    for (size_t column = 0; column < load.size(); ++column) {
      if (load[column]) plan.load_columns[index].push_back(step.dataset->columns[column].name);
    }
  }
  plan.load_keys = KeysNeededByStep(model);
  plan.keep_lineage = false;
  for (const BoundStep& step : model.steps) plan.keep_lineage = plan.keep_lineage || step.kind == StepKind::kEmit;
  return plan;
}

}  // namespace shujian::engine
