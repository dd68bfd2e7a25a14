#include "engine/exec/expression_evaluator.h"

#include <algorithm>
#include <cmath>

#include "engine/function/jaro_winkler.h"
#include "engine/function/levenshtein.h"
#include "engine/function/masked_id.h"
#include "engine/function/string_functions.h"

namespace shujian::engine {
namespace {

Vector MakeVector(ValueType type, size_t rows) {
  Vector vector;
  vector.type = type;
  vector.data.assign(rows, 0);
  return vector;
}

void MarkNull(Vector* vector, size_t row) {
  if (vector->nulls.empty()) vector->nulls.assign(vector->data.size(), 0);
  vector->nulls[row] = 1;
}

// Result row is null when any input row is null.
void PropagateNulls(Vector* out, std::initializer_list<const Vector*> inputs) {
  for (const Vector* input : inputs) {
    if (!input->has_nulls()) continue;
    if (out->nulls.empty()) out->nulls.assign(out->data.size(), 0);
    for (size_t row = 0; row < out->data.size(); ++row) out->nulls[row] |= input->nulls[row];
  }
}

bool StringTransformOf(FunctionId id, StringTransform* transform) {
  switch (id) {
    case FunctionId::kUpper: *transform = StringTransform::kUpper; return true;
    case FunctionId::kLower: *transform = StringTransform::kLower; return true;
    case FunctionId::kTrim: *transform = StringTransform::kTrim; return true;
    case FunctionId::kNormName: *transform = StringTransform::kNormName; return true;
    case FunctionId::kCompanyName: *transform = StringTransform::kCompanyName; return true;
    case FunctionId::kSimplified: *transform = StringTransform::kSimplified; return true;
    case FunctionId::kFoldWidth: *transform = StringTransform::kFoldWidth; return true;
    case FunctionId::kPinyin: *transform = StringTransform::kPinyin; return true;
    case FunctionId::kCaseNo: *transform = StringTransform::kCaseNo; return true;
    default: return false;
  }
}

bool CompareResult(CompareOp op, int order) {
  switch (op) {
    case CompareOp::kEq: return order == 0;
    case CompareOp::kNe: return order != 0;
    case CompareOp::kLt: return order < 0;
    case CompareOp::kLe: return order <= 0;
    case CompareOp::kGt: return order > 0;
    case CompareOp::kGe: return order >= 0;
  }
  return false;
}

}  // namespace

int64_t ExpressionEvaluator::ScalarOf(const Value& value) {
  if (value.type.id == TypeId::kString) return context_->pool->Intern(value.s);
  return value.i;
}

Vector ExpressionEvaluator::EvaluateAll(const BoundExpr& expr, const Relation& input) {
  Vector all;
  all.type = expr.type;
  all.Reserve(input.rows);
  for (size_t begin = 0; begin < input.rows; begin += context_->batch_size) {
    size_t end = std::min(input.rows, begin + context_->batch_size);
    Vector part = Evaluate(expr, input, begin, end);
    all.AppendRange(part, 0, part.size());
  }
  all.type = expr.type;
  return all;
}

void ExpressionEvaluator::Select(const BoundExpr& condition, const Relation& input, size_t begin,
                                 size_t end, std::vector<int32_t>* selected) {
  Vector result = Evaluate(condition, input, begin, end);
  for (size_t row = 0; row < result.size(); ++row) {
    if (result.data[row] != 0 && !result.IsNull(row)) selected->push_back(static_cast<int32_t>(begin + row));
  }
}

Vector ExpressionEvaluator::Evaluate(const BoundExpr& expr, const Relation& input, size_t begin, size_t end) {
  size_t rows = end - begin;
  switch (expr.kind) {
    case BoundKind::kLiteral: {
      Vector out = MakeVector(expr.type, rows);
      if (expr.literal.null) {
        out.nulls.assign(rows, 1);
      } else {
        std::fill(out.data.begin(), out.data.end(), ScalarOf(expr.literal));
      }
      return out;
    }
    case BoundKind::kParam: {
      Vector out = MakeVector(expr.type, rows);
      const std::vector<Value>& values = (*context_->params)[expr.param];
      if (values.empty() || values[0].null) {
        out.nulls.assign(rows, 1);
      } else {
        std::fill(out.data.begin(), out.data.end(), ScalarOf(values[0]));
      }
      return out;
    }
    case BoundKind::kParamList:
      return MakeVector(expr.type, rows);  // only read by contains_any, which reads the parameter
    case BoundKind::kColumn: {
      const Vector& column = input.column(expr.column);
      Vector out;
      out.type = expr.type;
      out.AppendRange(column, begin, end);
      return out;
    }
    case BoundKind::kNegate: {
      Vector out = Evaluate(expr.args[0], input, begin, end);
      for (int64_t& value : out.data) value = -value;
      out.type = expr.type;
      return out;
    }
    case BoundKind::kNot: {
      Vector out = Evaluate(expr.args[0], input, begin, end);
      for (int64_t& value : out.data) value = value == 0 ? 1 : 0;
      return out;
    }
    case BoundKind::kAnd:
    case BoundKind::kOr: {
      Vector left = Evaluate(expr.args[0], input, begin, end);
      Vector right = Evaluate(expr.args[1], input, begin, end);
      Vector out = MakeVector(expr.type, rows);
      bool is_and = expr.kind == BoundKind::kAnd;
      for (size_t row = 0; row < rows; ++row) {
        bool left_null = left.IsNull(row);
        bool right_null = right.IsNull(row);
        bool l = left.data[row] != 0;
        bool r = right.data[row] != 0;
        if (is_and) {
          if ((!left_null && !l) || (!right_null && !r)) {
            out.data[row] = 0;
          } else if (left_null || right_null) {
            MarkNull(&out, row);
          } else {
            out.data[row] = 1;
          }
        } else {
          if ((!left_null && l) || (!right_null && r)) {
            out.data[row] = 1;
          } else if (left_null || right_null) {
            MarkNull(&out, row);
          } else {
            out.data[row] = 0;
          }
        }
      }
      return out;
    }
    case BoundKind::kIsNull: {
      Vector operand = Evaluate(expr.args[0], input, begin, end);
      Vector out = MakeVector(expr.type, rows);
      for (size_t row = 0; row < rows; ++row) {
        bool null = operand.IsNull(row);
        out.data[row] = (null != expr.negated) ? 1 : 0;
      }
      return out;
    }
    case BoundKind::kCompare:
      return Compare(expr, input, begin, end);
    case BoundKind::kArith:
      return Arith(expr, input, begin, end);
    case BoundKind::kIn:
      return In(expr, input, begin, end);
    case BoundKind::kFunction:
      return Function(expr, input, begin, end);
  }
  return MakeVector(expr.type, rows);
}

Vector ExpressionEvaluator::Compare(const BoundExpr& expr, const Relation& input, size_t begin, size_t end) {
  Vector left = Evaluate(expr.args[0], input, begin, end);
  Vector right = Evaluate(expr.args[1], input, begin, end);
  size_t rows = end - begin;
  Vector out = MakeVector(expr.type, rows);
  TypeId lt = expr.args[0].type.id;
  TypeId rt = expr.args[1].type.id;
  CompareOp op = expr.compare;
  if (lt == TypeId::kString && rt == TypeId::kString) {
    StringPool& pool = *context_->pool;
    bool equality = op == CompareOp::kEq || op == CompareOp::kNe;
    for (size_t row = 0; row < rows; ++row) {
      if (left.IsNull(row) || right.IsNull(row)) continue;
      uint32_t a = static_cast<uint32_t>(left.data[row]);
      uint32_t b = static_cast<uint32_t>(right.data[row]);
      int order;
      if (equality) {
        order = pool.MatchCode(a, expr.match) == pool.MatchCode(b, expr.match) ? 0 : 1;
      } else {
        int compared = pool.Get(a).compare(pool.Get(b));
        order = compared < 0 ? -1 : (compared > 0 ? 1 : 0);
      }
      out.data[row] = CompareResult(op, order) ? 1 : 0;
    }
  } else if (lt == rt || lt == TypeId::kNull || rt == TypeId::kNull) {
    const int64_t* a = left.data.data();
    const int64_t* b = right.data.data();
    int64_t* o = out.data.data();
    switch (op) {
      case CompareOp::kEq: for (size_t row = 0; row < rows; ++row) o[row] = a[row] == b[row]; break;
      case CompareOp::kNe: for (size_t row = 0; row < rows; ++row) o[row] = a[row] != b[row]; break;
      case CompareOp::kLt: for (size_t row = 0; row < rows; ++row) o[row] = a[row] < b[row]; break;
      case CompareOp::kLe: for (size_t row = 0; row < rows; ++row) o[row] = a[row] <= b[row]; break;
      case CompareOp::kGt: for (size_t row = 0; row < rows; ++row) o[row] = a[row] > b[row]; break;
      case CompareOp::kGe: for (size_t row = 0; row < rows; ++row) o[row] = a[row] >= b[row]; break;
    }
  } else {
    for (size_t row = 0; row < rows; ++row) {
      out.data[row] = CompareResult(op, CompareNumeric(lt, left.data[row], rt, right.data[row])) ? 1 : 0;
    }
  }
  PropagateNulls(&out, {&left, &right});
  return out;
}

Vector ExpressionEvaluator::Arith(const BoundExpr& expr, const Relation& input, size_t begin, size_t end) {
  Vector left = Evaluate(expr.args[0], input, begin, end);
  Vector right = Evaluate(expr.args[1], input, begin, end);
  size_t rows = end - begin;
  Vector out = MakeVector(expr.type, rows);
  TypeId lt = expr.args[0].type.id;
  TypeId rt = expr.args[1].type.id;
  TypeId result = expr.type.id;
  if (lt == TypeId::kInt && rt == TypeId::kInt && (expr.arith == ArithOp::kAdd || expr.arith == ArithOp::kSub ||
                                                   expr.arith == ArithOp::kMul)) {
    for (size_t row = 0; row < rows; ++row) {
      int64_t value;
      bool overflow = expr.arith == ArithOp::kAdd   ? __builtin_add_overflow(left.data[row], right.data[row], &value)
                      : expr.arith == ArithOp::kSub ? __builtin_sub_overflow(left.data[row], right.data[row], &value)
                                                    : __builtin_mul_overflow(left.data[row], right.data[row], &value);
      if (overflow) {
        MarkNull(&out, row);
      } else {
        out.data[row] = value;
      }
    }
  } else {
    for (size_t row = 0; row < rows; ++row) {
      if (left.IsNull(row) || right.IsNull(row)) continue;
      int64_t value;
      if (NumericArith(expr.arith, lt, left.data[row], rt, right.data[row], result, &value)) {
        out.data[row] = value;
      } else {
        MarkNull(&out, row);
      }
    }
  }
  PropagateNulls(&out, {&left, &right});
  return out;
}

Vector ExpressionEvaluator::In(const BoundExpr& expr, const Relation& input, size_t begin, size_t end) {
  Vector value = Evaluate(expr.args[0], input, begin, end);
  size_t rows = end - begin;
  Vector out = MakeVector(expr.type, rows);
  std::vector<uint8_t> matched(rows, 0);
  std::vector<uint8_t> saw_null(rows, 0);
  StringPool& pool = *context_->pool;
  TypeId vt = expr.args[0].type.id;
  auto test = [&](size_t row, TypeId it, int64_t item) {
    if (vt == TypeId::kString && it == TypeId::kString) {
      return pool.MatchCode(static_cast<uint32_t>(value.data[row]), expr.match) ==
             pool.MatchCode(static_cast<uint32_t>(item), expr.match);
    }
    if (vt == it) return value.data[row] == item;
    return CompareNumeric(vt, value.data[row], it, item) == 0;
  };
  if (expr.args.size() == 1) {
    const BoundParameter& parameter = context_->model->parameters[expr.param];
    for (const Value& item : (*context_->params)[expr.param]) {
      if (item.null) continue;
      int64_t scalar = ScalarOf(item);
      for (size_t row = 0; row < rows; ++row) {
        if (!value.IsNull(row) && test(row, parameter.type.id, scalar)) matched[row] = 1;
      }
    }
  } else {
    for (size_t index = 1; index < expr.args.size(); ++index) {
      Vector item = Evaluate(expr.args[index], input, begin, end);
      TypeId it = expr.args[index].type.id;
      for (size_t row = 0; row < rows; ++row) {
        if (item.IsNull(row)) {
          saw_null[row] = 1;
        } else if (!value.IsNull(row) && test(row, it, item.data[row])) {
          matched[row] = 1;
        }
      }
    }
  }
  for (size_t row = 0; row < rows; ++row) {
    if (matched[row]) {
      out.data[row] = expr.negated ? 0 : 1;
    } else if (value.IsNull(row) || saw_null[row]) {
      MarkNull(&out, row);
    } else {
      out.data[row] = expr.negated ? 1 : 0;
    }
  }
  return out;
}

Vector ExpressionEvaluator::Function(const BoundExpr& expr, const Relation& input, size_t begin, size_t end) {
  size_t rows = end - begin;
  Vector out = MakeVector(expr.type, rows);
  StringPool& pool = *context_->pool;
  std::vector<Vector> args;
  args.reserve(expr.args.size());
  for (const BoundExpr& arg : expr.args) args.push_back(Evaluate(arg, input, begin, end));
  auto any_null = [&](size_t row) {
    for (const Vector& arg : args) {
      if (arg.IsNull(row)) return true;
    }
    return false;
  };
  auto str = [&](size_t index, size_t row) { return pool.Get(static_cast<uint32_t>(args[index].data[row])); };
  auto type_of = [&](size_t index) { return expr.args[index].type.id; };
  TypeId result = expr.type.id;

  StringTransform transform;
  if (StringTransformOf(expr.function, &transform)) {
    std::vector<uint32_t>& memo = pool.Memo(static_cast<int>(expr.function));
    for (size_t row = 0; row < rows; ++row) {
      if (args[0].IsNull(row)) {
        MarkNull(&out, row);
        continue;
      }
      uint32_t code = static_cast<uint32_t>(args[0].data[row]);
      pool.EnsureMemoSize(&memo);
      uint32_t cached = memo[code];
      if (cached == StringPool::kUnset) {
        cached = pool.Intern(TransformString(transform, pool.Get(code)));
        std::vector<uint32_t>& table = pool.Memo(static_cast<int>(expr.function));
        pool.EnsureMemoSize(&table);
        table[code] = cached;
      }
      out.data[row] = cached;
    }
    return out;
  }

  switch (expr.function) {
    case FunctionId::kCoalesce:
      for (size_t row = 0; row < rows; ++row) {
        bool found = false;
        for (size_t index = 0; index < args.size() && !found; ++index) {
          if (args[index].IsNull(row)) continue;
          int64_t value = args[index].data[row];
          if (expr.type.is_numeric() && type_of(index) != result) {
            if (!ConvertNumeric(type_of(index), value, result, &value)) continue;
          }
          out.data[row] = value;
          found = true;
        }
        if (!found) MarkNull(&out, row);
      }
      return out;
    case FunctionId::kIf:
      for (size_t row = 0; row < rows; ++row) {
        bool take_first = !args[0].IsNull(row) && args[0].data[row] != 0;
        size_t index = take_first ? 1 : 2;
        if (args[index].IsNull(row)) {
          MarkNull(&out, row);
          continue;
        }
        int64_t value = args[index].data[row];
        if (expr.type.is_numeric() && type_of(index) != result &&
            !ConvertNumeric(type_of(index), value, result, &value)) {
          MarkNull(&out, row);
          continue;
        }
        out.data[row] = value;
      }
      return out;
    case FunctionId::kAbs:
      for (size_t row = 0; row < rows; ++row) out.data[row] = args[0].data[row] < 0 ? -args[0].data[row] : args[0].data[row];
      PropagateNulls(&out, {&args[0]});
      return out;
    case FunctionId::kRound: {
      int digits = args.size() > 1 ? static_cast<int>(expr.args[1].literal.i) : 0;
      for (size_t row = 0; row < rows; ++row) {
        out.data[row] = result == TypeId::kInt ? args[0].data[row] : RoundNumeric(result, args[0].data[row], digits);
      }
      PropagateNulls(&out, {&args[0]});
      return out;
    }
    case FunctionId::kLeast:
    case FunctionId::kGreatest: {
      bool least = expr.function == FunctionId::kLeast;
      for (size_t row = 0; row < rows; ++row) {
        bool found = false;
        int64_t best = 0;
        for (size_t index = 0; index < args.size(); ++index) {
          if (args[index].IsNull(row)) continue;
          int64_t value = args[index].data[row];
          if (expr.type.is_numeric() && type_of(index) != result &&
              !ConvertNumeric(type_of(index), value, result, &value)) {
            continue;
          }
          int order;
          if (result == TypeId::kString) {
            int compared = pool.Get(static_cast<uint32_t>(value)).compare(pool.Get(static_cast<uint32_t>(best)));
            order = compared < 0 ? -1 : (compared > 0 ? 1 : 0);
          } else {
            order = value < best ? -1 : (value > best ? 1 : 0);
          }
          if (!found || (least ? order < 0 : order > 0)) best = value;
          found = true;
        }
        if (found) {
          out.data[row] = best;
        } else {
          MarkNull(&out, row);
        }
      }
      return out;
    }
    case FunctionId::kYear:
    case FunctionId::kMonth:
    case FunctionId::kDay:
    case FunctionId::kDate:
    case FunctionId::kPeriod:
    {
      // One loop per function and argument type (the value of a null row is ignored).
      const TypeId type = type_of(0);
      const int64_t* in = args[0].data.data();
      int64_t* result = out.data.data();
      auto each = [&](auto convert) {
        for (size_t row = 0; row < rows; ++row) result[row] = convert(in[row]);
      };
      if (type == TypeId::kPeriod && expr.function == FunctionId::kYear) {
        each([](int64_t value) { return value >= 0 ? value / 12 : (value - 11) / 12; });
      } else if (type == TypeId::kPeriod && expr.function == FunctionId::kPeriod) {
        each([](int64_t value) { return value; });
      } else {
        const FunctionId function = expr.function;
        for (size_t row = 0; row < rows; ++row) {
          if (args[0].IsNull(row)) continue;
          const int64_t value = in[row];
          switch (function) {
            case FunctionId::kYear: result[row] = YearOf(type, value); break;
            case FunctionId::kMonth: result[row] = MonthOf(type, value); break;
            case FunctionId::kDay: result[row] = DayOfMonth(type, value); break;
            case FunctionId::kDate: result[row] = DayOf(type, value); break;
            default: result[row] = ToPeriod(type, value); break;
          }
        }
      }
      PropagateNulls(&out, {&args[0]});
      return out;
    }
    case FunctionId::kMakeDate:
      for (size_t row = 0; row < rows; ++row) {
        if (any_null(row)) {
          MarkNull(&out, row);
          continue;
        }
        std::optional<int64_t> date = MakeDate(args[0].data[row], args[1].data[row], args[2].data[row]);
        if (date) {
          out.data[row] = *date;
        } else {
          MarkNull(&out, row);
        }
      }
      return out;
    case FunctionId::kDaysBetween:
      for (size_t row = 0; row < rows; ++row) {
        out.data[row] = static_cast<int64_t>(DayOf(type_of(1), args[1].data[row])) - DayOf(type_of(0), args[0].data[row]);
      }
      PropagateNulls(&out, {&args[0], &args[1]});
      return out;
    case FunctionId::kMonthsBetween: {
      TypeId type = type_of(0) == TypeId::kNull ? type_of(1) : type_of(0);
      for (size_t row = 0; row < rows; ++row) {
        if (any_null(row)) continue;
        int64_t a = args[0].data[row];
        int64_t b = args[1].data[row];
        if (type != TypeId::kPeriod) {
          a = DayOf(type_of(0), a);
          b = DayOf(type_of(1), b);
          out.data[row] = MonthsBetween(TypeId::kDate, a, b);
        } else {
          out.data[row] = b - a;
        }
      }
      PropagateNulls(&out, {&args[0], &args[1]});
      return out;
    }
    case FunctionId::kAddDays:
    case FunctionId::kAddMonths:
      for (size_t row = 0; row < rows; ++row) {
        if (any_null(row)) continue;
        out.data[row] = expr.function == FunctionId::kAddDays ? AddDaysTo(result, args[0].data[row], args[1].data[row])
                                                              : AddMonthsTo(result, args[0].data[row], args[1].data[row]);
      }
      PropagateNulls(&out, {&args[0], &args[1]});
      return out;
    case FunctionId::kLength:
      for (size_t row = 0; row < rows; ++row) {
        if (!args[0].IsNull(row)) out.data[row] = CodePointLength(str(0, row));
      }
      PropagateNulls(&out, {&args[0]});
      return out;
    case FunctionId::kContains:
    case FunctionId::kStartsWith:
    case FunctionId::kEndsWith:
      for (size_t row = 0; row < rows; ++row) {
        if (any_null(row)) continue;
        std::string_view text = str(0, row);
        std::string_view part = str(1, row);
        out.data[row] = expr.function == FunctionId::kContains     ? text.find(part) != std::string_view::npos
                        : expr.function == FunctionId::kStartsWith ? text.starts_with(part)
                                                                   : text.ends_with(part);
      }
      PropagateNulls(&out, {&args[0], &args[1]});
      return out;
    case FunctionId::kContainsAny: {
      std::vector<std::string> needles_from_params;
      for (size_t index = 1; index < expr.args.size(); ++index) {
        if (expr.args[index].kind != BoundKind::kParamList) continue;
        for (const Value& item : (*context_->params)[expr.args[index].param]) {
          if (!item.null) needles_from_params.push_back(item.s);
        }
      }
      for (size_t row = 0; row < rows; ++row) {
        if (args[0].IsNull(row)) {
          MarkNull(&out, row);
          continue;
        }
        std::string_view text = str(0, row);
        bool found = false;
        for (size_t index = 1; index < args.size() && !found; ++index) {
          if (expr.args[index].kind == BoundKind::kParamList || args[index].IsNull(row)) continue;
          found = text.find(str(index, row)) != std::string_view::npos;
        }
        for (const std::string& needle : needles_from_params) {
          if (found) break;
          found = text.find(needle) != std::string_view::npos;
        }
        out.data[row] = found ? 1 : 0;
      }
      return out;
    }
    case FunctionId::kSubstr:
      for (size_t row = 0; row < rows; ++row) {
        if (any_null(row)) {
          MarkNull(&out, row);
          continue;
        }
        std::optional<int64_t> length;
        if (args.size() > 2) length = args[2].data[row];
        out.data[row] = pool.Intern(SubstringByCodePoints(str(0, row), args[1].data[row], length));
      }
      return out;
    case FunctionId::kReplace:
      for (size_t row = 0; row < rows; ++row) {
        if (any_null(row)) {
          MarkNull(&out, row);
          continue;
        }
        out.data[row] = pool.Intern(ReplaceAll(str(0, row), str(1, row), str(2, row)));
      }
      return out;
    case FunctionId::kConcat:
    case FunctionId::kText:
      for (size_t row = 0; row < rows; ++row) {
        std::string text;
        bool all_null = true;
        for (size_t index = 0; index < args.size(); ++index) {
          if (args[index].IsNull(row)) continue;
          all_null = false;
          text += type_of(index) == TypeId::kString ? std::string(str(index, row))
                                                   : FormatScalar(type_of(index), args[index].data[row]);
        }
        if (expr.function == FunctionId::kText && all_null) {
          MarkNull(&out, row);
          continue;
        }
        out.data[row] = pool.Intern(text);
      }
      return out;
    case FunctionId::kJaroWinkler:
    case FunctionId::kLevenshtein:
    case FunctionId::kMaskedIdMatch:
      for (size_t row = 0; row < rows; ++row) {
        if (any_null(row)) continue;
        std::string_view a = str(0, row);
        std::string_view b = str(1, row);
        if (expr.function == FunctionId::kJaroWinkler) {
          out.data[row] = std::llround(JaroWinklerUtf8(a, b) * 1000000.0);
        } else if (expr.function == FunctionId::kLevenshtein) {
          out.data[row] = static_cast<int64_t>(LevenshteinUtf8(a, b));
        } else {
          out.data[row] = MaskedIdCompatible(a, b) ? 1 : 0;
        }
      }
      PropagateNulls(&out, {&args[0], &args[1]});
      return out;
    default:
      break;
  }
  return out;
}

}  // namespace shujian::engine
