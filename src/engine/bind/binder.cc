#include "engine/bind/binder.h"

#include <algorithm>
#include <set>

#include "core/date.h"
#include "data/value_normalizer.h"
#include "engine/bind/expr_binder.h"

namespace shujian::engine {
namespace {

std::string Suggest(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best = NearestName(name, candidates, 4);
  return best.empty() ? "" : "；是不是「" + best + "」？";
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : "、") + name;
  return joined;
}

bool IsTemporal(const ValueType& type) { return type.is_temporal(); }

class Binder {
 public:
  Binder(const ModelSpec& spec, const data::SchemaRegistry& schemas, const TableLibrary& tables)
      : spec_(spec), schemas_(schemas), tables_(tables), exprs_(spec, model_.parameters) {}

  Result<BoundModel> Run() {
    model_.spec = &spec_;
    SJ_RETURN_IF_ERROR(BindParameters());
    model_.steps.reserve(spec_.steps.size());
    bool has_emit = false;
    for (size_t index = 0; index < spec_.steps.size(); ++index) {
      SJ_RETURN_IF_ERROR(BindStep(index));
      has_emit = has_emit || spec_.steps[index].kind == StepKind::kEmit ||
                 spec_.steps[index].kind == StepKind::kOutput;
    }
    if (!has_emit) {
      return Error(spec_.pipeline_pos, "模型没有 emit 或 output 步骤，不产生任何结果；至少要有一个 emit（线索）或 output（统计表）");
    }
    for (size_t index = 0; index < model_.steps.size(); ++index) {
      const BoundStep& step = model_.steps[index];
      if (step.input >= 0) model_.steps[step.input].consumers.push_back(static_cast<int>(index));
      if (step.other >= 0 && step.other != step.input) {
        model_.steps[step.other].consumers.push_back(static_cast<int>(index));
      }
    }
    return std::move(model_);
  }

 private:
  Status Error(int pos, const std::string& message) const {
    return Status::InvalidArgument(spec_.Where(pos) + "：" + message);
  }

  Status BindParameters() {
    BoundParameter as_of;
    as_of.name = "as_of";
    as_of.type = ValueType::Of(TypeId::kDate);
    as_of.description = "运行日期（--as-of），期限和“N个月以前”都从这一天算起";
    model_.parameters.push_back(std::move(as_of));
    for (const ParameterSpec& spec : spec_.parameters) {
      BoundParameter parameter;
      parameter.name = spec.name;
      parameter.type = spec.type;
      parameter.list = spec.list;
      parameter.description = spec.description;
      parameter.source = spec.source;
      for (const SpecText& text : spec.default_values) {
        Result<std::vector<Value>> value = ParseParameterValue(
            BoundParameter{parameter.name, parameter.type, false, {}, "", ""}, text.text);
        if (!value.ok()) {
          return Error(text.pos, "参数「" + spec.name + "」的默认值无效：" + value.status().message());
        }
        for (Value& item : *value) parameter.defaults.push_back(std::move(item));
      }
      model_.parameters.push_back(std::move(parameter));
    }
    return Status::Ok();
  }

  // The index of the step named `name` before step `before`, or an error at `pos`.
  Result<int> StepBefore(const std::string& name, size_t before, int pos, const std::string& role) {
    for (size_t index = 0; index < before; ++index) {
      if (model_.steps[index].name == name) return static_cast<int>(index);
    }
    for (size_t index = before; index < spec_.steps.size(); ++index) {
      if (spec_.steps[index].name == name) {
        return Error(pos, role + "「" + name + "」在本步骤之后；步骤只能引用前面的步骤");
      }
    }
    std::vector<std::string> names;
    for (size_t index = 0; index < before; ++index) {
      if (!model_.steps[index].name.empty()) names.push_back(model_.steps[index].name);
    }
    return Error(pos, "没有名为「" + name + "」的步骤" + Suggest(name, names) +
                          (names.empty() ? "" : "（前面的步骤：" + JoinNames(names) + "）"));
  }

  Result<int> InputOf(const StepSpec& spec, size_t index) {
    if (!spec.from.empty()) {
      SJ_ASSIGN_OR_RETURN(int input, StepBefore(spec.from, index, spec.from_pos, "输入步骤"));
      if (IsTerminal(input)) return Error(spec.from_pos, "「" + spec.from + "」是 emit 或 output 步骤，没有输出行");
      return input;
    }
    // The previous step that has rows, skipping the step this one joins with (so that
    // "- {name: crim, read: criminal_case}" followed by "- {anti: crim, …}" takes its input from
    // before the read).
    bool joins = spec.kind == StepKind::kJoin || spec.kind == StepKind::kSemi || spec.kind == StepKind::kAnti ||
                 spec.kind == StepKind::kFuzzy;
    for (int previous = static_cast<int>(index) - 1; previous >= 0; --previous) {
      if (IsTerminal(previous)) continue;
      if (joins && model_.steps[previous].name == spec.target) continue;
      return previous;
    }
    return Error(spec.pos, std::string("「") + StepKindKey(spec.kind) + "」步骤前面没有可用的输入步骤；第一个步骤应是 read");
  }

  bool IsTerminal(int step) const {
    StepKind kind = model_.steps[step].kind;
    return kind == StepKind::kEmit || kind == StepKind::kOutput;
  }

  Status CheckDistinctQualifiers(const StepSpec& spec, const BoundStep& left, const BoundStep& right) {
    std::set<std::string> left_qualifiers;
    for (const ColumnInfo& column : left.schema) left_qualifiers.insert(column.qualifier);
    for (const ColumnInfo& column : right.schema) {
      if (left_qualifiers.count(column.qualifier)) {
        return Error(spec.target_pos, "两侧都含有步骤「" + column.qualifier +
                                          "」的列；同一数据集要与自己连接时，请用两个不同名称的 read 步骤各读一次");
      }
    }
    return Status::Ok();
  }

  static std::vector<ColumnInfo> Concat(const std::vector<ColumnInfo>& a, const std::vector<ColumnInfo>& b) {
    std::vector<ColumnInfo> all = a;
    all.insert(all.end(), b.begin(), b.end());
    return all;
  }

  Status BindStep(size_t index) {
    const StepSpec& spec = spec_.steps[index];
    BoundStep step;
    step.kind = spec.kind;
    step.name = spec.name;
    step.spec = &spec;
    if (spec.kind != StepKind::kRead) {
      SJ_ASSIGN_OR_RETURN(step.input, InputOf(spec, index));
    }
    switch (spec.kind) {
      case StepKind::kRead: SJ_RETURN_IF_ERROR(BindRead(spec, &step)); break;
      case StepKind::kFilter: {
        step.schema = model_.steps[step.input].schema;
        SJ_ASSIGN_OR_RETURN(BoundExpr filter, exprs_.BindCondition(spec.filter, step.schema, "filter"));
        step.filter = std::move(filter);
        break;
      }
      case StepKind::kCompute: {
        step.schema = model_.steps[step.input].schema;
        for (const NamedExpr& named : spec.computes) {
          SJ_ASSIGN_OR_RETURN(BoundExpr expr, exprs_.Bind(named.expr, step.schema));
          if (expr.type.id == TypeId::kNull) return Error(named.pos, "列「" + named.name + "」恒为 null，无法确定类型");
          step.schema.push_back(ColumnInfo{step.name, named.name, expr.type});
          step.computes.push_back(std::move(expr));
        }
        break;
      }
      case StepKind::kJoin:
      case StepKind::kSemi:
      case StepKind::kAnti:
        SJ_RETURN_IF_ERROR(BindJoin(spec, index, &step));
        break;
      case StepKind::kLookup: SJ_RETURN_IF_ERROR(BindLookup(spec, &step)); break;
      case StepKind::kAggregate: SJ_RETURN_IF_ERROR(BindAggregate(spec, &step)); break;
      case StepKind::kRolling: SJ_RETURN_IF_ERROR(BindRolling(spec, &step)); break;
      case StepKind::kFuzzy: SJ_RETURN_IF_ERROR(BindFuzzy(spec, index, &step)); break;
      case StepKind::kEmit: SJ_RETURN_IF_ERROR(BindEmit(spec, &step)); break;
      case StepKind::kOutput: SJ_RETURN_IF_ERROR(BindOutput(spec, &step)); break;
    }
    model_.steps.push_back(std::move(step));
    return Status::Ok();
  }

  Status BindRead(const StepSpec& spec, BoundStep* step) {
    const data::DatasetSchema* dataset = schemas_.Find(spec.target);
    if (dataset == nullptr) {
      std::vector<std::string> names;
      for (const data::DatasetSchema* schema : schemas_.All()) names.push_back(schema->name);
      return Error(spec.target_pos, "未知的数据集「" + spec.target + "」" + Suggest(spec.target, names) +
                                        "（可用：" + JoinNames(names) + "）");
    }
    step->dataset = dataset;
    for (size_t column = 0; column < dataset->columns.size(); ++column) {
      const data::ColumnSchema& schema = dataset->columns[column];
      step->schema.push_back(ColumnInfo{spec.name, schema.name,
                                        TypeOfLogical(schema.type, schema.enum_values.empty() ? nullptr : &schema.enum_values)});
      step->dataset_columns.push_back(static_cast<int>(column));
    }
    step->schema.push_back(ColumnInfo{spec.name, "_key", ValueType::Normalized()});
    step->dataset_columns.push_back(-1);
    step->schema.push_back(ColumnInfo{spec.name, "_batch", ValueType::Normalized()});
    step->dataset_columns.push_back(-2);
    step->schema.push_back(ColumnInfo{spec.name, "_imported_on", ValueType::Of(TypeId::kDate)});
    step->dataset_columns.push_back(-3);
    if (!spec.filter.empty()) {
      SJ_ASSIGN_OR_RETURN(BoundExpr filter, exprs_.BindCondition(spec.filter, step->schema, "filter"));
      step->filter = std::move(filter);
    }
    return Status::Ok();
  }

  Result<BoundWindow> BindWindow(const WindowSpec& spec, const std::vector<ColumnInfo>& left,
                                 const std::vector<ColumnInfo>* right) {
    BoundWindow window;
    window.unit = spec.unit;
    window.lower_inclusive = spec.lower_inclusive;
    window.upper_inclusive = spec.upper_inclusive;
    if (right != nullptr) {
      SJ_ASSIGN_OR_RETURN(window.from, exprs_.Bind(spec.from, left));
      SJ_ASSIGN_OR_RETURN(window.to, exprs_.Bind(spec.to, *right));
      for (const BoundExpr* side : {&window.from, &window.to}) {
        if (!IsTemporal(side->type)) {
          return Error(side == &window.from ? spec.from.pos : spec.to.pos,
                       "时间窗口的两端应为日期、日期时间或年月，而" + Describe(*side) + "是" + TypeLabel(side->type));
        }
        if (side->type.id == TypeId::kPeriod && spec.unit == "days") {
          return Error(spec.interval.pos, "年月不能按天计算窗口；请用 months");
        }
      }
    }
    if (!spec.lower.empty()) {
      SJ_ASSIGN_OR_RETURN(BoundExpr lower, exprs_.BindIntBound(spec.lower));
      window.lower = std::move(lower);
    }
    if (!spec.upper.empty()) {
      SJ_ASSIGN_OR_RETURN(BoundExpr upper, exprs_.BindIntBound(spec.upper));
      window.upper = std::move(upper);
    }
    std::string unit = spec.unit == "days" ? "天" : (spec.unit == "months" ? "个月" : "年");
    window.text = (right != nullptr ? window.to.text + " − " + window.from.text : "相对本行") + " ∈ " +
                  spec.interval.text + " " + unit;
    return window;
  }

  Status BindJoin(const StepSpec& spec, size_t index, BoundStep* step) {
    SJ_ASSIGN_OR_RETURN(step->other, StepBefore(spec.target, index, spec.target_pos, "右侧步骤"));
    if (IsTerminal(step->other)) return Error(spec.target_pos, "「" + spec.target + "」是 emit 或 output 步骤，没有输出行");
    const BoundStep& left = model_.steps[step->input];
    const BoundStep& right = model_.steps[step->other];
    if (step->other == step->input) {
      return Error(spec.target_pos, "步骤不能与自己的输入连接；同一数据集要与自己连接时，请用两个不同名称的 read 步骤");
    }
    SJ_RETURN_IF_ERROR(CheckDistinctQualifiers(spec, left, right));
    step->pair_schema = Concat(left.schema, right.schema);
    step->join = spec.kind == StepKind::kSemi ? JoinKind::kSemi
                 : spec.kind == StepKind::kAnti ? JoinKind::kAnti
                 : spec.join_type == "left"      ? JoinKind::kLeft
                                                 : JoinKind::kInner;
    for (const SpecText& text : spec.on) {
      SJ_ASSIGN_OR_RETURN(KeyPair key, exprs_.BindEquality(text, left.schema, right.schema));
      step->keys.push_back(std::move(key));
    }
    if (spec.window) {
      SJ_ASSIGN_OR_RETURN(BoundWindow window, BindWindow(*spec.window, left.schema, &right.schema));
      step->window = std::move(window);
    }
    if (!spec.where.empty()) {
      SJ_ASSIGN_OR_RETURN(BoundExpr where, exprs_.BindCondition(spec.where, step->pair_schema, "where"));
      step->where = std::move(where);
    }
    step->schema = (step->join == JoinKind::kSemi || step->join == JoinKind::kAnti) ? left.schema : step->pair_schema;
    return Status::Ok();
  }

  Status BindLookup(const StepSpec& spec, BoundStep* step) {
    const ParamTable* table = tables_.Find(spec.target);
    if (table == nullptr) {
      std::vector<std::string> names;
      for (const ParamTable* known : tables_.All()) names.push_back(known->name);
      return Error(spec.target_pos, "未知的参数表「" + spec.target + "」" + Suggest(spec.target, names) +
                                        (names.empty() ? "（没有可用的参数表；参数表放在 rules/tables/）"
                                                       : "（可用：" + JoinNames(names) + "）"));
    }
    step->table = table;
    const BoundStep& left = model_.steps[step->input];
    std::vector<ColumnInfo> table_columns;
    for (const ParamColumn& column : table->columns) {
      table_columns.push_back(ColumnInfo{step->name, column.name, column.type});
    }
    for (const ColumnInfo& column : left.schema) {
      if (column.qualifier == step->name) {
        return Error(spec.pos, "步骤名「" + step->name + "」已被前面的步骤使用；请给 lookup 步骤另起 name");
      }
    }
    step->pair_schema = Concat(left.schema, table_columns);
    for (const SpecText& text : spec.on) {
      SJ_ASSIGN_OR_RETURN(KeyPair key, exprs_.BindEquality(text, left.schema, table_columns));
      step->keys.push_back(std::move(key));
    }
    if (!spec.where.empty()) {
      SJ_ASSIGN_OR_RETURN(BoundExpr where, exprs_.BindCondition(spec.where, step->pair_schema, "where"));
      step->where = std::move(where);
    }
    step->missing = spec.missing == "keep" ? MissingPolicy::kKeep
                    : spec.missing == "note" ? MissingPolicy::kNote
                                             : MissingPolicy::kDrop;
    step->join = step->missing == MissingPolicy::kKeep ? JoinKind::kLeft : JoinKind::kInner;
    step->schema = step->pair_schema;
    return Status::Ok();
  }

  Status BindAggregate(const StepSpec& spec, BoundStep* step) {
    const BoundStep& input = model_.steps[step->input];
    for (const NamedExpr& named : spec.group_by) {
      SJ_ASSIGN_OR_RETURN(BoundExpr key, exprs_.Bind(named.expr, input.schema));
      ColumnInfo column;
      if (!named.name.empty()) {
        column = ColumnInfo{step->name, named.name, key.type};
      } else if (key.kind == BoundKind::kColumn) {
        column = input.schema[key.column];
      } else {
        return Error(named.pos, "group_by 中的表达式「" + named.expr.text +
                                    "」需要一个列名，如 group_by: [{year: year(si.period)}]");
      }
      for (const ColumnInfo& existing : step->schema) {
        if (existing.qualifier == column.qualifier && existing.name == column.name) {
          return Error(named.pos, "group_by 中的列「" + column.name + "」重复");
        }
      }
      step->schema.push_back(column);
      step->group_keys.push_back(std::move(key));
    }
    std::vector<ColumnInfo> keys = step->schema;  // outputs see the keys, not each other
    return BindOutputs(spec, input.schema, keys, step);
  }

  // The named outputs and `having` of an aggregate or rolling step: outputs over `scope` (the
  // group keys, or the input row) and aggregate calls, having over the output schema too.
  Status BindOutputs(const StepSpec& spec, const std::vector<ColumnInfo>& input, const std::vector<ColumnInfo>& scope,
                     BoundStep* step) {
    AggregateSink sink{&input, &step->aggregates, static_cast<int>(scope.size() + spec.aggregates.size())};
    for (const NamedExpr& named : spec.aggregates) {
      SJ_ASSIGN_OR_RETURN(BoundExpr output, exprs_.Bind(named.expr, scope, &sink));
      step->schema.push_back(ColumnInfo{step->name, named.name, output.type});
      step->outputs.push_back(std::move(output));
    }
    if (!spec.having.empty()) {
      SJ_ASSIGN_OR_RETURN(BoundExpr having, exprs_.BindCondition(spec.having, step->schema, "having", &sink));
      step->having = std::move(having);
    }
    return Status::Ok();
  }

  Status BindRolling(const StepSpec& spec, BoundStep* step) {
    const BoundStep& input = model_.steps[step->input];
    for (const NamedExpr& named : spec.partition_by) {
      SJ_ASSIGN_OR_RETURN(BoundExpr key, exprs_.Bind(named.expr, input.schema));
      step->group_keys.push_back(std::move(key));
    }
    SJ_ASSIGN_OR_RETURN(BoundExpr order, exprs_.Bind(spec.order_by, input.schema));
    if (!IsTemporal(order.type)) {
      return Error(spec.order_by.pos, "order_by 应为日期、日期时间或年月，而" + Describe(order) + "是" + TypeLabel(order.type));
    }
    if (order.type.id == TypeId::kPeriod && spec.window->unit == "days") {
      return Error(spec.window->interval.pos, "按年月排序时窗口不能按天计算；请用 months");
    }
    step->order_by = order;
    SJ_ASSIGN_OR_RETURN(BoundWindow window, BindWindow(*spec.window, input.schema, nullptr));
    window.from = order;
    step->window = std::move(window);
    step->schema = input.schema;
    return BindOutputs(spec, input.schema, input.schema, step);
  }

  Status BindFuzzy(const StepSpec& spec, size_t index, BoundStep* step) {
    SJ_ASSIGN_OR_RETURN(step->other, StepBefore(spec.target, index, spec.target_pos, "右侧步骤"));
    if (IsTerminal(step->other)) return Error(spec.target_pos, "「" + spec.target + "」是 emit 或 output 步骤");
    if (step->other == step->input) return Error(spec.target_pos, "步骤不能与自己的输入做模糊匹配");
    const BoundStep& left = model_.steps[step->input];
    const BoundStep& right = model_.steps[step->other];
    SJ_RETURN_IF_ERROR(CheckDistinctQualifiers(spec, left, right));
    step->join = spec.join_type == "semi" ? JoinKind::kSemi
                 : spec.join_type == "anti" ? JoinKind::kAnti
                                            : JoinKind::kInner;
    std::vector<ColumnInfo> both = Concat(left.schema, right.schema);
    for (const std::vector<SpecText>& rule : spec.blocking) {
      std::vector<KeyPair> keys;
      for (const SpecText& text : rule) {
        SJ_ASSIGN_OR_RETURN(KeyPair key, exprs_.BindEquality(text, left.schema, right.schema));
        keys.push_back(std::move(key));
      }
      step->blocking.push_back(std::move(keys));
    }
    if (!spec.where.empty()) {
      SJ_ASSIGN_OR_RETURN(BoundExpr where, exprs_.BindCondition(spec.where, both, "where"));
      step->where = std::move(where);
    }
    std::vector<ColumnInfo> comparison_columns;
    for (const ComparisonSpec& comparison : spec.comparisons) {
      BoundComparison bound;
      bound.name = comparison.name;
      SJ_ASSIGN_OR_RETURN(bound.left, exprs_.Bind(comparison.left, left.schema));
      SJ_ASSIGN_OR_RETURN(bound.right, exprs_.Bind(comparison.right, right.schema));
      std::vector<std::string>& labels = model_.label_sets.emplace_back();
      for (const ComparisonLevelSpec& level_spec : comparison.levels) {
        SJ_ASSIGN_OR_RETURN(BoundLevel level, BindLevel(level_spec, bound));
        labels.push_back(level.label);
        bound.levels.push_back(std::move(level));
      }
      comparison_columns.push_back(
          ColumnInfo{step->name, comparison.name, ValueType::String(data::LogicalType::kEnum, &labels)});
      step->comparisons.push_back(std::move(bound));
    }
    step->pair_schema = Concat(both, comparison_columns);
    SJ_ASSIGN_OR_RETURN(BoundExpr match_when,
                        exprs_.BindCondition(spec.match_when, step->pair_schema, "match_when"));
    step->match_when = std::move(match_when);
    step->schema = step->join == JoinKind::kInner ? step->pair_schema : left.schema;
    return Status::Ok();
  }

  Result<BoundLevel> BindLevel(const ComparisonLevelSpec& spec, const BoundComparison& comparison) {
    BoundLevel level;
    level.label = spec.label;
    static const std::pair<const char*, LevelKind> kKinds[] = {
        {"exact", LevelKind::kExact},         {"levenshtein", LevelKind::kLevenshtein},
        {"jaro_winkler", LevelKind::kJaroWinkler}, {"pinyin", LevelKind::kPinyin},
        {"date_within", LevelKind::kDateWithin},   {"masked_id", LevelKind::kMaskedId},
        {"null", LevelKind::kNull},           {"else", LevelKind::kElse}};
    for (const auto& [name, kind] : kKinds) {
      if (spec.kind == name) level.kind = kind;
    }
    static const std::pair<const char*, Normalization> kNormal[] = {
        {"none", Normalization::kNone}, {"name", Normalization::kName},
        {"company", Normalization::kCompany}, {"case_no", Normalization::kCaseNo}};
    for (const auto& [name, normalize] : kNormal) {
      if (spec.normalize == name) level.normalize = normalize;
    }
    bool strings = comparison.left.type.id == TypeId::kString && comparison.right.type.id == TypeId::kString;
    bool dates = IsTemporal(comparison.left.type) && IsTemporal(comparison.right.type) &&
                 comparison.left.type.id != TypeId::kPeriod && comparison.right.type.id != TypeId::kPeriod;
    switch (level.kind) {
      case LevelKind::kExact:
      case LevelKind::kLevenshtein:
      case LevelKind::kJaroWinkler:
      case LevelKind::kPinyin:
      case LevelKind::kMaskedId:
        if (!strings) {
          return Error(spec.pos, "比较方式 " + spec.kind + " 用于文本，而比较「" + comparison.name + "」的两侧是" +
                                     TypeLabel(comparison.left.type) + "和" + TypeLabel(comparison.right.type));
        }
        break;
      case LevelKind::kDateWithin:
        if (!dates) {
          return Error(spec.pos, "date_within 用于日期，而比较「" + comparison.name + "」的两侧是" +
                                     TypeLabel(comparison.left.type) + "和" + TypeLabel(comparison.right.type));
        }
        break;
      default:
        break;
    }
    if (level.kind == LevelKind::kLevenshtein || level.kind == LevelKind::kJaroWinkler ||
        level.kind == LevelKind::kDateWithin) {
      const SpecText& threshold = spec.threshold;
      if (!threshold.text.empty() && threshold.text[0] == '$') {
        SJ_ASSIGN_OR_RETURN(BoundExpr param, exprs_.Bind(threshold, {}));
        level.threshold = std::move(param);
      } else {
        TypeId type = level.kind == LevelKind::kJaroWinkler ? TypeId::kDecimal : TypeId::kInt;
        Result<int64_t> value = ParseScalar(type, threshold.text);
        if (!value.ok()) {
          return Error(threshold.pos, spec.kind + " 的参数「" + threshold.text + "」应为" +
                                          (type == TypeId::kDecimal ? "0 到 1 之间的相似度" : "非负整数"));
        }
        BoundExpr literal;
        literal.kind = BoundKind::kLiteral;
        literal.type = ValueType::Of(type);
        literal.literal = Value::Scalar(literal.type, *value);
        literal.text = threshold.text;
        level.threshold = std::move(literal);
      }
      TypeId want = level.kind == LevelKind::kJaroWinkler ? TypeId::kDecimal : TypeId::kInt;
      TypeId got = level.threshold->type.id;
      if (!(got == want || (want == TypeId::kDecimal && got == TypeId::kInt))) {
        return Error(threshold.pos, spec.kind + " 的参数类型应为" + TypeLabel(ValueType::Of(want)));
      }
    }
    return level;
  }

  // True when read step `target` feeds step `from` (directly or through other steps).
  bool Feeds(int target, int from) const {
    if (from == target) return true;
    const BoundStep& step = model_.steps[from];
    if (step.input >= 0 && Feeds(target, step.input)) return true;
    return step.other >= 0 && Feeds(target, step.other);
  }

  std::vector<int> ReadAncestors(int from) const {
    std::vector<int> reads;
    for (size_t index = 0; index < model_.steps.size(); ++index) {
      if ((model_.steps[index].kind == StepKind::kRead) && Feeds(static_cast<int>(index), from)) {
        reads.push_back(static_cast<int>(index));
      }
    }
    return reads;
  }

  Status BindEmit(const StepSpec& spec, BoundStep* step) {
    const BoundStep& input = model_.steps[step->input];
    const EmitSpec& emit = spec.emit;
    BoundEmit& bound = step->emit;
    bound.rule = emit.rule;
    for (size_t index = 0; index < spec_.rules.size(); ++index) {
      if (spec_.rules[index].id == emit.rule) bound.rule_index = static_cast<int>(index);
    }
    bound.subject_kind = emit.subject.kind;
    std::vector<int> reads = ReadAncestors(step->input);
    if (emit.subject.kind == "record") {
      int of = model_.FindStep(emit.subject.of);
      if (of < 0 || model_.steps[of].kind != StepKind::kRead) {
        std::vector<std::string> names;
        for (int read : reads) names.push_back(model_.steps[read].name);
        return Error(emit.subject.pos, "subject 的 of 应是一个 read 步骤的名称，而「" + emit.subject.of + "」不是" +
                                           (names.empty() ? "" : "（可用：" + JoinNames(names) + "）"));
      }
      if (std::find(reads.begin(), reads.end(), of) == reads.end()) {
        return Error(emit.subject.pos, "读取步骤「" + emit.subject.of + "」的行没有流入本 emit 的输入");
      }
      bound.subject_step = of;
    } else {
      SJ_ASSIGN_OR_RETURN(BoundExpr key, exprs_.Bind(emit.subject.key, input.schema));
      if (key.type.id != TypeId::kString) {
        return Error(emit.subject.key.pos, "subject 的 key 应为文本（号牌、身份证号、信用代码、编号），而" + Describe(key) +
                                               "是" + TypeLabel(key.type));
      }
      bound.subject_key = std::move(key);
    }
    if (!emit.subject.label.empty()) {
      SJ_ASSIGN_OR_RETURN(bound.label, exprs_.BindTemplate(emit.subject.label, input.schema));
    }
    SJ_ASSIGN_OR_RETURN(bound.title, exprs_.BindTemplate(emit.title, input.schema));
    if (!emit.addressee.empty()) {
      SJ_ASSIGN_OR_RETURN(bound.addressee, exprs_.BindTemplate(emit.addressee, input.schema));
    }
    for (const NamedExpr& fact : emit.facts) {
      SJ_ASSIGN_OR_RETURN(BoundExpr expr, exprs_.Bind(fact.expr, input.schema));
      bound.facts.emplace_back(fact.name, std::move(expr));
    }
    if (emit.evidence.empty()) {
      bound.evidence_steps = reads;
    } else {
      for (const std::string& name : emit.evidence) {
        int read = model_.FindStep(name);
        if (read < 0 || std::find(reads.begin(), reads.end(), read) == reads.end()) {
          std::vector<std::string> names;
          for (int candidate : reads) names.push_back(model_.steps[candidate].name);
          return Error(spec.pos, "evidence 中的「" + name + "」不是流入本 emit 的 read 步骤（可用：" + JoinNames(names) + "）");
        }
        bound.evidence_steps.push_back(read);
      }
    }
    bound.evidence_limit = emit.evidence_limit;
    return Status::Ok();
  }

  Status BindOutput(const StepSpec& spec, BoundStep* step) {
    const BoundStep& input = model_.steps[step->input];
    step->output_title = spec.output.title;
    if (spec.output.columns.empty()) {
      for (size_t column = 0; column < input.schema.size(); ++column) {
        const ColumnInfo& info = input.schema[column];
        if (info.name.starts_with("_")) continue;
        BoundExpr expr;
        expr.kind = BoundKind::kColumn;
        expr.column = static_cast<int>(column);
        expr.type = info.type;
        expr.text = info.qualifier + "." + info.name;
        step->output_names.push_back(info.name);
        step->output_columns.push_back(std::move(expr));
      }
      return Status::Ok();
    }
    for (const NamedExpr& named : spec.output.columns) {
      SJ_ASSIGN_OR_RETURN(BoundExpr expr, exprs_.Bind(named.expr, input.schema));
      step->output_names.push_back(named.name);
      step->output_columns.push_back(std::move(expr));
    }
    return Status::Ok();
  }

  const ModelSpec& spec_;
  const data::SchemaRegistry& schemas_;
  const TableLibrary& tables_;
  BoundModel model_;
  ExprBinder exprs_;
};

}  // namespace

int BoundModel::FindStep(std::string_view name) const {
  for (size_t index = 0; index < steps.size(); ++index) {
    if (!name.empty() && steps[index].name == name) return static_cast<int>(index);
  }
  return -1;
}

Result<std::vector<Value>> ParseParameterValue(const BoundParameter& parameter, const std::string& text) {
  std::vector<std::string> items;
  if (parameter.list) {
    std::string item;
    for (char c : text) {
      if (c == '\n' || c == ',') {
        items.push_back(item);
        item.clear();
      } else {
        item += c;
      }
    }
    items.push_back(item);
  } else {
    items.push_back(text);
  }
  std::vector<Value> values;
  for (std::string& item : items) {
    size_t begin = item.find_first_not_of(" \t");
    size_t end = item.find_last_not_of(" \t");
    item = begin == std::string::npos ? "" : item.substr(begin, end - begin + 1);
    if (item.empty() && parameter.list) continue;
    if (parameter.type.id == TypeId::kString) {
      std::string stored = item;
      if (parameter.type.logical != data::LogicalType::kText &&
          parameter.type.logical != data::LogicalType::kCaseNo &&
          parameter.type.logical != data::LogicalType::kEnum) {
        data::NormalizeContext context{*Date::FromYmd(2100, 12, 31), {}, nullptr};
        SJ_ASSIGN_OR_RETURN(data::NormalizedValue normalized,
                            data::NormalizeValue(parameter.type.logical, item, context));
        stored = normalized.stored;
      }
      values.push_back(Value::Text(stored, parameter.type));
      continue;
    }
    SJ_ASSIGN_OR_RETURN(int64_t value, ParseScalar(parameter.type.id, item));
    values.push_back(Value::Scalar(parameter.type, value));
  }
  if (!parameter.list && values.size() != 1) return Status::InvalidArgument("应为一个值");
  return values;
}

Result<BoundModel> BindModel(const ModelSpec& spec, const data::SchemaRegistry& schemas,
                             const TableLibrary& tables) {
  return Binder(spec, schemas, tables).Run();
}

}  // namespace shujian::engine
