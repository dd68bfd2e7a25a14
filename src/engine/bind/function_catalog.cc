#include "engine/bind/function_catalog.h"

#include <algorithm>

namespace shujian::engine {
namespace {

struct FunctionEntry {
  const char* name;
  FunctionId id;
  int min_args;
  int max_args;  // -1: any number
};

constexpr FunctionEntry kFunctions[] = {
    {"coalesce", FunctionId::kCoalesce, 2, -1},
    {"if", FunctionId::kIf, 3, 3},
    {"abs", FunctionId::kAbs, 1, 1},
    {"round", FunctionId::kRound, 1, 2},
    {"least", FunctionId::kLeast, 2, -1},
    {"greatest", FunctionId::kGreatest, 2, -1},
    {"year", FunctionId::kYear, 1, 1},
    {"month", FunctionId::kMonth, 1, 1},
    {"day", FunctionId::kDay, 1, 1},
    {"date", FunctionId::kDate, 1, 1},
    {"period", FunctionId::kPeriod, 1, 1},
    {"make_date", FunctionId::kMakeDate, 3, 3},
    {"days_between", FunctionId::kDaysBetween, 2, 2},
    {"months_between", FunctionId::kMonthsBetween, 2, 2},
    {"add_days", FunctionId::kAddDays, 2, 2},
    {"add_months", FunctionId::kAddMonths, 2, 2},
    {"length", FunctionId::kLength, 1, 1},
    {"contains", FunctionId::kContains, 2, 2},
    {"starts_with", FunctionId::kStartsWith, 2, 2},
    {"ends_with", FunctionId::kEndsWith, 2, 2},
    {"contains_any", FunctionId::kContainsAny, 2, -1},
    {"substr", FunctionId::kSubstr, 2, 3},
    {"upper", FunctionId::kUpper, 1, 1},
    {"lower", FunctionId::kLower, 1, 1},
    {"trim", FunctionId::kTrim, 1, 1},
    {"replace", FunctionId::kReplace, 3, 3},
    {"concat", FunctionId::kConcat, 1, -1},
    {"text", FunctionId::kText, 1, 1},
    {"norm_name", FunctionId::kNormName, 1, 1},
    {"company_name", FunctionId::kCompanyName, 1, 1},
    {"simplified", FunctionId::kSimplified, 1, 1},
    {"fold_width", FunctionId::kFoldWidth, 1, 1},
    {"pinyin", FunctionId::kPinyin, 1, 1},
    {"case_no", FunctionId::kCaseNo, 1, 1},
    {"jaro_winkler", FunctionId::kJaroWinkler, 2, 2},
    {"levenshtein", FunctionId::kLevenshtein, 2, 2},
    {"masked_id_match", FunctionId::kMaskedIdMatch, 2, 2},
};

struct AggregateEntry {
  const char* name;
  AggregateId id;
};

constexpr AggregateEntry kAggregates[] = {
    {"count", AggregateId::kCount},   {"count_distinct", AggregateId::kCountDistinct},
    {"sum", AggregateId::kSum},       {"min", AggregateId::kMin},
    {"max", AggregateId::kMax},       {"avg", AggregateId::kAvg},
    {"median", AggregateId::kMedian}, {"distinct_list", AggregateId::kDistinctList},
};

bool IsString(const ValueType& type) { return type.id == TypeId::kString; }
bool IsNullType(const ValueType& type) { return type.id == TypeId::kNull; }

CallError ArgError(int argument, std::string message) { return CallError{argument, std::move(message)}; }

std::optional<CallError> RequireString(const std::vector<BoundExpr>& args, int index,
                                       std::string_view function) {
  if (IsString(args[index].type) || IsNullType(args[index].type)) return std::nullopt;
  return ArgError(index, std::string(function) + " 的第" + std::to_string(index + 1) + "个参数应为文本，而「" +
                             args[index].text + "」是" + TypeLabel(args[index].type));
}

std::optional<CallError> RequireInt(const std::vector<BoundExpr>& args, int index,
                                    std::string_view function) {
  if (args[index].type.id == TypeId::kInt || IsNullType(args[index].type)) return std::nullopt;
  return ArgError(index, std::string(function) + " 的第" + std::to_string(index + 1) + "个参数应为整数，而「" +
                             args[index].text + "」是" + TypeLabel(args[index].type));
}

// Turns a string literal argument into the date, date-time or month it spells, when the
// function wants one.
std::optional<CallError> CoerceTemporalLiteral(std::vector<BoundExpr>* args, int index, TypeId want) {
  BoundExpr& arg = (*args)[index];
  if (arg.kind != BoundKind::kLiteral || !IsString(arg.type) || arg.literal.null) return std::nullopt;
  Result<int64_t> parsed = ParseScalar(want, arg.literal.s);
  if (!parsed.ok()) return ArgError(index, "「" + arg.literal.s + "」不是" + TypeLabel(ValueType::Of(want)) + "：" + parsed.status().message());
  arg.literal = Value::Scalar(ValueType::Of(want), *parsed);
  arg.type = ValueType::Of(want);
  return std::nullopt;
}

std::optional<CallError> RequireTemporal(std::vector<BoundExpr>* args, int index,
                                         std::string_view function, bool allow_period) {
  if (auto error = CoerceTemporalLiteral(args, index, TypeId::kDate)) return error;
  const ValueType& type = (*args)[index].type;
  if (type.id == TypeId::kDate || type.id == TypeId::kDateTime || IsNullType(type) ||
      (allow_period && type.id == TypeId::kPeriod)) {
    return std::nullopt;
  }
  return ArgError(index, std::string(function) + " 的第" + std::to_string(index + 1) + "个参数应为日期" +
                             (allow_period ? "、日期时间或年月" : "或日期时间") + "，而「" +
                             (*args)[index].text + "」是" + TypeLabel(type));
}

}  // namespace

std::optional<ValueType> UnifyTypes(const std::vector<ValueType>& types) {
  std::optional<ValueType> result;
  for (const ValueType& type : types) {
    if (IsNullType(type)) continue;
    if (!result) {
      result = type;
      continue;
    }
    if (result->is_numeric() && type.is_numeric()) {
      if (result->id == TypeId::kMoney || type.id == TypeId::kMoney) {
        result = ValueType::Of(TypeId::kMoney);
      } else if (result->id == TypeId::kDecimal || type.id == TypeId::kDecimal) {
        result = ValueType::Of(TypeId::kDecimal);
      }
      continue;
    }
    if (IsString(*result) && IsString(type)) {
      if (!(result->logical == type.logical)) *result = ValueType::String();
      continue;
    }
    if (result->id != type.id) return std::nullopt;
  }
  if (!result) return ValueType::Of(TypeId::kNull);
  return result;
}

std::vector<std::string> FunctionNames() {
  std::vector<std::string> names;
  for (const FunctionEntry& entry : kFunctions) names.push_back(entry.name);
  for (const AggregateEntry& entry : kAggregates) names.push_back(entry.name);
  return names;
}

bool IsAggregateName(std::string_view name, AggregateId* id) {
  for (const AggregateEntry& entry : kAggregates) {
    if (name == entry.name) {
      *id = entry.id;
      return true;
    }
  }
  return false;
}

std::optional<CallError> BindAggregateCall(AggregateId id, const std::vector<BoundExpr>& args,
                                           ValueType* result) {
  auto arity = [&](size_t min, size_t max, const char* name) -> std::optional<CallError> {
    if (args.size() < min || args.size() > max) {
      return CallError{-1, std::string(name) + (min == max ? " 需要 " + std::to_string(min) + " 个参数"
                                                            : " 需要 " + std::to_string(min) + " 到 " +
                                                                  std::to_string(max) + " 个参数")};
    }
    return std::nullopt;
  };
  switch (id) {
    case AggregateId::kCount:
      if (auto error = arity(0, 1, "count")) return error;
      *result = ValueType::Of(TypeId::kInt);
      return std::nullopt;
    case AggregateId::kCountDistinct:
      if (args.empty()) return CallError{-1, "count_distinct 至少需要一个参数，如 count_distinct(person_id, period)"};
      *result = ValueType::Of(TypeId::kInt);
      return std::nullopt;
    case AggregateId::kSum:
    case AggregateId::kAvg:
    case AggregateId::kMedian: {
      const char* name = id == AggregateId::kSum ? "sum" : (id == AggregateId::kAvg ? "avg" : "median");
      if (auto error = arity(1, 1, name)) return error;
      const ValueType& type = args[0].type;
      bool temporal_median = id == AggregateId::kMedian && type.is_temporal();
      if (!type.is_numeric() && !temporal_median) {
        return CallError{0, std::string(name) + " 只能用于数值或金额" +
                                (id == AggregateId::kMedian ? "（或日期）" : "") + "，而「" + args[0].text +
                                "」是" + TypeLabel(type)};
      }
      // sum keeps the type; avg and median of money stay money, of dates stay dates; other
      // averages are decimals.
      if (id == AggregateId::kSum || temporal_median || type.id == TypeId::kMoney) {
        *result = ValueType::Of(type.id);
      } else {
        *result = ValueType::Of(TypeId::kDecimal);
      }
      return std::nullopt;
    }
    case AggregateId::kMin:
    case AggregateId::kMax:
      if (auto error = arity(1, 1, id == AggregateId::kMin ? "min" : "max")) return error;
      if (IsNullType(args[0].type)) return CallError{0, "不能对 null 求最值"};
      *result = args[0].type;
      return std::nullopt;
    case AggregateId::kDistinctList:
      if (auto error = arity(1, 1, "distinct_list")) return error;
      *result = ValueType::String();
      return std::nullopt;
  }
  return CallError{-1, "未知的聚合函数"};
}

std::optional<CallError> BindScalarCall(std::string_view name, std::vector<BoundExpr>* args_in,
                                        BoundExpr* call) {
  std::vector<BoundExpr>& args = *args_in;
  const FunctionEntry* entry = nullptr;
  for (const FunctionEntry& candidate : kFunctions) {
    if (name == candidate.name) entry = &candidate;
  }
  if (entry == nullptr) {
    return CallError{-1, "未知的函数「" + std::string(name) + "」"};
  }
  int count = static_cast<int>(args.size());
  if (count < entry->min_args || (entry->max_args >= 0 && count > entry->max_args)) {
    std::string expected = entry->min_args == entry->max_args
                               ? std::to_string(entry->min_args) + " 个参数"
                               : (entry->max_args < 0 ? "至少 " + std::to_string(entry->min_args) + " 个参数"
                                                      : std::to_string(entry->min_args) + " 到 " +
                                                            std::to_string(entry->max_args) + " 个参数");
    return CallError{-1, std::string(name) + " 需要" + expected + "，这里有 " + std::to_string(count) + " 个"};
  }
  call->function = entry->id;
  auto types = [&](size_t from) {
    std::vector<ValueType> result;
    for (size_t index = from; index < args.size(); ++index) result.push_back(args[index].type);
    return result;
  };
  switch (entry->id) {
    case FunctionId::kCoalesce:
    case FunctionId::kLeast:
    case FunctionId::kGreatest: {
      std::optional<ValueType> unified = UnifyTypes(types(0));
      if (!unified) return CallError{-1, std::string(name) + " 的参数类型不一致"};
      if ((entry->id != FunctionId::kCoalesce) && !unified->is_numeric() && !unified->is_temporal() &&
          unified->id != TypeId::kString) {
        return CallError{-1, std::string(name) + " 只能比较数值、日期或文本"};
      }
      call->type = *unified;
      return std::nullopt;
    }
    case FunctionId::kIf: {
      if (args[0].type.id != TypeId::kBool && !IsNullType(args[0].type)) {
        return ArgError(0, "if 的第一个参数应为条件（是/否），而「" + args[0].text + "」是" + TypeLabel(args[0].type));
      }
      std::optional<ValueType> unified = UnifyTypes(types(1));
      if (!unified) return CallError{-1, "if 的两个结果类型不一致：" + TypeLabel(args[1].type) + " 与 " + TypeLabel(args[2].type)};
      call->type = *unified;
      return std::nullopt;
    }
    case FunctionId::kAbs:
      if (!args[0].type.is_numeric()) return ArgError(0, "abs 需要数值，而「" + args[0].text + "」是" + TypeLabel(args[0].type));
      call->type = args[0].type;
      return std::nullopt;
    case FunctionId::kRound:
      if (!args[0].type.is_numeric()) return ArgError(0, "round 需要数值，而「" + args[0].text + "」是" + TypeLabel(args[0].type));
      if (count == 2 && (args[1].kind != BoundKind::kLiteral || args[1].type.id != TypeId::kInt)) {
        return ArgError(1, "round 的第二个参数应为整数常量（保留的小数位数）");
      }
      call->type = args[0].type;
      return std::nullopt;
    case FunctionId::kYear:
    case FunctionId::kMonth:
      if (auto error = RequireTemporal(&args, 0, name, true)) return error;
      call->type = ValueType::Of(TypeId::kInt);
      return std::nullopt;
    case FunctionId::kDay:
      if (auto error = RequireTemporal(&args, 0, name, false)) return error;
      call->type = ValueType::Of(TypeId::kInt);
      return std::nullopt;
    case FunctionId::kDate:
      if (auto error = RequireTemporal(&args, 0, name, true)) return error;
      call->type = ValueType::Of(TypeId::kDate);
      return std::nullopt;
    case FunctionId::kPeriod:
      if (auto error = RequireTemporal(&args, 0, name, true)) return error;
      call->type = ValueType::Of(TypeId::kPeriod);
      return std::nullopt;
    case FunctionId::kMakeDate:
      for (int index = 0; index < 3; ++index) {
        if (auto error = RequireInt(args, index, name)) return error;
      }
      call->type = ValueType::Of(TypeId::kDate);
      return std::nullopt;
    case FunctionId::kDaysBetween:
      for (int index = 0; index < 2; ++index) {
        if (auto error = RequireTemporal(&args, index, name, false)) return error;
      }
      call->type = ValueType::Of(TypeId::kInt);
      return std::nullopt;
    case FunctionId::kMonthsBetween:
      for (int index = 0; index < 2; ++index) {
        if (auto error = RequireTemporal(&args, index, name, true)) return error;
      }
      if ((args[0].type.id == TypeId::kPeriod) != (args[1].type.id == TypeId::kPeriod) &&
          !IsNullType(args[0].type) && !IsNullType(args[1].type)) {
        return CallError{-1, "months_between 的两个参数应同为年月或同为日期"};
      }
      call->type = ValueType::Of(TypeId::kInt);
      return std::nullopt;
    case FunctionId::kAddDays:
    case FunctionId::kAddMonths:
      if (auto error = RequireTemporal(&args, 0, name, entry->id == FunctionId::kAddMonths)) return error;
      if (auto error = RequireInt(args, 1, name)) return error;
      call->type = args[0].type;
      return std::nullopt;
    case FunctionId::kLength:
      if (auto error = RequireString(args, 0, name)) return error;
      call->type = ValueType::Of(TypeId::kInt);
      return std::nullopt;
    case FunctionId::kContains:
    case FunctionId::kStartsWith:
    case FunctionId::kEndsWith:
    case FunctionId::kContainsAny:
      for (int index = 0; index < count; ++index) {
        if (entry->id == FunctionId::kContainsAny && index > 0 && args[index].kind == BoundKind::kParamList) continue;
        if (auto error = RequireString(args, index, name)) return error;
      }
      call->type = ValueType::Of(TypeId::kBool);
      return std::nullopt;
    case FunctionId::kSubstr:
      if (auto error = RequireString(args, 0, name)) return error;
      for (int index = 1; index < count; ++index) {
        if (auto error = RequireInt(args, index, name)) return error;
      }
      call->type = ValueType::String();
      return std::nullopt;
    case FunctionId::kReplace:
      for (int index = 0; index < 3; ++index) {
        if (auto error = RequireString(args, index, name)) return error;
      }
      call->type = ValueType::String();
      return std::nullopt;
    case FunctionId::kUpper:
    case FunctionId::kLower:
    case FunctionId::kTrim:
    case FunctionId::kNormName:
    case FunctionId::kCompanyName:
    case FunctionId::kSimplified:
    case FunctionId::kFoldWidth:
    case FunctionId::kPinyin:
      if (auto error = RequireString(args, 0, name)) return error;
      call->type = ValueType::Normalized();  // a matching form: compared byte for byte
      if (entry->id == FunctionId::kUpper || entry->id == FunctionId::kLower ||
          entry->id == FunctionId::kTrim) {
        call->type = ValueType::String();
      }
      return std::nullopt;
    case FunctionId::kCaseNo:
      if (auto error = RequireString(args, 0, name)) return error;
      call->type = ValueType::String(data::LogicalType::kCaseNo);
      return std::nullopt;
    case FunctionId::kConcat:
    case FunctionId::kText:
      call->type = ValueType::String();
      return std::nullopt;
    case FunctionId::kJaroWinkler:
    case FunctionId::kLevenshtein:
    case FunctionId::kMaskedIdMatch:
      for (int index = 0; index < 2; ++index) {
        if (auto error = RequireString(args, index, name)) return error;
      }
      call->type = ValueType::Of(entry->id == FunctionId::kJaroWinkler
                                     ? TypeId::kDecimal
                                     : (entry->id == FunctionId::kLevenshtein ? TypeId::kInt : TypeId::kBool));
      return std::nullopt;
  }
  return CallError{-1, "未知的函数"};
}

}  // namespace shujian::engine
