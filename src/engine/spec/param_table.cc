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
#include "core/rules_file.h"
#include "data/value_normalizer.h"
#include "engine/spec/source_files.h"
#include "engine/spec/source_position.h"

namespace shujian {
std::span<const EmbeddedFile> EmbeddedParamTableFiles();  // generated (src/engine/CMakeLists.txt)
}  // namespace shujian

namespace shujian::engine {
namespace {

class TableParser {
 public:
  TableParser(std::string_view text, std::string_view name, const TableFileReader& read_csv)
      : text_(text), name_(name), read_csv_(read_csv) {}

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
    SJ_RETURN_IF_ERROR(Keys(root, {"table", "title", "description", "key", "columns", "rows", "csv"}, "参数表文件"));
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
    table->rows_file = std::string(name_);
    if (root["csv"].IsDefined()) {
      if (root["rows"].IsDefined()) return ErrorAt(root["csv"], "rows 和 csv 只能写一个");
      SJ_ASSIGN_OR_RETURN(std::string path, Scalar(root["csv"], "csv（数据文件）"));
      SJ_RETURN_IF_ERROR(ReadCsv(root["csv"], path, table.get()));
      return table;
    }
    const YAML::Node rows = root["rows"];
    if (!rows.IsDefined() || !rows.IsSequence()) {
      return ErrorAt(rows.IsDefined() ? rows : root, "rows 应为列表，每行是 {列名: 值, source: 出处}；或用 csv 指明数据文件");
    }
    for (const YAML::Node& row_node : rows) {
      if (!row_node.IsMap()) return ErrorAt(row_node, "每行应为 {列名: 值, …, source: 出处}");
      std::vector<Value> row = EmptyRow(*table);
      for (const auto& entry : row_node) {
        std::string column_name = entry.first.IsScalar() ? entry.first.Scalar() : "";
        int index = table->FindColumn(column_name);
        if (index < 0) return ErrorAt(entry.first, "参数表没有列「" + column_name + "」");
        if (entry.second.IsNull()) continue;
        SJ_ASSIGN_OR_RETURN(std::string raw, Scalar(entry.second, "「" + column_name + "」的值"));
        std::string problem = Judge(table->columns[index], raw, &row[index]);
        if (!problem.empty()) return ErrorAt(entry.second, problem);
      }
      if (row.back().null || row.back().s.empty()) {
        return ErrorAt(row_node, "每行都要写 source（出处：法律、司法解释或文件的条款）");
      }
      if (!UniqueKey(*table, row)) return ErrorAt(row_node, "与前面的行主键重复");
      table->rows.push_back(std::move(row));
      table->row_lines.push_back(SourceLine(text_, Pos(row_node)));
    }
    return table;
  }

  static std::vector<Value> EmptyRow(const ParamTable& table) {
    std::vector<Value> row(table.columns.size());
    for (size_t index = 0; index < table.columns.size(); ++index) row[index] = Value::Null(table.columns[index].type);
    return row;
  }

  // Judges `raw` as a value of `column` into *value; returns the problem, or "" when valid.
  static std::string Judge(const ParamColumn& column, const std::string& raw, Value* value) {
    if (TrimmedEmpty(raw)) return "";
    data::NormalizeContext context{*Date::FromYmd(2100, 12, 31), column.enum_values, nullptr};
    data::LogicalType logical = column.type.id == TypeId::kString ? column.type.logical : LogicalOf(column.type.id);
    Result<data::NormalizedValue> normalized = data::NormalizeValue(logical, raw, context);
    if (!normalized.ok()) {
      return "「" + column.name + "」的值「" + raw + "」无效：" + normalized.status().message();
    }
    if (column.type.id == TypeId::kString) {
      *value = Value::Text(normalized->stored, column.type);
      return "";
    }
    Result<int64_t> parsed = ParseScalar(column.type.id, normalized->stored);
    if (!parsed.ok()) return parsed.status().message();
    *value = Value::Scalar(column.type, *parsed);
    return "";
  }

  bool UniqueKey(const ParamTable& table, const std::vector<Value>& row) {
    if (table.key.empty()) return true;
    std::vector<std::string> key;
    for (const std::string& name : table.key) key.push_back(FormatValue(row[table.FindColumn(name)]));
    return keys_.insert(key).second;
  }

  Status ReadCsv(const YAML::Node& at, const std::string& path, ParamTable* table) {
    if (!read_csv_) return ErrorAt(at, "这里不能引用数据文件「" + path + "」");
    Result<std::pair<std::string, std::string>> file = read_csv_(path);
    if (!file.ok()) return ErrorAt(at, "无法读取数据文件「" + path + "」：" + file.status().message());
    const std::string& csv_name = file->first;
    std::string_view csv = file->second;
    table->rows_file = csv_name;
    // The header: the first line that is neither blank nor a comment.
    std::vector<int> columns;  // CSV field → table column
    size_t start = 0;
    size_t line_number = 0;
    while (start < csv.size()) {
      size_t end = csv.find('\n', start);
      std::string_view line = csv.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      start = end == std::string_view::npos ? csv.size() : end + 1;
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      std::vector<bool> seen(table->columns.size(), false);
      size_t field_start = 0;
      while (true) {
        size_t comma = line.find(',', field_start);
        std::string name(line.substr(field_start, comma == std::string_view::npos ? std::string_view::npos : comma - field_start));
        int index = table->FindColumn(name);
        if (index < 0) {
          return Status::InvalidArgument(csv_name + ":" + std::to_string(line_number) + "：表头中的列「" + name +
                                         "」没有在 " + std::string(name_) + " 中声明");
        }
        seen[index] = true;
        columns.push_back(index);
        if (comma == std::string_view::npos) break;
        field_start = comma + 1;
      }
      for (size_t index = 0; index < seen.size(); ++index) {
        if (!seen[index]) {
          return Status::InvalidArgument(csv_name + ":" + std::to_string(line_number) + "：表头缺少列「" +
                                         table->columns[index].name + "」");
        }
      }
      break;
    }
    return ForEachRulesRecord(csv, [&](size_t line, const std::vector<std::string_view>& fields) -> Status {
      std::string where = csv_name + ":" + std::to_string(line);
      if (fields.size() != columns.size()) {
        return Status::InvalidArgument(where + "：这一行有 " + std::to_string(fields.size()) + " 个字段，表头有 " +
                                       std::to_string(columns.size()) + " 个（字段中不能有半角逗号）");
      }
      std::vector<Value> row = EmptyRow(*table);
      for (size_t field = 0; field < fields.size(); ++field) {
        std::string problem = Judge(table->columns[columns[field]], std::string(fields[field]), &row[columns[field]]);
        if (!problem.empty()) return Status::InvalidArgument(where + "：" + problem);
      }
      if (row.back().null || row.back().s.empty()) return Status::InvalidArgument(where + "：source（出处）不能为空");
      if (!UniqueKey(*table, row)) return Status::InvalidArgument(where + "：与前面的行主键重复");
      table->rows.push_back(std::move(row));
      table->row_lines.push_back(static_cast<int>(line));
      return Status::Ok();
    });
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
  const TableFileReader& read_csv_;
  std::set<std::vector<std::string>> keys_;  // keys seen, for uniqueness
};

}  // namespace

int ParamTable::FindColumn(std::string_view column_name) const {
  for (size_t index = 0; index < columns.size(); ++index) {
    if (columns[index].name == column_name) return static_cast<int>(index);
  }
  return -1;
}

Result<std::unique_ptr<ParamTable>> ParseParamTable(std::string_view yaml_text, std::string_view source_name,
                                                    const TableFileReader& read_csv) {
  return TableParser(yaml_text, source_name, read_csv).Run();
}

const TableLibrary& TableLibrary::Shipped() {
  static const TableLibrary* library = [] {
    auto* result = new TableLibrary();  // Intentionally leaked: used until exit.
    std::span<const EmbeddedFile> files = EmbeddedParamTableFiles();  // paths relative to rules/
    for (const EmbeddedFile& file : files) {
      std::filesystem::path path(file.path);
      if (path.extension() != ".yaml") continue;
      TableFileReader read = [&files, path](const std::string& relative) -> Result<std::pair<std::string, std::string>> {
        std::string wanted = (path.parent_path() / relative).lexically_normal().generic_string();
        for (const EmbeddedFile& candidate : files) {
          if (candidate.path == wanted) return std::make_pair("rules/" + wanted, std::string(candidate.data));
        }
        return Status::NotFound("rules/" + wanted + " 不存在");
      };
      Result<std::unique_ptr<ParamTable>> table = ParseParamTable(file.data, "rules/" + std::string(file.path), read);
      // Shipped tables are checked by tests; a failure here is a build defect.
      if (!table.ok() || !result->Add(std::move(table).value()).ok()) std::abort();
    }
    return result;
  }();
  return *library;
}

Result<TableLibrary> TableLibrary::LoadWithDirectory(const std::string& directory) {
  TableLibrary library = Shipped();
  SJ_ASSIGN_OR_RETURN(std::vector<std::filesystem::path> files, YamlFilesIn(directory, "参数表目录"));
  for (const auto& path : files) {
    SJ_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path.string()));
    std::filesystem::path folder = path.parent_path();
    TableFileReader read = [folder](const std::string& relative) -> Result<std::pair<std::string, std::string>> {
      std::string file = (folder / relative).lexically_normal().string();
      SJ_ASSIGN_OR_RETURN(std::string content, ReadTextFile(file));
      return std::make_pair(file, std::move(content));
    };
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<ParamTable> table, ParseParamTable(text, path.string(), read));
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
