#include "ingest/template_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/date_parse.h"
#include "core/utf8.h"
#include "data/logical_type.h"

namespace shujian::ingest {
namespace {

using data::LogicalType;

bool IsIdentifier(LogicalType type) {
  return type == LogicalType::kIdCard || type == LogicalType::kUscc || type == LogicalType::kPartyId ||
         type == LogicalType::kPartyCode || type == LogicalType::kCaseNo || type == LogicalType::kRegionCode ||
         type == LogicalType::kPlate;
}

// Display width of text in Excel's character units (CJK characters count two).
double Width(std::string_view text) {
  double width = 0;
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos, &code_point);
    width += code_point < 0x1100 ? 1.0 : 2.0;
  }
  return width;
}

std::string Join(const std::vector<std::string>& values, std::string_view separator) {
  std::string joined;
  for (const std::string& value : values) joined += (joined.empty() ? "" : std::string(separator)) + value;
  return joined;
}

lxw_datetime ToLxw(const DateTime& time) {
  lxw_datetime value;
  value.year = time.date().year();
  value.month = time.date().month();
  value.day = time.date().day();
  value.hour = time.hour();
  value.min = time.minute();
  value.sec = time.second();
  return value;
}

}  // namespace

std::string RequirementText(const data::DatasetSchema& schema, const data::ColumnSchema& column) {
  if (column.required) return "必填";
  auto header_of = [&](const std::string& name) {
    const data::ColumnSchema* other = schema.FindColumn(name);
    return other ? other->header : name;
  };
  if (column.required_when) {
    return "当「" + header_of(column.required_when->column) + "」为「" + Join(column.required_when->values, "」或「") +
           "」时必填";
  }
  if (!column.required_with.empty()) return "填写「" + header_of(column.required_with) + "」时必填";
  return "选填";
}

Status WriteImportTemplate(const data::DatasetSchema& schema, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Status::IoError("无法创建文件「" + path + "」：" + std::strerror(errno));
  lxw_worksheet* data_sheet = workbook_add_worksheet(workbook, "数据");
  lxw_worksheet* notes = workbook_add_worksheet(workbook, "填写说明");

  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* required_header = workbook_add_format(workbook);
  format_set_bold(required_header);
  format_set_bg_color(required_header, 0xDDEBF7);
  format_set_border(required_header, LXW_BORDER_THIN);
  format_set_font_color(required_header, LXW_COLOR_RED);
  lxw_format* text = workbook_add_format(workbook);
  format_set_num_format(text, "@");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* date_time = workbook_add_format(workbook);
  format_set_num_format(date_time, "yyyy-mm-dd hh:mm");
  lxw_format* month = workbook_add_format(workbook);
  format_set_num_format(month, "yyyy-mm");
  lxw_format* money = workbook_add_format(workbook);
  format_set_num_format(money, "0.00");
  auto example_format = [&](lxw_format* base_format) {
    lxw_format* format = workbook_add_format(workbook);
    format_set_font_color(format, 0x808080);
    format_set_italic(format);
    if (base_format == text) format_set_num_format(format, "@");
    if (base_format == date) format_set_num_format(format, "yyyy-mm-dd");
    if (base_format == date_time) format_set_num_format(format, "yyyy-mm-dd hh:mm");
    if (base_format == month) format_set_num_format(format, "yyyy-mm");
    if (base_format == money) format_set_num_format(format, "0.00");
    return format;
  };

  std::vector<std::vector<std::string>> lists;  // kept alive until the workbook is closed
  std::vector<std::vector<char*>> list_pointers;
  lists.reserve(schema.columns.size());
  list_pointers.reserve(schema.columns.size());
  for (size_t index = 0; index < schema.columns.size(); ++index) {
    const data::ColumnSchema& column = schema.columns[index];
    const lxw_col_t col = static_cast<lxw_col_t>(index);
    lxw_format* column_format = nullptr;
    switch (column.type) {
      case LogicalType::kDate: column_format = date; break;
      case LogicalType::kDateTime: column_format = date_time; break;
      case LogicalType::kPeriod: column_format = month; break;
      case LogicalType::kMoney: column_format = money; break;
      default: column_format = IsIdentifier(column.type) || column.type == LogicalType::kText ? text : nullptr;
    }
    double width = std::max({10.0, Width(column.header) + 4, Width(column.example) + 2});
    worksheet_set_column(data_sheet, col, col, std::min(width, 40.0), column_format);
    worksheet_write_string(data_sheet, 0, col, column.header.c_str(),
                           column.required ? required_header : header);
    std::string comment = RequirementText(schema, column) + "；" + std::string(data::LogicalTypeLabel(column.type));
    if (!column.description.empty()) comment += "\n" + column.description;
    worksheet_write_comment(data_sheet, 0, col, comment.c_str());

    // The example row.
    const std::string& example = column.example;
    if (!example.empty()) {
      lxw_format* format = example_format(column_format);
      bool written = false;
      if (column.type == LogicalType::kDate || column.type == LogicalType::kDateTime) {
        if (Result<DateTime> parsed = ParseDateTime(example); parsed.ok()) {
          lxw_datetime value = ToLxw(*parsed);
          worksheet_write_datetime(data_sheet, 1, col, &value, format);
          written = true;
        }
      } else if (column.type == LogicalType::kPeriod) {
        if (Result<Period> parsed = ParsePeriod(example); parsed.ok()) {
          lxw_datetime value = ToLxw(*DateTime::FromParts(parsed->first_day(), 0, 0, 0));
          worksheet_write_datetime(data_sheet, 1, col, &value, format);
          written = true;
        }
      } else if (column.type == LogicalType::kMoney || column.type == LogicalType::kDecimal ||
                 column.type == LogicalType::kInteger) {
        char* end = nullptr;
        double number = std::strtod(example.c_str(), &end);
        if (end != example.c_str() && *end == '\0') {
          worksheet_write_number(data_sheet, 1, col, number, format);
          written = true;
        }
      }
      if (!written) worksheet_write_string(data_sheet, 1, col, example.c_str(), format);
    }

    // Drop-down lists; other spellings (aliases) are accepted too, so a value outside the list
    // only warns in Excel.
    std::vector<std::string> choices;
    if (column.type == LogicalType::kEnum) choices = column.enum_values;
    if (column.type == LogicalType::kBool) choices = {"是", "否"};
    if (!choices.empty()) {
      lists.push_back(choices);
      list_pointers.emplace_back();
      for (std::string& choice : lists.back()) list_pointers.back().push_back(choice.data());
      list_pointers.back().push_back(nullptr);
      lxw_data_validation validation;
      std::memset(&validation, 0, sizeof validation);
      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = list_pointers.back().data();
      validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      worksheet_data_validation_range(data_sheet, 1, col, LXW_ROW_MAX - 1, col, &validation);
    }
  }
  worksheet_freeze_panes(data_sheet, 1, 0);
  worksheet_activate(data_sheet);

  // The notes sheet.
  lxw_format* title = workbook_add_format(workbook);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* wrap = workbook_add_format(workbook);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  std::string key_headers;
  for (const std::string& key : schema.key) {
    const data::ColumnSchema* column = schema.FindColumn(key);
    key_headers += (key_headers.empty() ? "" : "、") + (column ? column->header : key);
  }
  const std::vector<std::string> lines = {
      schema.title + "（" + schema.name + "）导入模板",
      schema.description,
      "在「数据」表第1行保留表头，从第2行起每行填写一条记录。第2行是灰色的示例，导入前请删除或改为真实数据。",
      "红色表头是必填列：缺少必填列的文件整个不会导入。列的顺序可以调整，表中没有的列会作为附加信息原样保存。",
      "主键：" + key_headers + "。再次导入同一主键的记录时，内容相同的算“未变化”，内容不同的作为新版本保存，旧版本保留在历史中。",
      "有问题的值只会使所在行被拒绝，其余行照常导入；被拒绝的行可用 shujian rejects 批次号 查看原因。",
      "身份证号、统一社会信用代码等号码列已设为文本格式；请不要改成数字格式，否则Excel会把18位号码变成4.20304E+17并丢失末尾几位。",
      "导入命令：shujian import " + schema.name + " 文件.xlsx --source 报送单位"};
  lxw_row_t row = 0;
  for (const std::string& line : lines) {
    worksheet_write_string(notes, row, 0, line.c_str(), row == 0 ? title : nullptr);
    ++row;
  }
  ++row;
  const char* columns[] = {"表头", "是否必填", "类型", "可选值", "也可用的表头", "说明", "示例"};
  for (lxw_col_t col = 0; col < 7; ++col) worksheet_write_string(notes, row, col, columns[col], header);
  worksheet_set_column(notes, 0, 0, 24, nullptr);
  worksheet_set_column(notes, 1, 1, 26, wrap);
  worksheet_set_column(notes, 2, 2, 18, wrap);
  worksheet_set_column(notes, 3, 3, 30, wrap);
  worksheet_set_column(notes, 4, 4, 30, wrap);
  worksheet_set_column(notes, 5, 5, 50, wrap);
  worksheet_set_column(notes, 6, 6, 24, wrap);
  for (const data::ColumnSchema& column : schema.columns) {
    ++row;
    std::string choices;
    if (column.type == LogicalType::kEnum) {
      choices = Join(column.enum_values, "、");
      if (!column.value_aliases.empty()) {
        std::vector<std::string> also;
        for (const auto& [spelling, value] : column.value_aliases) also.push_back(spelling + "=" + value);
        choices += "（也接受：" + Join(also, "、") + "）";
      }
    } else if (column.type == LogicalType::kBool) {
      choices = "是、否（也接受：Y/N、1/0、true/false）";
    }
    const std::string requirement = RequirementText(schema, column);
    const std::string type(data::LogicalTypeLabel(column.type));
    const std::string aliases = Join(column.aliases, "、");
    const std::string* cells[] = {&column.header, &requirement, &type, &choices, &aliases, &column.description,
                                  &column.example};
    for (lxw_col_t col = 0; col < 7; ++col) {
      worksheet_write_string(notes, row, col, cells[col]->c_str(),
                             col == 0 ? (column.required ? required_header : header) : wrap);
    }
  }

  lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    return Status::IoError("无法写入文件「" + path + "」：" + lxw_strerror(error));
  }
  return Status::Ok();
}

}  // namespace shujian::ingest
