// shujian heritage add|inspect|show|list|link|totals: the registry of heritage sites (红色资源):
// sites, inspections with photos, the cases on each site, and the rectification outcomes that
// add up to what a procuratorate reports.
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/workflow_support.h"
#include "workflow/heritage_registry.h"
#include "workflow/json_views.h"

namespace shujian::cli {
namespace {

struct HeritageOptions {
  std::string as;
  workflow::SiteRow site;
  std::string site_no;
  std::string on;
  std::string condition;
  std::string issues;
  std::string inspector;
  std::vector<std::string> photos;
  std::string matter;
  std::string org;
  std::string from;
  std::string to;
};

}  // namespace

void RegisterHeritageCommand(CLI::App& app, CommandAction* action) {
  auto options = std::make_shared<HeritageOptions>();
  CLI::App* command =
      app.add_subcommand("heritage", "红色资源登记：点位、巡查、关联案件、修缮成果");
  command->require_subcommand(1);

  CLI::App* add = command->add_subcommand("add", "登记（或更新）一个点位");
  add->add_option("site_no", options->site["site_no"], "编号，如 YY-LSM-0001")->required();
  add->add_option("--name", options->site["name"], "名称")->required();
  add->add_option("--category", options->site["category"],
                  "类别：烈士墓、烈士纪念设施、革命遗址、文物保护单位")
      ->required();
  add->add_option("--level", options->site["level"], "保护级别：全国重点、省级、市级、县级、未定级")
      ->required();
  add->add_option("--agency", options->site["responsible_agency"], "责任单位")->required();
  add->add_option("--township", options->site["township"], "所在乡镇");
  add->add_option("--lon", options->site["lon"], "经度");
  add->add_option("--lat", options->site["lat"], "纬度");
  add->add_option("--caretaker", options->site["caretaker"], "看护人");
  AddAsOption(add, &options->as);
  add->footer(
      "取值按标准数据集 heritage_site 的规则判断（与导入相同）。\n\n示例：\n"
      "  shujian heritage add YY-LSM-0001 --as zhang --name 某某烈士墓 --category 烈士墓 --level "
      "县级 "
      "--agency 十堰市郧阳区退役军人事务局 --caretaker 陈某某");
  add->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      workflow::SiteRow row;
      for (const auto& [column, value] : options->site) {
        if (!value.empty()) row[column] = value;
      }
      auto site =
          workflow::HeritageRegistry((*environment)->context()).AddSite(options->as, row, false);
      if (!site.ok()) return Fail(context, site.status());
      if (context.output->json()) {
        context.output->Json(workflow::SiteJson(*site));
      } else {
        context.output->Line("已登记 " + site->site_no + " " + site->name + "（" + site->category +
                             "，" + site->level + "）");
      }
      return kExitDone;
    };
  });

  CLI::App* sync =
      command->add_subcommand("sync", "把已导入的红色资源点位数据（heritage_site）登记进来");
  AddAsOption(sync, &options->as);
  sync->footer(
      "已登记的点位按数据更新，新点位登记为来源“数据集”；一个事务，第一条有误的行使全部不生效。\n\n"
      "示例：\n"
      "  shujian import heritage_site 红色资源.xlsx --source 区退役军人事务局\n"
      "  shujian heritage sync --as zhang");
  sync->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      Result<int> created =
          workflow::HeritageRegistry((*environment)->context()).SyncFromImportedSites(options->as);
      if (!created.ok()) return Fail(context, created.status());
      if (context.output->json()) {
        context.output->Json(nlohmann::ordered_json{{"new_sites", *created}});
      } else {
        context.output->Line("已从导入数据登记点位：新增 " + std::to_string(*created) +
                             " 个，其余已更新");
      }
      return kExitDone;
    };
  });

  CLI::App* inspect = command->add_subcommand("inspect", "记录一次巡查（可附照片）");
  inspect->add_option("site_no", options->site_no, "点位编号")->required();
  inspect->add_option("--on", options->on, "巡查日期（默认今天）")->type_name("DATE");
  inspect->add_option("--condition", options->condition, "状况：完好、一般损坏、严重损毁、灭失")
      ->required();
  inspect->add_option("--issues", options->issues, "问题，如 屋顶漏雨、无人看护");
  inspect->add_option("--inspector", options->inspector, "巡查人");
  inspect->add_option("--photo", options->photos, "照片文件（JPEG 或 PNG，按内容判断），可写多个")
      ->type_name("FILE");
  AddAsOption(inspect, &options->as);
  inspect->footer(
      "示例：\n  shujian heritage inspect YY-LSM-0001 --as zhang --on 2024-05-20 --condition "
      "严重损毁 "
      "--issues 屋顶垮塌 --photo 屋顶.jpg");
  inspect->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      Result<std::optional<Date>> on = OptionalDate(options->on, "--on");
      if (!on.ok()) return Fail(context, on.status());
      workflow::InspectionInput input{options->site_no,   on->value_or(context.clock->Today()),
                                      options->condition, options->issues,
                                      options->inspector, {}};
      for (const std::string& path : options->photos) {
        Result<std::string> bytes = ReadFileBytes(path, "--photo");
        if (!bytes.ok()) return Fail(context, bytes.status());
        input.photos.push_back({path, std::move(bytes).value()});
      }
      auto inspection =
          workflow::HeritageRegistry((*environment)->context()).Inspect(options->as, input);
      if (!inspection.ok()) return Fail(context, inspection.status());
      if (context.output->json()) {
        workflow::OrderedJson photos = workflow::OrderedJson::array();
        for (const store::Attachment& photo : inspection->photos) {
          photos.push_back({{"id", photo.id},
                            {"file", photo.file_name},
                            {"sha256", photo.sha256},
                            {"size", photo.size}});
        }
        context.output->Json({{"site_no", inspection->inspection.site_no},
                              {"on", inspection->inspection.inspected_on},
                              {"condition", inspection->inspection.condition},
                              {"photos", photos}});
      } else {
        context.output->Line("已记录 " + inspection->inspection.site_no + " " +
                             inspection->inspection.inspected_on + " 的巡查：" +
                             inspection->inspection.condition + "，照片" +
                             std::to_string(inspection->photos.size()) + "张");
      }
      return kExitDone;
    };
  });

  CLI::App* show = command->add_subcommand("show", "查看一个点位：巡查、案件、修缮成果");
  show->add_option("site_no", options->site_no, "点位编号")->required();
  AddAsOption(show, &options->as);
  show->footer("示例：\n  shujian heritage show YY-LSM-0001 --as zhang --json");
  show->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto view =
          workflow::HeritageRegistry((*environment)->context()).Show(options->as, options->site_no);
      if (!view.ok()) return Fail(context, view.status());
      if (context.output->json()) {
        context.output->Json(workflow::SiteViewJson(*view));
        return kExitDone;
      }
      const store::HeritageSite& site = view->site;
      context.output->Line(site.site_no + "  " + site.name + "（" + site.category + "，" +
                           site.level + "）  " + view->org_name);
      context.output->Line("  责任单位：" + site.responsible_agency +
                           (site.caretaker.empty() ? "" : "；看护人：" + site.caretaker));
      for (const workflow::InspectionView& inspection : view->inspections) {
        context.output->Line(
            "  巡查 " + inspection.inspection.inspected_on + "：" +
            inspection.inspection.condition +
            (inspection.inspection.issues.empty() ? "" : "，" + inspection.inspection.issues) +
            (inspection.photos.empty()
                 ? ""
                 : "（照片" + std::to_string(inspection.photos.size()) + "张）"));
      }
      for (const workflow::MatterSummary& matter : view->matters) {
        context.output->Line("  案件 " + matter.id + " " + matter.machine_title + " " +
                             matter.state);
      }
      if (!view->outcomes.empty())
        context.output->Line("  成果：" + workflow::HeritageTotalsText(view->totals));
      return kExitDone;
    };
  });

  CLI::App* list = command->add_subcommand("list", "列出点位");
  AddAsOption(list, &options->as);
  list->footer("示例：\n  shujian heritage list --as zhang");
  list->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      auto sites = workflow::HeritageRegistry((*environment)->context()).List(options->as);
      if (!sites.ok()) return Fail(context, sites.status());
      if (context.output->json()) {
        workflow::OrderedJson items = workflow::OrderedJson::array();
        for (const store::HeritageSite& site : *sites) items.push_back(workflow::SiteJson(site));
        context.output->Json({{"sites", items}});
        return kExitDone;
      }
      for (const store::HeritageSite& site : *sites) {
        context.output->Line(site.site_no + "  " + site.category + "  " + site.level + "  " +
                             site.name);
      }
      return kExitDone;
    };
  });

  CLI::App* link = command->add_subcommand("link", "把案件或检察建议关联到点位");
  link->add_option("site_no", options->site_no, "点位编号")->required();
  link->add_option("--matter", options->matter, "案件或检察建议编号")->required();
  AddAsOption(link, &options->as);
  link->footer(
      "由点位线索立案的案件会自动关联。\n\n示例：\n  shujian heritage link YY-LSM-0001 --matter "
      "C-000001 --as zhang");
  link->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      Status linked = workflow::HeritageRegistry((*environment)->context())
                          .Link(options->as, options->site_no, options->matter);
      if (!linked.ok()) return Fail(context, linked);
      if (context.output->json()) {
        context.output->Json({{"site_no", options->site_no}, {"matter", options->matter}});
      } else {
        context.output->Line("已关联 " + options->matter + " → " + options->site_no);
      }
      return kExitDone;
    };
  });

  CLI::App* totals =
      command->add_subcommand("totals", "修缮成果汇总：房屋（间）、面积（平方米）、资金（元）");
  totals->add_option("--org", options->org, "检察院组织编码（市院可看各院；默认本院或全市）");
  totals->add_option("--from", options->from, "起始日期（含）")->type_name("DATE");
  totals->add_option("--to", options->to, "截止日期（含）")->type_name("DATE");
  AddAsOption(totals, &options->as);
  totals->footer(
      "成果在「核实整改」或「磋商结果」时以 --rooms --area --funds 记入。\n\n示例：\n"
      "  shujian heritage totals --as zhang --from 2024-01-01 --to 2024-12-31");
  totals->callback([action, options] {
    *action = [options](const CommandContext& context) {
      auto environment = WorkflowEnvironment::Open(context);
      if (!environment.ok()) return Fail(context, environment.status());
      Result<std::optional<Date>> from = OptionalDate(options->from, "--from");
      Result<std::optional<Date>> to = OptionalDate(options->to, "--to");
      if (!from.ok()) return Fail(context, from.status());
      if (!to.ok()) return Fail(context, to.status());
      auto view = workflow::HeritageRegistry((*environment)->context())
                      .Totals(options->as, options->org, *from ? (*from)->ToIso() : "",
                              *to ? (*to)->ToIso() : "");
      if (!view.ok()) return Fail(context, view.status());
      if (context.output->json()) {
        context.output->Json(workflow::TotalsJson(*view));
      } else {
        context.output->Line(view->text + "（" + std::to_string(view->totals.sites) + "个点位）");
      }
      return kExitDone;
    };
  });
}

}  // namespace shujian::cli
