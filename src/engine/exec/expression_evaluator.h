// ExpressionEvaluator: evaluates a BoundExpr over a batch of rows of a relation, column at a
// time: each node produces a Vector for the whole batch, so the per-row work is a tight loop
// over integers. Strings are pool codes; string functions are computed once per distinct
// string and memoised in the pool.
//
// Semantics (shared with reference/ and documented in docs/reference/model_format.md): null in,
// null out, except `is null`, `coalesce`, `if` (a null condition takes the else branch), and/or
// (three-valued: false and null = false, true or null = true), `in` (null when no item matches
// and the value or an item is null) and the string functions noted there.
//
// Thread safety: one evaluator per run and thread.
#ifndef SHUJIAN_ENGINE_EXEC_EXPRESSION_EVALUATOR_H_
#define SHUJIAN_ENGINE_EXEC_EXPRESSION_EVALUATOR_H_

#include <vector>

#include "engine/exec/exec_context.h"

namespace shujian::engine {

class ExpressionEvaluator {
 public:
  explicit ExpressionEvaluator(ExecContext* context) : context_(context) {}

  // The values of `expr` on rows [begin, end) of `input`. REQUIRES: every column the
  // expression reads is live in `input`.
  Vector Evaluate(const BoundExpr& expr, const Relation& input, size_t begin, size_t end);
  // The values on all rows, computed batch by batch.
  Vector EvaluateAll(const BoundExpr& expr, const Relation& input);
  // Appends to `selected` the rows of [begin, end) where the condition is true.
  void Select(const BoundExpr& condition, const Relation& input, size_t begin, size_t end,
              std::vector<int32_t>* selected);

  // A parameter's or literal's value in column form (strings interned).
  int64_t ScalarOf(const Value& value);

 private:
  Vector Compare(const BoundExpr& expr, const Relation& input, size_t begin, size_t end);
  Vector Arith(const BoundExpr& expr, const Relation& input, size_t begin, size_t end);
  Vector In(const BoundExpr& expr, const Relation& input, size_t begin, size_t end);
  Vector Function(const BoundExpr& expr, const Relation& input, size_t begin, size_t end);

  ExecContext* context_;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_EXPRESSION_EVALUATOR_H_
