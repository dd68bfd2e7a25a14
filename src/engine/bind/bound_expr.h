// BoundExpr: an expression after binding — every column resolved to an index of the input
// schema, every literal converted to the type it is compared with, every function resolved to
// its implementation, and every node typed. Both evaluators (exec/ vectorised, reference/ one
// row at a time) walk this tree; neither looks at names again.
//
// Desugaring done by the binder: `x between a and b` → `x >= a and x <= b`; `d + 3 days` →
// add_days(d, 3); `d - 2 months` → add_months(d, -2); `x in $list` keeps the parameter.
//
// Thread safety: plain values.
#ifndef SHUJIAN_ENGINE_BIND_BOUND_EXPR_H_
#define SHUJIAN_ENGINE_BIND_BOUND_EXPR_H_

#include <string>
#include <vector>

#include "engine/common/value.h"
#include "engine/function/scalar_ops.h"

namespace shujian::engine {

enum class BoundKind {
  kLiteral,   // literal
  kColumn,    // column of the input schema
  kParam,     // a scalar parameter (param index)
  kParamList, // a list parameter as an argument of contains_any (param index)
  kNegate,    // -args[0]
  kNot,       // not args[0]
  kArith,     // args[0] arith args[1]
  kCompare,   // args[0] compare args[1]
  kAnd,       // args[0] and args[1] (three-valued)
  kOr,        // args[0] or args[1] (three-valued)
  kIn,        // args[0] in (args[1..]); or in the list parameter `param` when args.size() == 1
  kIsNull,    // args[0] is null (negated: is not null)
  kFunction,  // function(args)
};

enum class CompareOp { kEq, kNe, kLt, kLe, kGt, kGe };

// Scalar functions (bind/function_catalog.cc lists names and typing rules).
enum class FunctionId {
  kCoalesce, kIf, kAbs, kRound, kLeast, kGreatest,
  kYear, kMonth, kDay, kDate, kPeriod, kMakeDate, kDaysBetween, kMonthsBetween,
  kAddDays, kAddMonths,
  kLength, kContains, kStartsWith, kEndsWith, kContainsAny, kSubstr, kUpper, kLower, kTrim,
  kReplace, kConcat, kText,
  kNormName, kCompanyName, kSimplified, kFoldWidth, kPinyin, kCaseNo,
  kJaroWinkler, kLevenshtein, kMaskedIdMatch,
};

struct BoundExpr {
  BoundKind kind = BoundKind::kLiteral;
  ValueType type;              // the result type
  int offset = 0;              // byte offset in the source text (for messages)
  Value literal;               // kLiteral
  int column = -1;             // kColumn
  int param = -1;              // kParam, kIn with a list parameter: index of the parameter
  ArithOp arith = ArithOp::kAdd;
  CompareOp compare = CompareOp::kEq;
  MatchKind match = MatchKind::kExact;  // kCompare/kIn on strings: how strings are compared
  bool negated = false;        // kIn: not in; kIsNull: is not null
  FunctionId function = FunctionId::kCoalesce;
  std::vector<BoundExpr> args;
  std::string text;            // the expression as written (for plans)
};

// Aggregate functions of aggregate and rolling steps.
enum class AggregateId { kCount, kCountDistinct, kSum, kMin, kMax, kAvg, kMedian, kDistinctList };

struct BoundAggregate {
  AggregateId function = AggregateId::kCount;
  std::vector<BoundExpr> args;  // over the step's input schema; empty for count()
  ValueType type;               // result type
  std::string text;             // as written
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_BIND_BOUND_EXPR_H_
