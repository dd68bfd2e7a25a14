// The employment datasets of the demonstration city, for the 残保金 model (model 4): employers,
// a year of monthly social insurance, the disabled persons' federation's certificate holders,
// the tax authority's fund declarations, and deaths. Plants for 4a–4d are made on purpose
// (under-payment, no declaration, inflated disabled count, understated staff, one person insured
// by two employers, insurance after death, a cancelled certificate); the leads they must give
// are then derived from the generated rows by the formula of shared/domain/rules.md §1.5, so the
// planted list is exactly what a correct model finds.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <deque>
#include <optional>
#include <set>

#include "core/decimal.h"
#include "core/money.h"
#include "demo/city.h"
#include "demo/fund_parameters.h"
#include "demo/noise.h"
#include "demo/vocabulary.h"

namespace shujian::demo {
namespace {

using Row = std::map<std::string, std::string>;

constexpr int kYear = 2023;

struct Employee {
  size_t person;  // index into EmploymentGenerator::people_
  std::array<bool, 12> months{};
  int64_t wage = 0;  // monthly contribution base, 元
};

struct Employer {
  Organisation organisation;
  std::string kind;  // 企业, 机关, 事业单位, 社会组织, 个体工商户
  std::vector<Employee> employees;
  // The declaration: none, or what the employer reported and paid.
  bool declares = true;
  double declared_disabled_override = -1;  // -1: declare the counted number
  double declared_staff_factor = 1;        // the declared staff as a share of the real staff
  double paid_factor = 1;                  // paid as a share of what is due
  // Pays what its (false) declaration gives, rather than what its real staff gives.
  bool pays_on_declared_figures = false;
  std::string plant;  // why this employer is a plant; empty if none
};

struct DisabledRecord {
  std::string grade;  // 一级..四级
  std::string category;
  std::string status;  // 有效 / 注销
  Date issued;
};

struct PersonEntry {
  Person person;
  const DisabledRecord* disabled = nullptr;  // points into disabled_records_
  std::optional<Date> died;
};

// "二级" → "2".
std::string GradeDigit(const std::string& grade) {
  static const std::map<std::string, std::string> kDigits = {
      {"一级", "1"}, {"二级", "2"}, {"三级", "3"}, {"四级", "4"}};
  auto it = kDigits.find(grade);
  return it == kDigits.end() ? grade : it->second;
}

class EmploymentGenerator {
 public:
  EmploymentGenerator(const DemoOptions& options, IdentityFactory& identities,
                      GenerationReport* report)
      : options_(options),
        identities_(identities),
        random_(identities.random().Fork("employment")),
        report_(report) {}

  Status Generate() {
    SJ_ASSIGN_OR_RETURN(parameters_, LoadFundParameters(kYear, 420000));
    BuildEmployers();
    PlantFundFindings();
    PlantPersons();
    AddUnemployedDisabledAndDeaths();
    DeriveExpectedLeads();
    SJ_RETURN_IF_ERROR(WriteEmployers());
    SJ_RETURN_IF_ERROR(WriteSocialInsurance());
    SJ_RETURN_IF_ERROR(WriteDisabledPersons());
    SJ_RETURN_IF_ERROR(WriteFundDeclarations());
    return WriteDeaths();
  }

 private:
  size_t NewPerson(int min_age, int max_age) {
    people_.push_back(
        {identities_.NewPerson(420304, min_age, max_age, Date::FromYmd(kYear, 12, 31).value()),
         nullptr, std::nullopt});
    return people_.size() - 1;
  }

  const DisabledRecord* NewDisabledRecord(bool severe, bool valid) {
    static constexpr std::string_view kCategories[] = {"肢体", "视力", "听力", "言语",
                                                       "智力", "精神", "多重"};
    disabled_records_.push_back(std::make_unique<DisabledRecord>());
    DisabledRecord& record = *disabled_records_.back();
    record.grade =
        severe ? (random_.Chance(400) ? "一级" : "二级") : (random_.Chance(500) ? "三级" : "四级");
    record.category = std::string(random_.Pick(std::span<const std::string_view>(kCategories)));
    record.status = valid ? "有效" : "注销";
    record.issued = Date::FromYmd(2008, 1, 1)->AddDays(static_cast<int32_t>(random_.Below(5000)));
    return &record;
  }

  size_t NewDisabledPerson(bool severe, bool valid) {
    size_t person = NewPerson(18, 58);
    people_[person].disabled = NewDisabledRecord(severe, valid);
    return person;
  }

  Employee FullYear(size_t person, int64_t wage) {
    Employee employee{person, {}, wage};
    employee.months.fill(true);
    return employee;
  }

  int64_t RandomWage(int64_t low, int64_t high) { return random_.Between(low, high) / 10 * 10; }

  Employer NewEmployer(const std::string& kind, int staff) {
    Employer employer;
    employer.kind = kind;
    if (kind == "企业") {
      employer.organisation = identities_.NewCompany(420304);
    } else {
      static constexpr std::string_view kInstitutions[] = {
          "十堰市郧阳区第{n}中学",       "十堰市郧阳区{t}卫生院",
          "十堰市郧阳区{t}中心小学",     "十堰市郧阳区{t}中心幼儿园",
          "十堰市郧阳区{t}便民服务中心", "十堰市郧阳区{t}农业技术推广站",
          "十堰市郧阳区{t}文化站",       "十堰市郧阳区{t}水利管理站"};
      static constexpr std::string_view kOrgans[] = {"十堰市郧阳区{t}人民政府",
                                                     "十堰市郧阳区{t}财政所"};
      std::string name;
      for (int attempt = 0; name.empty() || !public_names_.insert(name).second; ++attempt) {
        if (kind == "社会组织") {
          name = "十堰市郧阳区" + std::string(random_.Pick(CompanyTradeNames())) +
                 std::string(random_.Pick(CompanyIndustries())) + "行业协会";
        } else if (kind == "个体工商户") {
          name = "郧阳区" + std::string(random_.Pick(YunyangTownships())) + identities_.NewName() +
                 "便利店";
        } else {
          name = std::string(kind == "机关"
                                 ? random_.Pick(std::span<const std::string_view>(kOrgans))
                                 : random_.Pick(std::span<const std::string_view>(kInstitutions)));
          size_t at = name.find("{n}");
          if (at != std::string::npos) name.replace(at, 3, std::to_string(random_.Between(1, 30)));
          at = name.find("{t}");
          if (at != std::string::npos)
            name.replace(at, 3, std::string(random_.Pick(YunyangTownships())));
        }
        // A larger city than the vocabulary: number what would repeat.
        if (attempt >= 20) name += "（" + std::to_string(attempt) + "）";
      }
      std::string prefix = kind == "机关"       ? "11"
                           : kind == "事业单位" ? "12"
                           : kind == "社会组织" ? "51"
                                                : "92";
      employer.organisation = identities_.NewOrganisation(name, prefix, 420304);
    }
    int64_t base_low = random_.Between(3400, 5000);
    int64_t base_high = base_low + random_.Between(1000, 9000);
    for (int index = 0; index < staff; ++index) {
      Employee employee = FullYear(NewPerson(18, 59), RandomWage(base_low, base_high));
      // Some turnover: one in eight joined or left during the year.
      if (random_.Chance(125)) {
        int from = static_cast<int>(random_.Below(12));
        bool joined = random_.Chance(500);
        for (int month = 0; month < 12; ++month) {
          employee.months[month] = joined ? month >= from : month < std::max(1, from);
        }
      }
      employer.employees.push_back(employee);
    }
    return employer;
  }

  // Employers: small (exempt when enterprises), medium and large; some employ disabled people.
  void BuildEmployers() {
    int count = 900 * options_.scale;
    for (int index = 0; index < count; ++index) {
      uint64_t roll = random_.Below(1000);
      std::string kind = roll < 850   ? "企业"
                         : roll < 930 ? "事业单位"
                         : roll < 970 ? "机关"
                         : roll < 990 ? "社会组织"
                                      : "个体工商户";
      uint64_t size_roll = random_.Below(100);
      int staff = size_roll < 65   ? static_cast<int>(random_.Between(3, 30))
                  : size_roll < 95 ? static_cast<int>(random_.Between(31, 150))
                                   : static_cast<int>(random_.Between(151, 600));
      if (kind == "个体工商户") staff = static_cast<int>(random_.Between(2, 8));
      Employer employer = NewEmployer(kind, staff);
      // Disabled employees, insured all year: most employers of some size have a few.
      int disabled = staff > 30 ? static_cast<int>(random_.Below(staff / 25 + 2))
                                : (random_.Chance(80) ? 1 : 0);
      for (int index_disabled = 0; index_disabled < disabled; ++index_disabled) {
        employer.employees.push_back(
            FullYear(NewDisabledPerson(random_.Chance(300), true), employer.employees[0].wage));
      }
      // Exempt small enterprises usually file nothing; everyone else declares correctly.
      employer.declares =
          !(kind == "企业" && employer.employees.size() <= 30 && !random_.Chance(200));
      employers_.push_back(std::move(employer));
    }
  }

  Employer& NewPlantEmployer(const std::string& why, int staff, int disabled_full_year) {
    Employer employer = NewEmployer("企业", staff);
    for (int index = 0; index < disabled_full_year; ++index) {
      employer.employees.push_back(
          FullYear(NewDisabledPerson(false, true), employer.employees[0].wage));
    }
    employer.plant = why;
    employers_.push_back(std::move(employer));
    return employers_.back();
  }

  // 4a and 4b: employers that pay too little, never declare, or declare falsely.
  void PlantFundFindings() {
    for (int index = 0; index < 40; ++index) {
      Employer& employer =
          NewPlantEmployer("少缴残保金", static_cast<int>(random_.Between(60, 400)), 0);
      employer.paid_factor = index % 3 == 0 ? 0 : 0.5;
    }
    for (int index = 0; index < 14; ++index) {
      Employer& employer =
          NewPlantEmployer("未申报残保金", static_cast<int>(random_.Between(35, 300)), 0);
      employer.declares = false;
    }
    for (int index = 0; index < 12; ++index) {
      // Declares three disabled employees while one is insured all year: pays on the false count.
      Employer& employer =
          NewPlantEmployer("虚报安排残疾人数", static_cast<int>(random_.Between(150, 300)), 1);
      employer.declared_disabled_override = 3;
      employer.pays_on_declared_figures = true;
      size_t helper = NewDisabledPerson(false, true);  // insured only from October
      Employee partial{helper, {}, employer.employees[0].wage};
      for (int month = 9; month < 12; ++month) partial.months[month] = true;
      employer.employees.push_back(partial);
    }
    for (int index = 0; index < 8; ++index) {
      Employer& employer =
          NewPlantEmployer("少报职工人数", static_cast<int>(random_.Between(120, 400)), 2);
      employer.declared_staff_factor = 0.8;
      employer.pays_on_declared_figures = true;
    }
  }

  // 4c and 4d: persons.
  void PlantPersons() {
    // 4c: twelve disabled persons insured by two employers in the same months. Each of the
    // two employers counts them, and declares and pays accordingly.
    for (int index = 0; index < 12; ++index) {
      size_t person = NewDisabledPerson(random_.Chance(300), true);
      std::vector<size_t> hosts;
      for (size_t position = 0; position < employers_.size() && hosts.size() < 2; ++position) {
        size_t candidate = (index * 37 + position * 13) % employers_.size();
        Employer& employer = employers_[candidate];
        if (employer.plant.empty() && employer.declares && employer.employees.size() > 60 &&
            std::find(hosts.begin(), hosts.end(), candidate) == hosts.end()) {
          hosts.push_back(candidate);
        }
      }
      for (size_t host : hosts) {
        employers_[host].employees.push_back(FullYear(person, employers_[host].employees[0].wage));
        employers_[host].plant = "一人多挂的用人单位之一";
      }
    }
    // 4d: five disabled employees who died in 2023 and stayed insured to December; their
    // employers declared them.
    for (int index = 0; index < 5; ++index) {
      Employer& employer =
          NewPlantEmployer("申报已死亡的残疾职工", static_cast<int>(random_.Between(80, 200)), 1);
      size_t person = NewDisabledPerson(false, true);
      people_[person].died = Date::FromYmd(kYear, 3 + index, 10);
      employer.employees.push_back(FullYear(person, employer.employees[0].wage));
      employer.declared_disabled_override = 2;
      employer.pays_on_declared_figures = true;
    }
    // 4d: four holders of a cancelled certificate insured by employers that declared disabled
    // employees (who do not count them).
    for (int index = 0; index < 4; ++index) {
      Employer& employer = NewPlantEmployer("雇用证件已注销的残疾人",
                                            static_cast<int>(random_.Between(100, 250)), 2);
      employer.employees.push_back(
          FullYear(NewDisabledPerson(false, false), employer.employees[0].wage));
    }
  }

  // Certificate holders without insurance, and the year's deaths among older residents.
  void AddUnemployedDisabledAndDeaths() {
    int holders = 2600 * options_.scale;
    for (int index = 0; index < holders; ++index) {
      size_t person = NewPerson(5, 90);
      people_[person].disabled = NewDisabledRecord(random_.Chance(350), !random_.Chance(60));
    }
    int deaths = 4000 * options_.scale;
    for (int index = 0; index < deaths; ++index) {
      size_t person = NewPerson(50, 98);
      people_[person].died =
          Date::FromYmd(kYear, 1, 1)->AddDays(static_cast<int32_t>(random_.Below(365)));
    }
  }

  struct Assessment {
    double staff = 0;      // average insured over the 12 months
    double counted = 0;    // weighted disabled employees that count
    double wage_base = 0;  // W of the formula, capped
    double due = 0;
    bool exempt = false;
  };

  bool Counts(const PersonEntry& person, const Employee& employee) const {
    if (person.disabled == nullptr || person.disabled->status != "有效") return false;
    if (person.died && person.died->year() <= kYear) return false;
    return std::all_of(employee.months.begin(), employee.months.end(),
                       [](bool insured) { return insured; });
  }

  Assessment Assess(const Employer& employer) const {
    Assessment result;
    std::array<int, 12> per_month{};
    double wage_sum = 0;
    int rows = 0;
    for (const Employee& employee : employer.employees) {
      for (int month = 0; month < 12; ++month) {
        if (!employee.months[month]) continue;
        ++per_month[month];
        wage_sum += static_cast<double>(employee.wage);
        ++rows;
      }
      const PersonEntry& person = people_[employee.person];
      if (Counts(person, employee)) {
        result.counted +=
            person.disabled->grade == "一级" || person.disabled->grade == "二级" ? 2 : 1;
      }
    }
    for (int count : per_month) result.staff += count;
    result.staff /= 12;
    result.exempt = employer.kind == "企业" && result.staff <= parameters_.exemption_staff;
    double wage = rows > 0 ? wage_sum / rows * 12 : 0;
    result.wage_base = std::min(wage, parameters_.cap_multiple * parameters_.average_social_wage);
    result.due = Due(result.staff, result.counted, result.wage_base, result.exempt);
    return result;
  }

  double Due(double staff, double counted, double wage_base, bool exempt) const {
    if (exempt || staff <= 0) return 0;
    double shortfall = std::max(0.0, staff * parameters_.ratio - counted);
    double reached = counted / staff;
    if (reached >= parameters_.ratio) return 0;
    double rate = reached >= parameters_.reduced_rate_threshold ? parameters_.rate_at_or_above
                                                                : parameters_.rate_below;
    return shortfall * wage_base * rate;
  }

  // The declaration each employer files, and the leads model 4 must give, from the data.
  void DeriveExpectedLeads() {
    const std::string model = "disability-fund";
    declarations_.clear();
    for (const Employer& employer : employers_) {
      Assessment truth = Assess(employer);
      if (employer.declares) {
        double declared_disabled = employer.declared_disabled_override >= 0
                                       ? employer.declared_disabled_override
                                       : truth.counted;
        double declared_staff = std::round(truth.staff * employer.declared_staff_factor);
        // The employer computes its levy from what it declares, then pays some share of it.
        double declared_due = Due(declared_staff, declared_disabled, truth.wage_base, truth.exempt);
        double paid = std::ceil(
            (employer.pays_on_declared_figures ? declared_due : std::max(declared_due, truth.due)) *
            employer.paid_factor);
        Row row;
        row["employer_uscc"] = employer.organisation.uscc;
        row["year"] = std::to_string(kYear);
        row["declared_staff"] = std::to_string(static_cast<int64_t>(declared_staff));
        row["declared_disabled"] =
            Decimal::FromMillionths(static_cast<int64_t>(declared_disabled * 1e6)).ToString();
        row["due"] = Money::FromFen(static_cast<int64_t>(std::ceil(declared_due * 100))).ToString();
        row["paid"] = Money::FromFen(static_cast<int64_t>(paid * 100)).ToString();
        if (truth.exempt) row["exemption"] = "在职职工总数30人（含）以下的企业，暂免征收";
        declarations_.push_back(row);
        std::vector<std::string> rules;
        if (!truth.exempt && truth.counted < truth.staff * parameters_.ratio &&
            paid < truth.due - 1) {
          rules.push_back("4a");
        }
        if (declared_disabled > truth.counted || declared_staff < 0.9 * truth.staff)
          rules.push_back("4b");
        if (!rules.empty()) {
          report_->planted.push_back(
              {model, rules, "organisation", "", employer.organisation.uscc,
               employer.plant.empty() ? "残保金申报与社保数据不符" : employer.plant});
        }
      } else if (truth.staff > parameters_.exemption_staff) {
        report_->planted.push_back(
            {model,
             {"4a"},
             "organisation",
             "",
             employer.organisation.uscc,
             employer.plant.empty() ? "参保职工超过30人而未申报残保金" : employer.plant});
      }
    }
    // Persons: insured by two employers in one month (4c); insured after death, or with a
    // cancelled certificate by an employer that declared disabled employees (4d).
    std::map<size_t, std::array<int, 12>> months_by_person;
    std::map<size_t, std::set<std::string>> rules_by_person;
    std::set<std::string> declared_disabled_employers;
    for (const Row& row : declarations_) {
      if (row.at("declared_disabled") != "0")
        declared_disabled_employers.insert(row.at("employer_uscc"));
    }
    for (size_t index = 0; index < employers_.size(); ++index) {
      bool declared_disabled =
          declared_disabled_employers.count(employers_[index].organisation.uscc) > 0;
      for (const Employee& employee : employers_[index].employees) {
        const PersonEntry& person = people_[employee.person];
        if (person.disabled == nullptr) continue;
        auto& months = months_by_person[employee.person];
        for (int month = 0; month < 12; ++month) {
          if (!employee.months[month]) continue;
          if (++months[month] >= 2) rules_by_person[employee.person].insert("4c");
          if (person.died && Date::FromYmd(kYear, month + 1, 1) > *person.died) {
            rules_by_person[employee.person].insert("4d");
          }
        }
        if (person.disabled->status == "注销" && declared_disabled) {
          rules_by_person[employee.person].insert("4d");
        }
      }
    }
    for (const auto& [person, rules] : rules_by_person) {
      report_->planted.push_back({model, std::vector<std::string>(rules.begin(), rules.end()),
                                  "person", "", people_[person].person.id,
                                  rules.count("4c") ? "残疾人同月在两家单位参保（一人多挂）"
                                                    : "残疾人死亡后或证件注销后仍被计入用人单位"});
    }
  }

  Status WriteEmployers() {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<OutputTable> table,
                        OutputTable::Open(options_, report_, "employer", "employer",
                                          FileFormat::kXlsx, "十堰市郧阳区市场监督管理局"));
    for (const Employer& employer : employers_) {
      Date founded = Date::FromYmd(1995, 1, 1)->AddDays(static_cast<int32_t>(random_.Below(10000)));
      SJ_RETURN_IF_ERROR(table->Write({{"uscc", employer.organisation.uscc},
                                       {"name", employer.organisation.name},
                                       {"kind", employer.kind},
                                       {"region_code", "420304"},
                                       {"founded_on", founded.ToIso()}}));
    }
    return table->Close();
  }

  Status WriteSocialInsurance() {
    SJ_ASSIGN_OR_RETURN(
        std::unique_ptr<OutputTable> table,
        OutputTable::Open(options_, report_, "social_insurance", "social_insurance",
                          FileFormat::kCsvUtf8, "十堰市郧阳区人力资源和社会保障局"));
    int variant = 0;
    for (const Employer& employer : employers_) {
      for (const Employee& employee : employer.employees) {
        const Person& person = people_[employee.person].person;
        for (int month = 0; month < 12; ++month) {
          if (!employee.months[month]) continue;
          char period[16];
          std::snprintf(period, sizeof period, "%d-%02d", kYear, month + 1);
          std::string id = person.id;
          if (++variant % 50 == 0) id = WithLowerCaseX(id);
          SJ_RETURN_IF_ERROR(table->Write({{"employer_uscc", employer.organisation.uscc},
                                           {"person_id", id},
                                           {"name", person.name},
                                           {"period", period},
                                           {"wage", std::to_string(employee.wage)}}));
        }
      }
    }
    return table->Close();
  }

  Status WriteDisabledPersons() {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<OutputTable> table,
                        OutputTable::Open(options_, report_, "disabled_person", "disabled_person",
                                          FileFormat::kXlsx, "十堰市郧阳区残疾人联合会"));
    int variant = 0;
    for (const PersonEntry& entry : people_) {
      if (entry.disabled == nullptr) continue;
      const DisabledRecord& record = *entry.disabled;
      // The federation's export mixes 二级 and 2, 肢体 and 肢体残疾.
      std::string grade = record.grade;
      if (++variant % 4 == 0) grade = GradeDigit(grade);
      std::string category = variant % 3 == 0 ? record.category + "残疾" : record.category;
      SJ_RETURN_IF_ERROR(table->Write({{"person_id", entry.person.id},
                                       {"name", entry.person.name},
                                       {"category", category},
                                       {"grade", grade},
                                       {"status", record.status},
                                       {"issued_on", record.issued.ToIso()}}));
    }
    return table->Close();
  }

  Status WriteFundDeclarations() {
    return WriteTableFile(options_, report_, "disability_fund", "disability_fund",
                          FileFormat::kXlsx, "国家税务总局十堰市郧阳区税务局", declarations_);
  }

  Status WriteDeaths() {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<OutputTable> table,
                        OutputTable::Open(options_, report_, "death_record", "death_record",
                                          FileFormat::kCsvGbk, "十堰市公安局郧阳区分局"));
    int variant = 0;
    for (const PersonEntry& entry : people_) {
      if (!entry.died) continue;
      std::string id = ++variant % 9 == 0 ? AsLegacyId(entry.person.id) : entry.person.id;
      SJ_RETURN_IF_ERROR(table->Write(
          {{"person_id", id}, {"name", entry.person.name}, {"died_on", entry.died->ToIso()}}));
    }
    return table->Close();
  }

  const DemoOptions& options_;
  IdentityFactory& identities_;
  Random random_;
  GenerationReport* report_;
  FundParameters parameters_;
  std::vector<PersonEntry> people_;
  std::vector<std::unique_ptr<DisabledRecord>> disabled_records_;
  std::deque<Employer> employers_;  // stable addresses while plants are added
  std::vector<Row> declarations_;
  std::set<std::string> public_names_;
};

}  // namespace

Status GenerateEmploymentData(const DemoOptions& options, IdentityFactory& identities,
                              GenerationReport* report) {
  return EmploymentGenerator(options, identities, report).Generate();
}

}  // namespace shujian::demo
