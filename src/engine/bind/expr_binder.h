// ExprBinder: parses one expression of a model file and binds it against the columns a step
// can see, producing a typed BoundExpr — or an error at the exact file:line:column, saying what
// was wrong and what was expected ("「decided_on」是日期，不能与数字 500 比较").
//
// What binding checks: every column exists and is unambiguous (suggesting the nearest name),
// every parameter is declared, every function exists and gets the types it takes, comparisons
// compare compatible types, conditions are conditions. What it converts: a string literal
// compared with a date, month, boolean, number, enum or identifier column becomes that type
// (and is judged like an imported value: '2023-13-01' and an enum value not in the list are
// errors here, not empty results at run time).
//
// Thread safety: not thread-safe; one binder per model.
#ifndef SHUJIAN_ENGINE_BIND_EXPR_BINDER_H_
#define SHUJIAN_ENGINE_BIND_EXPR_BINDER_H_

#include <string>
#include <vector>

#include "core/result.h"
#include "engine/bind/bound_model.h"
#include "engine/expr/expr_ast.h"

namespace shujian::engine {

// Collects the aggregate calls met while binding the outputs of an aggregate or rolling step.
// Each call becomes a column reference to base_index + its position in *calls.
struct AggregateSink {
  const std::vector<ColumnInfo>* input = nullptr;  // the step's input (the calls' arguments)
  std::vector<BoundAggregate>* calls = nullptr;
  int base_index = 0;
};

class ExprBinder {
 public:
  ExprBinder(const ModelSpec& spec, const std::vector<BoundParameter>& parameters)
      : spec_(spec), parameters_(parameters) {}

  // Binds `text` against `scope`; with a sink, aggregate functions are allowed.
  Result<BoundExpr> Bind(const SpecText& text, const std::vector<ColumnInfo>& scope,
                         AggregateSink* sink = nullptr);
  // Binds and requires a condition (a boolean); `what` names it in messages ("filter").
  Result<BoundExpr> BindCondition(const SpecText& text, const std::vector<ColumnInfo>& scope,
                                  const std::string& what, AggregateSink* sink = nullptr);
  // Binds "a = b" with one side over `left` and the other over `right` (either order).
  Result<KeyPair> BindEquality(const SpecText& text, const std::vector<ColumnInfo>& left,
                               const std::vector<ColumnInfo>& right);
  // Binds a window bound: an integer literal or an integer parameter ("365", "-2", "$days").
  Result<BoundExpr> BindIntBound(const SpecText& text);
  // Binds a template: literal text with {expression} placeholders ({{ and }} are braces).
  Result<BoundTemplate> BindTemplate(const SpecText& text, const std::vector<ColumnInfo>& scope);

  // The error "file:line:column：message" at byte `offset` of `text`.
  Status ErrorAt(const SpecText& text, int offset, const std::string& message) const;

 private:
  Result<BoundExpr> BindNode(const ExprNode& node, const std::vector<ColumnInfo>& scope,
                             AggregateSink* sink);
  Result<BoundExpr> BindBinary(const ExprNode& node, const std::vector<ColumnInfo>& scope,
                               AggregateSink* sink);
  Result<BoundExpr> BindCall(const ExprNode& node, const std::vector<ColumnInfo>& scope,
                             AggregateSink* sink);
  Result<BoundExpr> BindColumn(const ExprNode& node, const std::vector<ColumnInfo>& scope);
  Result<BoundExpr> BindParam(const ExprNode& node, bool allow_list);
  // Makes `a` and `b` comparable (converting a string literal to the other side's type) and
  // returns how strings among them compare.
  Result<MatchKind> Comparable(BoundExpr* a, BoundExpr* b, const ExprNode& at);
  Status CoerceLiteralTo(BoundExpr* literal, const BoundExpr& typed, const ExprNode& at);
  Status RequireBool(const BoundExpr& expr, int offset, const std::string& what);
  Result<ExprNode> Parse(const SpecText& text);

  const ModelSpec& spec_;
  const std::vector<BoundParameter>& parameters_;
  const SpecText* text_ = nullptr;  // the text being bound, for positions
};

// "「decided_on」" for a column, "500" for a literal, "表达式「a + b」" otherwise.
std::string Describe(const BoundExpr& expr);

// The candidate closest to `name` (fewer than `limit` edits), or "" — for "是不是…？" hints.
std::string NearestName(const std::string& name, const std::vector<std::string>& candidates, size_t limit = 3);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_BIND_EXPR_BINDER_H_
