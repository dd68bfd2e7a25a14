// The red-heritage datasets of the demonstration city: a registry of martyrs' tombs, memorial
// facilities, revolutionary sites and relic protection units in 郧阳, and their inspections.
// Plants for model 8 (shared/spec/models.md) are sites found badly damaged or lost at their
// latest inspection, martyrs' tombs without a caretaker, and sites not inspected for more than
// twelve months; every other site was inspected within the year and is in order.
#include <cstdio>
#include <deque>

#include "demo/city.h"
#include "demo/vocabulary.h"

namespace shujian::demo {
namespace {

using Row = std::map<std::string, std::string>;

Date Day(int year, int month, int day) { return *Date::FromYmd(year, month, day); }

struct SiteKind {
  std::string_view category;
  std::string_view code;           // in the site number: YY-LSM-0001
  std::string_view agency;         // the responsible agency
  int per_city;                    // sites at scale 1
};

constexpr SiteKind kKinds[] = {
    {"烈士墓", "LSM", "十堰市郧阳区退役军人事务局", 210},
    {"烈士纪念设施", "JNSS", "十堰市郧阳区退役军人事务局", 40},
    {"革命遗址", "GMYZ", "十堰市郧阳区文化和旅游局", 50},
    {"文物保护单位", "WBDW", "十堰市郧阳区文化和旅游局", 30},
};

class HeritageGenerator {
 public:
  HeritageGenerator(const DemoOptions& options, IdentityFactory& identities,
                    GenerationReport* report)
      : options_(options),
        identities_(identities),
        random_(identities.random().Fork("heritage")),
        report_(report) {}

  Status Generate() {
    for (const SiteKind& kind : kKinds) {
      for (int index = 0; index < kind.per_city * options_.scale; ++index) AddBackgroundSite(kind);
    }
    PlantSites();
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<OutputTable> sites,
                        OutputTable::Open(options_, report_, "heritage_site", "heritage_site",
                                          FileFormat::kXlsx, "十堰市郧阳区退役军人事务局"));
    for (const Row& row : sites_) SJ_RETURN_IF_ERROR(sites->Write(row));
    SJ_RETURN_IF_ERROR(sites->Close());
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<OutputTable> inspections,
                        OutputTable::Open(options_, report_, "heritage_inspection",
                                          "heritage_inspection", FileFormat::kCsvUtf8Bom,
                                          "十堰市郧阳区红色资源保护联合巡查组"));
    for (const Row& row : inspections_) SJ_RETURN_IF_ERROR(inspections->Write(row));
    return inspections->Close();
  }

 private:
  Row& NewSite(const SiteKind& kind, bool caretaker) {
    char number[32];
    std::snprintf(number, sizeof number, "YY-%s-%04d", std::string(kind.code).c_str(),
                  ++sequence_[kind.code]);
    std::string township(random_.Pick(YunyangTownships()));
    std::string name;
    if (kind.category == "烈士墓") {
      name = identities_.NewName() + "烈士墓";
    } else if (kind.category == "烈士纪念设施") {
      name = township + "革命烈士纪念碑";
    } else if (kind.category == "革命遗址") {
      static constexpr std::string_view kSites[] = {"红军医院旧址", "苏维埃政府旧址", "革命根据地会议旧址",
                                                    "游击队驻地旧址", "兵工厂旧址"};
      name = township + std::string(random_.Pick(std::span<const std::string_view>(kSites)));
    } else {
      static constexpr std::string_view kRelics[] = {"古民居", "古桥", "摩崖石刻", "古寺遗址", "古墓群"};
      name = township + std::string(random_.Pick(std::span<const std::string_view>(kRelics)));
    }
    Row row;
    row["site_no"] = number;
    row["name"] = name;
    row["category"] = std::string(kind.category);
    static constexpr std::string_view kLevels[] = {"县级", "县级", "未定级", "市级", "省级"};
    row["level"] = std::string(random_.Pick(std::span<const std::string_view>(kLevels)));
    row["township"] = township;
    char coordinate[32];
    std::snprintf(coordinate, sizeof coordinate, "%.5f", 110.55 + random_.Below(60000) / 100000.0);
    row["lon"] = coordinate;
    std::snprintf(coordinate, sizeof coordinate, "%.5f", 32.60 + random_.Below(50000) / 100000.0);
    row["lat"] = coordinate;
    row["responsible_agency"] = std::string(kind.agency);
    if (caretaker) row["caretaker"] = identities_.NewName();
    sites_.push_back(std::move(row));
    return sites_.back();
  }

  void Inspect(const std::string& site, Date day, const std::string& condition,
               const std::string& issues) {
    Row row;
    row["site_no"] = site;
    row["inspected_on"] = day.ToIso();
    row["condition"] = condition;
    if (!issues.empty()) row["issues"] = issues;
    row["inspector"] = identities_.NewName();
    inspections_.push_back(std::move(row));
  }

  // A site in order: an older inspection, and a recent one within the twelve months.
  void AddBackgroundSite(const SiteKind& kind) {
    std::string site = NewSite(kind, true)["site_no"];
    static constexpr std::string_view kMinor[] = {"", "", "杂草丛生", "碑文模糊", "围墙局部开裂"};
    if (random_.Chance(600)) Inspect(site, Day(2022, 4, 1).AddDays(static_cast<int32_t>(random_.Below(300))), "完好", "");
    std::string issue(random_.Pick(std::span<const std::string_view>(kMinor)));
    Inspect(site, options_.as_of.AddDays(-static_cast<int32_t>(random_.Between(5, 330))),
            issue.empty() ? "完好" : "一般损坏", issue);
  }

  void Plant(const std::string& site, const std::string& why) {
    report_->planted.push_back({"heritage-at-risk", {}, "site", "", site, why});
  }

  void PlantSites() {
    const SiteKind& tomb = kKinds[0];
    const SiteKind& memorial = kKinds[1];
    const SiteKind& revolutionary = kKinds[2];
    const SiteKind& relic = kKinds[3];
    Date recent = options_.as_of.AddDays(-60);
    for (int index = 0; index < 4; ++index) {
      std::string site = NewSite(index % 2 ? revolutionary : relic, true)["site_no"];
      Inspect(site, Day(2022, 9, 1), "一般损坏", "屋顶漏雨");
      Inspect(site, recent.AddDays(-index * 20), "严重损毁", index % 2 ? "墙体垮塌、屋顶坍塌" : "主体建筑严重开裂");
      Plant(site, "最近一次巡查为严重损毁");
    }
    for (int index = 0; index < 2; ++index) {
      std::string site = NewSite(tomb, true)["site_no"];
      Inspect(site, recent.AddDays(-index * 45), "灭失", "墓碑及墓体已不存在");
      Plant(site, "最近一次巡查为灭失");
    }
    for (int index = 0; index < 6; ++index) {
      std::string site = NewSite(tomb, true)["site_no"];
      Inspect(site, recent.AddDays(-index * 15), "一般损坏", "杂草丛生、无人看护");
      Plant(site, "烈士墓最近一次巡查发现无人看护");
    }
    for (int index = 0; index < 4; ++index) {
      std::string site = NewSite(index % 2 ? memorial : tomb, false)["site_no"];
      Inspect(site, recent, "完好", "");
      Plant(site, "烈士纪念设施没有看护人");
    }
    {
      std::string site = NewSite(tomb, true)["site_no"];
      Inspect(site, recent, "严重损毁", "墓体坍塌、无人看护");
      Plant(site, "最近一次巡查为严重损毁，且无人看护");
    }
    for (int index = 0; index < 5; ++index) {
      std::string site = NewSite(index % 2 ? tomb : revolutionary, true)["site_no"];
      Inspect(site, Day(2022, 12, 10).AddDays(index * 7), "完好", "");
      Plant(site, "超过12个月未巡查");
    }
    for (int index = 0; index < 3; ++index) {
      std::string site = NewSite(tomb, true)["site_no"];
      Plant(site, "从未巡查");
    }
    // Near misses: repaired since the damage; no caretaker but not a martyrs' site; inspected
    // exactly twelve months before the run date.
    std::string repaired = NewSite(relic, true)["site_no"];
    Inspect(repaired, Day(2023, 5, 1), "严重损毁", "墙体垮塌");
    Inspect(repaired, recent, "完好", "已修缮");
    NewSite(revolutionary, false);
    Inspect(sites_.back()["site_no"], recent, "完好", "");
    std::string boundary = NewSite(relic, true)["site_no"];
    Inspect(boundary, options_.as_of.AddMonths(-12), "完好", "");
  }

  const DemoOptions& options_;
  IdentityFactory& identities_;
  Random random_;
  GenerationReport* report_;
  std::map<std::string_view, int> sequence_;
  std::deque<Row> sites_;
  std::vector<Row> inspections_;
};

}  // namespace

Status GenerateHeritageData(const DemoOptions& options, IdentityFactory& identities,
                            GenerationReport* report) {
  return HeritageGenerator(options, identities, report).Generate();
}

}  // namespace shujian::demo
