// The road transport datasets of the demonstration city: the operating fleet (fleet), overload
// and passenger checks (overload_check), the transport authority's measures
// (transport_action) and the traffic police's criminal cases. Plants for model 3 (sub-rules
// 3a–3d, shared/spec/models.md) and their near misses are written here; in the background no
// vehicle or driver has more than three violations a year and no company has more than a
// tenth of its fleet violating.
#include <algorithm>
#include <cstdio>
#include <deque>

#include "core/case_number.h"
#include "demo/city.h"

namespace shujian::demo {
namespace {

using Row = std::map<std::string, std::string>;

Date Day(int year, int month, int day) { return *Date::FromYmd(year, month, day); }

struct Truck {
  std::string plate;
  std::string company_name;  // empty for trucks outside any registered fleet
  std::string company_uscc;
  int limit_kg;  // the legal gross mass of its axle class
  Person driver;
};

struct Company {
  Organisation organisation;
  std::vector<size_t> trucks;  // indexes into TransportGenerator::trucks_
};

class TransportGenerator {
 public:
  TransportGenerator(const DemoOptions& options, const CityRegistry& registry,
                     IdentityFactory& identities, GenerationReport* report)
      : options_(options),
        registry_(registry),
        identities_(identities),
        random_(identities.random().Fork("transport")),
        report_(report) {
    for (const auto& agency : registry.agencies) {
      if (agency.field == "交通") transport_agency_ = agency.name;
    }
  }

  Status Generate() {
    BuildFleets();
    AddBackgroundChecks();
    PlantPassengerCases();
    PlantRepeatVehicles();
    PlantRepeatDrivers();
    PlantCompanies();
    SJ_RETURN_IF_ERROR(WriteFleet());
    SJ_RETURN_IF_ERROR(WriteChecks());
    SJ_RETURN_IF_ERROR(WriteActions());
    return WriteTrafficCrimes();
  }

 private:
  Person NewDriver() { return identities_.NewPerson(420304, 25, 60, Day(2023, 12, 31)); }

  int RandomLimit() {
    static constexpr int kLimits[] = {18000, 25000, 31000, 43000, 49000};
    return kLimits[random_.Below(5)];
  }

  size_t NewTruck(const std::string& prefix, const Company* company) {
    Truck truck;
    truck.plate = identities_.NewPlate(prefix);
    if (company != nullptr) {
      truck.company_name = company->organisation.name;
      truck.company_uscc = company->organisation.uscc;
    }
    truck.limit_kg = RandomLimit();
    truck.driver = NewDriver();
    trucks_.push_back(truck);
    return trucks_.size() - 1;
  }

  Company& NewCompany(int fleet_size) {
    Company company;
    company.organisation =
        identities_.NewCompanyInIndustry(random_.Chance(500) ? "物流" : "运输", 420304);
    companies_.push_back(std::move(company));
    Company& added = companies_.back();
    for (int index = 0; index < fleet_size; ++index)
      added.trucks.push_back(NewTruck("鄂C", &added));
    return added;
  }

  // Registered transport companies (background): fleets of 5–60 trucks.
  void BuildFleets() {
    int count = 22 * options_.scale;
    for (int index = 0; index < count; ++index)
      NewCompany(static_cast<int>(random_.Between(5, 60)));
  }

  DateTime At(Date day) {
    return *DateTime::FromParts(day, static_cast<int>(random_.Between(6, 22)),
                                static_cast<int>(random_.Below(60)), 0);
  }

  std::string NextRecordNumber(Date day) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "ZC-%d-%06d", day.year(), ++record_sequence_);
    return buffer;
  }

  // A truck check; overload_pct > 0 makes it a violation.
  void AddTruckCheck(const Truck& truck, const Person& driver, Date day, double overload_pct) {
    Row row;
    row["record_no"] = NextRecordNumber(day);
    row["plate"] = truck.plate;
    row["vehicle_type"] = "货车";
    row["rated_load_kg"] = std::to_string(truck.limit_kg);
    int gross = overload_pct > 0
                    ? static_cast<int>(truck.limit_kg * (1 + overload_pct / 100.0) + 0.5)
                    : truck.limit_kg - static_cast<int>(random_.Between(200, 6000));
    row["gross_kg"] = std::to_string(gross);
    char percent[16];
    std::snprintf(percent, sizeof percent, "%.1f",
                  overload_pct > 0 ? (gross - truck.limit_kg) * 100.0 / truck.limit_kg : 0.0);
    row["overload_pct"] = percent;
    row["speed_limit"] = "60";
    row["speed"] = std::to_string(random_.Between(35, 62));
    row["driver_name"] = driver.name;
    row["driver_id"] = driver.id;
    if (!truck.company_name.empty()) {
      row["company_name"] = truck.company_name;
      row["company_uscc"] = truck.company_uscc;
    }
    row["checked_at"] = At(day).ToIso();
    row["location"] = random_.Chance(600) ? "郧阳区G316茶店超限检测站" : "郧阳区S236柳陂超限检测站";
    if (overload_pct > 0) {
      row["handling"] = random_.Chance(700) ? "罚款" : "卸载";
      if (row["handling"] == "罚款") {
        // 500 元 per tonne over, capped at 30,000 元 (超限运输车辆行驶公路管理规定 第43条).
        int over_tonnes = (gross - truck.limit_kg + 999) / 1000;
        row["fine"] = std::to_string(std::min(30000, 500 * over_tonnes));
        if (random_.Chance(111)) AddAction("车辆", truck.plate, "", "", "罚款", day.AddDays(5));
      }
    } else {
      row["handling"] = "其他";
    }
    row["agency_name"] = transport_agency_;
    checks_.push_back(std::move(row));
  }

  void AddBusCheck(const std::string& plate, const std::string& vehicle_type, int rated,
                   int passengers, int limit, int speed, const Person& driver,
                   const std::string& handling, Date day) {
    Row row;
    row["record_no"] = NextRecordNumber(day);
    row["plate"] = plate;
    row["vehicle_type"] = vehicle_type;
    row["rated_passengers"] = std::to_string(rated);
    row["passengers"] = std::to_string(passengers);
    row["speed_limit"] = std::to_string(limit);
    row["speed"] = std::to_string(speed);
    row["driver_name"] = driver.name;
    row["driver_id"] = driver.id;
    row["checked_at"] = At(day).ToIso();
    row["location"] = "郧阳区G316公路客运检查点";
    row["handling"] = handling;
    if (handling == "罚款") row["fine"] = passengers > rated ? "2000" : "200";
    row["agency_name"] = "十堰市公安局交通警察支队郧阳大队";
    checks_.push_back(std::move(row));
  }

  Date RandomDay2023() { return Day(2023, 1, 2).AddDays(static_cast<int32_t>(random_.Below(360))); }

  // Compliant checks of every truck, and violations spread so that no vehicle, driver or
  // company reaches a sub-rule of model 3.
  void AddBackgroundChecks() {
    for (Company& company : companies_) {
      size_t allowed = company.trucks.size() / 10;  // at most 10 % of the fleet violates
      for (size_t position = 0; position < company.trucks.size(); ++position) {
        const Truck& truck = trucks_[company.trucks[position]];
        int compliant = static_cast<int>(random_.Between(1, 4));
        for (int check = 0; check < compliant; ++check) {
          AddTruckCheck(truck, truck.driver, RandomDay2023(), 0);
        }
        if (position < allowed) {
          int violations = static_cast<int>(random_.Between(1, 3));
          for (int check = 0; check < violations; ++check) {
            AddTruckCheck(truck, truck.driver, RandomDay2023(),
                          static_cast<double>(random_.Between(5, 80)));
          }
        }
      }
    }
    // Trucks from elsewhere passing through: at most three violations each.
    static constexpr std::string_view kPrefixes[] = {"豫R", "陕G", "鄂A", "鄂F", "渝D", "豫A"};
    int passing = 260 * options_.scale;
    for (int index = 0; index < passing; ++index) {
      std::string prefix(random_.Pick(std::span<const std::string_view>(kPrefixes)));
      size_t truck = NewTruck(prefix, nullptr);
      int violations = static_cast<int>(random_.Between(0, 3));
      for (int check = 0; check < violations; ++check) {
        AddTruckCheck(trucks_[truck], trucks_[truck].driver, RandomDay2023(),
                      static_cast<double>(random_.Between(3, 60)));
      }
      if (violations == 0) AddTruckCheck(trucks_[truck], trucks_[truck].driver, RandomDay2023(), 0);
    }
    // Buses and school buses within their rated seats and speed limits.
    int buses = 120 * options_.scale;
    for (int index = 0; index < buses; ++index) {
      bool school = random_.Chance(150);
      int rated = school ? static_cast<int>(random_.Between(10, 19))
                         : static_cast<int>(random_.Between(7, 53));
      int passengers = rated + static_cast<int>(random_.Between(-5, rated >= 20 ? 3 : 1));
      AddBusCheck(identities_.NewPlate("鄂C"), school ? "校车" : "客车", rated,
                  std::max(1, passengers), 80, static_cast<int>(random_.Between(50, 95)),
                  NewDriver(), passengers > rated ? "罚款" : "其他", RandomDay2023());
    }
  }

  void AddAction(const std::string& target, const std::string& plate, const std::string& person_id,
                 const std::string& company_uscc, const std::string& measure, Date decided) {
    Row row;
    row["action_no"] = "郧交运罚〔" + std::to_string(decided.year()) + "〕" +
                       std::to_string(++action_sequence_) + "号";
    row["target_type"] = target;
    if (!plate.empty()) row["plate"] = plate;
    if (!person_id.empty()) row["person_id"] = person_id;
    if (!company_uscc.empty()) row["company_uscc"] = company_uscc;
    row["measure"] = measure;
    row["decided_on"] = decided.ToIso();
    actions_.push_back(std::move(row));
  }

  void AddTrafficCrime(const Person& driver, Date filed) {
    Row row;
    char number[48];
    std::snprintf(number, sizeof number, "YYJJ-XS-%d-%04d", filed.year(), ++crime_sequence_);
    row["case_no"] = number;
    row["suspect_name"] = driver.name;
    row["suspect_id"] = driver.id;
    row["charge"] = "危险驾驶罪";
    row["filed_on"] = filed.ToIso();
    row["unit"] = "十堰市公安局交通警察支队郧阳大队";
    crimes_.push_back(std::move(row));
  }

  void PlantRecord(const std::string& why) {
    report_->planted.push_back({"overload-dangerous-driving",
                                {"3a"},
                                "record",
                                "overload_check",
                                NormalizeCaseNumber(checks_.back()["record_no"]),
                                why});
  }

  // 3a: overcrowded or speeding passenger transport handled only administratively.
  void PlantPassengerCases() {
    AddBusCheck(identities_.NewPlate("鄂C"), "客车", 45, 70, 80, 76, NewDriver(), "罚款",
                Day(2023, 2, 3));
    PlantRecord("核载45人实载70人（超员25人、55.6%），仅作罚款处理，未移送公安");
    AddBusCheck(identities_.NewPlate("鄂C"), "校车", 19, 30, 60, 52, NewDriver(), "罚款",
                Day(2023, 9, 8));
    PlantRecord("校车核载19人实载30人（超员11人），仅作罚款处理，未移送公安");
    AddBusCheck(identities_.NewPlate("鄂C"), "客车", 39, 37, 80, 125, NewDriver(), "罚款",
                Day(2023, 7, 22));
    PlantRecord("客车限速80公里/小时实测125公里/小时（超速56%），仅作罚款处理，未移送公安");
    // Near misses: just under each band, or handled by the criminal law.
    AddBusCheck(identities_.NewPlate("鄂C"), "客车", 45, 59, 80, 70, NewDriver(), "罚款",
                Day(2023, 3, 9));
    AddBusCheck(identities_.NewPlate("鄂C"), "客车", 7, 13, 80, 70, NewDriver(), "罚款",
                Day(2023, 4, 1));
    AddBusCheck(identities_.NewPlate("鄂C"), "客车", 39, 38, 80, 119, NewDriver(), "罚款",
                Day(2023, 5, 6));
    Person transferred = NewDriver();
    AddBusCheck(identities_.NewPlate("鄂C"), "客车", 33, 52, 80, 70, transferred, "移送公安",
                Day(2023, 6, 2));
    AddTrafficCrime(transferred, Day(2023, 6, 5));
    Person prosecuted = NewDriver();
    AddBusCheck(identities_.NewPlate("鄂C"), "客车", 33, 52, 80, 70, prosecuted, "罚款",
                Day(2023, 8, 14));
    AddTrafficCrime(prosecuted, Day(2023, 9, 1));
  }

  // 3b: a truck with more than three violations within 365 days and no revoked permit after the
  // fourth. Each violation with a different driver so that no driver reaches 3c.
  void PlantRepeatVehicles() {
    auto violations = [&](size_t truck, std::vector<Date> days) {
      for (Date day : days) {
        AddTruckCheck(trucks_[truck], NewDriver(), day,
                      static_cast<double>(random_.Between(15, 90)));
      }
    };
    auto plant = [&](size_t truck, const std::string& why) {
      report_->planted.push_back(
          {"overload-dangerous-driving", {"3b"}, "vehicle", "", trucks_[truck].plate, why});
    };
    size_t first = NewTruck("鄂C", nullptr);
    violations(first, {Day(2023, 2, 11), Day(2023, 4, 20), Day(2023, 6, 30), Day(2023, 9, 2),
                       Day(2023, 11, 19)});
    plant(first, "一年内违法超限运输5次，未吊销车辆营运证");
    size_t second = NewTruck("鄂C", nullptr);
    violations(second, {Day(2023, 1, 15), Day(2023, 5, 3), Day(2023, 8, 27), Day(2023, 12, 10)});
    plant(second, "一年内违法超限运输4次，未吊销车辆营运证");
    size_t third = NewTruck("鄂C", nullptr);
    violations(third, {Day(2023, 3, 1), Day(2023, 4, 8), Day(2023, 5, 16), Day(2023, 7, 4)});
    AddAction("车辆", trucks_[third].plate, "", "", "吊销车辆营运证", Day(2023, 6, 1));
    plant(third, "一年内违法超限运输4次；吊销决定早于第4次违法，之后未再处理");
    size_t fourth = NewTruck("豫R", nullptr);
    violations(fourth, {Day(2023, 6, 5), Day(2023, 7, 9), Day(2023, 9, 30), Day(2023, 12, 21)});
    plant(fourth, "一年内违法超限运输4次（外地车辆），未吊销车辆营运证");
    // Near misses.
    size_t revoked = NewTruck("鄂C", nullptr);
    violations(revoked, {Day(2023, 2, 2), Day(2023, 3, 3), Day(2023, 4, 4), Day(2023, 5, 5)});
    AddAction("车辆", trucks_[revoked].plate, "", "", "吊销车辆营运证", Day(2023, 5, 20));
    size_t three = NewTruck("鄂C", nullptr);
    violations(three, {Day(2023, 2, 8), Day(2023, 6, 8), Day(2023, 10, 8)});
    size_t spread = NewTruck("鄂C", nullptr);
    violations(spread, {Day(2022, 11, 20), Day(2023, 4, 1), Day(2023, 8, 1), Day(2023, 12, 1)});
  }

  // 3c: drivers with more than three violations within 365 days, each on another vehicle.
  void PlantRepeatDrivers() {
    auto drive = [&](const Person& driver, std::vector<Date> days) {
      for (Date day : days) {
        size_t truck = NewTruck("陕G", nullptr);
        AddTruckCheck(trucks_[truck], driver, day, static_cast<double>(random_.Between(10, 60)));
      }
    };
    for (int index = 0; index < 3; ++index) {
      Person driver = NewDriver();
      drive(driver, {Day(2023, 1, 20).AddDays(index * 9), Day(2023, 4, 2).AddDays(index * 9),
                     Day(2023, 7, 14).AddDays(index * 9), Day(2023, 10, 25).AddDays(index * 9)});
      report_->planted.push_back({"overload-dangerous-driving",
                                  {"3c"},
                                  "person",
                                  "",
                                  driver.id,
                                  "驾驶人一年内违法超限运输4次，未责令停止从事营业性运输"});
    }
    Person stopped = NewDriver();
    drive(stopped, {Day(2023, 2, 1), Day(2023, 3, 1), Day(2023, 4, 1), Day(2023, 5, 1)});
    AddAction("驾驶人", "", stopped.id, "", "责令停止从事营业性运输", Day(2023, 5, 15));
  }

  // 3d: companies whose violating trucks in 2023 exceed 10 % of the registered fleet.
  void PlantCompanies() {
    auto violate = [&](Company& company, size_t count, Date from) {
      for (size_t index = 0; index < count; ++index) {
        const Truck& truck = trucks_[company.trucks[index]];
        AddTruckCheck(truck, truck.driver, from.AddDays(static_cast<int32_t>(index * 30)),
                      static_cast<double>(random_.Between(10, 50)));
      }
    };
    Company& twenty = NewCompany(20);
    violate(twenty, 3, Day(2023, 3, 10));
    report_->planted.push_back({"overload-dangerous-driving",
                                {"3d"},
                                "organisation",
                                "",
                                twenty.organisation.uscc,
                                "2023年车队20辆中3辆违法超限运输（15%），未责令停业整顿"});
    Company& eight = NewCompany(8);
    violate(eight, 1, Day(2023, 8, 1));
    report_->planted.push_back({"overload-dangerous-driving",
                                {"3d"},
                                "organisation",
                                "",
                                eight.organisation.uscc,
                                "2023年车队8辆中1辆违法超限运输（12.5%），未责令停业整顿"});
    Company& exactly_ten = NewCompany(30);
    violate(exactly_ten, 3, Day(2023, 2, 1));  // 10 % exactly: not more than 10 %
    Company& suspended = NewCompany(10);
    violate(suspended, 2, Day(2023, 4, 1));
    AddAction("企业", "", "", suspended.organisation.uscc, "责令停业整顿", Day(2023, 6, 1));
  }

  Status WriteFleet() {
    SJ_ASSIGN_OR_RETURN(std::unique_ptr<OutputTable> table,
                        OutputTable::Open(options_, report_, "fleet", "fleet", FileFormat::kXlsx,
                                          "十堰市郧阳区交通运输局"));
    for (const Company& company : companies_) {
      for (size_t truck : company.trucks) {
        const Truck& entry = trucks_[truck];
        SJ_RETURN_IF_ERROR(
            table->Write({{"plate", entry.plate},
                          {"company_uscc", entry.company_uscc},
                          {"company_name", entry.company_name},
                          {"vehicle_type", "货车"},
                          {"permit_no", "鄂交运管十字420304" + entry.plate.substr(4) + "号"}}));
      }
    }
    return table->Close();
  }

  Status WriteChecks() {
    std::stable_sort(checks_.begin(), checks_.end(), [](const Row& a, const Row& b) {
      return a.at("checked_at") < b.at("checked_at");
    });
    return WriteTableFile(options_, report_, "overload_check", "overload_check",
                          FileFormat::kCsvGbk, transport_agency_, checks_);
  }

  Status WriteActions() {
    return WriteTableFile(options_, report_, "transport_action", "transport_action",
                          FileFormat::kCsvUtf8, transport_agency_, actions_);
  }

  Status WriteTrafficCrimes() {
    return WriteTableFile(options_, report_, "criminal_case", "criminal_case-traffic",
                          FileFormat::kCsvUtf8, "十堰市公安局交通警察支队郧阳大队", crimes_);
  }

  const DemoOptions& options_;
  const CityRegistry& registry_;
  IdentityFactory& identities_;
  Random random_;
  GenerationReport* report_;
  std::string transport_agency_;
  std::vector<Truck> trucks_;
  std::deque<Company> companies_;  // stable addresses: NewCompany returns references
  std::vector<Row> checks_;
  std::vector<Row> actions_;
  std::vector<Row> crimes_;
  int record_sequence_ = 0;
  int action_sequence_ = 0;
  int crime_sequence_ = 0;
};

}  // namespace

Status GenerateTransportData(const DemoOptions& options, const CityRegistry& registry,
                             IdentityFactory& identities, GenerationReport* report) {
  return TransportGenerator(options, registry, identities, report).Generate();
}

}  // namespace shujian::demo
