#include "workflow/heritage_registry.h"

#include <nlohmann/json.hpp>

#include "core/fixed_point.h"
#include "core/money.h"
#include "core/unicode_fold.h"
#include "data/dataset_schema.h"
#include "data/value_normalizer.h"
#include "workflow/masking.h"

namespace shujian::workflow {
namespace {

using Json = nlohmann::json;

// Judges `raw` as column `name` of `dataset` (required columns must be there).
Result<std::string> Judge(const std::string& dataset, const std::string& name,
                          const std::string& raw, Date today) {
  const data::DatasetSchema* schema = data::SchemaRegistry::Shipped().Find(dataset);
  if (schema == nullptr) return Status::Internal("缺少数据集定义 " + dataset);
  const data::ColumnSchema* column = schema->FindColumn(name);
  if (column == nullptr) return Status::Internal("数据集 " + dataset + " 没有列 " + name);
  std::string value = TrimSpaces(raw);
  if (value.empty()) {
    if (column->required)
      return Status::InvalidArgument(column->header + "（" + name + "）不能为空");
    return std::string();
  }
  data::NormalizeContext context{today, column->enum_values, &column->value_aliases};
  Result<data::NormalizedValue> normalized = data::NormalizeValue(column->type, value, context);
  if (!normalized.ok()) {
    return Status::InvalidArgument(column->header + "「" + value + "」：" +
                                   normalized.status().message());
  }
  return normalized->stored;
}

Json SiteJson(const store::HeritageSite& site) {
  return {{"site_no", site.site_no},   {"name", site.name},
          {"category", site.category}, {"level", site.level},
          {"township", site.township}, {"responsible_agency", site.responsible_agency},
          {"org", site.org_code},      {"source", site.source}};
}

Status CheckRegistryRole(const AccessPolicy& policy, const Procedure& procedure, const Actor& actor,
                         const std::string& org, const std::string& what) {
  return policy.CheckAct(actor, procedure.heritage_roles(), {"", org, "", actor.login, ""}, what);
}

bool CanSee(const Actor& actor, const std::string& org) {
  return actor.local_operator ||
         (actor.IsProcuratorate() && (actor.SeesAll() || actor.org.code == org));
}

Result<store::HeritageSite> UpsertSite(const WorkflowContext& context, store::Transaction& tx,
                                       const Actor& actor, const SiteRow& row, bool from_dataset,
                                       bool* created) {
  Date today = context.clock->Today();
  store::HeritageSite site;
  std::map<std::string, std::string> values;
  for (const char* column : {"site_no", "name", "category", "level", "township", "lon", "lat",
                             "responsible_agency", "caretaker"}) {
    auto it = row.find(column);
    SJ_ASSIGN_OR_RETURN(values[column],
                        Judge("heritage_site", column, it == row.end() ? "" : it->second, today));
  }
  for (const auto& [column, value] : row) {
    if (values.count(column) == 0)
      return Status::InvalidArgument("红色资源点位没有「" + column + "」这一项");
  }
  site.site_no = values["site_no"];
  site.name = values["name"];
  site.category = values["category"];
  site.level = values["level"];
  site.township = values["township"];
  site.lon = values["lon"];
  site.lat = values["lat"];
  site.responsible_agency = values["responsible_agency"];
  site.caretaker = values["caretaker"];
  SJ_ASSIGN_OR_RETURN(std::optional<store::HeritageSite> existing,
                      tx.heritage().GetSite(site.site_no));
  if (existing && existing->org_code != actor.org.code && !actor.local_operator) {
    return Status::PermissionDenied(actor.Describe() + "不能修改点位 " + site.site_no +
                                    "：它登记在其他院");
  }
  site.org_code = existing ? existing->org_code : actor.org.code;
  if (site.org_code.empty())
    return Status::InvalidArgument("本机操作员登记点位须先由检察院人员登记（点位要归属一个院）");
  site.source = from_dataset ? "数据集" : "录入";
  site.created_at = existing ? existing->created_at : context.clock->Now().ToIso();
  site.updated_at = context.clock->Now().ToIso();
  SJ_ASSIGN_OR_RETURN(*created, tx.heritage().UpsertSite(site));
  AuditEntry entry{*created ? "heritage.site.add" : "heritage.site.update",
                   "heritage_site",
                   site.site_no,
                   "ok",
                   (*created ? "登记红色资源点位 " : "更新红色资源点位 ") + site.name,
                   existing ? SiteJson(*existing).dump() : "{}",
                   SiteJson(site).dump()};
  SJ_RETURN_IF_ERROR(context.audit->Record(tx, actor, entry));
  return site;
}

}  // namespace

std::string HeritageTotalsText(const store::HeritageTotals& totals) {
  std::string funds;
  if (totals.funds_fen >= 100000000 && totals.funds_fen % 1000000 == 0) {
    funds = FormatFixedPoint(totals.funds_fen / 10000, 2, 0) + "万元";
  } else {
    funds = FormatFixedPoint(totals.funds_fen, 2, 0) + "元";
  }
  return "修缮房屋" + std::to_string(totals.rooms) + "间、" +
         FormatFixedPoint(totals.area_milli, 3, 0) + "平方米、投入资金" + funds;
}

Result<store::HeritageSite> HeritageRegistry::AddSite(const std::string& actor_login,
                                                      const SiteRow& row, bool from_dataset) const {
  store::HeritageSite site;
  auto it = row.find("site_no");
  std::string site_no = it == row.end() ? "" : it->second;
  SJ_RETURN_IF_ERROR(RunAudited(
      context_, actor_login, "heritage.site.add", site_no, [&](store::Transaction& tx) -> Status {
        AccessPolicy policy = context_.policy();
        SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(tx, actor_login));
        SJ_RETURN_IF_ERROR(CheckRegistryRole(policy, *context_.procedure, actor, actor.org.code,
                                             "登记红色资源点位"));
        bool created = false;
        SJ_ASSIGN_OR_RETURN(site, UpsertSite(context_, tx, actor, row, from_dataset, &created));
        return Status::Ok();
      }));
  return site;
}

Result<int> HeritageRegistry::AddSitesFromDataset(const std::string& actor_login,
                                                  const std::vector<SiteRow>& rows) const {
  int created_count = 0;
  SJ_RETURN_IF_ERROR(RunAudited(
      context_, actor_login, "heritage.site.import", "", [&](store::Transaction& tx) -> Status {
        AccessPolicy policy = context_.policy();
        SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(tx, actor_login));
        SJ_RETURN_IF_ERROR(CheckRegistryRole(policy, *context_.procedure, actor, actor.org.code,
                                             "登记红色资源点位"));
        for (size_t index = 0; index < rows.size(); ++index) {
          bool created = false;
          Result<store::HeritageSite> site =
              UpsertSite(context_, tx, actor, rows[index], true, &created);
          if (!site.ok()) return site.status().WithContext("第" + std::to_string(index + 1) + "行");
          if (created) ++created_count;
        }
        return Status::Ok();
      }));
  return created_count;
}

Result<int> HeritageRegistry::SyncFromImportedSites(const std::string& actor_login) const {
  static constexpr const char* kColumns[] = {"site_no",  "name", "category", "level",
                                             "township", "lon",  "lat",      "responsible_agency",
                                             "caretaker"};
  std::vector<SiteRow> rows;
  {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<store::Transaction> tx,
                        context_.store->Begin(store::TransactionMode::kRead));
    store::ScanRequest request;
    request.dataset = "heritage_site";
    for (const char* column : kColumns)
      request.columns.push_back({column, store::CellForm::kValue});
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<store::DatasetScan> scan,
                        tx->datasets().ScanCurrentRows(request));
    store::RowBatch batch;
    while (true) {
      SJ_ASSIGN_OR_RETURN(bool more, scan->Next(&batch));
      if (!more) break;
      for (size_t row = 0; row < batch.rows; ++row) {
        SiteRow site;
        for (size_t column = 0; column < std::size(kColumns); ++column) {
          if (!batch.columns[column][row].empty())
            site[kColumns[column]] = std::string(batch.columns[column][row]);
        }
        rows.push_back(std::move(site));
      }
    }
  }
  if (rows.empty()) {
    return Status::FailedPrecondition(
        "还没有导入红色资源点位数据（heritage_site）；请先运行 shujian import heritage_site 文件");
  }
  return AddSitesFromDataset(actor_login, rows);
}

Result<InspectionView> HeritageRegistry::Inspect(const std::string& actor_login,
                                                 const InspectionInput& input) const {
  InspectionView view;
  SJ_RETURN_IF_ERROR(RunAudited(
      context_, actor_login, "heritage.inspect", input.site_no,
      [&](store::Transaction& tx) -> Status {
        AccessPolicy policy = context_.policy();
        SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(tx, actor_login));
        SJ_ASSIGN_OR_RETURN(std::optional<store::HeritageSite> site,
                            tx.heritage().GetSite(input.site_no));
        if (!site)
          return Status::NotFound("红色资源点位「" + input.site_no +
                                  "」不存在；请先用 shujian heritage add 登记");
        SJ_RETURN_IF_ERROR(
            CheckRegistryRole(policy, *context_.procedure, actor, site->org_code, "记录巡查"));
        Date today = context_.clock->Today();
        if (input.inspected_on > today) return Status::InvalidArgument("巡查日期不能晚于今天");
        store::HeritageInspection inspection;
        inspection.site_no = site->site_no;
        inspection.inspected_on = input.inspected_on.ToIso();
        SJ_ASSIGN_OR_RETURN(inspection.condition,
                            Judge("heritage_inspection", "condition", input.condition, today));
        inspection.issues = TrimSpaces(input.issues);
        inspection.inspector = TrimSpaces(input.inspector);
        inspection.recorded_by = actor.login;
        inspection.recorded_at = context_.clock->Now().ToIso();
        SJ_RETURN_IF_ERROR(tx.heritage().AddInspection(inspection));
        const AttachmentRules& rules = context_.procedure->attachments();
        std::string object_id = site->site_no + "@" + inspection.inspected_on;
        Json photos = Json::array();
        for (const Upload& photo : input.photos) {
          SJ_ASSIGN_OR_RETURN(CheckedUpload checked,
                              CheckUpload(photo, rules.photo_types, rules.max_bytes, "巡查照片"));
          store::Attachment attachment{
              "",         checked.sha256, checked.size, checked.media_type,     checked.file_name,
              "巡查照片", object_id,      actor.login,  inspection.recorded_at, photo.content};
          SJ_ASSIGN_OR_RETURN(attachment.id, tx.attachments().AddAttachment(attachment));
          photos.push_back(
              {{"attachment", attachment.id}, {"sha256", checked.sha256}, {"size", checked.size}});
          attachment.content.clear();
          view.photos.push_back(std::move(attachment));
        }
        view.inspection = inspection;
        AuditEntry entry{"heritage.inspect",
                         "heritage_site",
                         site->site_no,
                         "ok",
                         "巡查 " + site->name + "：" + inspection.condition,
                         "{}",
                         Json{{"inspected_on", inspection.inspected_on},
                              {"condition", inspection.condition},
                              {"issues", inspection.issues},
                              {"photos", photos}}
                             .dump()};
        return context_.audit->Record(tx, actor, entry);
      }));
  return view;
}

Status HeritageRegistry::Link(const std::string& actor_login, const std::string& site_no,
                              const std::string& matter_id) const {
  return RunAudited(
      context_, actor_login, "heritage.link", site_no, [&](store::Transaction& tx) -> Status {
        AccessPolicy policy = context_.policy();
        SJ_ASSIGN_OR_RETURN(Actor actor, policy.Resolve(tx, actor_login));
        SJ_ASSIGN_OR_RETURN(std::optional<store::HeritageSite> site,
                            tx.heritage().GetSite(site_no));
        if (!site) return Status::NotFound("红色资源点位「" + site_no + "」不存在");
        SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> matter, tx.matters().GetMatter(matter_id));
        if (!matter) return Status::NotFound("「" + matter_id + "」不存在");
        SJ_RETURN_IF_ERROR(
            policy.CheckAct(actor, context_.procedure->heritage_roles(),
                            {matter_id, matter->org_code, matter->dept_code, matter->handler, ""},
                            "把 " + matter_id + " 关联到点位"));
        SJ_RETURN_IF_ERROR(
            tx.heritage().LinkMatter(site_no, matter_id, context_.clock->Now().ToIso()));
        AuditEntry entry{"heritage.link",
                         "heritage_site",
                         site_no,
                         "ok",
                         "关联 " + matter_id,
                         "{}",
                         Json{{"matter", matter_id}}.dump()};
        return context_.audit->Record(tx, actor, entry);
      });
}

Result<SiteView> HeritageRegistry::Show(const std::string& actor_login,
                                        const std::string& site_no) const {
  SJ_ASSIGN_OR_RETURN(Reading reading, BeginCaseReading(context_, actor_login, "查看红色资源点位"));
  std::unique_ptr<store::Transaction> tx = std::move(reading.transaction);
  const Actor& actor = reading.actor;
  SJ_ASSIGN_OR_RETURN(std::optional<store::HeritageSite> site, tx->heritage().GetSite(site_no));
  if (!site) return Status::NotFound("红色资源点位「" + site_no + "」不存在");
  if (!CanSee(actor, site->org_code))
    return Status::PermissionDenied(actor.Describe() + "无权查看点位 " + site_no);
  SiteView view;
  view.site = *site;
  view.site.caretaker = MaskName(site->caretaker, actor.personal_data());
  SJ_ASSIGN_OR_RETURN(std::optional<store::Organisation> org,
                      tx->orgs().GetOrganisation(site->org_code));
  if (org) view.org_name = org->name;
  SJ_ASSIGN_OR_RETURN(std::vector<store::HeritageInspection> inspections,
                      tx->heritage().ListInspections(site_no));
  for (store::HeritageInspection& inspection : inspections) {
    inspection.inspector = MaskName(inspection.inspector, actor.personal_data());
    SJ_ASSIGN_OR_RETURN(std::vector<store::Attachment> photos,
                        tx->attachments().ListAttachments(site_no + "@" + inspection.inspected_on));
    view.inspections.push_back({inspection, photos});
  }
  SJ_ASSIGN_OR_RETURN(std::vector<std::string> matter_ids, tx->heritage().ListSiteMatters(site_no));
  for (const std::string& id : matter_ids) {
    SJ_ASSIGN_OR_RETURN(std::optional<store::Matter> matter, tx->matters().GetMatter(id));
    if (!matter) continue;
    const Machine* machine = context_.procedure->FindMachine(matter->machine);
    view.matters.push_back({matter->id, matter->machine, machine ? machine->title : matter->machine,
                            matter->kind, matter->state, machine && machine->IsFinal(matter->state),
                            matter->title, matter->doc_number});
  }
  SJ_ASSIGN_OR_RETURN(view.outcomes, tx->heritage().ListOutcomes(site_no));
  for (const store::HeritageOutcome& outcome : view.outcomes) {
    view.totals.rooms += outcome.rooms;
    view.totals.area_milli += outcome.area_milli;
    view.totals.funds_fen += outcome.funds_fen;
  }
  view.totals.sites = view.outcomes.empty() ? 0 : 1;
  return view;
}

Result<std::vector<store::HeritageSite>> HeritageRegistry::List(
    const std::string& actor_login) const {
  SJ_ASSIGN_OR_RETURN(Reading reading, BeginCaseReading(context_, actor_login, "查看红色资源点位"));
  std::unique_ptr<store::Transaction> tx = std::move(reading.transaction);
  const Actor& actor = reading.actor;
  SJ_ASSIGN_OR_RETURN(std::vector<store::HeritageSite> sites, tx->heritage().ListSites(""));
  std::vector<store::HeritageSite> visible;
  for (store::HeritageSite& site : sites) {
    if (!CanSee(actor, site.org_code)) continue;
    site.caretaker = MaskName(site.caretaker, actor.personal_data());
    visible.push_back(std::move(site));
  }
  return visible;
}

Result<HeritageTotalsView> HeritageRegistry::Totals(const std::string& actor_login,
                                                    const std::string& org, const std::string& from,
                                                    const std::string& to) const {
  SJ_ASSIGN_OR_RETURN(Reading reading, BeginCaseReading(context_, actor_login, "查看修缮成果"));
  std::unique_ptr<store::Transaction> tx = std::move(reading.transaction);
  const Actor& actor = reading.actor;
  std::string scope = org;
  if (!actor.local_operator && !actor.SeesAll()) {
    if (!actor.IsProcuratorate())
      return Status::PermissionDenied(actor.Describe() + "无权查看修缮成果");
    if (!scope.empty() && scope != actor.org.code) {
      return Status::PermissionDenied(actor.Describe() + "只能查看本院的修缮成果");
    }
    scope = actor.org.code;
  }
  HeritageTotalsView view;
  SJ_ASSIGN_OR_RETURN(view.totals, tx->heritage().Totals(scope, from, to));
  view.text = HeritageTotalsText(view.totals);
  return view;
}

}  // namespace shujian::workflow
