// AggregateFunction: one aggregate call (count, count_distinct, sum, min, max, avg, median,
// distinct_list) computed over any set of input rows — a group of an aggregate step, or the
// window of a row in a rolling step. Arguments are evaluated once over the whole input.
//
// Semantics (shared with reference/): nulls are ignored; count() counts rows; count(x) and
// count_distinct(x, …) count rows whose arguments are all non-null (distinct as `=` compares:
// names on their matching form); over no (non-null) values sum, min, max, avg and median are
// null and count is 0; avg and median of whole numbers are decimals, of money are money
// (rounded to the 分, half away from zero); the median of an even count is the mean of the two
// middle values (dates: the earlier); distinct_list joins the distinct values, sorted, with 、.
//
// Thread safety: Compute is const; one run, one thread.
#ifndef SHUJIAN_ENGINE_EXEC_AGGREGATE_FUNCTION_H_
#define SHUJIAN_ENGINE_EXEC_AGGREGATE_FUNCTION_H_

#include <span>
#include <vector>

#include "engine/exec/expression_evaluator.h"

namespace shujian::engine {

class AggregateFunction {
 public:
  AggregateFunction(ExecContext* context, ExpressionEvaluator* evaluator, const BoundAggregate& call,
                    const Relation& input);

  // Appends the aggregate of rows `members` of the input to `out`.
  void Compute(std::span<const int32_t> members, Vector* out) const;

 private:
  ExecContext* context_;
  const BoundAggregate& call_;
  std::vector<Vector> args_;
  std::vector<int32_t> tuple_;  // count_distinct: the id of each row's argument tuple (-1: null)
};

// For an aggregate or rolling step whose intermediate relation `working` holds `prefix` columns
// (keys, or the input row), the outputs (after them) and the aggregate calls (after those):
// computes the outputs and returns the rows where `having` holds (every row without one).
std::vector<int32_t> FinishAggregateRows(ExecContext* context, ExpressionEvaluator* evaluator, const BoundStep& step,
                                         size_t prefix, Relation* working);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_AGGREGATE_FUNCTION_H_
