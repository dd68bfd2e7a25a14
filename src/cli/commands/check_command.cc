// shujian check id|uscc|plate|date VALUE…: validate and normalise values, one result per value.
// Exit 0 when every value is valid, 1 when any is not (shared/spec/cli.md).
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/date_parse.h"
#include "core/id_card.h"
#include "core/plate.h"
#include "core/uscc.h"

namespace shujian::cli {
namespace {

using Json = nlohmann::ordered_json;

struct CheckOptions {
  std::vector<std::string> values;
  std::string as_of;  // bounds birth dates of ID numbers; default today
};

// One checked value: its JSON object and its human line.
struct CheckedValue {
  Json json;
  std::string line;
  bool valid;
};

CheckedValue Invalid(const std::string& input, const Status& status) {
  return {Json{{"input", input}, {"valid", false}, {"reason", status.message()}},
          input + "：无效，" + status.message(), false};
}

void AddWarnings(const std::vector<std::string>& warnings, CheckedValue* checked) {
  if (warnings.empty()) return;
  checked->json["warnings"] = warnings;
  for (const std::string& warning : warnings) checked->line += "；注意：" + warning;
}

CheckedValue CheckId(const std::string& input, Date today) {
  Result<IdCard> card = ParseIdCard(input, today);
  if (!card.ok()) return Invalid(input, card.status());
  CheckedValue checked{Json{{"input", input},
                            {"valid", true},
                            {"normalized", card->normalized},
                            {"birth_date", card->birth_date.ToIso()},
                            {"sex", SexName(card->sex)},
                            {"region", card->region}},
                       "", true};
  if (card->kind != IdDocumentKind::kResidentId) {
    checked.json["document"] = IdDocumentKindName(card->kind);
  }
  if (card->upgraded_from_15) checked.json["upgraded_from_15"] = true;
  checked.line = input + "：有效 → " + card->normalized + "（" + std::string(SexName(card->sex)) +
                 "，" + card->birth_date.ToIso() + "，" +
                 (card->region.empty() ? std::string("地区不详") : card->region);
  if (card->kind != IdDocumentKind::kResidentId) {
    checked.line += "，" + std::string(IdDocumentKindName(card->kind));
  }
  if (card->upgraded_from_15) checked.line += "，由15位旧号码升级";
  checked.line += "）";
  AddWarnings(card->warnings, &checked);
  return checked;
}

CheckedValue CheckUscc(const std::string& input) {
  Result<Uscc> code = ParseUscc(input);
  if (!code.ok()) return Invalid(input, code.status());
  CheckedValue checked{Json{{"input", input},
                            {"valid", true},
                            {"normalized", code->normalized},
                            {"authority", code->authority},
                            {"kind", code->kind},
                            {"region", code->region}},
                       "", true};
  checked.line = input + "：有效 → " + code->normalized + "（" +
                 (code->authority.empty() ? "登记部门不详" : code->authority) + "，" +
                 (code->kind.empty() ? "类别不详" : code->kind) + "，" +
                 (code->region.empty() ? "地区不详" : code->region) + "）";
  AddWarnings(code->warnings, &checked);
  return checked;
}

CheckedValue CheckPlate(const std::string& input) {
  Result<Plate> plate = ParsePlate(input);
  if (!plate.ok()) return Invalid(input, plate.status());
  std::string kind(PlateKindName(plate->kind));
  return {Json{{"input", input},
               {"valid", true},
               {"normalized", plate->normalized},
               {"kind", kind},
               {"province", plate->province}},
          input + "：有效 → " + plate->normalized + "（" + plate->province + "，" + kind + "）",
          true};
}

CheckedValue CheckDate(const std::string& input) {
  Result<Date> date = ParseDate(input);
  if (!date.ok()) return Invalid(input, date.status());
  static constexpr const char* kWeekdays[] = {"", "星期一", "星期二", "星期三", "星期四",
                                               "星期五", "星期六", "星期日"};
  std::string weekday = kWeekdays[date->iso_weekday()];
  return {Json{{"input", input},
               {"valid", true},
               {"normalized", date->ToIso()},
               {"weekday", weekday}},
          input + "：有效 → " + date->ToIso() + "（" + weekday + "）", true};
}

// The values to check: the arguments, with "-" standing for one value per line of stdin.
std::vector<std::string> ExpandValues(const std::vector<std::string>& arguments) {
  std::vector<std::string> values;
  for (const std::string& argument : arguments) {
    if (argument != "-") {
      values.push_back(argument);
      continue;
    }
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) values.push_back(line);
    }
  }
  return values;
}

ExitCode RunCheck(const CommandContext& context, const std::string& kind,
                  const CheckOptions& options) {
  const Output& output = *context.output;
  Date today = context.clock->Today();
  if (!options.as_of.empty()) {
    Result<Date> as_of = ParseDate(options.as_of);
    if (!as_of.ok()) {
      output.Error(as_of.status().WithContext("--as-of"));
      return kExitUsage;
    }
    today = *as_of;
  }
  Json results = Json::array();
  bool all_valid = true;
  for (const std::string& value : ExpandValues(options.values)) {
    CheckedValue checked = kind == "id"      ? CheckId(value, today)
                           : kind == "uscc"  ? CheckUscc(value)
                           : kind == "plate" ? CheckPlate(value)
                                             : CheckDate(value);
    all_valid = all_valid && checked.valid;
    output.Line(checked.line);
    results.push_back(std::move(checked.json));
  }
  if (output.json()) output.Json(Json{{"results", std::move(results)}});
  return all_valid ? kExitDone : kExitAttention;
}

struct KindHelp {
  const char* kind;
  const char* description;
  const char* example;
};

constexpr KindHelp kKinds[] = {
    {"id", "居民身份证号（GB 11643）：校验位、出生日期、地址码；15位旧号码升级为18位",
     "shujian check id 420304800101251 42030419800101123x --json"},
    {"uscc", "统一社会信用代码（GB 32100-2015）：字符集和校验位",
     "shujian check uscc 91420300MA4901234X"},
    {"plate", "机动车号牌号码（含新能源8位号牌），规范为无分隔符大写", "shujian check plate 鄂C·12345"},
    {"date", "日期：2023-02-16、2023/2/16、2023.2.16、2023年2月16日、20230216、Excel日期序号",
     "shujian check date 2023年2月16日 44973"},
};

}  // namespace

void RegisterCheckCommand(CLI::App& app, CommandAction* action) {
  CLI::App* check = app.add_subcommand("check", "校验并规范化身份证号、统一社会信用代码、号牌、日期");
  check->require_subcommand(1);
  check->footer(
      "每个值输出一行：规范化后的形式，或无效的原因。全部有效时退出码 0，有无效值时 1。\n"
      "值写作 - 时从标准输入逐行读取。\n\n"
      "示例：\n  shujian check id 420304800101251 420304198001011236 --json");
  for (const KindHelp& help : kKinds) {
    CLI::App* sub = check->add_subcommand(help.kind, help.description);
    auto options = std::make_shared<CheckOptions>();
    sub->add_option("values", options->values, "要校验的值（- 表示从标准输入读取）")
        ->required()
        ->type_name("VALUE");
    if (std::string(help.kind) == "id") {
      sub->add_option("--as-of", options->as_of, "以该日为“今天”判断出生日期（默认今天）")
          ->type_name("DATE");
    }
    sub->footer(std::string("示例：\n  ") + help.example);
    std::string kind = help.kind;
    sub->callback([action, kind, options] {
      *action = [kind, options](const CommandContext& context) {
        return RunCheck(context, kind, *options);
      };
    });
  }
}

}  // namespace shujian::cli
