// The reference evaluator. Read reference_evaluator.h first. Everything here is written for
// obviousness, not speed: each operator is a loop over rows (nested loops for joins), and each
// row carries its provenance as a set of dataset rows per read step.
#include "engine/reference/reference_evaluator.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/case_number.h"
#include "core/name_normalize.h"
#include "engine/bind/binder.h"
#include "engine/function/comparison_levels.h"
#include "engine/function/jaro_winkler.h"
#include "engine/function/levenshtein.h"
#include "engine/function/masked_id.h"
#include "engine/function/string_functions.h"
#include "engine/function/window_bounds.h"
#include "engine/lead/lead_assembler.h"
#include "engine/lead/notes.h"
#include "engine/run_inputs.h"

namespace shujian::engine {
namespace {

struct Row {
  std::vector<Value> values;
  std::map<int, std::set<int32_t>> provenance;  // read or lookup step → its base rows
  std::map<int, std::set<int32_t>> own;         // the same, but not through rolling windows
};
using Rows = std::vector<Row>;

void Merge(std::map<int, std::set<int32_t>>* into, const std::map<int, std::set<int32_t>>& from) {
  for (const auto& [step, rows] : from) (*into)[step].insert(rows.begin(), rows.end());
}

std::string MatchForm(const std::string& text, MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact:
      return text;
    case MatchKind::kName:
      return NormalizeNameForMatching(text);
    case MatchKind::kCaseNo:
      return NormalizeCaseNumber(text);
  }
  return text;
}

// -1/0/1; REQUIRES: both non-null and comparable.
int Order(const Value& a, const Value& b) {
  if (a.type.id == TypeId::kString) return a.s < b.s ? -1 : (a.s > b.s ? 1 : 0);
  if (a.type.is_numeric() && b.type.is_numeric())
    return CompareNumeric(a.type.id, a.i, b.type.id, b.i);
  return a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
}

bool Equal(const Value& a, const Value& b, MatchKind match) {
  if (a.type.id == TypeId::kString) return MatchForm(a.s, match) == MatchForm(b.s, match);
  return Order(a, b) == 0;
}

// A key that is equal for values `=` calls equal (strings on their matching form, numbers by
// amount); null is a key of its own.
std::string KeyOf(const Value& value, MatchKind match) {
  if (value.null) return "N";
  if (value.type.id == TypeId::kString) return "S" + MatchForm(value.s, match);
  if (value.type.is_numeric()) {
    int64_t millionths;
    if (ConvertNumeric(value.type.id, value.i, TypeId::kDecimal, &millionths))
      return "D" + std::to_string(millionths);
    return "D?" + FormatValue(value);
  }
  return "I" + std::to_string(value.i);
}

Value Bool(bool b) { return Value::Bool(b); }

std::string ForTitle(const Value& value) {
  if (value.null) return "（空）";
  if (value.type.id == TypeId::kString) return value.s;
  return FormatScalarForTitle(value.type.id, value.i);
}

class Reference {
 public:
  Reference(const CompiledModel& model, RunInputs* inputs)
      : model_(model), bound_(model.bound()), inputs_(*inputs), pool_(*inputs->pool) {}

  void Run(RunResult* result) {
    outputs_.resize(bound_.steps.size());
    result->steps.resize(bound_.steps.size());
    for (size_t index = 0; index < bound_.steps.size(); ++index) {
      const BoundStep& step = bound_.steps[index];
      switch (step.kind) {
        case StepKind::kRead:
          outputs_[index] = Read(index);
          break;
        case StepKind::kFilter:
          outputs_[index] = Filter(step);
          break;
        case StepKind::kCompute:
          outputs_[index] = Compute(step);
          break;
        case StepKind::kJoin:
        case StepKind::kSemi:
        case StepKind::kAnti:
          outputs_[index] = Join(step);
          break;
        case StepKind::kLookup:
          outputs_[index] = Lookup(index);
          break;
        case StepKind::kAggregate:
          outputs_[index] = Aggregate(step);
          break;
        case StepKind::kRolling:
          outputs_[index] = Rolling(step);
          break;
        case StepKind::kFuzzy:
          outputs_[index] = Fuzzy(step);
          break;
        case StepKind::kEmit:
          Emit(index);
          break;
        case StepKind::kOutput:
          Output(step);
          break;
      }
      StepStats& stats = result->steps[index];
      stats.name = step.name;
      bool terminal = step.kind == StepKind::kEmit || step.kind == StepKind::kOutput;
      stats.actual_rows =
          static_cast<int64_t>(terminal ? outputs_[step.input].size() : outputs_[index].size());
    }
    LeadAssembler assembler(bound_, inputs_.by_step, model_.read_columns(), pool_);
    result->leads = assembler.Assemble(std::move(emitted_));
    result->outputs = std::move(tables_);
    result->notes = std::move(notes_);
  }

 private:
  // ---- Expressions -------------------------------------------------------------------------

  Value Param(int index) const {
    const std::vector<Value>& values = inputs_.params[index];
    return values.empty() ? Value::Null(bound_.parameters[index].type) : values[0];
  }

  Value Eval(const BoundExpr& expr, const std::vector<Value>& row) const {
    switch (expr.kind) {
      case BoundKind::kLiteral:
        return expr.literal;
      case BoundKind::kColumn:
        return row[expr.column];
      case BoundKind::kParam:
        return Param(expr.param);
      case BoundKind::kParamList:
        return Value::Null(expr.type);
      case BoundKind::kNegate: {
        Value value = Eval(expr.args[0], row);
        if (!value.null) value.i = -value.i;
        value.type = expr.type;
        return value;
      }
      case BoundKind::kNot: {
        Value value = Eval(expr.args[0], row);
        return value.null ? Value::Null(expr.type) : Bool(value.i == 0);
      }
      case BoundKind::kAnd:
      case BoundKind::kOr: {
        Value a = Eval(expr.args[0], row);
        Value b = Eval(expr.args[1], row);
        bool decisive = expr.kind == BoundKind::kOr;  // true decides or, false decides and
        if ((!a.null && (a.i != 0) == decisive) || (!b.null && (b.i != 0) == decisive))
          return Bool(decisive);
        if (a.null || b.null) return Value::Null(expr.type);
        return Bool(!decisive);
      }
      case BoundKind::kIsNull:
        return Bool(Eval(expr.args[0], row).null != expr.negated);
      case BoundKind::kCompare: {
        Value a = Eval(expr.args[0], row);
        Value b = Eval(expr.args[1], row);
        if (a.null || b.null) return Value::Null(expr.type);
        int order;
        if (a.type.id == TypeId::kString &&
            (expr.compare == CompareOp::kEq || expr.compare == CompareOp::kNe)) {
          order = Equal(a, b, expr.match) ? 0 : 1;
        } else {
          order = Order(a, b);
        }
        switch (expr.compare) {
          case CompareOp::kEq:
            return Bool(order == 0);
          case CompareOp::kNe:
            return Bool(order != 0);
          case CompareOp::kLt:
            return Bool(order < 0);
          case CompareOp::kLe:
            return Bool(order <= 0);
          case CompareOp::kGt:
            return Bool(order > 0);
          case CompareOp::kGe:
            return Bool(order >= 0);
        }
        return Value::Null(expr.type);
      }
      case BoundKind::kArith: {
        Value a = Eval(expr.args[0], row);
        Value b = Eval(expr.args[1], row);
        if (a.null || b.null) return Value::Null(expr.type);
        int64_t result;
        if (!NumericArith(expr.arith, a.type.id, a.i, b.type.id, b.i, expr.type.id, &result))
          return Value::Null(expr.type);
        return Value::Scalar(expr.type, result);
      }
      case BoundKind::kIn: {
        Value value = Eval(expr.args[0], row);
        bool matched = false;
        bool saw_null = false;
        std::vector<Value> items;
        if (expr.args.size() == 1) {
          for (const Value& item : inputs_.params[expr.param]) {
            if (!item.null) items.push_back(item);
          }
        } else {
          for (size_t index = 1; index < expr.args.size(); ++index)
            items.push_back(Eval(expr.args[index], row));
        }
        for (const Value& item : items) {
          if (item.null) {
            saw_null = true;
          } else if (!value.null && Equal(value, item, expr.match)) {
            matched = true;
          }
        }
        if (matched) return Bool(!expr.negated);
        if (value.null || saw_null) return Value::Null(expr.type);
        return Bool(expr.negated);
      }
      case BoundKind::kFunction:
        return Function(expr, row);
    }
    return Value::Null(expr.type);
  }

  static Value Converted(const Value& value, const ValueType& type) {
    if (value.null || !type.is_numeric() || value.type.id == type.id) {
      Value copy = value;
      if (!copy.null) copy.type = type.id == TypeId::kNull ? copy.type : type;
      return copy;
    }
    int64_t converted;
    if (!ConvertNumeric(value.type.id, value.i, type.id, &converted)) return Value::Null(type);
    return Value::Scalar(type, converted);
  }

  Value Function(const BoundExpr& expr, const std::vector<Value>& row) const {
    std::vector<Value> args;
    for (const BoundExpr& arg : expr.args) args.push_back(Eval(arg, row));
    const ValueType& type = expr.type;
    auto any_null = [&] {
      for (size_t index = 0; index < args.size(); ++index) {
        if (expr.args[index].kind != BoundKind::kParamList && args[index].null) return true;
      }
      return false;
    };
    auto text = [&](std::string s) { return Value::Text(std::move(s), type); };
    switch (expr.function) {
      case FunctionId::kCoalesce:
        for (const Value& arg : args) {
          if (arg.null) continue;
          Value converted = Converted(arg, type);
          if (!converted.null) return converted;
        }
        return Value::Null(type);
      case FunctionId::kIf: {
        bool first = !args[0].null && args[0].i != 0;
        return Converted(args[first ? 1 : 2], type);
      }
      case FunctionId::kLeast:
      case FunctionId::kGreatest: {
        std::optional<Value> best;
        for (const Value& arg : args) {
          if (arg.null) continue;
          Value converted = Converted(arg, type);
          if (converted.null) continue;
          int order = best ? Order(converted, *best) : 0;
          if (!best || (expr.function == FunctionId::kLeast ? order < 0 : order > 0))
            best = converted;
        }
        return best ? *best : Value::Null(type);
      }
      default:
        break;
    }
    if (expr.function != FunctionId::kConcat && expr.function != FunctionId::kText &&
        expr.function != FunctionId::kContainsAny && any_null()) {
      return Value::Null(type);
    }
    const Value& a = args.empty() ? Value() : args[0];
    TypeId at = expr.args.empty() ? TypeId::kNull : expr.args[0].type.id;
    switch (expr.function) {
      case FunctionId::kAbs:
        return Value::Scalar(type, a.i < 0 ? -a.i : a.i);
      case FunctionId::kRound:
        return Value::Scalar(
            type,
            type.id == TypeId::kInt
                ? a.i
                : RoundNumeric(type.id, a.i, args.size() > 1 ? static_cast<int>(args[1].i) : 0));
      case FunctionId::kYear:
        return Value::Scalar(type, YearOf(at, a.i));
      case FunctionId::kMonth:
        return Value::Scalar(type, MonthOf(at, a.i));
      case FunctionId::kDay:
        return Value::Scalar(type, DayOfMonth(at, a.i));
      case FunctionId::kDate:
        return Value::Scalar(type, DayOf(at, a.i));
      case FunctionId::kPeriod:
        return Value::Scalar(type, ToPeriod(at, a.i));
      case FunctionId::kMakeDate: {
        std::optional<int64_t> date = MakeDate(args[0].i, args[1].i, args[2].i);
        return date ? Value::Scalar(type, *date) : Value::Null(type);
      }
      case FunctionId::kDaysBetween:
        return Value::Scalar(
            type, static_cast<int64_t>(DayOf(expr.args[1].type.id, args[1].i)) - DayOf(at, a.i));
      case FunctionId::kMonthsBetween:
        if (at == TypeId::kPeriod) return Value::Scalar(type, args[1].i - a.i);
        return Value::Scalar(type, MonthsBetween(TypeId::kDate, DayOf(at, a.i),
                                                 DayOf(expr.args[1].type.id, args[1].i)));
      case FunctionId::kAddDays:
        return Value::Scalar(type, AddDaysTo(type.id, a.i, args[1].i));
      case FunctionId::kAddMonths:
        return Value::Scalar(type, AddMonthsTo(type.id, a.i, args[1].i));
      case FunctionId::kLength:
        return Value::Scalar(type, CodePointLength(a.s));
      case FunctionId::kContains:
        return Bool(a.s.find(args[1].s) != std::string::npos);
      case FunctionId::kStartsWith:
        return Bool(a.s.starts_with(args[1].s));
      case FunctionId::kEndsWith:
        return Bool(a.s.ends_with(args[1].s));
      case FunctionId::kContainsAny: {
        if (a.null) return Value::Null(type);
        for (size_t index = 1; index < args.size(); ++index) {
          if (expr.args[index].kind == BoundKind::kParamList) {
            for (const Value& item : inputs_.params[expr.args[index].param]) {
              if (!item.null && a.s.find(item.s) != std::string::npos) return Bool(true);
            }
          } else if (!args[index].null && a.s.find(args[index].s) != std::string::npos) {
            return Bool(true);
          }
        }
        return Bool(false);
      }
      case FunctionId::kSubstr:
        return text(SubstringByCodePoints(
            a.s, args[1].i, args.size() > 2 ? std::optional<int64_t>(args[2].i) : std::nullopt));
      case FunctionId::kReplace:
        return text(ReplaceAll(a.s, args[1].s, args[2].s));
      case FunctionId::kUpper:
        return text(TransformString(StringTransform::kUpper, a.s));
      case FunctionId::kLower:
        return text(TransformString(StringTransform::kLower, a.s));
      case FunctionId::kTrim:
        return text(TransformString(StringTransform::kTrim, a.s));
      case FunctionId::kNormName:
        return text(TransformString(StringTransform::kNormName, a.s));
      case FunctionId::kCompanyName:
        return text(TransformString(StringTransform::kCompanyName, a.s));
      case FunctionId::kSimplified:
        return text(TransformString(StringTransform::kSimplified, a.s));
      case FunctionId::kFoldWidth:
        return text(TransformString(StringTransform::kFoldWidth, a.s));
      case FunctionId::kPinyin:
        return text(TransformString(StringTransform::kPinyin, a.s));
      case FunctionId::kCaseNo:
        return text(TransformString(StringTransform::kCaseNo, a.s));
      case FunctionId::kConcat:
      case FunctionId::kText: {
        std::string joined;
        bool all_null = true;
        for (const Value& arg : args) {
          if (arg.null) continue;
          all_null = false;
          joined += FormatValue(arg);
        }
        if (expr.function == FunctionId::kText && all_null) return Value::Null(type);
        return text(joined);
      }
      case FunctionId::kJaroWinkler:
        return Value::Scalar(type, JaroWinklerMillionths(a.s, args[1].s));
      case FunctionId::kLevenshtein:
        return Value::Scalar(type, static_cast<int64_t>(LevenshteinUtf8(a.s, args[1].s)));
      case FunctionId::kMaskedIdMatch:
        return Bool(MaskedIdCompatible(a.s, args[1].s));
      default:
        return Value::Null(type);
    }
  }

  bool True(const BoundExpr& condition, const std::vector<Value>& row) const {
    Value value = Eval(condition, row);
    return !value.null && value.i != 0;
  }

  // ---- Operators ---------------------------------------------------------------------------

  Rows Read(size_t index) {
    const BoundStep& step = bound_.steps[index];
    const LoadedDataset& dataset = *inputs_.by_step[index];
    Rows rows;
    for (size_t base = 0; base < dataset.rows; ++base) {
      Row row;
      for (size_t column = 0; column < step.schema.size(); ++column) {
        int dataset_column = step.dataset_columns[column];
        const ValueType& type = step.schema[column].type;
        if (dataset_column == -1) {
          row.values.push_back(Value::Text(dataset.Key(base, pool_), type));
          continue;
        }
        if (dataset_column == -2) {
          row.values.push_back(Value::Text(std::string(pool_.Get(dataset.BatchCode(base))), type));
          continue;
        }
        if (dataset_column == -3) {
          auto day = inputs_.batch_imported_on.find(dataset.BatchCode(base));
          row.values.push_back(day == inputs_.batch_imported_on.end()
                                   ? Value::Null(type)
                                   : Value::Scalar(type, day->second));
          continue;
        }
        int loaded = dataset.Find(step.dataset->columns[dataset_column].name);
        if (loaded < 0 || dataset.columns[loaded]->IsNull(base)) {
          row.values.push_back(Value::Null(type));
          continue;
        }
        int64_t raw = dataset.columns[loaded]->data[base];
        row.values.push_back(
            type.id == TypeId::kString
                ? Value::Text(std::string(pool_.Get(static_cast<uint32_t>(raw))), type)
                : Value::Scalar(type, raw));
      }
      if (step.filter && !True(*step.filter, row.values)) continue;
      row.provenance[static_cast<int>(index)].insert(static_cast<int32_t>(base));
      row.own = row.provenance;
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Rows Filter(const BoundStep& step) {
    Rows rows;
    for (const Row& row : outputs_[step.input]) {
      if (True(*step.filter, row.values)) rows.push_back(row);
    }
    return rows;
  }

  Rows Compute(const BoundStep& step) {
    Rows rows = outputs_[step.input];
    for (Row& row : rows) {
      for (const BoundExpr& expr : step.computes) {
        Value value = Eval(expr, row.values);
        value.type = step.schema[row.values.size()].type;
        row.values.push_back(std::move(value));
      }
    }
    return rows;
  }

  static std::vector<Value> Concat(const std::vector<Value>& a, const std::vector<Value>& b) {
    std::vector<Value> all = a;
    all.insert(all.end(), b.begin(), b.end());
    return all;
  }

  bool KeysEqual(const std::vector<KeyPair>& keys, const Row& left, const Row& right) const {
    for (const KeyPair& key : keys) {
      Value a = Eval(key.left, left.values);
      Value b = Eval(key.right, right.values);
      if (a.null || b.null || !Equal(a, b, key.match)) return false;
    }
    return true;
  }

  bool InWindow(const BoundWindow& window, const Row& left, const Row& right) const {
    Value from = Eval(window.from, left.values);
    Value to = Eval(window.to, right.values);
    if (from.null || to.null) return false;
    WindowSpecValues values =
        ResolveWindow(window, window.from.type.id, window.to.type.id, inputs_.params);
    int64_t lo, hi;
    WindowRange(values, WindowPoint(window.from.type.id, from.i, values.in_months), &lo, &hi);
    int64_t point = WindowPoint(window.to.type.id, to.i, values.in_months);
    return lo <= point && point <= hi;
  }

  // Joins `left` with `right` (values of the right side are `right_values`), pairs passing
  // `matches`, by `kind`.
  template <typename Matches>
  Rows JoinRows(const Rows& left, const Rows& right, JoinKind kind, size_t right_width,
                Matches matches, std::vector<std::vector<Value>>* extra = nullptr) {
    Rows rows;
    for (const Row& l : left) {
      bool any = false;
      Row semi = l;
      for (size_t r = 0; r < right.size(); ++r) {
        std::vector<Value> labels;
        if (!matches(l, right[r], &labels)) continue;
        any = true;
        if (kind == JoinKind::kInner || kind == JoinKind::kLeft) {
          Row row;
          row.values = Concat(l.values, right[r].values);
          if (extra != nullptr) row.values.insert(row.values.end(), labels.begin(), labels.end());
          row.provenance = l.provenance;
          Merge(&row.provenance, right[r].provenance);
          row.own = l.own;
          Merge(&row.own, right[r].own);
          rows.push_back(std::move(row));
        } else if (kind == JoinKind::kSemi) {
          Merge(&semi.provenance, right[r].provenance);
          Merge(&semi.own, right[r].own);
        }
      }
      if (kind == JoinKind::kLeft && !any) {
        Row row = l;
        for (size_t column = 0; column < right_width; ++column) row.values.push_back(Value::Null());
        rows.push_back(std::move(row));
      }
      if (kind == JoinKind::kSemi && any) rows.push_back(std::move(semi));
      if (kind == JoinKind::kAnti && !any) rows.push_back(l);
    }
    return rows;
  }

  Rows Join(const BoundStep& step) {
    const Rows& left = outputs_[step.input];
    const Rows& right = outputs_[step.other];
    size_t width = bound_.steps[step.other].schema.size();
    Rows rows = JoinRows(left, right, step.join, width,
                         [&](const Row& l, const Row& r, std::vector<Value>*) {
                           if (!KeysEqual(step.keys, l, r)) return false;
                           if (step.window && !InWindow(*step.window, l, r)) return false;
                           return !step.where || True(*step.where, Concat(l.values, r.values));
                         });
    FixTypes(step, &rows);
    return rows;
  }

  // Null right-hand values of left joins get the schema's type (formatting needs it).
  static void FixTypes(const BoundStep& step, Rows* rows) {
    for (Row& row : *rows) {
      for (size_t column = 0; column < row.values.size() && column < step.schema.size(); ++column) {
        if (row.values[column].null) row.values[column].type = step.schema[column].type;
      }
    }
  }

  Rows Lookup(size_t index) {
    const BoundStep& step = bound_.steps[index];
    const ParamTable& table = *step.table;
    Rows table_rows;
    for (size_t position = 0; position < table.rows.size(); ++position) {
      Row row;
      row.values = table.rows[position];
      row.provenance[static_cast<int>(index)].insert(static_cast<int32_t>(position));
      row.own = row.provenance;
      table_rows.push_back(std::move(row));
    }
    const Rows& left = outputs_[step.input];
    auto matches = [&](const Row& l, const Row& r, std::vector<Value>*) {
      if (!KeysEqual(step.keys, l, r)) return false;
      return !step.where || True(*step.where, Concat(l.values, r.values));
    };
    if (step.missing == MissingPolicy::kNote) {
      size_t missing = 0;
      std::set<std::string> values;
      for (const Row& l : left) {
        bool any = false;
        for (const Row& r : table_rows) any = any || matches(l, r, nullptr);
        if (any) continue;
        ++missing;
        std::string shown;
        for (size_t key = 0; key < step.keys.size(); ++key) {
          Value value = Eval(step.keys[key].left, l.values);
          shown +=
              (key == 0 ? "" : "/") + (value.null ? std::string("（空）") : FormatValue(value));
        }
        values.insert(shown);
      }
      if (missing > 0) notes_.push_back(LookupMissingNote(step.name, table, missing, values));
    }
    JoinKind kind = step.missing == MissingPolicy::kKeep ? JoinKind::kLeft : JoinKind::kInner;
    Rows rows = JoinRows(left, table_rows, kind, table.columns.size(), matches);
    FixTypes(step, &rows);
    return rows;
  }

  // Rows grouped by `keys` in order of first appearance; rows with a null key only when
  // `keep_null`.
  std::vector<std::vector<size_t>> Groups(const Rows& rows,
                                          const std::vector<BoundExpr>& keys) const {
    std::map<std::vector<std::string>, size_t> index;
    std::vector<std::vector<size_t>> groups;
    for (size_t row = 0; row < rows.size(); ++row) {
      std::vector<std::string> key;
      for (const BoundExpr& expr : keys)
        key.push_back(KeyOf(Eval(expr, rows[row].values), MatchKindOf(expr.type)));
      auto [it, inserted] = index.emplace(key, groups.size());
      if (inserted) groups.emplace_back();
      groups[it->second].push_back(row);
    }
    return groups;
  }

  Value AggregateOf(const BoundAggregate& call, const Rows& rows,
                    const std::vector<size_t>& members) const {
    const ValueType& type = call.type;
    if (call.function == AggregateId::kCount && call.args.empty()) {
      return Value::Scalar(type, static_cast<int64_t>(members.size()));
    }
    if (call.function == AggregateId::kCountDistinct) {
      std::set<std::vector<std::string>> distinct;
      for (size_t member : members) {
        std::vector<std::string> key;
        bool null = false;
        for (const BoundExpr& arg : call.args) {
          Value value = Eval(arg, rows[member].values);
          null = null || value.null;
          key.push_back(KeyOf(value, MatchKindOf(arg.type)));
        }
        if (!null) distinct.insert(key);
      }
      return Value::Scalar(type, static_cast<int64_t>(distinct.size()));
    }
    std::vector<Value> values;
    for (size_t member : members) {
      Value value = Eval(call.args[0], rows[member].values);
      if (!value.null) values.push_back(std::move(value));
    }
    if (call.function == AggregateId::kCount)
      return Value::Scalar(type, static_cast<int64_t>(values.size()));
    if (values.empty()) return Value::Null(type);
    TypeId arg_type = call.args[0].type.id;
    std::vector<int64_t> numbers;
    for (const Value& value : values) numbers.push_back(value.i);
    int64_t result;
    switch (call.function) {
      case AggregateId::kSum:
        return SumOf(numbers, &result) ? Value::Scalar(type, result) : Value::Null(type);
      case AggregateId::kAvg:
        return MeanOf(numbers, arg_type, type.id, &result) ? Value::Scalar(type, result)
                                                           : Value::Null(type);
      case AggregateId::kMedian:
        return MedianOf(numbers, arg_type, type.id, type.is_temporal(), &result)
                   ? Value::Scalar(type, result)
                   : Value::Null(type);
      case AggregateId::kMin:
      case AggregateId::kMax: {
        Value best = values[0];
        for (const Value& value : values) {
          int order = Order(value, best);
          if (call.function == AggregateId::kMin ? order < 0 : order > 0) best = value;
        }
        best.type = type;
        return best;
      }
      case AggregateId::kDistinctList: {
        std::set<std::string> texts;
        for (const Value& value : values) texts.insert(FormatValue(value));
        std::string joined;
        for (const std::string& text : texts) joined += (joined.empty() ? "" : "、") + text;
        return Value::Text(joined, type);
      }
      default:
        return Value::Null(type);
    }
  }

  // Appends the outputs and aggregate calls of an aggregate or rolling step to `working` (which
  // holds the first `prefix` values: keys, or the input row) and says whether `having` holds.
  bool Finish(const BoundStep& step, size_t prefix, const Rows& input,
              const std::vector<size_t>& members, std::vector<Value>* working) const {
    for (size_t output = 0; output < step.outputs.size(); ++output)
      working->push_back(Value::Null());
    for (const BoundAggregate& call : step.aggregates)
      working->push_back(AggregateOf(call, input, members));
    for (size_t output = 0; output < step.outputs.size(); ++output) {
      Value value = Eval(step.outputs[output], *working);
      value.type = step.schema[prefix + output].type;
      (*working)[prefix + output] = std::move(value);
    }
    return !step.having || True(*step.having, *working);
  }

  Rows Aggregate(const BoundStep& step) {
    const Rows& input = outputs_[step.input];
    std::vector<std::vector<size_t>> groups = Groups(input, step.group_keys);
    if (step.group_keys.empty() && groups.empty()) groups.emplace_back();
    size_t key_count = step.group_keys.size();
    Rows rows;
    for (const std::vector<size_t>& members : groups) {
      std::vector<Value> working;
      for (const BoundExpr& key : step.group_keys) {
        Value chosen = Eval(key, input[members[0]].values);
        if (!chosen.null && key.type.id == TypeId::kString &&
            MatchKindOf(key.type) != MatchKind::kExact) {
          for (size_t member : members) {
            Value candidate = Eval(key, input[member].values);
            if (candidate.s < chosen.s) chosen = candidate;
          }
        }
        chosen.type = step.schema[working.size()].type;
        working.push_back(std::move(chosen));
      }
      if (!Finish(step, key_count, input, members, &working)) continue;
      Row row;
      row.values.assign(working.begin(), working.begin() + key_count + step.outputs.size());
      for (size_t member : members) {
        Merge(&row.provenance, input[member].provenance);
        Merge(&row.own, input[member].own);
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Rows Rolling(const BoundStep& step) {
    const Rows& input = outputs_[step.input];
    const BoundExpr& order = *step.order_by;
    WindowSpecValues window =
        ResolveWindow(*step.window, order.type.id, order.type.id, inputs_.params);
    std::vector<std::vector<size_t>> partitions = Groups(input, step.group_keys);
    Rows rows;
    size_t input_width = step.schema.size() - step.outputs.size();
    for (const std::vector<size_t>& partition : partitions) {
      for (size_t row : partition) {
        Value point = Eval(order, input[row].values);
        if (point.null) continue;
        int64_t lo, hi;
        WindowRange(window, WindowPoint(order.type.id, point.i, window.in_months), &lo, &hi);
        std::vector<size_t> members;
        for (size_t other : partition) {
          Value other_point = Eval(order, input[other].values);
          if (other_point.null) continue;
          int64_t value = WindowPoint(order.type.id, other_point.i, window.in_months);
          if (lo <= value && value <= hi) members.push_back(other);
        }
        std::vector<Value> working = input[row].values;
        if (!Finish(step, input_width, input, members, &working)) continue;
        Row out;
        out.values.assign(working.begin(), working.begin() + input_width + step.outputs.size());
        out.provenance = input[row].provenance;
        out.own = input[row].own;  // the row itself, not its window
        for (size_t member : members) Merge(&out.provenance, input[member].provenance);
        rows.push_back(std::move(out));
      }
    }
    return rows;
  }

  std::string Label(const BoundComparison& comparison, const Row& l, const Row& r) const {
    Value a = Eval(comparison.left, l.values);
    Value b = Eval(comparison.right, r.values);
    for (const BoundLevel& level : comparison.levels) {
      int64_t threshold = 0;
      if (level.threshold) {
        Value value = level.threshold->kind == BoundKind::kLiteral ? level.threshold->literal
                                                                   : Param(level.threshold->param);
        threshold = value.null ? 0 : value.i;
        if (level.kind == LevelKind::kJaroWinkler && value.type.id == TypeId::kInt)
          threshold *= 1000000;
      }
      bool holds = false;
      switch (level.kind) {
        case LevelKind::kElse:
          holds = true;
          break;
        case LevelKind::kNull:
          holds = a.null || b.null;
          break;
        case LevelKind::kDateWithin:
          holds = !a.null && !b.null &&
                  DateLevelHolds(threshold, DayOf(a.type.id, a.i), DayOf(b.type.id, b.i));
          break;
        case LevelKind::kPinyin:
          holds = !a.null && !b.null &&
                  StringLevelHolds(level.kind, threshold, PinyinKey(a.s), PinyinKey(b.s));
          break;
        case LevelKind::kMaskedId:
          holds = !a.null && !b.null && StringLevelHolds(level.kind, threshold, a.s, b.s);
          break;
        default:
          holds = !a.null && !b.null &&
                  StringLevelHolds(level.kind, threshold, NormalizeForLevel(level.normalize, a.s),
                                   NormalizeForLevel(level.normalize, b.s));
          break;
      }
      if (holds) return level.label;
    }
    return comparison.levels.back().label;
  }

  Rows Fuzzy(const BoundStep& step) {
    const Rows& left = outputs_[step.input];
    const Rows& right = outputs_[step.other];
    size_t width = bound_.steps[step.other].schema.size();
    std::vector<std::vector<Value>> unused;
    Rows rows = JoinRows(
        left, right, step.join, width,
        [&](const Row& l, const Row& r, std::vector<Value>* labels) {
          bool candidate = false;
          for (const std::vector<KeyPair>& rule : step.blocking)
            candidate = candidate || KeysEqual(rule, l, r);
          if (!candidate) return false;
          std::vector<Value> pair = Concat(l.values, r.values);
          if (step.where && !True(*step.where, pair)) return false;
          for (size_t index = 0; index < step.comparisons.size(); ++index) {
            const ColumnInfo& column = step.pair_schema[pair.size()];
            pair.push_back(Value::Text(Label(step.comparisons[index], l, r), column.type));
          }
          if (!True(*step.match_when, pair)) return false;
          if (labels != nullptr)
            labels->assign(pair.begin() + l.values.size() + r.values.size(), pair.end());
          return true;
        },
        &unused);
    FixTypes(step, &rows);
    return rows;
  }

  std::string Fill(const BoundTemplate& templ, const std::vector<Value>& row) const {
    std::string text;
    for (const BoundTemplate::Part& part : templ.parts)
      text += part.expr ? ForTitle(Eval(*part.expr, row)) : part.literal;
    return text;
  }

  void Emit(size_t index) {
    const BoundStep& step = bound_.steps[index];
    const BoundEmit& emit = step.emit;
    size_t missing = 0;
    for (const Row& row : outputs_[step.input]) {
      EmittedRow emitted;
      emitted.emit_step = static_cast<int>(index);
      emitted.subject_kind = emit.subject_kind;
      emitted.title = Fill(emit.title, row.values);
      emitted.label = Fill(emit.label, row.values);
      emitted.addressee = Fill(emit.addressee, row.values);
      for (const auto& [name, fact] : emit.facts)
        emitted.facts.emplace_back(name, Eval(fact, row.values));
      for (int read : emit.evidence_steps) {
        auto it = row.provenance.find(read);
        if (it == row.provenance.end()) continue;
        for (int32_t base : it->second) emitted.evidence.emplace_back(read, base);
      }
      for (const auto& [source, bases] : row.provenance) {
        if (bound_.steps[source].kind != StepKind::kLookup) continue;
        for (int32_t base : bases) emitted.parameters.emplace_back(source, base);
      }
      if (emit.subject_step >= 0) {
        auto it = row.own.find(emit.subject_step);
        if (it == row.own.end()) continue;
        const LoadedDataset& dataset = *inputs_.by_step[emit.subject_step];
        for (int32_t subject : it->second) {
          EmittedRow copy = emitted;
          copy.subject_dataset = dataset.schema->name;
          copy.subject_key = dataset.Key(subject, pool_);
          emitted_.push_back(std::move(copy));
        }
        continue;
      }
      Value key = Eval(*emit.subject_key, row.values);
      if (key.null || key.s.empty()) {
        ++missing;
        continue;
      }
      emitted.subject_key = key.s;
      emitted_.push_back(std::move(emitted));
    }
    if (missing > 0) {
      notes_.push_back(MissingSubjectNote(emit.rule, missing, emit.subject_key->text));
    }
  }

  void Output(const BoundStep& step) {
    OutputTable table;
    table.step = step.name;
    table.title = step.output_title;
    table.columns = step.output_names;
    for (const Row& row : outputs_[step.input]) {
      std::vector<std::string> cells;
      for (const BoundExpr& column : step.output_columns)
        cells.push_back(FormatValue(Eval(column, row.values)));
      table.rows.push_back(std::move(cells));
    }
    std::sort(table.rows.begin(), table.rows.end());
    tables_.push_back(std::move(table));
  }

  const CompiledModel& model_;
  const BoundModel& bound_;
  const RunInputs& inputs_;
  const StringPool& pool_;
  std::vector<Rows> outputs_;
  std::vector<EmittedRow> emitted_;
  std::vector<OutputTable> tables_;
  std::vector<std::string> notes_;
};

}  // namespace

Result<RunResult> RunReference(const CompiledModel& model, DatasetSource* source,
                               const RunOptions& options) {
  std::vector<std::vector<std::string>> columns(model.bound().steps.size());
  for (size_t index = 0; index < model.bound().steps.size(); ++index) {
    const BoundStep& step = model.bound().steps[index];
    if (step.kind != StepKind::kRead) continue;
    for (const data::ColumnSchema& column : step.dataset->columns)
      columns[index].push_back(column.name);
  }
  auto start = std::chrono::steady_clock::now();
  SJ_ASSIGN_OR_RETURN(
      RunInputs inputs,
      LoadInputs(model, source, columns, std::vector<bool>(columns.size(), true), options));
  RunResult result;
  result.input_batches = inputs.input_batches;
  result.rows_read = inputs.rows_read;
  Reference reference(model, &inputs);
  reference.Run(&result);
  result.run_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace shujian::engine
