// The linkage datasets of the demonstration city (两法衔接): the 34 agencies' penalty cases
// (admin_case, one file per agency in the formats agencies really send), the police's criminal
// cases, the published penalty decisions, and the procuratorate's non-prosecution cases with
// their opinions. Plants for models 1, 2, 5, 6 and 7 (shared/spec/models.md) and the
// near-miss negatives around them are written here; every other row is built to trigger none.
#include <algorithm>
#include <cstdio>

#include "core/case_number.h"
#include "core/decimal.h"
#include "demo/city.h"
#include "demo/noise.h"
#include "demo/vocabulary.h"

namespace shujian::demo {
namespace {

using Row = std::map<std::string, std::string>;

// An offence as agencies record it, with the background ranges that stay below every
// prosecution threshold (shared/domain/rules.md §3.5).
struct Offence {
  std::string_view written;  // 违法类型 as written
  std::string_view field;    // the agency field that handles it
  std::string_view unit;     // "" when no quantity is recorded
  double quantity_min;       // background quantity range (below the threshold)
  double quantity_max;
  int64_t value_per_unit;  // 元 per unit for 涉案金额; 0: amount from the range below
  int64_t amount_min;      // background 涉案金额 range; 0/0: none recorded
  int64_t amount_max;
  std::string_view facts;    // 违法事实, {place} replaced by a township
  std::string_view penalty;  // 处罚种类
  int64_t fine_min;          // background fine range (元)
  int64_t fine_max;
  int company_per_mille;  // share of organisations among the parties
};

constexpr Offence kOffences[] = {
    {"非法捕捞水产品", "农业", "公斤", 3, 300, 20, 0, 0, "在{place}汉江水域禁渔期内捕捞",
     "罚款、没收渔获物", 500, 5000, 0},
    {"使用禁用渔具捕捞", "农业", "公斤", 2, 150, 20, 0, 0, "在{place}水域使用地笼网捕捞",
     "罚款、没收渔具", 500, 3000, 0},
    {"电鱼", "农业", "公斤", 1, 60, 20, 0, 0, "在{place}河段使用电瓶电鱼", "罚款、没收渔具", 1000,
     5000, 0},
    {"违规使用农药", "农业", "", 0, 0, 0, 0, 0, "在{place}违规使用禁用农药", "警告、罚款", 200,
     2000, 100},
    {"经营假劣种子", "农业", "", 0, 0, 0, 2000, 30000, "在{place}销售不合格玉米种子",
     "罚款、没收违法所得", 2000, 20000, 400},
    {"违规经营兽药", "农业", "", 0, 0, 0, 1000, 20000, "在{place}无证经营兽药", "罚款", 1000, 8000,
     300},
    {"滥伐林木", "林业", "立方米", 0.5, 15, 600, 0, 0, "在{place}未经许可采伐杉木",
     "罚款、责令补种树木", 1000, 20000, 50},
    {"盗伐林木", "林业", "立方米", 0.2, 4, 800, 0, 0, "在{place}盗伐集体林地松木",
     "罚款、责令补种树木", 1000, 15000, 0},
    {"非法占用林地", "林业", "亩", 0.2, 4, 0, 0, 0, "在{place}擅自改变林地用途修建道路",
     "罚款、责令恢复原状", 2000, 30000, 300},
    {"非法狩猎", "林业", "只", 1, 8, 300, 0, 0, "在{place}禁猎期使用铁夹狩猎", "罚款、没收猎获物",
     500, 3000, 0},
    {"非法占用耕地", "自然资源", "亩", 0.2, 4, 0, 0, 0, "在{place}未经批准占用耕地建房",
     "罚款、责令退还土地", 2000, 40000, 300},
    {"非法采矿", "自然资源", "", 0, 0, 0, 5000, 60000, "在{place}无证开采河砂",
     "罚款、没收违法所得", 5000, 50000, 600},
    {"违法建设", "自然资源", "", 0, 0, 0, 0, 0, "在{place}未取得规划许可建设厂房",
     "罚款、责令限期拆除", 5000, 50000, 500},
    {"生产销售伪劣产品", "市场监管", "", 0, 0, 0, 1000, 30000, "在{place}销售不合格电线电缆",
     "罚款、没收违法所得", 2000, 30000, 500},
    {"销售过期食品", "市场监管", "", 0, 0, 0, 100, 3000, "在{place}超市销售超过保质期的食品",
     "警告、罚款", 500, 5000, 500},
    {"无照经营", "市场监管", "", 0, 0, 0, 0, 0, "在{place}未取得营业执照从事经营", "罚款", 500,
     5000, 200},
    {"虚假宣传", "市场监管", "", 0, 0, 0, 0, 0, "在{place}门店宣传保健品具有治疗功效", "罚款", 5000,
     50000, 800},
    {"价格违法", "市场监管", "", 0, 0, 0, 0, 0, "在{place}不明码标价", "警告、罚款", 200, 3000,
     600},
    {"污染环境", "生态环境", "吨", 0.1, 2, 0, 0, 0, "在{place}将危险废物废机油交由无资质单位处置",
     "罚款、责令改正", 20000, 90000, 900},
    {"超标排放污染物", "生态环境", "", 0, 0, 0, 0, 0, "在{place}废水排放超标", "罚款、责令限制生产",
     20000, 90000, 950},
    {"逃税", "税务", "", 0, 0, 0, 5000, 80000, "隐瞒销售收入，少缴增值税", "追缴税款、罚款", 2500,
     40000, 700},
    {"未按期申报", "税务", "", 0, 0, 0, 0, 0, "未按期办理纳税申报", "罚款", 200, 2000, 600},
    {"非法营运", "交通", "", 0, 0, 0, 0, 0, "驾驶未取得道路运输证的车辆从事客运", "罚款", 3000,
     10000, 0},
    {"违法超限运输", "交通", "", 0, 0, 0, 0, 0, "驾驶车货总重超限的货车在G316行驶", "罚款", 500,
     9000, 200},
    {"非法取水", "水利", "", 0, 0, 0, 0, 0, "在{place}未经许可取水", "罚款、责令停止违法行为", 2000,
     20000, 500},
    {"河道违法采砂", "水利", "", 0, 0, 0, 0, 0, "在{place}汉江河道未按许可采砂",
     "罚款、没收违法所得", 5000, 50000, 700},
    {"生产安全违法", "其他", "", 0, 0, 0, 0, 0, "在{place}未按规定开展安全生产教育培训", "罚款",
     2000, 20000, 900},
    {"占道经营", "其他", "", 0, 0, 0, 0, 0, "在{place}街道占道经营", "警告、罚款", 50, 500, 100},
    {"违规经营", "其他", "", 0, 0, 0, 0, 0, "在{place}未按许可范围经营", "警告、罚款", 200, 5000,
     400},
};

std::string Yuan(int64_t yuan) { return std::to_string(yuan); }

std::string Quantity(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text = buffer;
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

Date Day(int year, int month, int day) { return *Date::FromYmd(year, month, day); }

std::string ReplacePlace(std::string_view facts, std::string_view place) {
  std::string text(facts);
  size_t at = text.find("{place}");
  if (at != std::string::npos) text.replace(at, 7, std::string(place));
  return text;
}

// A party of a case: a person or an organisation.
struct Party {
  bool organisation = false;
  std::string name;
  std::string id;  // ID number or USCC, normalised
};

class LinkageGenerator {
 public:
  LinkageGenerator(const DemoOptions& options, const CityRegistry& registry,
                   IdentityFactory& identities, GenerationReport* report)
      : options_(options),
        registry_(registry),
        identities_(identities),
        random_(identities.random().Fork("linkage")),
        report_(report),
        cases_(registry.agencies.size()),
        sequence_(registry.agencies.size(), 0) {}

  Status Generate() {
    for (size_t agency = 0; agency < registry_.agencies.size(); ++agency) {
      int count = registry_.agencies[agency].cases_per_year * options_.scale;
      for (int index = 0; index < count; ++index) AddBackgroundCase(agency);
    }
    PlantPenaltyInsteadOfProsecution();
    PlantTransferredNotFiled();
    PlantHearingRights();
    PlantOpinionsNotEnforced();
    AddBackgroundCrimes();
    SJ_RETURN_IF_ERROR(WriteAdminCases());
    SJ_RETURN_IF_ERROR(WriteCriminalCases());
    SJ_RETURN_IF_ERROR(WritePublicity());
    SJ_RETURN_IF_ERROR(WriteNonProsecution());
    return Status::Ok();
  }

 private:
  size_t AgencyIndex(std::string_view field) const {
    for (size_t index = 0; index < registry_.agencies.size(); ++index) {
      if (registry_.agencies[index].field == field) return index;
    }
    return 0;
  }

  Party NewParty(bool organisation) {
    if (organisation) {
      Organisation company = identities_.NewCompany(420304);
      return {true, company.name, company.uscc};
    }
    Person person = identities_.NewPerson(420304, 20, 70, Day(2023, 12, 31));
    return {false, person.name, person.id};
  }

  Party ReuseOrNewPerson() {
    // One in twelve individual parties had another case this year (repeat offenders of
    // offences whose history is not a criminal element).
    if (!people_.empty() && random_.Chance(83)) return people_[random_.Below(people_.size())];
    Party party = NewParty(false);
    people_.push_back(party);
    return party;
  }

  std::string NextCaseNumber(size_t agency, int year) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s-%d-%04d",
                  registry_.agencies[agency].case_prefix.c_str(), year, ++sequence_[agency]);
    return buffer;
  }

  std::string DecisionNumber(size_t agency, int year, int number) {
    const CityRegistry::AgencyEntry& entry = registry_.agencies[agency];
    std::string abbreviation = entry.decision_abbr;
    if (entry.field == "农业") abbreviation += "（渔）";
    return abbreviation + "罚〔" + std::to_string(year) + "〕" + std::to_string(number) + "号";
  }

  // A complete, lawful case: notice at least 7 days before the decision, within 2023.
  Row BaseCase(size_t agency, const Offence& offence, const Party& party, Date decided) {
    const CityRegistry::AgencyEntry& entry = registry_.agencies[agency];
    Row row;
    row["case_no"] = NextCaseNumber(agency, decided.year());
    row["decision_no"] = DecisionNumber(agency, decided.year(), sequence_[agency]);
    row["agency_name"] = entry.name;
    row["agency_code"] = entry.uscc;
    row["party_type"] = party.organisation ? "单位" : "个人";
    row["party_name"] = party.name;
    row["party_id"] = party.id;
    row["violation_type"] = std::string(offence.written);
    row["facts"] = ReplacePlace(offence.facts, random_.Pick(YunyangTownships()));
    Date notified = decided.AddDays(-static_cast<int32_t>(random_.Between(7, 25)));
    row["opened_on"] = notified.AddDays(-static_cast<int32_t>(random_.Between(10, 45))).ToIso();
    row["notified_on"] = notified.ToIso();
    row["hearing_requested"] = "否";
    row["decided_on"] = decided.ToIso();
    row["penalty"] = std::string(offence.penalty);
    row["transferred"] = "否";
    row["region_code"] = "420304";
    if (!offence.unit.empty()) {
      double quantity = offence.quantity_min + (offence.quantity_max - offence.quantity_min) *
                                                   random_.Below(1000) / 1000.0;
      row["quantity"] = Quantity(quantity);
      row["unit"] = std::string(offence.unit);
      if (offence.value_per_unit > 0) {
        row["amount"] = Yuan(static_cast<int64_t>(quantity * offence.value_per_unit));
      }
    } else if (offence.amount_max > 0) {
      row["amount"] = Yuan(random_.Between(offence.amount_min, offence.amount_max));
    }
    int64_t fine = random_.Between(offence.fine_min, offence.fine_max) / 100 * 100;
    // Fines that carry hearing rights (较大数额: 10,000 元 for persons, 100,000 元 for
    // organisations) are lawful in the background: notice was given and the hearing period kept.
    row["fine"] = Yuan(fine);
    if (random_.Chance(80)) {
      row["hearing_requested"] = "是";
      row["notified_on"] = decided.AddDays(-static_cast<int32_t>(random_.Between(15, 30))).ToIso();
    }
    return row;
  }

  void AddBackgroundCase(size_t agency) {
    const std::string& field = registry_.agencies[agency].field;
    std::vector<const Offence*> offences;
    for (const Offence& offence : kOffences) {
      if (offence.field == field) offences.push_back(&offence);
    }
    if (offences.empty()) {
      for (const Offence& offence : kOffences) {
        if (offence.field == "其他") offences.push_back(&offence);
      }
    }
    const Offence& offence = *offences[random_.Below(offences.size())];
    bool organisation = random_.Chance(offence.company_per_mille);
    // Offences whose penalty history is a criminal element (非法采矿, 污染环境, 非法占用农用地)
    // never repeat in the background: a repeat is a plant.
    bool history_matters = offence.written == "非法采矿" || offence.written == "污染环境" ||
                           offence.written == "非法占用林地" || offence.written == "非法占用耕地" ||
                           offence.written == "河道违法采砂" || offence.written == "超标排放污染物";
    Party party =
        organisation ? NewParty(true) : (history_matters ? NewParty(false) : ReuseOrNewPerson());
    Date decided = Day(2023, 1, 20).AddDays(static_cast<int32_t>(random_.Below(340)));
    Row row = BaseCase(agency, offence, party, decided);
    // About one case in a hundred was transferred to the police, and the police filed it.
    if (random_.Chance(10) && offence.unit != "") {
      Date transferred = decided.AddDays(-static_cast<int32_t>(random_.Between(0, 3)));
      row["transferred"] = "是";
      row["transferred_on"] = transferred.ToIso();
      AddCriminalCase(party, std::string(offence.written) + "罪",
                      transferred.AddDays(static_cast<int32_t>(random_.Between(2, 20))),
                      row["case_no"]);
    }
    cases_[agency].push_back(std::move(row));
  }

  void AddCriminalCase(const Party& suspect, const std::string& charge, Date filed,
                       const std::string& source_case_no) {
    Row row;
    char number[48];
    std::snprintf(number, sizeof number, "YYGA-XS-%d-%04d", filed.year(), ++criminal_sequence_);
    row["case_no"] = number;
    if (suspect.organisation) {
      // 单位犯罪: the criminal case names the person responsible (criminal_case holds ID numbers).
      Person responsible = identities_.NewPerson(420304, 30, 60, Day(2023, 12, 31));
      row["suspect_name"] = responsible.name;
      row["suspect_id"] = responsible.id;
    } else {
      row["suspect_name"] = suspect.name;
      row["suspect_id"] = suspect.id;
    }
    row["charge"] = charge;
    row["filed_on"] = filed.ToIso();
    if (!source_case_no.empty()) row["source_case_no"] = source_case_no;
    row["unit"] = registry_.police_unit;
    criminal_.push_back(std::move(row));
  }

  void Plant(const std::string& model, std::vector<std::string> rules, const Row& row,
             const std::string& why) {
    report_->planted.push_back({model, std::move(rules), "record", "admin_case",
                                NormalizeCaseNumber(row.at("case_no")), why});
  }

  const Offence& FindOffence(std::string_view written) {
    for (const Offence& offence : kOffences) {
      if (offence.written == written) return offence;
    }
    return kOffences[0];
  }

  // Model 1: not transferred although a prosecution threshold is reached (a), or after two
  // penalties of the same kind within two years (b).
  void PlantPenaltyInsteadOfProsecution() {
    const std::string model = "penalty-instead-of-prosecution";
    size_t agriculture = AgencyIndex("农业");
    size_t forestry = AgencyIndex("林业");
    size_t land = AgencyIndex("自然资源");
    size_t market = AgencyIndex("市场监管");

    Party fisher = NewParty(false);
    Row fishing = BaseCase(agriculture, FindOffence("非法捕捞水产品"), fisher, Day(2023, 6, 12));
    fishing["quantity"] = "860";
    fishing["amount"] = "17200";
    fishing["facts"] = "在郧阳区汉江柳陂段禁渔期内使用地笼网捕捞，渔获物860公斤";
    Plant(model, {"1a"}, fishing, "非法捕捞水产品860公斤，达到500公斤立案追诉标准，未移送");
    cases_[agriculture].push_back(fishing);

    Party logger = NewParty(false);
    Row logging = BaseCase(forestry, FindOffence("滥伐林木"), logger, Day(2023, 8, 3));
    logging["quantity"] = "26.5";
    logging["amount"] = "15900";
    Plant(model, {"1a"}, logging, "滥伐林木26.5立方米，达到20立方米立案追诉标准，未移送");
    cases_[forestry].push_back(logging);

    Party thief = NewParty(false);
    Row saplings = BaseCase(forestry, FindOffence("盗伐林木"), thief, Day(2023, 4, 18));
    saplings["quantity"] = "230";
    saplings["unit"] = "株";
    saplings["amount"] = "6900";
    saplings["facts"] = "在茶店镇集体林地盗伐幼树230株";
    Plant(model, {"1a"}, saplings, "盗伐幼树230株，达到200株立案追诉标准，未移送");
    cases_[forestry].push_back(saplings);

    Party builder = NewParty(true);
    Row farmland = BaseCase(land, FindOffence("非法占用耕地"), builder, Day(2023, 9, 21));
    farmland["violation_type"] = "非法占用基本农田";
    farmland["quantity"] = "6.2";
    farmland["facts"] = "在杨溪铺镇未经批准占用永久基本农田6.2亩堆放建材并硬化地面";
    Plant(model, {"1a"}, farmland, "非法占用基本农田6.2亩，达到5亩立案追诉标准，未移送");
    cases_[land].push_back(farmland);

    Party seller = NewParty(true);
    Row shoddy = BaseCase(market, FindOffence("生产销售伪劣产品"), seller, Day(2023, 10, 9));
    shoddy["amount"] = "68000";
    shoddy["facts"] = "销售以次充好的电线电缆，销售金额68000元";
    Plant(model, {"1a"}, shoddy,
          "生产、销售伪劣产品销售金额68000元，达到5万元立案追诉标准，未移送");
    cases_[market].push_back(shoddy);

    // (b): a sand miner penalised twice within two years, then again.
    Party miner = NewParty(true);
    const Offence& mining = FindOffence("非法采矿");
    Row first = BaseCase(land, mining, miner, Day(2022, 5, 16));
    first["amount"] = "24000";
    cases_[land].push_back(first);
    Row second = BaseCase(land, mining, miner, Day(2023, 2, 8));
    second["amount"] = "31000";
    cases_[land].push_back(second);
    Row third = BaseCase(land, mining, miner, Day(2023, 9, 14));
    third["amount"] = "28000";
    third["facts"] = "在汉江柳陂段无证开采河砂";
    Plant(model, {"1b"}, third, "二年内因非法采矿受过二次行政处罚后又非法采矿，未移送");
    cases_[land].push_back(third);

    // Near misses that must not become leads.
    Row below =
        BaseCase(agriculture, FindOffence("非法捕捞水产品"), NewParty(false), Day(2023, 7, 2));
    below["quantity"] = "499.5";
    below["amount"] = "9990";
    cases_[agriculture].push_back(below);  // just below both criteria

    Party covered_person = NewParty(false);
    Row covered = BaseCase(forestry, FindOffence("盗伐林木"), covered_person, Day(2023, 3, 10));
    covered["quantity"] = "8";
    covered["amount"] = "6400";
    cases_[forestry].push_back(covered);  // over the threshold, but the police filed it themselves
    AddCriminalCase(covered_person, "盗伐林木罪", Day(2023, 4, 19), "");

    Party once_miner = NewParty(true);
    Row once = BaseCase(land, mining, once_miner, Day(2022, 11, 2));
    cases_[land].push_back(once);
    Row again = BaseCase(land, mining, once_miner, Day(2023, 8, 30));
    cases_[land].push_back(again);  // only one earlier penalty: not a repeat under §3.6
  }

  // Model 2: transferred to the police, no criminal case after 30 days.
  void PlantTransferredNotFiled() {
    size_t forestry = AgencyIndex("林业");
    Party party = NewParty(false);
    Row row = BaseCase(forestry, FindOffence("滥伐林木"), party, Day(2023, 11, 17));
    row["quantity"] = "34";
    row["amount"] = "20400";
    row["transferred"] = "是";
    row["transferred_on"] = "2023-11-20";
    report_->planted.push_back({"transferred-not-filed",
                                {},
                                "record",
                                "admin_case",
                                NormalizeCaseNumber(row["case_no"]),
                                "2023-11-20移送公安，至2024-03-31仍未立案"});
    cases_[forestry].push_back(row);

    // Transferred only days before the run: not yet overdue.
    Row recent = BaseCase(forestry, FindOffence("滥伐林木"), NewParty(false), Day(2024, 3, 12));
    recent["quantity"] = "22";
    recent["amount"] = "13200";
    recent["transferred"] = "是";
    recent["transferred_on"] = "2024-03-14";
    cases_[forestry].push_back(recent);
  }

  // Model 7: penalties that carry hearing rights decided without respecting them.
  void PlantHearingRights() {
    const std::string model = "hearing-rights-violated";
    size_t market = AgencyIndex("市场监管");
    size_t city = AgencyIndex("其他");
    size_t environment = AgencyIndex("生态环境");
    size_t agriculture = AgencyIndex("农业");
    struct HearingPlant {
      size_t agency;
      std::string_view offence;
      bool organisation;
      std::string fine;
      std::string penalty;
      std::string illegal_gain;
      int notice_days;  // days between notice and decision; -1: no notice
      bool requested;
      std::string why;
    };
    const HearingPlant plants[] = {
        {market, "虚假宣传", false, "20000", "罚款", "", -1, false,
         "罚款2万元（较大数额），无处罚告知"},
        {environment, "超标排放污染物", true, "150000", "罚款", "", 3, false,
         "对单位罚款15万元，告知后3日即作出决定"},
        {market, "违规经营", false, "5000", "罚款、吊销营业执照", "", 4, true,
         "吊销营业执照，当事人申请听证，告知后4日即作出决定"},
        {city, "生产安全违法", true, "20000", "罚款、责令停产停业", "", -1, false,
         "责令停产停业，无处罚告知"},
        {agriculture, "违规使用农药", false, "10000", "罚款", "", 2, false,
         "罚款1万元（达到较大数额），告知后2日即作出决定"},
        {market, "无照经营", false, "3000", "罚款、没收违法所得", "30000", -1, false,
         "没收违法所得3万元（较大数额），无处罚告知"},
        {market, "价格违法", false, "2000", "吊销许可证", "", 0, false,
         "吊销许可证，告知当日即作出决定"},
    };
    for (const HearingPlant& plant : plants) {
      Date decided = Day(2023, 3, 1).AddDays(static_cast<int32_t>(random_.Below(280)));
      Row row =
          BaseCase(plant.agency, FindOffence(plant.offence), NewParty(plant.organisation), decided);
      row["fine"] = plant.fine;
      row["penalty"] = plant.penalty;
      if (!plant.illegal_gain.empty()) row["illegal_gain"] = plant.illegal_gain;
      row["hearing_requested"] = plant.requested ? "是" : "否";
      if (plant.notice_days < 0) {
        row.erase("notified_on");
      } else {
        row["notified_on"] = decided.AddDays(-plant.notice_days).ToIso();
      }
      Plant(model, {}, row, plant.why);
      cases_[plant.agency].push_back(std::move(row));
    }
    // Lawful edges: a fine just below 较大数额 without notice; a decision on the fifth working
    // day after the notice (7 calendar days), no hearing requested — lawful however the five
    // days of 行政处罚法 第64条 are counted.
    Row small = BaseCase(market, FindOffence("虚假宣传"), NewParty(false), Day(2023, 5, 9));
    small["fine"] = "9999";
    small.erase("notified_on");
    cases_[market].push_back(small);
    Row fifth_day = BaseCase(market, FindOffence("虚假宣传"), NewParty(false), Day(2023, 6, 20));
    fifth_day["fine"] = "20000";
    fifth_day["notified_on"] = "2023-06-13";
    fifth_day["hearing_requested"] = "否";
    cases_[market].push_back(fifth_day);
  }

  // Model 5: opinions after non-prosecution that the agency never acted on.
  void PlantOpinionsNotEnforced() {
    size_t forestry = AgencyIndex("林业");
    size_t agriculture = AgencyIndex("农业");
    int opinion_number = 0;
    auto add = [&](size_t agency, std::string_view charge, Date decided, Date opinion, bool acted,
                   bool with_opinion) {
      Party person = NewParty(false);
      Row row;
      char number[64];
      std::snprintf(number, sizeof number, "郧检刑不诉〔%d〕%d号", decided.year(),
                    static_cast<int>(non_prosecution_.size()) + 1);
      row["case_no"] = number;
      row["person_name"] = person.name;
      row["person_id"] = person.id;
      row["charge"] = std::string(charge);
      row["decided_on"] = decided.ToIso();
      if (with_opinion) {
        row["opinion_no"] = "郧检行意〔" + std::to_string(opinion.year()) + "〕" +
                            std::to_string(++opinion_number) + "号";
        row["opinion_on"] = opinion.ToIso();
        row["agency_name"] = registry_.agencies[agency].name;
        row["proposal"] = "建议依法给予行政处罚";
      }
      non_prosecution_.push_back(row);
      if (acted) {
        std::string_view offence = charge == "滥伐林木罪" ? "滥伐林木" : "非法捕捞水产品";
        Row penalty = BaseCase(agency, FindOffence(offence), person,
                               opinion.AddDays(static_cast<int32_t>(random_.Between(20, 50))));
        cases_[agency].push_back(std::move(penalty));
      }
      return row;
    };
    const struct {
      size_t agency;
      std::string_view charge;
      Date decided;
    } plants[] = {{forestry, "滥伐林木罪", Day(2023, 5, 22)},
                  {agriculture, "非法捕捞水产品罪", Day(2023, 7, 11)},
                  {forestry, "滥伐林木罪", Day(2023, 9, 5)},
                  {agriculture, "非法捕捞水产品罪", Day(2023, 12, 4)}};
    for (const auto& plant : plants) {
      Row row =
          add(plant.agency, plant.charge, plant.decided, plant.decided.AddDays(9), false, true);
      report_->planted.push_back(
          {"opinion-not-enforced",
           {},
           "record",
           "non_prosecution",
           NormalizeCaseNumber(row["case_no"]),
           "检察意见" + row["opinion_no"] + "发出两个月以上，主管机关未作出行政处罚"});
    }
    for (int index = 0; index < 6; ++index) {  // opinions the agencies acted on
      Date decided = Day(2023, 2, 1).AddDays(static_cast<int32_t>(random_.Below(240)));
      add(index % 2 ? agriculture : forestry, index % 2 ? "非法捕捞水产品罪" : "滥伐林木罪",
          decided, decided.AddDays(8), true, true);
    }
    add(forestry, "滥伐林木罪", Day(2024, 2, 20), Day(2024, 2, 28), false, true);  // too recent
    for (int index = 0; index < 5; ++index) {  // no opinion: nothing to enforce
      add(forestry, "盗伐林木罪", Day(2023, 3, 1).AddDays(index * 40), Day(2023, 3, 1), false,
          false);
    }
  }

  // Crimes unrelated to any administrative case, by people who had none.
  void AddBackgroundCrimes() {
    static constexpr std::string_view kCharges[] = {"盗窃罪",
                                                    "危险驾驶罪",
                                                    "诈骗罪",
                                                    "故意伤害罪",
                                                    "寻衅滋事罪",
                                                    "开设赌场罪",
                                                    "帮助信息网络犯罪活动罪",
                                                    "交通肇事罪",
                                                    "掩饰、隐瞒犯罪所得罪",
                                                    "非法持有毒品罪"};
    int count = 480 * options_.scale;
    for (int index = 0; index < count; ++index) {
      Party suspect = NewParty(false);
      AddCriminalCase(suspect,
                      std::string(random_.Pick(std::span<const std::string_view>(kCharges))),
                      Day(2023, 1, 3).AddDays(static_cast<int32_t>(random_.Below(360))), "");
    }
  }

  // What clerks do to a correct ID number; the import must read each back to the same number.
  static void ApplyNoise(Row* row, int variant) {
    std::string& id = (*row)["party_id"];
    if ((*row)["party_type"] == "个人") {
      switch (variant % 40) {
        case 0:
          id = AsLegacyId(id);
          break;
        case 1:
          id = WithLowerCaseX(id);
          break;
        case 2:
          id = AsFullWidth(id);
          break;
        case 3:
          id = WithSpaces(id);
          break;
        default:
          break;
      }
    }
  }

  Status WriteAdminCases() {
    static constexpr FileFormat kFormats[] = {FileFormat::kXlsx, FileFormat::kCsvGbk,
                                              FileFormat::kCsvUtf8, FileFormat::kCsvUtf8Bom};
    int noise_counter = 0;
    for (size_t agency = 0; agency < registry_.agencies.size(); ++agency) {
      const CityRegistry::AgencyEntry& entry = registry_.agencies[agency];
      FileFormat format = kFormats[agency % 4];
      std::map<std::string, std::string> headers;
      if (agency % 5 == 1) headers = {{"violation_type", "案由"}, {"party_id", "身份证号"}};
      if (agency % 7 == 3) headers = {{"decided_on", "决定日期"}, {"party_name", "当事人名称"}};
      WriterOptions writer_options;
      // One small agency typed ID numbers into number cells: Excel kept 15 digits.
      writer_options.ids_as_numbers = entry.field == "其他" && entry.cases_per_year <= 4;
      if (writer_options.ids_as_numbers) {
        format = FileFormat::kXlsx;
        mangled_agency_ = agency;
      }
      writer_options.sheet_name = "处罚案件";
      std::string stem = "admin_case-" + std::to_string(agency + 1) + "-" + entry.case_prefix;
      SJ_ASSIGN_OR_RETURN(std::unique_ptr<OutputTable> table,
                          OutputTable::Open(options_, report_, "admin_case", stem, format,
                                            entry.name, headers, writer_options));
      table->SetUploadedOn(AdminCaseUploadDay(agency));
      std::vector<Row>& rows = cases_[agency];
      std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.at("decided_on") < b.at("decided_on");
      });
      for (const Row& clean : rows) {
        Row row = clean;
        ApplyNoise(&row, noise_counter++);
        // Only an ID of 18 digits becomes a number cell (one ending in X, or written with noise,
        // stays text and imports).
        const std::string& id = row["party_id"];
        bool mangled = writer_options.ids_as_numbers && row["party_type"] == "个人" &&
                       id.size() == 18 && id.find_first_not_of("0123456789") == std::string::npos;
        SJ_RETURN_IF_ERROR(table->Write(row, mangled));
      }
      SJ_RETURN_IF_ERROR(WriteRejectedRows(agency, table.get()));
      SJ_RETURN_IF_ERROR(table->Close());
    }
    return WriteResentFile();
  }

  // Agencies upload the year's cases in January and February; a few only at the end of March,
  // which the scorecard's upload delays show.
  Date AdminCaseUploadDay(size_t agency) const {
    if (agency % 11 == 4) return Day(2024, 3, 25);
    return Day(2024, 1, 8).AddDays(static_cast<int32_t>(agency * 7 % 50));
  }

  // Rows the import must reject, each for one reason, spread over a few agencies.
  Status WriteRejectedRows(size_t agency, OutputTable* table) {
    if (agency % 6 != 0) return Status::Ok();
    Row typo = BaseCase(agency, FindOffence("违规经营"), NewParty(false), Day(2023, 12, 5));
    typo["party_id"] = WithTypo(typo["party_id"]);
    SJ_RETURN_IF_ERROR(table->Write(typo, true));
    Row bad_date = BaseCase(agency, FindOffence("违规经营"), NewParty(false), Day(2023, 12, 6));
    bad_date["decided_on"] = "2023-02-30";
    SJ_RETURN_IF_ERROR(table->Write(bad_date, true));
    if (agency == 0) {
      Row bad_unit =
          BaseCase(agency, FindOffence("非法捕捞水产品"), NewParty(false), Day(2023, 12, 7));
      bad_unit["unit"] = "斤";
      SJ_RETURN_IF_ERROR(table->Write(bad_unit, true));
      Row no_name = BaseCase(agency, FindOffence("电鱼"), NewParty(false), Day(2023, 12, 8));
      no_name["party_name"] = "";
      SJ_RETURN_IF_ERROR(table->Write(no_name, true));
      Row no_date = BaseCase(agency, FindOffence("电鱼"), NewParty(false), Day(2023, 12, 9));
      no_date["transferred"] = "是";
      SJ_RETURN_IF_ERROR(table->Write(no_date, true));
      SJ_RETURN_IF_ERROR(table->WriteRagged(5));
    }
    return Status::Ok();
  }

  // The market supervision bureau sent its December cases again with the year's last file,
  // one of them corrected: the import must count the others as unchanged and the corrected one
  // as a new version.
  Status WriteResentFile() {
    size_t market = AgencyIndex("市场监管");
    SJ_ASSIGN_OR_RETURN(
        std::unique_ptr<OutputTable> table,
        OutputTable::Open(options_, report_, "admin_case",
                          "admin_case-resent-" + registry_.agencies[market].case_prefix,
                          FileFormat::kCsvUtf8, registry_.agencies[market].name));
    table->SetUploadedOn(AdminCaseUploadDay(market).AddDays(10));
    bool corrected = false;
    for (const Row& row : cases_[market]) {
      if (row.at("decided_on") < "2023-12-01" || row.at("violation_type") != "价格违法") continue;
      Row resent = row;
      if (!corrected) {
        resent["fine"] = Yuan(std::stoll(row.at("fine")) + 100);
        resent["facts"] = row.at("facts") + "（更正罚款金额）";
        corrected = true;
      }
      SJ_RETURN_IF_ERROR(table->Write(resent));
    }
    return table->Close();
  }

  Status WriteCriminalCases() {
    std::stable_sort(criminal_.begin(), criminal_.end(), [](const Row& a, const Row& b) {
      return a.at("filed_on") < b.at("filed_on");
    });
    return WriteTableFile(options_, report_, "criminal_case", "criminal_case", FileFormat::kXlsx,
                          registry_.police_unit, criminal_);
  }

  // What the credit platform published: most decided cases, numbers in other bracket styles,
  // persons' IDs masked; plus decisions the agencies never uploaded (model 6).
  Status WritePublicity() {
    SJ_ASSIGN_OR_RETURN(
        std::unique_ptr<OutputTable> table,
        OutputTable::Open(options_, report_, "penalty_publicity", "penalty_publicity",
                          FileFormat::kCsvUtf8, "信用中国（湖北十堰）"));
    auto published = [&](const Row& row, const std::string& decision_no) {
      Row out;
      out["decision_no"] = decision_no;
      out["agency_name"] = row.at("agency_name");
      out["agency_code"] = row.at("agency_code");
      out["party_name"] = row.at("party_name");
      out["party_id"] =
          row.at("party_type") == "个人" ? Masked(row.at("party_id")) : row.at("party_id");
      out["violation_type"] = row.at("violation_type");
      out["penalty"] = row.at("penalty");
      if (row.count("fine")) {
        out["fine_10k"] = Decimal::FromMillionths(std::stoll(row.at("fine")) * 100).ToString();
      }
      out["decided_on"] = row.at("decided_on");
      return out;
    };
    int variant = 0;
    int name_matched = 0;
    for (size_t agency = 0; agency < cases_.size(); ++agency) {
      if (mangled_agency_ == agency) continue;  // its upload was rejected; see WriteAdminCases
      for (const Row& row : cases_[agency]) {
        if (row.at("decided_on") > "2023-12-31" || !random_.Chance(850)) continue;
        std::string decision_no = WithOtherBrackets(row.at("decision_no"), variant++);
        // Three decisions were published under a mistyped number: they still match the upload
        // by agency, party name and date, with the masked ID agreeing.
        if (name_matched < 3 && row.at("party_type") == "个人" && variant % 97 == 0) {
          decision_no = row.at("decision_no") + "（公示）";
          ++name_matched;
        }
        SJ_RETURN_IF_ERROR(table->Write(published(row, decision_no)));
      }
    }
    // Twelve published decisions that no agency uploaded.
    const struct {
      std::string_view field;
      std::string_view offence;
      bool organisation;
    } missing[] = {{"市场监管", "无照经营", false},
                   {"市场监管", "销售过期食品", true},
                   {"市场监管", "虚假宣传", true},
                   {"市场监管", "价格违法", false},
                   {"市场监管", "生产销售伪劣产品", true},
                   {"农业", "电鱼", false},
                   {"农业", "违规使用农药", false},
                   {"农业", "使用禁用渔具捕捞", false},
                   {"其他", "占道经营", false},
                   {"其他", "占道经营", false},
                   {"交通", "非法营运", false},
                   {"交通", "违法超限运输", true}};
    for (const auto& gap : missing) {
      size_t agency = AgencyIndex(gap.field);
      Date decided = Day(2023, 2, 1).AddDays(static_cast<int32_t>(random_.Below(300)));
      Row row = BaseCase(agency, FindOffence(gap.offence), NewParty(gap.organisation), decided);
      // Decided under the simplified procedure (简易程序), numbered in its own series, and
      // never uploaded.
      row["decision_no"] = registry_.agencies[agency].decision_abbr + "简罚〔2023〕" +
                           std::to_string(report_->planted.size() + 1) + "号";
      Row out = published(row, row.at("decision_no"));
      report_->planted.push_back({"penalty-upload-gap",
                                  {},
                                  "record",
                                  "penalty_publicity",
                                  NormalizeCaseNumber(out.at("decision_no")),
                                  "公示的处罚决定" + out.at("decision_no") + "未上传两法衔接平台"});
      SJ_RETURN_IF_ERROR(table->Write(out));
    }
    return table->Close();
  }

  Status WriteNonProsecution() {
    return WriteTableFile(options_, report_, "non_prosecution", "non_prosecution",
                          FileFormat::kXlsx, "十堰市郧阳区人民检察院", non_prosecution_);
  }

  const DemoOptions& options_;
  const CityRegistry& registry_;
  IdentityFactory& identities_;
  Random random_;
  GenerationReport* report_;
  std::vector<std::vector<Row>> cases_;  // per agency
  std::vector<int> sequence_;            // per agency: last case number used
  std::vector<Party> people_;            // individual parties who may have another case
  std::vector<Row> criminal_;
  std::vector<Row> non_prosecution_;
  int criminal_sequence_ = 0;
  size_t mangled_agency_ = static_cast<size_t>(-1);  // the agency whose XLSX mangled its IDs
};

}  // namespace

Status GenerateLinkageData(const DemoOptions& options, const CityRegistry& registry,
                           IdentityFactory& identities, GenerationReport* report) {
  return LinkageGenerator(options, registry, identities, report).Generate();
}

}  // namespace shujian::demo
