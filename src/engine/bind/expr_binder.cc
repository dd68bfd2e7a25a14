#include "engine/bind/expr_binder.h"

#include <algorithm>
#include <variant>

#include "core/date.h"
#include "data/value_normalizer.h"
#include "engine/bind/function_catalog.h"
#include "engine/expr/expr_parser.h"
#include "engine/function/levenshtein.h"

namespace shujian::engine {
namespace {

bool IsStringLiteral(const BoundExpr& expr) {
  return expr.kind == BoundKind::kLiteral && expr.type.id == TypeId::kString;
}

BoundExpr Literal(Value value, int offset, std::string text) {
  BoundExpr expr;
  expr.kind = BoundKind::kLiteral;
  expr.type = value.type;
  expr.literal = std::move(value);
  expr.offset = offset;
  expr.text = std::move(text);
  return expr;
}

BoundExpr Node(BoundKind kind, ValueType type, int offset, std::string text) {
  BoundExpr expr;
  expr.kind = kind;
  expr.type = type;
  expr.offset = offset;
  expr.text = std::move(text);
  return expr;
}

void ShiftOffsets(ExprNode* node, int shift) {
  node->offset += shift;
  for (ExprNode& arg : node->args) ShiftOffsets(&arg, shift);
}

std::string ColumnName(const ColumnInfo& column) {
  return column.qualifier.empty() ? column.name : column.qualifier + "." + column.name;
}

std::string OperandText(const BoundExpr& expr) {
  if (expr.kind == BoundKind::kLiteral) {
    if (expr.type.id == TypeId::kString) return "文本 '" + expr.literal.s + "' ";
    if (expr.type.is_numeric()) return "数字 " + expr.text + " ";
    return TypeLabel(expr.type) + " " + expr.text + " ";
  }
  return Describe(expr) + "（" + TypeLabel(expr.type) + "）";
}

std::string TypeIs(const BoundExpr& expr) { return Describe(expr) + "是" + TypeLabel(expr.type); }

}  // namespace

std::string NearestName(const std::string& name, const std::vector<std::string>& candidates,
                        size_t limit) {
  std::string best;
  size_t best_distance = limit;
  for (const std::string& candidate : candidates) {
    size_t distance = LevenshteinUtf8(name, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string Describe(const BoundExpr& expr) {
  if (expr.kind == BoundKind::kColumn) return "「" + expr.text + "」";
  if (expr.kind == BoundKind::kLiteral) return expr.text;
  return "表达式「" + expr.text + "」";
}

Status ExprBinder::ErrorAt(const SpecText& text, int offset, const std::string& message) const {
  return Status::InvalidArgument(spec_.WhereInText(text, offset) + "：" + message);
}

Result<ExprNode> ExprBinder::Parse(const SpecText& text) {
  auto parsed = ParseExpression(text.text);
  if (auto* error = std::get_if<ExprSyntaxError>(&parsed)) {
    return ErrorAt(text, error->offset, "表达式写法有误：" + error->message);
  }
  return std::get<ExprNode>(std::move(parsed));
}

Result<BoundExpr> ExprBinder::Bind(const SpecText& text, const std::vector<ColumnInfo>& scope,
                                   AggregateSink* sink) {
  text_ = &text;
  if (text.text.find_first_not_of(" \t\r\n") == std::string::npos)
    return ErrorAt(text, 0, "表达式为空");
  SJ_ASSIGN_OR_RETURN(ExprNode node, Parse(text));
  return BindNode(node, scope, sink);
}

Result<BoundExpr> ExprBinder::BindCondition(const SpecText& text,
                                            const std::vector<ColumnInfo>& scope,
                                            const std::string& what, AggregateSink* sink) {
  SJ_ASSIGN_OR_RETURN(BoundExpr expr, Bind(text, scope, sink));
  SJ_RETURN_IF_ERROR(RequireBool(expr, 0, what));
  return expr;
}

Status ExprBinder::RequireBool(const BoundExpr& expr, int offset, const std::string& what) {
  if (expr.type.id == TypeId::kBool) return Status::Ok();
  return ErrorAt(*text_, offset,
                 what + "应是一个条件（结果为是或否），而" + TypeIs(expr) +
                     (expr.type.id == TypeId::kString ? "；比较文本请写成 x = '值'" : ""));
}

Result<KeyPair> ExprBinder::BindEquality(const SpecText& text, const std::vector<ColumnInfo>& left,
                                         const std::vector<ColumnInfo>& right) {
  text_ = &text;
  SJ_ASSIGN_OR_RETURN(ExprNode node, Parse(text));
  if (node.kind != ExprKind::kBinary || node.op != "=") {
    return ErrorAt(text, node.offset,
                   "连接条件应是相等条件「左侧 = 右侧」，如 cases.party_id = crim.suspect_id");
  }
  Result<BoundExpr> a = BindNode(node.args[0], left, nullptr);
  Result<BoundExpr> b =
      a.ok() ? BindNode(node.args[1], right, nullptr) : Result<BoundExpr>(a.status());
  KeyPair pair;
  if (a.ok() && b.ok()) {
    pair.left = std::move(a).value();
    pair.right = std::move(b).value();
  } else {
    Result<BoundExpr> swapped_left = BindNode(node.args[1], left, nullptr);
    Result<BoundExpr> swapped_right = swapped_left.ok() ? BindNode(node.args[0], right, nullptr)
                                                        : Result<BoundExpr>(swapped_left.status());
    if (!swapped_left.ok() || !swapped_right.ok()) {
      return a.ok() ? b.status() : a.status();
    }
    pair.left = std::move(swapped_left).value();
    pair.right = std::move(swapped_right).value();
  }
  if (pair.left.kind == BoundKind::kLiteral || pair.right.kind == BoundKind::kLiteral) {
    return ErrorAt(text, node.offset,
                   "连接条件两侧都应引用列；与常量比较请写在 where 或 filter 中");
  }
  SJ_ASSIGN_OR_RETURN(pair.match, Comparable(&pair.left, &pair.right, node));
  if (pair.left.type.id == TypeId::kBool || pair.left.type.id == TypeId::kNull) {
    return ErrorAt(text, node.offset, "不能用是否（布尔）值连接");
  }
  return pair;
}

Result<BoundExpr> ExprBinder::BindIntBound(const SpecText& text) {
  text_ = &text;
  bool negated = text.text.size() > 1 && text.text[0] == '-' && text.text[1] == '$';  // -$param
  if (!text.text.empty() && (text.text[0] == '$' || negated)) {
    ExprNode node;
    node.kind = ExprKind::kParam;
    node.text = text.text.substr(negated ? 2 : 1);
    SJ_ASSIGN_OR_RETURN(BoundExpr param, BindParam(node, false));
    if (param.type.id != TypeId::kInt) {
      return ErrorAt(text, 0,
                     "区间端点参数 $" + node.text + " 应为整数，而它是" + TypeLabel(param.type));
    }
    if (!negated) return param;
    BoundExpr minus = Node(BoundKind::kNegate, param.type, 0, text.text);
    minus.args.push_back(std::move(param));
    return minus;
  }
  Result<int64_t> value = ParseScalar(TypeId::kInt, text.text);
  if (!value.ok()) return ErrorAt(text, 0, "区间端点「" + text.text + "」应为整数");
  return Literal(Value::Scalar(ValueType::Of(TypeId::kInt), *value), 0, text.text);
}

Result<BoundTemplate> ExprBinder::BindTemplate(const SpecText& text,
                                               const std::vector<ColumnInfo>& scope) {
  BoundTemplate bound;
  std::string literal;
  const std::string& raw = text.text;
  size_t pos = 0;
  while (pos < raw.size()) {
    char c = raw[pos];
    if (c == '{' && pos + 1 < raw.size() && raw[pos + 1] == '{') {
      literal += '{';
      pos += 2;
      continue;
    }
    if (c == '}' && pos + 1 < raw.size() && raw[pos + 1] == '}') {
      literal += '}';
      pos += 2;
      continue;
    }
    if (c == '}')
      return ErrorAt(text, static_cast<int>(pos), "模板中多了一个「}」；要写花括号本身请用 }}");
    if (c != '{') {
      literal += c;
      ++pos;
      continue;
    }
    size_t start = pos + 1;
    size_t end = start;
    char quote = 0;
    while (end < raw.size() && (quote != 0 || raw[end] != '}')) {
      if (quote == 0 && (raw[end] == '\'' || raw[end] == '"')) {
        quote = raw[end];
      } else if (quote != 0 && raw[end] == quote) {
        quote = 0;
      }
      ++end;
    }
    if (end >= raw.size())
      return ErrorAt(text, static_cast<int>(pos), "模板中的「{」没有对应的「}」");
    if (!literal.empty()) {
      bound.parts.push_back({literal, std::nullopt});
      literal.clear();
    }
    std::string inner = raw.substr(start, end - start);
    text_ = &text;
    auto parsed = ParseExpression(inner);
    if (auto* error = std::get_if<ExprSyntaxError>(&parsed)) {
      return ErrorAt(text, static_cast<int>(start) + error->offset,
                     "模板中的表达式写法有误：" + error->message);
    }
    ExprNode node = std::get<ExprNode>(std::move(parsed));
    ShiftOffsets(&node, static_cast<int>(start));
    SJ_ASSIGN_OR_RETURN(BoundExpr expr, BindNode(node, scope, nullptr));
    bound.parts.push_back({"", std::move(expr)});
    pos = end + 1;
  }
  if (!literal.empty()) bound.parts.push_back({literal, std::nullopt});
  return bound;
}

Result<BoundExpr> ExprBinder::BindColumn(const ExprNode& node,
                                         const std::vector<ColumnInfo>& scope) {
  std::vector<int> matches;
  bool qualifier_known = node.qualifier.empty();
  for (size_t index = 0; index < scope.size(); ++index) {
    const ColumnInfo& column = scope[index];
    if (!node.qualifier.empty() && column.qualifier == node.qualifier) qualifier_known = true;
    if ((node.qualifier.empty() || column.qualifier == node.qualifier) &&
        column.name == node.name) {
      matches.push_back(static_cast<int>(index));
    }
  }
  std::string written = node.qualifier.empty() ? node.name : node.qualifier + "." + node.name;
  if (matches.size() == 1) {
    BoundExpr expr = Node(BoundKind::kColumn, scope[matches[0]].type, node.offset, written);
    expr.column = matches[0];
    return expr;
  }
  if (matches.size() > 1) {
    std::string options;
    for (int index : matches) options += (options.empty() ? "" : "、") + ColumnName(scope[index]);
    return ErrorAt(*text_, node.offset,
                   "列名「" + written + "」有歧义，请写明是哪一个：" + options);
  }
  std::vector<std::string> qualifiers;
  for (const ColumnInfo& column : scope) {
    if (std::find(qualifiers.begin(), qualifiers.end(), column.qualifier) == qualifiers.end()) {
      qualifiers.push_back(column.qualifier);
    }
  }
  if (!qualifier_known) {
    std::string list;
    for (const std::string& qualifier : qualifiers) list += (list.empty() ? "" : "、") + qualifier;
    std::string hint = NearestName(node.qualifier, qualifiers);
    return ErrorAt(*text_, node.offset,
                   "这里看不到步骤「" + node.qualifier + "」的列（可用的步骤：" + list + "）" +
                       (hint.empty() ? "" : "；是不是「" + hint + "」？"));
  }
  std::vector<std::string> names;
  for (const ColumnInfo& column : scope) {
    if (node.qualifier.empty() || column.qualifier == node.qualifier) names.push_back(column.name);
  }
  std::string hint = NearestName(node.name, names);
  std::string where = node.qualifier.empty() ? "" : "步骤「" + node.qualifier + "」中";
  std::string list;
  size_t shown = 0;
  for (const std::string& name : names) {
    if (name.starts_with("_")) continue;
    if (shown++ == 20) {
      list += "……";
      break;
    }
    list += (list.empty() ? "" : "、") + name;
  }
  return ErrorAt(*text_, node.offset,
                 where + "没有列「" + node.name + "」" +
                     (hint.empty() ? "" : "；是不是「" + hint + "」？") +
                     (list.empty() ? "" : "（可用的列：" + list + "）"));
}

Result<BoundExpr> ExprBinder::BindParam(const ExprNode& node, bool allow_list) {
  for (size_t index = 0; index < parameters_.size(); ++index) {
    const BoundParameter& parameter = parameters_[index];
    if (parameter.name != node.text) continue;
    if (parameter.list && !allow_list) {
      return ErrorAt(*text_, node.offset,
                     "列表参数 $" + node.text + " 只能用在 in 或 contains_any 中");
    }
    BoundExpr expr = Node(parameter.list ? BoundKind::kParamList : BoundKind::kParam,
                          parameter.type, node.offset, "$" + node.text);
    expr.param = static_cast<int>(index);
    return expr;
  }
  std::vector<std::string> names;
  for (const BoundParameter& parameter : parameters_) names.push_back(parameter.name);
  std::string hint = NearestName(node.text, names);
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "$" : "、$") + name;
  return ErrorAt(*text_, node.offset,
                 "未声明的参数「$" + node.text + "」" +
                     (hint.empty() ? "" : "；是不是「$" + hint + "」？") + "（已声明：" + list +
                     "；新参数请在 parameters 中声明）");
}

Status ExprBinder::CoerceLiteralTo(BoundExpr* literal, const BoundExpr& typed, const ExprNode& at) {
  const ValueType& type = typed.type;
  if (literal->literal.null) return Status::Ok();
  const std::string& raw = literal->literal.s;
  if (type.id != TypeId::kString) {
    if (type.id == TypeId::kNull) return Status::Ok();
    Result<int64_t> parsed = ParseScalar(type.id, raw);
    if (!parsed.ok()) {
      return ErrorAt(*text_, literal->offset,
                     Describe(typed) + "是" + TypeLabel(type) + "，而「" + raw + "」不是有效的" +
                         TypeLabel(type) + "：" + parsed.status().message());
    }
    literal->literal = Value::Scalar(ValueType::Of(type.id), *parsed);
    literal->type = ValueType::Of(type.id);
    return Status::Ok();
  }
  using data::LogicalType;
  switch (type.logical) {
    case LogicalType::kEnum: {
      if (type.enum_values == nullptr) return Status::Ok();
      for (const std::string& allowed : *type.enum_values) {
        if (allowed == raw) {
          literal->type = type;
          return Status::Ok();
        }
      }
      std::string list;
      for (const std::string& allowed : *type.enum_values)
        list += (list.empty() ? "" : "、") + allowed;
      return ErrorAt(*text_, literal->offset,
                     "「" + raw + "」不是" + Describe(typed) + "的可选值（可选：" + list + "）");
    }
    case LogicalType::kIdCard:
    case LogicalType::kUscc:
    case LogicalType::kPlate:
    case LogicalType::kPartyId: {
      data::NormalizeContext context{*Date::FromYmd(2100, 12, 31), {}, nullptr};
      Result<data::NormalizedValue> normalized = data::NormalizeValue(type.logical, raw, context);
      if (!normalized.ok() && type.logical == LogicalType::kPartyId) {
        normalized = data::NormalizeValue(LogicalType::kUscc, raw, context);
      }
      if (!normalized.ok()) {
        return ErrorAt(
            *text_, literal->offset,
            "「" + raw + "」不是有效的" + TypeLabel(type) + "：" + normalized.status().message());
      }
      literal->literal.s = normalized->stored;
      return Status::Ok();
    }
    default:
      (void)at;
      return Status::Ok();
  }
}

Result<MatchKind> ExprBinder::Comparable(BoundExpr* a, BoundExpr* b, const ExprNode& at) {
  if (a->type.id == TypeId::kNull || b->type.id == TypeId::kNull) {
    if (a->kind == BoundKind::kLiteral && a->type.id == TypeId::kNull) {
      return ErrorAt(*text_, a->offset, "与 null 比较得不到结果；判断空值请写 x is null");
    }
    if (b->kind == BoundKind::kLiteral && b->type.id == TypeId::kNull) {
      return ErrorAt(*text_, b->offset, "与 null 比较得不到结果；判断空值请写 x is null");
    }
  }
  if (IsStringLiteral(*a) && b->type.id != TypeId::kString)
    SJ_RETURN_IF_ERROR(CoerceLiteralTo(a, *b, at));
  if (IsStringLiteral(*b) && a->type.id != TypeId::kString)
    SJ_RETURN_IF_ERROR(CoerceLiteralTo(b, *a, at));
  if (IsStringLiteral(*a) && b->type.id == TypeId::kString && !IsStringLiteral(*b)) {
    SJ_RETURN_IF_ERROR(CoerceLiteralTo(a, *b, at));
  }
  if (IsStringLiteral(*b) && a->type.id == TypeId::kString && !IsStringLiteral(*a)) {
    SJ_RETURN_IF_ERROR(CoerceLiteralTo(b, *a, at));
  }
  const ValueType& left = a->type;
  const ValueType& right = b->type;
  bool ok = (left.is_numeric() && right.is_numeric()) ||
            (left.id == right.id && left.id != TypeId::kNull) || left.id == TypeId::kNull ||
            right.id == TypeId::kNull;
  if (ok) return CommonMatchKind(left, right);
  std::string hint;
  if ((left.id == TypeId::kDate && right.id == TypeId::kDateTime) ||
      (left.id == TypeId::kDateTime && right.id == TypeId::kDate)) {
    hint = "；取日期时间的日期部分请用 date(x)";
  } else if ((left.id == TypeId::kString && right.is_numeric()) ||
             (right.id == TypeId::kString && left.is_numeric())) {
    hint = "；文本值要加引号，如 '500'";
  }
  return ErrorAt(*text_, at.offset, TypeIs(*a) + "，不能与" + OperandText(*b) + "比较" + hint);
}

Result<BoundExpr> ExprBinder::BindNode(const ExprNode& node, const std::vector<ColumnInfo>& scope,
                                       AggregateSink* sink) {
  std::string text = ExprToString(node);
  switch (node.kind) {
    case ExprKind::kNumber: {
      bool decimal = node.text.find('.') != std::string::npos;
      TypeId type = decimal ? TypeId::kDecimal : TypeId::kInt;
      Result<int64_t> value = ParseScalar(type, node.text);
      if (!value.ok())
        return ErrorAt(*text_, node.offset,
                       "数字「" + node.text + "」无效：" + value.status().message());
      return Literal(Value::Scalar(ValueType::Of(type), *value), node.offset, node.text);
    }
    case ExprKind::kString:
      return Literal(Value::Text(node.text), node.offset, text);
    case ExprKind::kBool:
      return Literal(Value::Bool(node.text == "true"), node.offset, node.text);
    case ExprKind::kNull:
      return Literal(Value::Null(), node.offset, "null");
    case ExprKind::kColumn:
      return BindColumn(node, scope);
    case ExprKind::kParam:
      return BindParam(node, false);
    case ExprKind::kUnary: {
      SJ_ASSIGN_OR_RETURN(BoundExpr operand, BindNode(node.args[0], scope, sink));
      if (node.op == "not") {
        SJ_RETURN_IF_ERROR(RequireBool(operand, node.args[0].offset, "not 后面"));
        BoundExpr expr = Node(BoundKind::kNot, ValueType::Of(TypeId::kBool), node.offset, text);
        expr.args.push_back(std::move(operand));
        return expr;
      }
      if (!operand.type.is_numeric()) {
        return ErrorAt(*text_, node.offset, "负号只能用于数值，而" + TypeIs(operand));
      }
      BoundExpr expr = Node(BoundKind::kNegate, operand.type, node.offset, text);
      expr.args.push_back(std::move(operand));
      return expr;
    }
    case ExprKind::kBinary:
      return BindBinary(node, scope, sink);
    case ExprKind::kCall:
      return BindCall(node, scope, sink);
    case ExprKind::kIn: {
      SJ_ASSIGN_OR_RETURN(BoundExpr value, BindNode(node.args[0], scope, sink));
      BoundExpr expr = Node(BoundKind::kIn, ValueType::Of(TypeId::kBool), node.offset, text);
      expr.negated = node.negated;
      if (node.args.size() == 2 && node.args[1].kind == ExprKind::kParam) {
        SJ_ASSIGN_OR_RETURN(BoundExpr param, BindParam(node.args[1], true));
        if (param.kind != BoundKind::kParamList) {
          return ErrorAt(*text_, node.args[1].offset,
                         "in 后面的参数 " + param.text + " 应为列表参数（类型写作 text[] 等）");
        }
        BoundExpr item = Node(BoundKind::kParam, param.type, param.offset, param.text);
        SJ_ASSIGN_OR_RETURN(expr.match, Comparable(&value, &item, node));
        expr.param = param.param;
        expr.args.push_back(std::move(value));
        return expr;
      }
      expr.args.push_back(std::move(value));
      for (size_t index = 1; index < node.args.size(); ++index) {
        SJ_ASSIGN_OR_RETURN(BoundExpr item, BindNode(node.args[index], scope, sink));
        SJ_ASSIGN_OR_RETURN(expr.match, Comparable(&expr.args[0], &item, node.args[index]));
        expr.args.push_back(std::move(item));
      }
      return expr;
    }
    case ExprKind::kBetween: {
      SJ_ASSIGN_OR_RETURN(BoundExpr value, BindNode(node.args[0], scope, sink));
      SJ_ASSIGN_OR_RETURN(BoundExpr low, BindNode(node.args[1], scope, sink));
      SJ_ASSIGN_OR_RETURN(BoundExpr high, BindNode(node.args[2], scope, sink));
      BoundExpr value_copy = value;
      SJ_ASSIGN_OR_RETURN(MatchKind match_low, Comparable(&value, &low, node));
      SJ_ASSIGN_OR_RETURN(MatchKind match_high, Comparable(&value_copy, &high, node));
      BoundExpr ge = Node(BoundKind::kCompare, ValueType::Of(TypeId::kBool), node.offset, text);
      ge.compare = CompareOp::kGe;
      ge.match = match_low;
      ge.args.push_back(value);
      ge.args.push_back(std::move(low));
      BoundExpr le = Node(BoundKind::kCompare, ValueType::Of(TypeId::kBool), node.offset, text);
      le.compare = CompareOp::kLe;
      le.match = match_high;
      le.args.push_back(std::move(value_copy));
      le.args.push_back(std::move(high));
      BoundExpr both = Node(BoundKind::kAnd, ValueType::Of(TypeId::kBool), node.offset, text);
      both.args.push_back(std::move(ge));
      both.args.push_back(std::move(le));
      if (!node.negated) return both;
      BoundExpr negated = Node(BoundKind::kNot, ValueType::Of(TypeId::kBool), node.offset, text);
      negated.args.push_back(std::move(both));
      return negated;
    }
    case ExprKind::kIsNull: {
      SJ_ASSIGN_OR_RETURN(BoundExpr operand, BindNode(node.args[0], scope, sink));
      BoundExpr expr = Node(BoundKind::kIsNull, ValueType::Of(TypeId::kBool), node.offset, text);
      expr.negated = node.negated;
      expr.args.push_back(std::move(operand));
      return expr;
    }
    case ExprKind::kInterval:
      return ErrorAt(
          *text_, node.offset,
          "「" + text + "」是一段时间，只能加在日期上或从日期中减去，如 decided_on + 365 days");
  }
  return Status::Internal("未知的表达式节点");
}

Result<BoundExpr> ExprBinder::BindBinary(const ExprNode& node, const std::vector<ColumnInfo>& scope,
                                         AggregateSink* sink) {
  std::string text = ExprToString(node);
  const std::string& op = node.op;
  if (op == "and" || op == "or") {
    SJ_ASSIGN_OR_RETURN(BoundExpr left, BindNode(node.args[0], scope, sink));
    SJ_ASSIGN_OR_RETURN(BoundExpr right, BindNode(node.args[1], scope, sink));
    SJ_RETURN_IF_ERROR(RequireBool(left, node.args[0].offset, op + " 的左侧"));
    SJ_RETURN_IF_ERROR(RequireBool(right, node.args[1].offset, op + " 的右侧"));
    BoundExpr expr = Node(op == "and" ? BoundKind::kAnd : BoundKind::kOr,
                          ValueType::Of(TypeId::kBool), node.offset, text);
    expr.args.push_back(std::move(left));
    expr.args.push_back(std::move(right));
    return expr;
  }
  static const std::pair<const char*, CompareOp> kCompare[] = {
      {"=", CompareOp::kEq},  {"!=", CompareOp::kNe}, {"<", CompareOp::kLt},
      {"<=", CompareOp::kLe}, {">", CompareOp::kGt},  {">=", CompareOp::kGe}};
  for (const auto& [symbol, compare] : kCompare) {
    if (op != symbol) continue;
    SJ_ASSIGN_OR_RETURN(BoundExpr left, BindNode(node.args[0], scope, sink));
    SJ_ASSIGN_OR_RETURN(BoundExpr right, BindNode(node.args[1], scope, sink));
    BoundExpr expr = Node(BoundKind::kCompare, ValueType::Of(TypeId::kBool), node.offset, text);
    SJ_ASSIGN_OR_RETURN(expr.match, Comparable(&left, &right, node));
    if (left.type.id == TypeId::kBool && compare != CompareOp::kEq && compare != CompareOp::kNe) {
      return ErrorAt(*text_, node.offset, "是否（布尔）值只能比较相等或不等");
    }
    expr.compare = compare;
    expr.args.push_back(std::move(left));
    expr.args.push_back(std::move(right));
    return expr;
  }
  // Arithmetic, with intervals: date ± n days|months|years.
  const ExprNode* interval = nullptr;
  const ExprNode* other = nullptr;
  if (node.args[1].kind == ExprKind::kInterval) {
    interval = &node.args[1];
    other = &node.args[0];
  } else if (node.args[0].kind == ExprKind::kInterval && op == "+") {
    interval = &node.args[0];
    other = &node.args[1];
  }
  if (interval != nullptr) {
    if (op != "+" && op != "-") {
      return ErrorAt(*text_, node.offset, "一段时间（如 365 days）只能与日期相加减");
    }
    SJ_ASSIGN_OR_RETURN(BoundExpr base, BindNode(*other, scope, sink));
    if (IsStringLiteral(base)) {
      Result<int64_t> date = ParseScalar(TypeId::kDate, base.literal.s);
      if (!date.ok()) return ErrorAt(*text_, base.offset, "「" + base.literal.s + "」不是日期");
      base.literal = Value::Scalar(ValueType::Of(TypeId::kDate), *date);
      base.type = ValueType::Of(TypeId::kDate);
    }
    SJ_ASSIGN_OR_RETURN(BoundExpr amount, BindNode(interval->args[0], scope, sink));
    if (amount.type.id != TypeId::kInt) {
      return ErrorAt(*text_, interval->offset, "时间长度应为整数，而" + TypeIs(amount));
    }
    const std::string& unit = interval->op;
    bool temporal = base.type.id == TypeId::kDate || base.type.id == TypeId::kDateTime ||
                    (base.type.id == TypeId::kPeriod && unit != "days");
    if (!temporal) {
      return ErrorAt(
          *text_, other->offset,
          TypeIs(base) + "，不能加减「" + ExprToString(*interval) + "」" +
              (base.type.id == TypeId::kPeriod ? "（年月只能加减 months 或 years）" : ""));
    }
    if (unit == "years") {
      BoundExpr twelve =
          Literal(Value::Scalar(ValueType::Of(TypeId::kInt), 12), amount.offset, "12");
      BoundExpr months = Node(BoundKind::kArith, ValueType::Of(TypeId::kInt), amount.offset,
                              amount.text + " * 12");
      months.arith = ArithOp::kMul;
      months.args.push_back(std::move(amount));
      months.args.push_back(std::move(twelve));
      amount = std::move(months);
    }
    if (op == "-") {
      BoundExpr negated = Node(BoundKind::kNegate, amount.type, amount.offset, "-" + amount.text);
      negated.args.push_back(std::move(amount));
      amount = std::move(negated);
    }
    BoundExpr expr = Node(BoundKind::kFunction, base.type, node.offset, text);
    expr.function = unit == "days" ? FunctionId::kAddDays : FunctionId::kAddMonths;
    expr.args.push_back(std::move(base));
    expr.args.push_back(std::move(amount));
    return expr;
  }
  SJ_ASSIGN_OR_RETURN(BoundExpr left, BindNode(node.args[0], scope, sink));
  SJ_ASSIGN_OR_RETURN(BoundExpr right, BindNode(node.args[1], scope, sink));
  if (op == "-" && left.type.is_temporal() &&
      (right.type.is_temporal() || IsStringLiteral(right))) {
    if (IsStringLiteral(right)) SJ_RETURN_IF_ERROR(CoerceLiteralTo(&right, left, node));
    if (left.type.id != right.type.id) {
      return ErrorAt(*text_, node.offset, TypeIs(left) + "，不能减去" + OperandText(right));
    }
    BoundExpr expr = Node(BoundKind::kFunction, ValueType::Of(TypeId::kInt), node.offset, text);
    expr.function =
        left.type.id == TypeId::kPeriod ? FunctionId::kMonthsBetween : FunctionId::kDaysBetween;
    expr.args.push_back(std::move(right));
    expr.args.push_back(std::move(left));
    return expr;
  }
  ArithOp arith = op == "+"   ? ArithOp::kAdd
                  : op == "-" ? ArithOp::kSub
                  : op == "*" ? ArithOp::kMul
                  : op == "/" ? ArithOp::kDiv
                              : ArithOp::kMod;
  std::optional<TypeId> result = NumericResultType(arith, left.type.id, right.type.id);
  if (!result) {
    const BoundExpr& bad = left.type.is_numeric() ? right : left;
    std::string hint;
    if (bad.type.is_temporal())
      hint = "；日期加减请写 decided_on + 30 days，日期之差请写 b - a 或 days_between(a, b)";
    if (left.type.id == TypeId::kMoney && right.type.id == TypeId::kMoney) hint = "；金额不能相乘";
    if (bad.type.id == TypeId::kString) hint = "；拼接文本请用 concat(a, b)";
    return ErrorAt(*text_, node.offset, "不能计算「" + text + "」：" + TypeIs(bad) + hint);
  }
  BoundExpr expr = Node(BoundKind::kArith, ValueType::Of(*result), node.offset, text);
  expr.arith = arith;
  expr.args.push_back(std::move(left));
  expr.args.push_back(std::move(right));
  return expr;
}

Result<BoundExpr> ExprBinder::BindCall(const ExprNode& node, const std::vector<ColumnInfo>& scope,
                                       AggregateSink* sink) {
  std::string text = ExprToString(node);
  AggregateId aggregate;
  if (IsAggregateName(node.text, &aggregate)) {
    if (sink == nullptr) {
      return ErrorAt(
          *text_, node.offset,
          "聚合函数 " + node.text + " 只能用在 aggregate 或 rolling 步骤的输出和 having 中");
    }
    BoundAggregate call;
    call.function = aggregate;
    call.text = text;
    for (const ExprNode& arg : node.args) {
      SJ_ASSIGN_OR_RETURN(BoundExpr bound, BindNode(arg, *sink->input, nullptr));
      call.args.push_back(std::move(bound));
    }
    if (std::optional<CallError> error = BindAggregateCall(aggregate, call.args, &call.type)) {
      int offset = error->argument >= 0 ? node.args[error->argument].offset : node.offset;
      return ErrorAt(*text_, offset, error->message);
    }
    int index = -1;
    for (size_t existing = 0; existing < sink->calls->size(); ++existing) {
      if ((*sink->calls)[existing].text == call.text) index = static_cast<int>(existing);
    }
    if (index < 0) {
      index = static_cast<int>(sink->calls->size());
      sink->calls->push_back(call);
    }
    BoundExpr expr = Node(BoundKind::kColumn, call.type, node.offset, text);
    expr.column = sink->base_index + index;
    return expr;
  }
  std::vector<BoundExpr> args;
  for (size_t index = 0; index < node.args.size(); ++index) {
    const ExprNode& arg = node.args[index];
    if (node.text == "contains_any" && index > 0 && arg.kind == ExprKind::kParam) {
      SJ_ASSIGN_OR_RETURN(BoundExpr param, BindParam(arg, true));
      if (param.kind == BoundKind::kParamList && param.type.id != TypeId::kString) {
        return ErrorAt(*text_, arg.offset, "contains_any 的列表参数应为文本列表（text[]）");
      }
      args.push_back(std::move(param));
      continue;
    }
    SJ_ASSIGN_OR_RETURN(BoundExpr bound, BindNode(arg, scope, sink));
    args.push_back(std::move(bound));
  }
  BoundExpr expr = Node(BoundKind::kFunction, ValueType(), node.offset, text);
  if (std::optional<CallError> error = BindScalarCall(node.text, &args, &expr)) {
    int offset = error->argument >= 0 ? node.args[error->argument].offset : node.offset;
    std::string message = error->message;
    if (error->argument < 0 && message.starts_with("未知的函数")) {
      std::string hint = NearestName(node.text, FunctionNames());
      if (!hint.empty()) message += "；是不是「" + hint + "」？";
    }
    return ErrorAt(*text_, offset, message);
  }
  expr.args = std::move(args);
  return expr;
}

}  // namespace shujian::engine
