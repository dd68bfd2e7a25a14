#include "engine/spec/spec_parser.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <set>

namespace shujian::engine {
namespace {

const std::set<std::string> kModelKeys = {
    "id",         "version",  "title",   "category",   "description", "legal_basis",
    "addressee",  "subject",  "parameters", "rules",   "pipeline",    "fixtures"};
const std::set<std::string> kSubjectKinds = {"record", "vehicle", "person", "organisation", "site"};

const std::set<std::string> kLevelKinds = {"exact",       "levenshtein", "jaro_winkler", "pinyin",
                                           "date_within", "masked_id",   "null"};
const std::set<std::string> kNormalizations = {"none", "name", "company", "case_no"};

// Parsing state: the spec being filled (for positions) and the first error.
class SpecParser {
 public:
  SpecParser(std::string_view text, std::string_view name) {
    spec_.source_name = std::string(name);
    spec_.source_text = std::string(text);
    spec_.IndexLines();
  }

  Result<ModelSpec> Run() {
    YAML::Node root;
    try {
      root = YAML::Load(spec_.source_text);
    } catch (const YAML::Exception& error) {
      return Status::InvalidArgument(WhereMark(error.mark) + "：YAML 格式错误（" + error.msg + "）");
    }
    try {
      SJ_RETURN_IF_ERROR(ParseRoot(root));
    } catch (const YAML::Exception& error) {
      return Status::InvalidArgument(WhereMark(error.mark) + "：" + error.msg);
    }
    return std::move(spec_);
  }

 private:
  std::string WhereMark(const YAML::Mark& mark) const {
    return spec_.Where(mark.pos >= 0 && mark.line >= 0 ? mark.pos : -1);
  }
  static int Pos(const YAML::Node& node) {
    if (!node.IsDefined()) return -1;
    YAML::Mark mark = node.Mark();
    return mark.line < 0 ? -1 : mark.pos;
  }
  Status ErrorAt(int pos, const std::string& message) const {
    return Status::InvalidArgument(spec_.Where(pos) + "：" + message);
  }
  // An error at `node`; a missing node is reported at the mapping that should hold it.
  Status ErrorAt(const YAML::Node& node, const std::string& message) const {
    int pos = Pos(node);
    return ErrorAt(pos >= 0 ? pos : context_pos_, message);
  }

  Status CheckKeys(const YAML::Node& node, const std::set<std::string>& allowed,
                   const std::string& where) {
    for (const auto& entry : node) {
      if (!entry.first.IsScalar()) return ErrorAt(entry.first, where + "的键应为文字");
      std::string key = entry.first.Scalar();
      if (!allowed.count(key)) {
        std::string list;
        for (const std::string& name : allowed) list += (list.empty() ? "" : "、") + name;
        return ErrorAt(entry.first, where + "中没有「" + key + "」这一项（可用：" + list + "）");
      }
    }
    return Status::Ok();
  }

  Result<SpecText> Text(const YAML::Node& node, const std::string& what) {
    if (!node.IsDefined() || node.IsNull()) return ErrorAt(node, what + "不能为空");
    if (!node.IsScalar()) return ErrorAt(node, what + "应为一个值（文字或数字）");
    return SpecText{node.Scalar(), Pos(node)};
  }
  Result<SpecText> OptionalText(const YAML::Node& node, const std::string& what) {
    if (!node.IsDefined() || node.IsNull()) return SpecText{};
    return Text(node, what);
  }
  Result<std::string> Name(const YAML::Node& node, const std::string& what) {
    if (!node.IsDefined() || node.IsNull()) return ErrorAt(node, what + "不能为空");
    if (!node.IsScalar()) return ErrorAt(node, what + "应为一个值（文字或数字）");
    std::string name = node.Scalar();
    if (!IsIdentifier(name)) {
      return ErrorAt(node, what + "「" + name + "」只能由英文字母、数字和下划线组成，且不能以数字开头");
    }
    return name;
  }
  static bool IsIdentifier(const std::string& text) {
    if (text.empty() || (text[0] >= '0' && text[0] <= '9')) return false;
    for (char c : text) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!ok) return false;
    }
    return true;
  }
  // A scalar, or a list of scalars joined with "；".
  Result<std::string> TextOrList(const YAML::Node& node, const std::string& what) {
    if (!node.IsDefined() || node.IsNull()) return std::string();
    if (node.IsScalar()) return node.Scalar();
    if (!node.IsSequence()) return ErrorAt(node, what + "应为文字或文字的列表");
    std::string joined;
    for (const YAML::Node& item : node) {
      SJ_ASSIGN_OR_RETURN(SpecText text, Text(item, what + "的每一项"));
      joined += (joined.empty() ? "" : "；") + text.text;
    }
    return joined;
  }

  Status ParseRoot(const YAML::Node& root) {
    context_pos_ = Pos(root);
    if (!root.IsMap()) return ErrorAt(root, "模型文件应为一个映射（id、version、title、pipeline……）");
    SJ_RETURN_IF_ERROR(CheckKeys(root, kModelKeys, "模型文件"));
    SJ_ASSIGN_OR_RETURN(SpecText id, Text(root["id"], "id（模型编号）"));
    spec_.id = id.text;
    spec_.id_pos = id.pos;
    for (char c : spec_.id) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) return ErrorAt(root["id"], "模型编号只能用小写英文字母、数字和连字符，如 penalty-upload-gap");
    }
    SJ_ASSIGN_OR_RETURN(SpecText version, Text(root["version"], "version（版本）"));
    spec_.version = version.text;
    SJ_ASSIGN_OR_RETURN(SpecText title, Text(root["title"], "title（标题）"));
    spec_.title = title.text;
    SJ_ASSIGN_OR_RETURN(SpecText category, OptionalText(root["category"], "category（类别）"));
    spec_.category = category.text;
    SJ_ASSIGN_OR_RETURN(SpecText description, OptionalText(root["description"], "description"));
    spec_.description = description.text;
    SJ_ASSIGN_OR_RETURN(spec_.legal_basis, TextOrList(root["legal_basis"], "legal_basis（法律依据）"));
    if (spec_.legal_basis.empty()) return ErrorAt(root, "缺少 legal_basis（法律依据）");
    SJ_ASSIGN_OR_RETURN(spec_.addressee, TextOrList(root["addressee"], "addressee（建议对象）"));
    SJ_RETURN_IF_ERROR(ParseSubjectKinds(root));
    SJ_RETURN_IF_ERROR(ParseParameters(root["parameters"]));
    SJ_RETURN_IF_ERROR(ParseRules(root["rules"]));
    spec_.pipeline_pos = Pos(root["pipeline"]);
    SJ_RETURN_IF_ERROR(ParsePipeline(root));
    SJ_RETURN_IF_ERROR(ParseFixtures(root["fixtures"]));
    return Status::Ok();
  }

  Status ParseSubjectKinds(const YAML::Node& root) {
    const YAML::Node node = root["subject"];
    if (!node.IsDefined() || node.IsNull()) {
      return ErrorAt(root, "缺少 subject（线索对象类型：record、vehicle、person、organisation 或 site）");
    }
    std::vector<YAML::Node> items;
    if (node.IsScalar()) {
      items.push_back(node);
    } else if (node.IsSequence()) {
      for (const YAML::Node& item : node) items.push_back(item);
    } else {
      return ErrorAt(node, "subject 应为对象类型或其列表，如 record 或 [vehicle, person]");
    }
    for (const YAML::Node& item : items) {
      SJ_ASSIGN_OR_RETURN(SpecText kind, Text(item, "subject"));
      if (!kSubjectKinds.count(kind.text)) {
        return ErrorAt(item, "未知的线索对象类型「" + kind.text + "」（可用：record、vehicle、person、organisation、site）");
      }
      spec_.subject_kinds.push_back(kind.text);
    }
    return Status::Ok();
  }

  Status ParseParameters(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return Status::Ok();
    if (!node.IsMap()) return ErrorAt(node, "parameters 应为映射：参数名: {type: …, default: …}");
    for (const auto& entry : node) {
      ParameterSpec parameter;
      SJ_ASSIGN_OR_RETURN(parameter.name, Name(entry.first, "参数名"));
      parameter.pos = Pos(entry.first);
      const YAML::Node body = entry.second;
      if (!body.IsMap()) return ErrorAt(body, "参数「" + parameter.name + "」应为 {type: …, default: …}");
      SJ_RETURN_IF_ERROR(CheckKeys(body, {"type", "default", "description", "source"},
                                   "参数「" + parameter.name + "」"));
      SJ_ASSIGN_OR_RETURN(SpecText type_name, Text(body["type"], "参数「" + parameter.name + "」的 type"));
      std::string base = type_name.text;
      if (base.size() > 2 && base.ends_with("[]")) {
        parameter.list = true;
        base.resize(base.size() - 2);
      }
      if (!ParseTypeName(base, &parameter.type)) {
        return ErrorAt(body["type"], "未知的参数类型「" + type_name.text +
                                         "」（可用：int、decimal、money、date、period、bool、text，列表加 []，如 text[]）");
      }
      const YAML::Node value = body["default"];
      if (!value.IsDefined() || value.IsNull()) {
        return ErrorAt(body, "参数「" + parameter.name + "」缺少 default（默认值）");
      }
      if (parameter.list) {
        if (!value.IsSequence()) return ErrorAt(value, "列表参数的默认值应为列表，如 [非法采矿, 污染环境]");
        for (const YAML::Node& item : value) {
          SJ_ASSIGN_OR_RETURN(SpecText text, Text(item, "默认值的每一项"));
          parameter.default_values.push_back(text);
        }
      } else {
        SJ_ASSIGN_OR_RETURN(SpecText text, Text(value, "默认值"));
        parameter.default_values.push_back(text);
      }
      SJ_ASSIGN_OR_RETURN(SpecText description, OptionalText(body["description"], "description"));
      parameter.description = description.text;
      SJ_ASSIGN_OR_RETURN(SpecText source, OptionalText(body["source"], "source"));
      parameter.source = source.text;
      for (const ParameterSpec& other : spec_.parameters) {
        if (other.name == parameter.name) return ErrorAt(entry.first, "参数「" + parameter.name + "」重复");
      }
      if (parameter.name == "as_of") return ErrorAt(entry.first, "$as_of 是内置参数（运行日期），不能重新定义");
      spec_.parameters.push_back(std::move(parameter));
    }
    return Status::Ok();
  }

  Status ParseRules(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return ErrorAt(Pos(node), "缺少 rules（子规则，至少一条）");
    if (!node.IsMap()) return ErrorAt(node, "rules 应为映射：子规则编号: 标题，或 {title: …, legal_basis: …}");
    for (const auto& entry : node) {
      RuleSpec rule;
      SJ_ASSIGN_OR_RETURN(SpecText id, Text(entry.first, "子规则编号"));
      rule.id = id.text;
      rule.pos = id.pos;
      if (entry.second.IsScalar()) {
        rule.title = entry.second.Scalar();
      } else if (entry.second.IsMap()) {
        SJ_RETURN_IF_ERROR(CheckKeys(entry.second, {"title", "legal_basis", "addressee"},
                                     "子规则「" + rule.id + "」"));
        SJ_ASSIGN_OR_RETURN(SpecText title, Text(entry.second["title"], "子规则「" + rule.id + "」的 title"));
        rule.title = title.text;
        SJ_ASSIGN_OR_RETURN(rule.legal_basis, TextOrList(entry.second["legal_basis"], "legal_basis"));
        SJ_ASSIGN_OR_RETURN(rule.addressee, TextOrList(entry.second["addressee"], "addressee"));
      } else {
        return ErrorAt(entry.second, "子规则「" + rule.id + "」应为标题文字或 {title: …}");
      }
      for (const RuleSpec& other : spec_.rules) {
        if (other.id == rule.id) return ErrorAt(entry.first, "子规则「" + rule.id + "」重复");
      }
      spec_.rules.push_back(std::move(rule));
    }
    if (spec_.rules.empty()) return ErrorAt(node, "rules 至少要有一条子规则");
    return Status::Ok();
  }

  // Step keys common to all steps.
  static std::set<std::string> StepKeys(StepKind kind) {
    std::set<std::string> keys = {"name", StepKindKey(kind)};
    auto add = [&keys](std::initializer_list<const char*> more) {
      for (const char* key : more) keys.insert(key);
    };
    switch (kind) {
      case StepKind::kRead: add({"where"}); break;
      case StepKind::kFilter: add({"from"}); break;
      case StepKind::kCompute: add({"from"}); break;
      case StepKind::kJoin: add({"from", "on", "window", "where", "type"}); break;
      case StepKind::kSemi:
      case StepKind::kAnti: add({"from", "on", "window", "where"}); break;
      case StepKind::kLookup: add({"from", "on", "where", "missing"}); break;
      case StepKind::kAggregate: add({"from", "group_by", "having"}); break;
      case StepKind::kRolling: add({"from", "partition_by", "order_by", "window", "having"}); break;
      case StepKind::kFuzzy: add({"from", "type", "blocking", "comparisons", "match_when", "where"}); break;
      case StepKind::kEmit:
        add({"from", "subject", "title", "facts", "addressee", "evidence", "evidence_limit"});
        break;
      case StepKind::kOutput: add({"from", "columns"}); break;
    }
    return keys;
  }

  Status ParsePipeline(const YAML::Node& root) {
    const YAML::Node node = root["pipeline"];
    if (!node.IsDefined() || !node.IsSequence() || node.size() == 0) {
      return ErrorAt(node.IsDefined() ? node : root, "pipeline（步骤列表）应为非空列表，每一项是一个步骤，如 - {name: cases, read: admin_case}");
    }
    static constexpr StepKind kKinds[] = {
        StepKind::kRead,  StepKind::kFilter,    StepKind::kCompute, StepKind::kJoin,
        StepKind::kSemi,  StepKind::kAnti,      StepKind::kLookup,  StepKind::kAggregate,
        StepKind::kRolling, StepKind::kFuzzy,   StepKind::kEmit,    StepKind::kOutput};
    std::set<std::string> names;
    for (const YAML::Node& item : node) {
      if (!item.IsMap()) return ErrorAt(item, "每个步骤应为一个映射，如 {name: cases, read: admin_case}");
      StepSpec step;
      step.pos = Pos(item);
      context_pos_ = step.pos;
      int found = 0;
      for (StepKind kind : kKinds) {
        if (item[StepKindKey(kind)].IsDefined()) {
          step.kind = kind;
          ++found;
        }
      }
      if (found == 2 && item["read"].IsDefined() && item["filter"].IsDefined()) {
        return ErrorAt(item["filter"], "read 步骤读取时的过滤条件写在 where 中；filter 是单独的步骤");
      }
      if (found != 1) {
        return ErrorAt(item, found == 0 ? "步骤缺少算子：应有 read、filter、compute、join、semi、anti、lookup、aggregate、rolling、fuzzy、emit 或 output 之一"
                                        : "一个步骤只能有一个算子（read、filter、join……）；请拆成几个步骤");
      }
      SJ_RETURN_IF_ERROR(CheckKeys(item, StepKeys(step.kind),
                                   std::string("「") + StepKindKey(step.kind) + "」步骤"));
      if (item["name"].IsDefined()) {
        SJ_ASSIGN_OR_RETURN(step.name, Name(item["name"], "步骤名"));
        if (!names.insert(step.name).second) return ErrorAt(item["name"], "步骤名「" + step.name + "」重复");
      } else if (step.kind != StepKind::kEmit && step.kind != StepKind::kOutput &&
                 step.kind != StepKind::kLookup) {
        return ErrorAt(item, std::string("「") + StepKindKey(step.kind) + "」步骤需要 name（步骤名，后面的步骤用它引用）");
      }
      if (item["from"].IsDefined()) {
        SJ_ASSIGN_OR_RETURN(step.from, Name(item["from"], "from（输入步骤）"));
        step.from_pos = Pos(item["from"]);
      }
      bool named = !step.name.empty();
      SJ_RETURN_IF_ERROR(ParseStepBody(item, &step));
      if (!named && !step.name.empty() && !names.insert(step.name).second) {
        return ErrorAt(item, "步骤名「" + step.name + "」重复；请给这个 lookup 步骤写 name");
      }
      spec_.steps.push_back(std::move(step));
    }
    return Status::Ok();
  }

  Result<std::vector<NamedExpr>> NamedExprMap(const YAML::Node& node, const std::string& what) {
    std::vector<NamedExpr> exprs;
    if (!node.IsMap() || node.size() == 0) {
      return ErrorAt(node, what + "应为非空映射：输出列名: 表达式");
    }
    for (const auto& entry : node) {
      NamedExpr named;
      SJ_ASSIGN_OR_RETURN(named.name, Name(entry.first, what + "的列名"));
      named.pos = Pos(entry.first);
      SJ_ASSIGN_OR_RETURN(named.expr, Text(entry.second, what + "「" + named.name + "」的表达式"));
      for (const NamedExpr& other : exprs) {
        if (other.name == named.name) return ErrorAt(entry.first, "列名「" + named.name + "」重复");
      }
      exprs.push_back(std::move(named));
    }
    return exprs;
  }

  // A list whose items are expressions (named after their column) or {name: expression} maps.
  Result<std::vector<NamedExpr>> ExprList(const YAML::Node& node, const std::string& what) {
    std::vector<NamedExpr> exprs;
    if (!node.IsDefined() || node.IsNull()) return exprs;
    std::vector<YAML::Node> items;
    if (node.IsScalar()) {
      items.push_back(node);
    } else if (node.IsSequence()) {
      for (const YAML::Node& item : node) items.push_back(item);
    } else if (node.IsMap()) {
      return NamedExprMap(node, what);
    } else {
      return ErrorAt(node, what + "应为表达式列表");
    }
    for (const YAML::Node& item : items) {
      if (item.IsMap()) {
        SJ_ASSIGN_OR_RETURN(std::vector<NamedExpr> named, NamedExprMap(item, what));
        for (NamedExpr& entry : named) exprs.push_back(std::move(entry));
        continue;
      }
      NamedExpr named;
      SJ_ASSIGN_OR_RETURN(named.expr, Text(item, what + "的每一项"));
      named.pos = named.expr.pos;
      exprs.push_back(std::move(named));
    }
    return exprs;
  }

  Result<std::vector<SpecText>> TextList(const YAML::Node& node, const std::string& what) {
    std::vector<SpecText> texts;
    if (!node.IsDefined() || node.IsNull()) return texts;
    if (node.IsScalar()) {
      texts.push_back({node.Scalar(), Pos(node)});
      return texts;
    }
    if (!node.IsSequence()) return ErrorAt(node, what + "应为一个条件或条件的列表");
    for (const YAML::Node& item : node) {
      SJ_ASSIGN_OR_RETURN(SpecText text, Text(item, what + "的每一项"));
      texts.push_back(std::move(text));
    }
    return texts;
  }

  Result<WindowSpec> Window(const YAML::Node& node, bool rolling) {
    WindowSpec window;
    window.pos = Pos(node);
    if (!node.IsMap()) {
      return ErrorAt(node, rolling ? "window 应为 {days: \"[-364, 0]\"}"
                                   : "window 应为 {from: 左侧日期, to: 右侧日期, days: \"[0, 365]\"}");
    }
    std::set<std::string> keys = {"days", "months", "years"};
    if (!rolling) {
      keys.insert("from");
      keys.insert("to");
    }
    SJ_RETURN_IF_ERROR(CheckKeys(node, keys, "window"));
    if (!rolling) {
      SJ_ASSIGN_OR_RETURN(window.from, Text(node["from"], "window 的 from（左侧的日期表达式）"));
      SJ_ASSIGN_OR_RETURN(window.to, Text(node["to"], "window 的 to（右侧的日期表达式）"));
    }
    int units = 0;
    for (const char* unit : {"days", "months", "years"}) {
      if (!node[unit].IsDefined()) continue;
      ++units;
      window.unit = unit;
      SJ_ASSIGN_OR_RETURN(window.interval, Text(node[unit], std::string("window 的 ") + unit));
    }
    if (units != 1) return ErrorAt(node, "window 应有且只有一个 days、months 或 years，如 days: \"[0, 365]\"");
    std::string reason;
    if (!ParseIntervalText(window.interval.text, &window.lower, &window.upper,
                           &window.lower_inclusive, &window.upper_inclusive, &reason)) {
      return ErrorAt(window.interval.pos, reason);
    }
    window.lower.pos = window.upper.pos = window.interval.pos;
    if (window.lower.empty() && window.upper.empty()) {
      return ErrorAt(window.interval.pos, "区间两端不能都省略");
    }
    return window;
  }

  Status ParseStepBody(const YAML::Node& item, StepSpec* step) {
    const YAML::Node op = item[StepKindKey(step->kind)];
    switch (step->kind) {
      case StepKind::kRead: {
        SJ_ASSIGN_OR_RETURN(SpecText dataset, Text(op, "read（数据集名）"));
        step->target = dataset.text;
        step->target_pos = dataset.pos;
        SJ_ASSIGN_OR_RETURN(step->filter, OptionalText(item["where"], "where（读取时的过滤条件）"));
        return Status::Ok();
      }
      case StepKind::kFilter: {
        SJ_ASSIGN_OR_RETURN(step->filter, Text(op, "filter（过滤条件）"));
        return Status::Ok();
      }
      case StepKind::kCompute: {
        SJ_ASSIGN_OR_RETURN(step->computes, NamedExprMap(op, "compute"));
        return Status::Ok();
      }
      case StepKind::kJoin:
      case StepKind::kSemi:
      case StepKind::kAnti:
      case StepKind::kLookup: {
        SJ_ASSIGN_OR_RETURN(step->target, Name(op, step->kind == StepKind::kLookup
                                                       ? "lookup（参数表名）"
                                                       : std::string(StepKindKey(step->kind)) + "（右侧步骤名）"));
        step->target_pos = Pos(op);
        SJ_ASSIGN_OR_RETURN(step->on, TextList(item["on"], "on（连接条件）"));
        SJ_ASSIGN_OR_RETURN(step->where, OptionalText(item["where"], "where（附加条件）"));
        if (item["window"].IsDefined()) {
          SJ_ASSIGN_OR_RETURN(WindowSpec window, Window(item["window"], false));
          step->window = std::move(window);
        }
        if (step->kind == StepKind::kJoin) {
          SJ_ASSIGN_OR_RETURN(SpecText type, OptionalText(item["type"], "type"));
          step->join_type = type.empty() ? "inner" : type.text;
          if (step->join_type != "inner" && step->join_type != "left") {
            return ErrorAt(item["type"], "join 的 type 应为 inner 或 left");
          }
        }
        if (step->kind == StepKind::kLookup) {
          SJ_ASSIGN_OR_RETURN(SpecText missing, OptionalText(item["missing"], "missing"));
          step->missing = missing.empty() ? "drop" : missing.text;
          if (step->missing != "drop" && step->missing != "keep" && step->missing != "note") {
            return ErrorAt(item["missing"], "missing 应为 drop（丢弃无对应参数的行）、keep（保留，参数为空）或 note（丢弃并在运行结果中报告）");
          }
          if (step->name.empty()) step->name = step->target;
        }
        if (step->on.empty() && step->where.empty() && step->kind != StepKind::kLookup) {
          return ErrorAt(item, std::string(StepKindKey(step->kind)) + " 需要 on（相等条件，如 cases.party_id = crim.suspect_id）");
        }
        return Status::Ok();
      }
      case StepKind::kAggregate: {
        SJ_ASSIGN_OR_RETURN(step->aggregates, NamedExprMap(op, "aggregate"));
        SJ_ASSIGN_OR_RETURN(step->group_by, ExprList(item["group_by"], "group_by"));
        SJ_ASSIGN_OR_RETURN(step->having, OptionalText(item["having"], "having"));
        return Status::Ok();
      }
      case StepKind::kRolling: {
        SJ_ASSIGN_OR_RETURN(step->aggregates, NamedExprMap(op, "rolling"));
        SJ_ASSIGN_OR_RETURN(step->partition_by, ExprList(item["partition_by"], "partition_by"));
        for (const NamedExpr& key : step->partition_by) {
          if (key.name.empty()) continue;
          // A rolling step adds only its aggregates: a named key would be a column no one can read.
          return ErrorAt(item["partition_by"], "rolling 的 partition_by 不能写成 {" + key.name +
                                                   ": 表达式}：滚动窗口只增加聚合列；请先用 compute 步骤算出「" +
                                                   key.name + "」，再按它分区");
        }
        SJ_ASSIGN_OR_RETURN(step->order_by, Text(item["order_by"], "order_by（按哪个日期排序）"));
        if (!item["window"].IsDefined()) return ErrorAt(item, "rolling 需要 window，如 {days: \"[-364, 0]\"}");
        SJ_ASSIGN_OR_RETURN(WindowSpec window, Window(item["window"], true));
        step->window = std::move(window);
        SJ_ASSIGN_OR_RETURN(step->having, OptionalText(item["having"], "having"));
        return Status::Ok();
      }
      case StepKind::kFuzzy:
        return ParseFuzzy(item, step);
      case StepKind::kEmit:
        return ParseEmit(item, step);
      case StepKind::kOutput: {
        SJ_ASSIGN_OR_RETURN(SpecText title, Text(op, "output（输出表标题）"));
        step->output.title = title.text;
        if (item["columns"].IsDefined()) {
          SJ_ASSIGN_OR_RETURN(step->output.columns, FactMap(item["columns"]));
        }
        return Status::Ok();
      }
    }
    return Status::Ok();
  }

  Status ParseFuzzy(const YAML::Node& item, StepSpec* step) {
    SJ_ASSIGN_OR_RETURN(step->target, Name(item["fuzzy"], "fuzzy（右侧步骤名）"));
    step->target_pos = Pos(item["fuzzy"]);
    SJ_ASSIGN_OR_RETURN(SpecText type, OptionalText(item["type"], "type"));
    step->join_type = type.empty() ? "inner" : type.text;
    if (step->join_type != "inner" && step->join_type != "semi" && step->join_type != "anti") {
      return ErrorAt(item["type"], "fuzzy 的 type 应为 inner、semi 或 anti");
    }
    const YAML::Node blocking = item["blocking"];
    if (!blocking.IsDefined() || !blocking.IsSequence() || blocking.size() == 0) {
      return ErrorAt(blocking.IsDefined() ? blocking : item,
                     "fuzzy 需要 blocking（分块规则）：至少一条，每条是相等条件的列表，如 - [pub.agency_code = adm.agency_code]");
    }
    for (const YAML::Node& rule : blocking) {
      SJ_ASSIGN_OR_RETURN(std::vector<SpecText> equalities, TextList(rule, "分块规则"));
      if (equalities.empty()) return ErrorAt(rule, "分块规则不能为空");
      step->blocking.push_back(std::move(equalities));
    }
    const YAML::Node comparisons = item["comparisons"];
    if (!comparisons.IsDefined() || !comparisons.IsMap() || comparisons.size() == 0) {
      return ErrorAt(comparisons.IsDefined() ? comparisons : item,
                     "fuzzy 需要 comparisons（比较）：名称: {left: …, right: …, levels: […]}");
    }
    for (const auto& entry : comparisons) {
      ComparisonSpec comparison;
      SJ_ASSIGN_OR_RETURN(comparison.name, Name(entry.first, "比较名"));
      comparison.pos = Pos(entry.first);
      const YAML::Node body = entry.second;
      if (!body.IsMap()) return ErrorAt(body, "比较「" + comparison.name + "」应为 {left: …, right: …, levels: […]}");
      SJ_RETURN_IF_ERROR(CheckKeys(body, {"left", "right", "levels"}, "比较「" + comparison.name + "」"));
      SJ_ASSIGN_OR_RETURN(comparison.left, Text(body["left"], "left（左侧表达式）"));
      SJ_ASSIGN_OR_RETURN(comparison.right, Text(body["right"], "right（右侧表达式）"));
      const YAML::Node levels = body["levels"];
      if (!levels.IsDefined() || !levels.IsSequence() || levels.size() == 0) {
        return ErrorAt(levels.IsDefined() ? levels : body, "levels（比较层级）应为非空列表，如 - {label: exact, exact: name}");
      }
      std::set<std::string> labels;
      for (const YAML::Node& level_node : levels) {
        SJ_ASSIGN_OR_RETURN(ComparisonLevelSpec level, Level(level_node));
        if (!labels.insert(level.label).second) return ErrorAt(level_node, "层级标签「" + level.label + "」重复");
        if (!comparison.levels.empty() && comparison.levels.back().kind == "else") {
          return ErrorAt(level_node, "else 层级必须是最后一个");
        }
        comparison.levels.push_back(std::move(level));
      }
      if (comparison.levels.back().kind != "else") {
        if (labels.count("else")) return ErrorAt(levels, "标签 else 留给最后的兜底层级");
        comparison.levels.push_back(ComparisonLevelSpec{"else", "else", "", {}, Pos(levels)});
      }
      step->comparisons.push_back(std::move(comparison));
    }
    SJ_ASSIGN_OR_RETURN(step->match_when, Text(item["match_when"], "match_when（何时算匹配）"));
    SJ_ASSIGN_OR_RETURN(step->where, OptionalText(item["where"], "where"));
    return Status::Ok();
  }

  Result<ComparisonLevelSpec> Level(const YAML::Node& node) {
    ComparisonLevelSpec level;
    level.pos = Pos(node);
    if (!node.IsMap()) return ErrorAt(node, "比较层级应为 {label: …, 比较方式: 参数}，如 {label: similar, jaro_winkler: 0.9}");
    std::set<std::string> keys = kLevelKinds;
    keys.insert("label");
    keys.insert("normalize");
    SJ_RETURN_IF_ERROR(CheckKeys(node, keys, "比较层级"));
    SJ_ASSIGN_OR_RETURN(level.label, Name(node["label"], "层级标签 label"));
    int kinds = 0;
    for (const std::string& kind : kLevelKinds) {
      if (!node[kind].IsDefined()) continue;
      ++kinds;
      level.kind = kind;
      SJ_ASSIGN_OR_RETURN(level.threshold, Text(node[kind], kind + " 的参数"));
    }
    if (kinds > 1) return ErrorAt(node, "一个层级只能有一种比较方式");
    if (kinds == 0) {
      if (level.label != "else") return ErrorAt(node, "层级「" + level.label + "」缺少比较方式（exact、levenshtein、jaro_winkler、pinyin、date_within、masked_id、null）；只有 else 层级可以没有");
      level.kind = "else";
    }
    if (level.kind == "exact") {
      level.normalize = level.threshold.text;
      level.threshold = {};
      if (!kNormalizations.count(level.normalize)) {
        return ErrorAt(node["exact"], "exact 的参数应为规范化方式：none、name、company 或 case_no");
      }
    }
    if (node["normalize"].IsDefined()) {
      if (level.kind != "levenshtein" && level.kind != "jaro_winkler") {
        return ErrorAt(node["normalize"], "normalize 只用于 levenshtein 和 jaro_winkler；exact 的规范化写在 exact: 后");
      }
      SJ_ASSIGN_OR_RETURN(SpecText normalize, Text(node["normalize"], "normalize"));
      level.normalize = normalize.text;
      if (!kNormalizations.count(level.normalize)) {
        return ErrorAt(node["normalize"], "normalize 应为 none、name、company 或 case_no");
      }
    }
    if (level.normalize.empty()) level.normalize = "none";
    return level;
  }

  Status ParseEmit(const YAML::Node& item, StepSpec* step) {
    EmitSpec& emit = step->emit;
    SJ_ASSIGN_OR_RETURN(SpecText rule, Text(item["emit"], "emit（子规则编号）"));
    emit.rule = rule.text;
    bool declared = false;
    for (const RuleSpec& spec_rule : spec_.rules) declared = declared || spec_rule.id == emit.rule;
    if (!declared) return ErrorAt(item["emit"], "子规则「" + emit.rule + "」没有在 rules 中声明");
    step->target_pos = rule.pos;
    const YAML::Node subject = item["subject"];
    if (!subject.IsDefined() || !subject.IsMap()) {
      return ErrorAt(subject.IsDefined() ? subject : item,
                     "emit 需要 subject：{kind: record, of: 读取步骤} 或 {kind: person, key: 表达式}");
    }
    SJ_RETURN_IF_ERROR(CheckKeys(subject, {"kind", "of", "key", "label"}, "subject"));
    emit.subject.pos = Pos(subject);
    SJ_ASSIGN_OR_RETURN(SpecText kind, Text(subject["kind"], "subject 的 kind"));
    emit.subject.kind = kind.text;
    if (!kSubjectKinds.count(kind.text)) {
      return ErrorAt(subject["kind"], "未知的线索对象类型「" + kind.text + "」（可用：record、vehicle、person、organisation、site）");
    }
    bool listed = false;
    for (const std::string& model_kind : spec_.subject_kinds) listed = listed || model_kind == kind.text;
    if (!listed) return ErrorAt(subject["kind"], "线索对象类型「" + kind.text + "」不在模型的 subject 中");
    if (kind.text == "record") {
      SJ_ASSIGN_OR_RETURN(emit.subject.of, Name(subject["of"], "subject 的 of（哪个读取步骤的行是线索对象）"));
      if (subject["key"].IsDefined()) return ErrorAt(subject["key"], "record 的主键就是该行的数据集主键，不写 key");
    } else {
      SJ_ASSIGN_OR_RETURN(emit.subject.key, Text(subject["key"], "subject 的 key（对象的号码：号牌、身份证号、信用代码……）"));
      if (subject["of"].IsDefined()) return ErrorAt(subject["of"], "of 只用于 record");
    }
    SJ_ASSIGN_OR_RETURN(emit.subject.label, OptionalText(subject["label"], "subject 的 label"));
    SJ_ASSIGN_OR_RETURN(emit.title, Text(item["title"], "title（线索标题模板）"));
    if (item["facts"].IsDefined()) {
      SJ_ASSIGN_OR_RETURN(emit.facts, FactMap(item["facts"]));
    }
    SJ_ASSIGN_OR_RETURN(emit.addressee, OptionalText(item["addressee"], "addressee"));
    if (item["evidence"].IsDefined()) {
      SJ_ASSIGN_OR_RETURN(std::vector<SpecText> evidence, TextList(item["evidence"], "evidence"));
      for (const SpecText& name : evidence) emit.evidence.push_back(name.text);
    }
    if (item["evidence_limit"].IsDefined()) {
      SJ_ASSIGN_OR_RETURN(SpecText limit, Text(item["evidence_limit"], "evidence_limit"));
      char* end = nullptr;
      long value = std::strtol(limit.text.c_str(), &end, 10);
      if (end == limit.text.c_str() || *end != '\0' || value < 1 || value > 100000) {
        return ErrorAt(item["evidence_limit"], "evidence_limit 应为 1 到 100000 之间的整数");
      }
      emit.evidence_limit = static_cast<int>(value);
    }
    return Status::Ok();
  }

  // Facts and output columns: names may be Chinese (they are labels for people), values are
  // expressions.
  Result<std::vector<NamedExpr>> FactMap(const YAML::Node& node) {
    std::vector<NamedExpr> facts;
    if (!node.IsMap()) return ErrorAt(node, "facts 应为映射：事实名称: 表达式");
    for (const auto& entry : node) {
      NamedExpr fact;
      SJ_ASSIGN_OR_RETURN(SpecText name, Text(entry.first, "事实名称"));
      fact.name = name.text;
      fact.pos = name.pos;
      SJ_ASSIGN_OR_RETURN(fact.expr, Text(entry.second, "事实「" + fact.name + "」的表达式"));
      for (const NamedExpr& other : facts) {
        if (other.name == fact.name) return ErrorAt(entry.first, "事实「" + fact.name + "」重复");
      }
      facts.push_back(std::move(fact));
    }
    return facts;
  }

  Status ParseFixtures(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return Status::Ok();
    if (!node.IsSequence()) return ErrorAt(node, "fixtures 应为列表，每一项是一个测试用例");
    for (const YAML::Node& item : node) {
      FixtureSpec fixture;
      fixture.pos = Pos(item);
      context_pos_ = fixture.pos;
      if (!item.IsMap()) return ErrorAt(item, "测试用例应为 {name: …, as_of: …, data: …, expect: […]}");
      SJ_RETURN_IF_ERROR(CheckKeys(item, {"name", "as_of", "params", "data", "expect"}, "测试用例"));
      SJ_ASSIGN_OR_RETURN(SpecText name, Text(item["name"], "测试用例的 name"));
      fixture.name = name.text;
      SJ_ASSIGN_OR_RETURN(fixture.as_of, Text(item["as_of"], "测试用例的 as_of（运行日期）"));
      if (const YAML::Node params = item["params"]; params.IsDefined() && !params.IsNull()) {
        if (!params.IsMap()) return ErrorAt(params, "params 应为映射：参数名: 值");
        for (const auto& entry : params) {
          SJ_ASSIGN_OR_RETURN(std::string param, Name(entry.first, "参数名"));
          SpecText value;
          if (entry.second.IsSequence()) {
            // A list parameter: items joined by '\n' (split again by the binder).
            value.pos = Pos(entry.second);
            for (const YAML::Node& part : entry.second) {
              SJ_ASSIGN_OR_RETURN(SpecText text, Text(part, "参数值"));
              value.text += (value.text.empty() ? "" : "\n") + text.text;
            }
          } else {
            SJ_ASSIGN_OR_RETURN(value, Text(entry.second, "参数值"));
          }
          fixture.params.emplace_back(param, value);
        }
      }
      const YAML::Node data = item["data"];
      if (data.IsDefined() && !data.IsNull()) {
        if (!data.IsMap()) return ErrorAt(data, "data 应为映射：数据集名: [行, …]");
        for (const auto& entry : data) {
          FixtureDataset dataset;
          SJ_ASSIGN_OR_RETURN(dataset.dataset, Name(entry.first, "数据集名"));
          dataset.pos = Pos(entry.first);
          if (entry.second.IsNull()) {
            fixture.data.push_back(std::move(dataset));
            continue;
          }
          if (!entry.second.IsSequence()) return ErrorAt(entry.second, "数据集的行应为列表，每行是 {列名: 值}");
          for (const YAML::Node& row_node : entry.second) {
            if (!row_node.IsMap()) return ErrorAt(row_node, "每行应为 {列名: 值, …}");
            FixtureRow row;
            row.pos = Pos(row_node);
            for (const auto& cell_entry : row_node) {
              FixtureCell cell;
              SJ_ASSIGN_OR_RETURN(SpecText column, Text(cell_entry.first, "列名"));
              cell.column = column.text;
              cell.value.pos = Pos(cell_entry.second);
              if (!cell_entry.second.IsDefined() || cell_entry.second.IsNull()) {
                cell.null = true;
                cell.value.pos = column.pos;
              } else if (!cell_entry.second.IsScalar()) {
                return ErrorAt(cell_entry.second, "单元格的值应为一个值");
              } else {
                cell.value.text = cell_entry.second.Scalar();
              }
              row.cells.push_back(std::move(cell));
            }
            dataset.rows.push_back(std::move(row));
          }
          fixture.data.push_back(std::move(dataset));
        }
      }
      const YAML::Node expect = item["expect"];
      if (!expect.IsDefined()) return ErrorAt(item, "测试用例需要 expect：应产生的线索列表（没有线索写 []）");
      if (!expect.IsNull()) {
        if (!expect.IsSequence()) return ErrorAt(expect, "expect 应为列表，如 - {subject: YYNY-2023-0015, rules: [a]}");
        for (const YAML::Node& lead_node : expect) {
          FixtureLead lead;
          lead.pos = Pos(lead_node);
          if (lead_node.IsScalar()) {
            lead.subject = lead_node.Scalar();
          } else if (lead_node.IsMap()) {
            SJ_RETURN_IF_ERROR(CheckKeys(lead_node, {"subject", "rules", "title"}, "预期线索"));
            SJ_ASSIGN_OR_RETURN(SpecText subject, Text(lead_node["subject"], "预期线索的 subject"));
            lead.subject = subject.text;
            SJ_ASSIGN_OR_RETURN(std::vector<SpecText> rules, TextList(lead_node["rules"], "rules"));
            for (const SpecText& rule : rules) lead.rules.push_back(rule.text);
            SJ_ASSIGN_OR_RETURN(SpecText title, OptionalText(lead_node["title"], "title"));
            lead.title = title.text;
          } else {
            return ErrorAt(lead_node, "预期线索应为对象主键或 {subject: …, rules: […]}");
          }
          fixture.expect.push_back(std::move(lead));
        }
      }
      spec_.fixtures.push_back(std::move(fixture));
    }
    return Status::Ok();
  }

  ModelSpec spec_;
  int context_pos_ = -1;  // the mapping being parsed, for errors about keys it lacks
};

std::string TrimAscii(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

bool ParseIntervalText(std::string_view raw, SpecText* lower, SpecText* upper,
                       bool* lower_inclusive, bool* upper_inclusive, std::string* reason) {
  std::string text = TrimAscii(raw);
  if (text.size() < 3 || (text.front() != '[' && text.front() != '(') ||
      (text.back() != ']' && text.back() != ')')) {
    *reason = "区间应写成 [下限, 上限]：方括号含端点，圆括号不含，省略一端表示不限，如 \"[0, 365]\"、\"(0, $days]\"、\"[0, )\"";
    return false;
  }
  size_t comma = text.find(',');
  if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos) {
    *reason = "区间应有且只有一个逗号，如 \"[0, 365]\"";
    return false;
  }
  *lower_inclusive = text.front() == '[';
  *upper_inclusive = text.back() == ']';
  lower->text = TrimAscii(std::string_view(text).substr(1, comma - 1));
  upper->text = TrimAscii(std::string_view(text).substr(comma + 1, text.size() - comma - 2));
  for (const SpecText* bound : {lower, upper}) {
    const std::string& value = bound->text;
    if (value.empty()) continue;
    bool ok;
    size_t sign = value[0] == '-' && value.size() > 1 && value[1] == '$' ? 1 : 0;  // -$param
    if (value[sign] == '$') {
      ok = value.size() > sign + 1;
      for (size_t pos = sign + 1; pos < value.size(); ++pos) {
        char c = value[pos];
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
      }
    } else {
      size_t start = (value[0] == '-' || value[0] == '+') ? 1 : 0;
      ok = start < value.size() && value.size() - start <= 6;
      for (size_t pos = start; pos < value.size(); ++pos) ok = ok && value[pos] >= '0' && value[pos] <= '9';
    }
    if (!ok) {
      *reason = "区间的端点「" + value + "」应为整数（可带负号）或整数参数（可带负号），如 $window_days、-$window_days";
      return false;
    }
  }
  return true;
}

Result<ModelSpec> ParseModelSpec(std::string_view yaml_text, std::string_view source_name) {
  SpecParser parser(yaml_text, source_name);
  return parser.Run();
}

}  // namespace shujian::engine
