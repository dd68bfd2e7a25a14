// shujian template DATASET --out FILE.xlsx: the XLSX import template of a standard dataset.
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "data/dataset_schema.h"
#include "ingest/template_writer.h"

namespace shujian::cli {
namespace {

struct TemplateOptions {
  std::string dataset;
  std::string out;
};

ExitCode RunTemplate(const TemplateOptions& options, const CommandContext& context) {
  const Output& output = *context.output;
  const data::DatasetSchema* schema = data::SchemaRegistry::Shipped().Find(options.dataset);
  if (schema == nullptr) {
    output.Error(Status::InvalidArgument("没有名为「" + options.dataset +
                                         "」的数据集；shujian datasets 列出全部数据集"));
    return kExitUsage;
  }
  Status written = ingest::WriteImportTemplate(*schema, options.out);
  if (!written.ok()) {
    output.Error(written);
    return ExitCodeFor(written);
  }
  if (output.json()) {
    output.Json({{"dataset", schema->name},
                 {"file", options.out},
                 {"columns", static_cast<int64_t>(schema->columns.size())}});
  } else {
    output.Line("已生成「" + schema->title + "」的导入模板 " + options.out + "（" +
                std::to_string(schema->columns.size()) + " 列，第2行为示例，“填写说明”表解释每一列）");
  }
  return kExitDone;
}

}  // namespace

void RegisterTemplateCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<TemplateOptions>();
  CLI::App* command = app.add_subcommand("template", "生成数据集的XLSX导入模板（表头、示例行、填写说明）");
  command->add_option("dataset", options->dataset, "数据集，如 admin_case")->required();
  command->add_option("--out", options->out, "要写入的XLSX文件")->type_name("FILE.xlsx")->required();
  command->footer(
      "模板的“数据”表有中文表头（红色为必填）和一行示例，号码列已设为文本格式；“填写说明”表\n"
      "说明每一列的类型、是否必填、可选值和含义。填好后用 shujian import 导入。\n\n"
      "示例：\n  shujian template admin_case --out 行政执法案件导入模板.xlsx");
  command->callback([action, options] {
    *action = [options](const CommandContext& context) { return RunTemplate(*options, context); };
  });
}

}  // namespace shujian::cli
