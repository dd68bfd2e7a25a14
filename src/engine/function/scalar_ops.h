// Arithmetic and comparison on single values in their column form (int64 per TypeId), shared
// by the vectorised evaluator (exec/) and the reference evaluator (reference/), so both
// compute every number the same way. Exact throughout: decimals are millionths, money is 分,
// products and quotients are formed in 128 bits and rounded half away from zero.
//
// Type rules (the binder checks them first; see docs/reference/model_format.md):
//   int ∘ int → int (but int / int → decimal); int/decimal mixed → decimal;
//   money ± money|number → money (a number is 元); money × number → money;
//   money ÷ number → money; money ÷ money → decimal; number × money → money;
//   a ÷ 0 and results beyond 64 bits → null.
// Comparisons between numeric types compare the amounts (money in 元).
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_FUNCTION_SCALAR_OPS_H_
#define SHUJIAN_ENGINE_FUNCTION_SCALAR_OPS_H_

#include <cstdint>
#include <optional>
#include <span>

#include "engine/common/value_type.h"

namespace shujian::engine {

enum class ArithOp { kAdd, kSub, kMul, kDiv, kMod };

// The result type of `a op b` for numeric operands, or nullopt when the operation is not
// defined for them (e.g. money × money).
std::optional<TypeId> NumericResultType(ArithOp op, TypeId a, TypeId b);

// Computes `a op b` of types ta and tb into `result` (of type NumericResultType(op, ta, tb)).
// Returns false for a null result (division by zero, overflow).
bool NumericArith(ArithOp op, TypeId ta, int64_t a, TypeId tb, int64_t b, TypeId result_type,
                  int64_t* result);

// Converts a numeric value to `to` (int → decimal, int → money as 元, decimal → money rounded to
// 分, ...). Returns false if it does not fit.
bool ConvertNumeric(TypeId from, int64_t value, TypeId to, int64_t* result);

// -1, 0, 1 comparing two numeric values by amount.
int CompareNumeric(TypeId ta, int64_t a, TypeId tb, int64_t b);

// Rounds a decimal or money value to `digits` decimals (of 元 for money), half away from zero.
int64_t RoundNumeric(TypeId type, int64_t value, int digits);

// Aggregates of values of one numeric type (exact, in 128 bits). Each returns false when the
// result does not fit 64 bits. REQUIRES: values not empty.
//   SumOf: the sum, in the values' type.
//   MeanOf: the mean in `result_type` (decimal for ints, else the values' type), rounded half
//     away from zero.
//   MedianOf: the middle value; for an even count the mean of the two middle values, or for
//     dates (`temporal`) the earlier of them. Sorts `values`.
bool SumOf(std::span<const int64_t> values, int64_t* result);
bool MeanOf(std::span<const int64_t> values, TypeId value_type, TypeId result_type, int64_t* result);
bool MedianOf(std::span<int64_t> values, TypeId value_type, TypeId result_type, bool temporal, int64_t* result);

// Date arithmetic. Month arithmetic clamps to the month's last day (core/date.h).
int64_t AddDaysTo(TypeId type, int64_t value, int64_t days);     // kDate, kDateTime
int64_t AddMonthsTo(TypeId type, int64_t value, int64_t months);  // kDate, kDateTime, kPeriod

// The date (days since the epoch) of a kDate or kDateTime value; a kPeriod's first day.
int32_t DayOf(TypeId type, int64_t value);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_SCALAR_OPS_H_
