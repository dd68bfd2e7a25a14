// The physical operators of the native engine, one per file in exec/. Each takes the run's
// context and the index of the step it executes, reads its inputs' relations from
// context->relations and returns the step's output relation (emit and output steps record what
// they find in the context instead). Operators work on batches of context->batch_size rows and
// materialise only the columns the plan marks live.
//
// Thread safety: operators of one run, one thread.
#ifndef SHUJIAN_ENGINE_EXEC_OPERATORS_H_
#define SHUJIAN_ENGINE_EXEC_OPERATORS_H_

#include "engine/exec/exec_context.h"

namespace shujian::engine {

Relation ScanOperator(ExecContext* context, int step);            // scan_operator.cc
Relation FilterOperator(ExecContext* context, int step);          // filter_operator.cc
Relation ComputeOperator(ExecContext* context, int step);         // compute_operator.cc
Relation HashJoinOperator(ExecContext* context, int step);        // hash_join_operator.cc
Relation SemiAntiJoinOperator(ExecContext* context, int step);    // semi_anti_join_operator.cc
Relation WindowJoinOperator(ExecContext* context, int step);      // window_join_operator.cc
Relation LookupJoinOperator(ExecContext* context, int step);      // lookup_join_operator.cc
Relation AggregateOperator(ExecContext* context, int step);       // aggregate_operator.cc
Relation RollingWindowOperator(ExecContext* context, int step);   // rolling_window_operator.cc
Relation FuzzyJoinOperator(ExecContext* context, int step);       // fuzzy_join_operator.cc
void EmitOperator(ExecContext* context, int step);                // emit_operator.cc
void OutputOperator(ExecContext* context, int step);              // output_operator.cc

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_OPERATORS_H_
