// Parses one expression of the model language into its syntax tree (expr/expr_ast.h).
//
// The parser only knows the grammar; names, types and functions are checked by bind/. A syntax
// error is returned as ExprSyntaxError with the byte offset where it was found, so the caller
// (the model file parser) can turn it into file:line:column.
//
// Grammar, lowest precedence first:
//   or      := and ("or" and)*
//   and     := not ("and" not)*
//   not     := "not" not | compare
//   compare := add [ ("="|"!="|"<>"|"<"|"<="|">"|">=") add
//                  | "is" ["not"] "null"
//                  | ["not"] "in" ( "(" expr ("," expr)* ")" | "[" … "]" | $param )
//                  | ["not"] "between" add "and" add ]
//   add     := mul (("+"|"-") mul)*
//   mul     := unary (("*"|"/"|"%") unary)*
//   unary   := "-" unary | postfix
//   postfix := primary [ "day"|"days"|"month"|"months"|"year"|"years" ]
//   primary := number | string | "true" | "false" | "null" | $name | name ["." name]
//            | name "(" [expr ("," expr)*] ")" | "(" expr ")"
// Keywords are case-insensitive. Strings use '…' or "…" with \\ escapes. Identifiers are ASCII
// letters, digits and '_' (dataset columns and step names); a name may not start with a digit.
//
// Thread safety: pure function.
#ifndef SHUJIAN_ENGINE_EXPR_EXPR_PARSER_H_
#define SHUJIAN_ENGINE_EXPR_EXPR_PARSER_H_

#include <string>
#include <string_view>
#include <variant>

#include "engine/expr/expr_ast.h"

namespace shujian::engine {

struct ExprSyntaxError {
  int offset = 0;        // byte offset in the expression text
  std::string message;   // in Chinese, e.g. "缺少右括号"
};

// Parses `text`. Nesting deeper than 200 levels is an error (no stack exhaustion on hostile
// input).
std::variant<ExprNode, ExprSyntaxError> ParseExpression(std::string_view text);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXPR_EXPR_PARSER_H_
