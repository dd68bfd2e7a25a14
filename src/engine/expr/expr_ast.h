// The syntax tree of the model expression language, as the parser builds it: names are not
// yet resolved and nothing has a type (bind/ does both). Every node remembers the byte offset
// in the expression text where it starts, so errors found later still point at the right
// column of the model file.
//
// The language (docs/reference/model_format.md): literals (numbers, 'strings', true, false,
// null), columns (name or step.name), parameters ($name), arithmetic (+ - * / %), comparison
// (= != <> < <= > >=), and/or/not, x [not] in (…) / in $list, x [not] between a and b,
// x is [not] null, intervals (365 days, 2 months, $n years) and function calls f(a, b).
//
// Thread safety: plain values.
#ifndef SHUJIAN_ENGINE_EXPR_EXPR_AST_H_
#define SHUJIAN_ENGINE_EXPR_EXPR_AST_H_

#include <string>
#include <vector>

namespace shujian::engine {

enum class ExprKind {
  kNumber,    // text: the digits as written ("500", "0.9")
  kString,    // text: the string without quotes, escapes resolved
  kBool,      // text: "true" or "false"
  kNull,
  kColumn,    // qualifier (may be empty) and name
  kParam,     // name (without '$')
  kUnary,     // op: "-" or "not"; args[0]
  kBinary,    // op: + - * / % = != < <= > >= and or; args[0], args[1]
  kCall,      // name; args
  kIn,        // args[0] in (args[1..]); or args[0] in $param when args.size() == 2 and args[1] is kParam
  kBetween,   // args[0] between args[1] and args[2] (both ends inclusive)
  kIsNull,    // args[0] is null
  kInterval,  // args[0] (an integer) of unit: "days", "months" or "years"
};

struct ExprNode {
  ExprKind kind = ExprKind::kNull;
  int offset = 0;          // byte offset of the node's first token in the expression text
  std::string text;        // kNumber, kString, kBool: the literal; kParam, kCall: the name
  std::string qualifier;   // kColumn: the step name before '.', or empty
  std::string name;        // kColumn: the column name
  std::string op;          // kUnary, kBinary: the operator; kInterval: the unit
  bool negated = false;    // kIn, kBetween, kIsNull: "not in", "not between", "is not null"
  std::vector<ExprNode> args;
};

// The expression as text again (normalised spacing), for plans and messages.
std::string ExprToString(const ExprNode& node);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXPR_EXPR_AST_H_
