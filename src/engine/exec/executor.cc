#include "engine/exec/executor.h"

#include <chrono>

#include "engine/exec/operators.h"
#include "engine/lead/lead_assembler.h"

namespace shujian::engine {
namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

void ExecutePlan(const CompiledModel& model, const Plan& plan, RunInputs* inputs, const RunOptions& options,
                 RunResult* result) {
  const BoundModel& bound = model.bound();
  ExecContext context;
  context.model = &bound;
  context.plan = &plan;
  context.pool = inputs->pool;
  context.params = &inputs->params;
  context.batch_size = options.batch_size == 0 ? 1 : options.batch_size;
  context.datasets = inputs->by_step;
  context.batch_imported_on = &inputs->batch_imported_on;
  context.relations.resize(bound.steps.size());

  size_t count = bound.steps.size();
  std::vector<size_t> pending(count, 0);  // consumers not yet run
  for (size_t index = 0; index < count; ++index) pending[index] = bound.steps[index].consumers.size();
  result->steps.resize(count);
  auto run_start = std::chrono::steady_clock::now();
  for (size_t index = 0; index < count; ++index) {
    const BoundStep& step = bound.steps[index];
    const PlanNode& node = plan.nodes[index];
    StepStats& stats = result->steps[index];
    stats.name = step.name;
    stats.op = node.op;
    stats.detail = node.detail;
    stats.estimated_rows = node.estimated_rows;
    stats.fused = node.fused;
    if (options.progress) {
      options.progress(RunProgress{index + 1, count, step.name.empty() ? step.emit.rule : step.name,
                                   PhysicalOpName(node.op), false});
    }
    auto start = std::chrono::steady_clock::now();
    int step_index = static_cast<int>(index);
    if (node.fused) {
      context.relations[index] = context.relations[step.input];
    } else {
      Relation relation;
      switch (node.op) {
        case PhysicalOp::kScan: relation = ScanOperator(&context, step_index); break;
        case PhysicalOp::kFilter: relation = FilterOperator(&context, step_index); break;
        case PhysicalOp::kCompute: relation = ComputeOperator(&context, step_index); break;
        case PhysicalOp::kHashJoin: relation = HashJoinOperator(&context, step_index); break;
        case PhysicalOp::kSemiJoin:
        case PhysicalOp::kAntiJoin: relation = SemiAntiJoinOperator(&context, step_index); break;
        case PhysicalOp::kWindowJoin: relation = WindowJoinOperator(&context, step_index); break;
        case PhysicalOp::kLookupJoin: relation = LookupJoinOperator(&context, step_index); break;
        case PhysicalOp::kHashAggregate: relation = AggregateOperator(&context, step_index); break;
        case PhysicalOp::kRollingWindow: relation = RollingWindowOperator(&context, step_index); break;
        case PhysicalOp::kFuzzyJoin: relation = FuzzyJoinOperator(&context, step_index); break;
        case PhysicalOp::kEmit: EmitOperator(&context, step_index); break;
        case PhysicalOp::kOutput: OutputOperator(&context, step_index); break;
      }
      context.relations[index] = std::make_shared<Relation>(std::move(relation));
    }
    if (!plan.keep_lineage && !node.fused) {
      std::vector<LineageLink>().swap(context.relations[index]->lineage);
    }
    stats.seconds = Seconds(start);
    stats.actual_rows = (node.op == PhysicalOp::kEmit || node.op == PhysicalOp::kOutput)
                            ? static_cast<int64_t>(context.relations[step.input]->rows)
                            : static_cast<int64_t>(context.relations[index]->rows);
    stats.bytes = context.relations[index]->MemoryBytes();
    // Columns no later step reads are released; lineage stays for evidence.
    for (int input : {step.input, step.other}) {
      if (input < 0 || pending[input] == 0) continue;
      if (--pending[input] == 0 && !(step.input == input && step.other == input)) {
        bool shared_with_later = false;
        for (size_t later = index + 1; later < count; ++later) {
          if (context.relations[later] == context.relations[input]) shared_with_later = true;
        }
        if (!shared_with_later && !(node.fused && input == step.input)) {
          for (ColumnPtr& column : context.relations[input]->columns) column.reset();
        }
      }
    }
  }
  result->run_seconds = Seconds(run_start);
  LeadAssembler assembler(bound, inputs->by_step, model.read_columns(), *inputs->pool);
  result->leads = assembler.Assemble(std::move(context.emitted));
  result->outputs = std::move(context.outputs);
  result->notes = std::move(context.notes);
  result->pool_bytes = inputs->pool->MemoryBytes();
}

}  // namespace shujian::engine
