#include "engine/spec/param_table.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <span>
#include <sstream>

#include "core/date.h"
#include "core/embedded_file.h"
#include "data/value_normalizer.h"
#include "engine/spec/source_position.h"

namespace shujian {
std::span<const EmbeddedFile> EmbeddedParamTableFiles();  // generated (src/engine/CMakeLists.txt)
}  // namespace shujian

namespace shujian::engine {
namespace {

class TableParser {
 public:
  TableParser(std::string_view text, std::string_view name) : text_(text), name_(name) {}

  Result<std::unique_ptr<ParamTable>> Run() {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text_));
    } catch (const YAML::Exception& error) {
      return Status::InvalidArgument(Where(error.mark.line < 0 ? -1 : error.mark.pos) +
                                     "：YAML 格式错误（" + error.msg + "）");
    }
    try {
      return Parse(root);
    } catch (const YAML::Exception& error) {
      return Status::InvalidArgument(Where(error.mark.line < 0 ? -1 : error.mark.pos) + "：" + error.msg);
    }
  }

 private:
  std::string Where(int pos) const { return SourcePosition(name_, text_, pos); }
  static int Pos(const YAML::Node& node) {
    return node.IsDefined() && node.Mark().line >= 0 ? node.Mark().pos : -1;
  }
  Status ErrorAt(const YAML::Node& node, const std::string& message) const {
    return Status::InvalidArgument(Where(Pos(node)) + "：" + message);
  }
  Result<std::string> Scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsDefined() || node.IsNull()) return ErrorAt(node, what + "不能为空");
    if (!node.IsScalar()) return ErrorAt(node, what + "应为一个值");
    return node.Scalar();
  }
  Status Keys(const YAML::Node& node, const std::set<std::string>& allowed, const std::string& where) const {
    for (const auto& entry : node) {
      std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      if (!allowed.count(key)) return ErrorAt(entry.first, where + "中没有「" + key + "」这一项");
    }
    return Status::Ok();
  }

  Result<std::unique_ptr<ParamTable>> Parse(const YAML::Node& root) {
    if (!root.IsMap()) return ErrorAt(root, "参数表文件应为一个映射（table、title、columns、rows）");
    SJ_RETURN_IF_ERROR(Keys(root, {"table", "title", "description", "key", "columns", "rows"}, "参数表文件"));
    auto table = std::make_unique<ParamTable>();
    table->source_name = std::string(name_);
    SJ_ASSIGN_OR_RETURN(table->name, Scalar(root["table"], "table（表名）"));
    for (char c : table->name) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return ErrorAt(root["table"], "表名只能用小写英文字母、数字和下划线");
      }
    }
    SJ_ASSIGN_OR_RETURN(table->title, Scalar(root["title"], "title（标题）"));
    if (root["description"].IsDefined()) {
      SJ_ASSIGN_OR_RETURN(table->description, Scalar(root["description"], "description"));
    }
    const YAML::Node columns = root["columns"];
    if (!columns.IsDefined() || !columns.IsSequence() || columns.size() == 0) {
      return ErrorAt(columns.IsDefined() ? columns : root, "columns 应为非空列表，如 - {name: threshold, type: decimal}");
    }
    std::vector<YAML::Node> column_nodes;
    for (const YAML::Node& node : columns) {
      if (!node.IsMap()) return ErrorAt(node, "每一列应为 {name: …, type: …}");
      SJ_RETURN_IF_ERROR(Keys(node, {"name", "type", "values", "description"}, "列"));
      ParamColumn column;
      SJ_ASSIGN_OR_RETURN(column.name, Scalar(node["name"], "列的 name"));
      if (column.name == "source") return ErrorAt(node["name"], "source 列是每个参数表都有的出处列，不用声明");
      for (const ParamColumn& other : table->columns) {
        if (other.name == column.name) return ErrorAt(node["name"], "列名「" + column.name + "」重复");
      }
      SJ_ASSIGN_OR_RETURN(std::string type_name, Scalar(node["type"], "列的 type"));
      if (!ParseTypeName(type_name, &column.type)) {
        return ErrorAt(node["type"], "未知的类型「" + type_name + "」");
      }
      if (node["values"].IsDefined()) {
        if (!node["values"].IsSequence()) return ErrorAt(node["values"], "values 应为列表");
        for (const YAML::Node& value : node["values"]) {
          SJ_ASSIGN_OR_RETURN(std::string text, Scalar(value, "values 的每一项"));
          column.enum_values.push_back(text);
        }
      }
      if (column.type.logical == data::LogicalType::kEnum && column.enum_values.empty()) {
        return ErrorAt(node, "枚举列「" + column.name + "」必须列出 values");
      }
      if (node["description"].IsDefined()) {
        SJ_ASSIGN_OR_RETURN(column.description, Scalar(node["description"], "description"));
      }
      table->columns.push_back(std::move(column));
      column_nodes.push_back(node);
    }
    ParamColumn source;
    source.name = "source";
    source.type = ValueType::String();
    source.description = "出处（法律、司法解释或文件的条款）";
    table->columns.push_back(std::move(source));
    for (ParamColumn& column : table->columns) {
      if (column.type.logical == data::LogicalType::kEnum) column.type.enum_values = &column.enum_values;
    }
    if (root["key"].IsDefined()) {
      if (!root["key"].IsSequence()) return ErrorAt(root["key"], "key 应为列名的列表");
      for (const YAML::Node& node : root["key"]) {
        SJ_ASSIGN_OR_RETURN(std::string name, Scalar(node, "key 的每一项"));
        if (table->FindColumn(name) < 0) return ErrorAt(node, "key 中的列「" + name + "」不存在");
        table->key.push_back(name);
      }
    }
    const YAML::Node rows = root["rows"];
    if (!rows.IsDefined() || !rows.IsSequence()) {
      return ErrorAt(rows.IsDefined() ? rows : root, "rows 应为列表，每行是 {列名: 值, source: 出处}");
    }
    const Date far_future = *Date::FromYmd(2100, 12, 31);
    std::set<std::vector<std::string>> keys;
    for (const YAML::Node& row_node : rows) {
      if (!row_node.IsMap()) return ErrorAt(row_node, "每行应为 {列名: 值, …, source: 出处}");
      std::vector<Value> row(table->columns.size());
      for (size_t index = 0; index < table->columns.size(); ++index) row[index] = Value::Null(table->columns[index].type);
      for (const auto& entry : row_node) {
        std::string column_name = entry.first.IsScalar() ? entry.first.Scalar() : "";
        int index = table->FindColumn(column_name);
        if (index < 0) return ErrorAt(entry.first, "参数表没有列「" + column_name + "」");
        if (entry.second.IsNull()) continue;
        SJ_ASSIGN_OR_RETURN(std::string raw, Scalar(entry.second, "「" + column_name + "」的值"));
        const ParamColumn& column = table->columns[index];
        if (TrimmedEmpty(raw)) continue;
        data::NormalizeContext context{far_future, column.enum_values, nullptr};
        data::LogicalType logical = column.type.id == TypeId::kString ? column.type.logical
                                                                      : LogicalOf(column.type.id);
        Result<data::NormalizedValue> normalized = data::NormalizeValue(logical, raw, context);
        if (!normalized.ok()) {
          return ErrorAt(entry.second, "「" + column_name + "」的值「" + raw + "」无效：" + normalized.status().message());
        }
        if (column.type.id == TypeId::kString) {
          row[index] = Value::Text(normalized->stored, column.type);
        } else {
          Result<int64_t> parsed = ParseScalar(column.type.id, normalized->stored);
          if (!parsed.ok()) return ErrorAt(entry.second, parsed.status().message());
          row[index] = Value::Scalar(column.type, *parsed);
        }
      }
      if (row.back().null || row.back().s.empty()) {
        return ErrorAt(row_node, "每行都要写 source（出处：法律、司法解释或文件的条款）");
      }
      if (!table->key.empty()) {
        std::vector<std::string> key;
        for (const std::string& name : table->key) key.push_back(FormatValue(row[table->FindColumn(name)]));
        if (!keys.insert(key).second) return ErrorAt(row_node, "与前面的行主键重复");
      }
      table->rows.push_back(std::move(row));
      table->row_lines.push_back(SourceLine(text_, Pos(row_node)));
    }
    return table;
  }

  static bool TrimmedEmpty(const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos;
  }
  static data::LogicalType LogicalOf(TypeId id) {
    switch (id) {
      case TypeId::kBool: return data::LogicalType::kBool;
      case TypeId::kInt: return data::LogicalType::kInteger;
      case TypeId::kDecimal: return data::LogicalType::kDecimal;
      case TypeId::kMoney: return data::LogicalType::kMoney;
      case TypeId::kDate: return data::LogicalType::kDate;
      case TypeId::kDateTime: return data::LogicalType::kDateTime;
      case TypeId::kPeriod: return data::LogicalType::kPeriod;
      default: return data::LogicalType::kText;
    }
  }

  std::string_view text_;
  std::string_view name_;
};

}  // namespace

int ParamTable::FindColumn(std::string_view column_name) const {
  for (size_t index = 0; index < columns.size(); ++index) {
    if (columns[index].name == column_name) return static_cast<int>(index);
  }
  return -1;
}

Result<std::unique_ptr<ParamTable>> ParseParamTable(std::string_view yaml_text,
                                                    std::string_view source_name) {
  return TableParser(yaml_text, source_name).Run();
}

const TableLibrary& TableLibrary::Shipped() {
  static const TableLibrary* library = [] {
    auto* result = new TableLibrary();  // Intentionally leaked: used until exit.
    for (const EmbeddedFile& file : EmbeddedParamTableFiles()) {
      Result<std::unique_ptr<ParamTable>> table =
          ParseParamTable(file.data, "rules/tables/" + std::string(file.path));
      // Shipped tables are checked by tests; a failure here is a build defect.
      if (!table.ok() || !result->Add(std::move(table).value()).ok()) std::abort();
    }
    return result;
  }();
  return *library;
}

Result<TableLibrary> TableLibrary::LoadWithDirectory(const std::string& directory) {
  TableLibrary library = Shipped();
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  if (error) return Status::IoError("无法读取参数表目录「" + directory + "」：" + error.message());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<ParamTable> table, ParseParamTable(text.str(), path.string()));
    SJ_RETURN_IF_ERROR(library.Add(std::move(table), /*replace=*/true));
  }
  return library;
}

Status TableLibrary::Add(std::unique_ptr<ParamTable> table, bool replace) {
  std::string name = table->name;
  if (!replace && tables_.count(name)) return Status::AlreadyExists("参数表「" + name + "」重复");
  tables_[name] = std::shared_ptr<const ParamTable>(std::move(table));
  return Status::Ok();
}

const ParamTable* TableLibrary::Find(std::string_view name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : it->second.get();
}

std::vector<const ParamTable*> TableLibrary::All() const {
  std::vector<const ParamTable*> all;
  for (const auto& [name, table] : tables_) all.push_back(table.get());
  return all;
}

}  // namespace shujian::engine
