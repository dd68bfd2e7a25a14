// The scalar and aggregate functions of the model language: their names, how many arguments
// they take, which types they accept and what they return. The binder asks this catalog once
// per call; evaluation lives in exec/ (vectorised) and reference/ (per row).
//
// Scalar functions (docs/reference/model_format.md has one line per function):
//   coalesce if abs round least greatest
//   year month day date period make_date days_between months_between add_days add_months
//   length contains starts_with ends_with contains_any substr upper lower trim replace concat text
//   norm_name company_name simplified fold_width pinyin case_no
//   jaro_winkler levenshtein masked_id_match
// Aggregates (aggregate and rolling steps only):
//   count count_distinct sum min max avg median distinct_list
//
// Thread safety: pure functions over static tables.
#ifndef SHUJIAN_ENGINE_BIND_FUNCTION_CATALOG_H_
#define SHUJIAN_ENGINE_BIND_FUNCTION_CATALOG_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/bind/bound_expr.h"

namespace shujian::engine {

// A typing failure: which argument (-1: the call as a whole) and why, in Chinese.
struct CallError {
  int argument = -1;
  std::string message;
};

// Types a call of scalar function `name` on `args` (already bound). On success sets
// call->function and call->type and returns nullopt; unknown names and wrong arguments return
// the error. `args` may be adjusted (a string literal turned into the date it spells).
std::optional<CallError> BindScalarCall(std::string_view name, std::vector<BoundExpr>* args,
                                        BoundExpr* call);

// True when `name` is an aggregate function; sets *id.
bool IsAggregateName(std::string_view name, AggregateId* id);

// Types an aggregate call (args over the step's input).
std::optional<CallError> BindAggregateCall(AggregateId id, const std::vector<BoundExpr>& args,
                                           ValueType* result);

// The common type of several values (coalesce, if, least, greatest): numbers → the widest
// numeric type (money > decimal > int), strings → text, otherwise equal types. Null literals
// are ignored. nullopt when the types do not agree.
std::optional<ValueType> UnifyTypes(const std::vector<ValueType>& types);

// Names of all scalar and aggregate functions, for suggestions and docs.
std::vector<std::string> FunctionNames();

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_BIND_FUNCTION_CATALOG_H_
