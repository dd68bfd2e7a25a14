// Differential test: every model of the golden tests (and the example and benchmark models) runs
// on seeded random data — duplicates, nulls, 繁/简 names, dates around window boundaries — on the
// reference evaluator and on the native engine under several batch sizes and optimiser settings;
// all must find exactly the same leads, evidence, facts, outputs and notes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/date.h"
#include "engine/engine.h"
#include "engine/input/fixture_source.h"
#include "engine/lead/result_text.h"
#include "engine/model_library.h"
#include "engine/reference/reference_evaluator.h"

namespace shujian::engine {
namespace {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t bound) { return static_cast<size_t>(Next() % bound); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) { return items[Below(items.size())]; }

 private:
  uint64_t state_;
};

std::string IdNumber(int index) {
  char body[18];
  std::snprintf(body, sizeof body, "4203041980%02d%02d%03d", 1 + index % 12, 1 + index % 28, 100 + index);
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int position = 0; position < 17; ++position) sum += (body[position] - '0') * kWeights[position];
  return std::string(body, 17) + "10X98765432"[sum % 11];
}

std::string Uscc(int index) {
  static const char* kCodes[] = {"91420300MA49ABC01D", "91420300MA49ABC02G", "91420300MA49ABC03K",
                                 "91420300MA49ABC04N", "91420300MA49ABC05R", "91420300MA49ABC06W"};
  return kCodes[index % 6];
}

std::string Day(Random& random, int year_from, int years) {
  Date date = Date::FromYmd(year_from, 1, 1)->AddDays(static_cast<int32_t>(random.Below(365 * years)));
  return date.ToIso();
}

FixtureRowInput Row(std::vector<std::pair<std::string, std::string>> cells) {
  FixtureRowInput row;
  row.where = "random";
  for (auto& [column, value] : cells) {
    row.cells.push_back({column, value.empty() ? std::nullopt : std::optional<std::string>(value), "random"});
  }
  return row;
}

std::vector<FixtureTableInput> RandomData(uint64_t seed) {
  Random random(seed);
  const std::vector<std::string> names = {"张伟", "張偉", "李娜", "李 娜", "王五", "章伟", "十堰市某某物流有限公司",
                                          "十堰市某某物流有限责任公司"};
  const std::vector<std::string> types = {"非法捕捞水产品", "滥伐林木", "非法采矿", "非法狩猎", "其他", "使用禁用渔具捕捞"};
  const std::vector<std::string> agencies = {"11420304MB12345675", "11420304MB12345688"};
  std::vector<FixtureTableInput> tables;
  FixtureTableInput admin{"admin_case", "b-adm", {}, "random"};
  for (int row = 0; row < 60; ++row) {
    bool transferred = random.Chance(20);
    std::string day = Day(random, 2021, 3);
    std::string quantity = random.Chance(70) ? std::to_string(random.Below(1200)) : "";
    admin.rows.push_back(Row({{"case_no", "C" + std::to_string(random.Below(50))},
                              {"decision_no", random.Chance(80) ? "郧农罚〔2023〕" + std::to_string(random.Below(40)) + "号" : ""},
                              {"agency_name", random.Pick(std::vector<std::string>{"农业农村局", "林业局"})},
                              {"agency_code", random.Pick(agencies)},
                              {"party_type", "个人"},
                              {"party_name", random.Pick(names)},
                              {"party_id", IdNumber(static_cast<int>(random.Below(12)))},
                              {"violation_type", random.Pick(types)},
                              {"quantity", quantity},
                              {"unit", quantity.empty() ? "" : random.Pick(std::vector<std::string>{"公斤", "株", "立方米"})},
                              {"amount", random.Chance(60) ? std::to_string(random.Below(60000)) : ""},
                              {"fine", random.Chance(70) ? std::to_string(random.Below(20000)) : ""},
                              {"notified_on", random.Chance(50) ? day : ""},
                              {"decided_on", day},
                              {"transferred", transferred ? "是" : "否"},
                              {"transferred_on", transferred ? day : ""}}));
  }
  tables.push_back(admin);
  FixtureTableInput criminal{"criminal_case", "b-crim", {}, "random"};
  for (int row = 0; row < 30; ++row) {
    criminal.rows.push_back(Row({{"case_no", "K" + std::to_string(random.Below(28))},
                                 {"suspect_name", random.Pick(names)},
                                 {"suspect_id", IdNumber(static_cast<int>(random.Below(14)))},
                                 {"charge", "罪"},
                                 {"filed_on", Day(random, 2021, 4)},
                                 {"source_case_no", random.Chance(30) ? "C" + std::to_string(random.Below(50)) : ""}}));
  }
  tables.push_back(criminal);
  FixtureTableInput insurance{"social_insurance", "b-si", {}, "random"};
  for (int row = 0; row < 90; ++row) {
    int year = 2022 + static_cast<int>(random.Below(2));
    char period[8];
    std::snprintf(period, sizeof period, "%d-%02d", year, 1 + static_cast<int>(random.Below(12)));
    insurance.rows.push_back(Row({{"employer_uscc", Uscc(static_cast<int>(random.Below(4)))},
                                  {"person_id", IdNumber(static_cast<int>(random.Below(10)))},
                                  {"name", random.Pick(names)},
                                  {"period", period},
                                  {"wage", random.Chance(80) ? std::to_string(3000 + random.Below(3000)) : ""}}));
  }
  tables.push_back(insurance);
  FixtureTableInput disabled{"disabled_person", "b-dp", {}, "random"};
  for (int row = 0; row < 8; ++row) {
    disabled.rows.push_back(Row({{"person_id", IdNumber(static_cast<int>(random.Below(12)))},
                                 {"name", random.Pick(names)},
                                 {"category", "肢体"},
                                 {"grade", random.Pick(std::vector<std::string>{"一级", "二级", "三级", "四级"})},
                                 {"status", random.Chance(80) ? "有效" : "注销"}}));
  }
  tables.push_back(disabled);
  FixtureTableInput deaths{"death_record", "b-dr", {}, "random"};
  for (int row = 0; row < 4; ++row) {
    deaths.rows.push_back(Row({{"person_id", IdNumber(static_cast<int>(random.Below(12)))},
                               {"name", random.Pick(names)},
                               {"died_on", Day(random, 2022, 2)}}));
  }
  tables.push_back(deaths);
  FixtureTableInput checks{"overload_check", "b-oc", {}, "random"};
  for (int row = 0; row < 40; ++row) {
    bool truck = random.Chance(70);
    char at[32];
    std::snprintf(at, sizeof at, "%s %02d:%02d", Day(random, 2023, 2).c_str(), static_cast<int>(random.Below(24)),
                  static_cast<int>(random.Below(60)));
    checks.rows.push_back(Row({{"record_no", "R" + std::to_string(row)},
                               {"plate", "鄂C2000" + std::to_string(random.Below(5))},
                               {"vehicle_type", truck ? "货车" : "客车"},
                               {"rated_load_kg", truck ? "18000" : ""},
                               {"gross_kg", truck ? "27000" : ""},
                               {"overload_pct", truck ? std::to_string(random.Below(3) * 25) : ""},
                               {"rated_passengers", truck ? "" : std::to_string(5 + random.Below(30))},
                               {"passengers", truck ? "" : std::to_string(5 + random.Below(50))},
                               {"driver_name", random.Pick(names)},
                               {"driver_id", IdNumber(static_cast<int>(random.Below(8)))},
                               {"checked_at", at},
                               {"handling", random.Pick(std::vector<std::string>{"罚款", "警告", "移送公安"})},
                               {"agency_name", "治超站"}}));
  }
  tables.push_back(checks);
  FixtureTableInput actions{"transport_action", "b-ta", {}, "random"};
  for (int row = 0; row < 6; ++row) {
    actions.rows.push_back(Row({{"action_no", "D" + std::to_string(row)},
                                {"target_type", "车辆"},
                                {"plate", "鄂C2000" + std::to_string(random.Below(5))},
                                {"measure", random.Pick(std::vector<std::string>{"吊销车辆营运证", "罚款"})},
                                {"decided_on", Day(random, 2023, 2)}}));
  }
  tables.push_back(actions);
  FixtureTableInput publicity{"penalty_publicity", "b-pub", {}, "random"};
  for (int row = 0; row < 20; ++row) {
    std::string id = IdNumber(static_cast<int>(random.Below(12)));
    std::string party_id = random.Chance(40) ? id.substr(0, 4) + "**********" + id.substr(14) : (random.Chance(50) ? id : "");
    publicity.rows.push_back(Row({{"decision_no", "郧农罚〔2023〕" + std::to_string(random.Below(40)) + "号"},
                                  {"agency_name", "农业农村局"},
                                  {"agency_code", random.Pick(agencies)},
                                  {"party_name", random.Pick(names)},
                                  {"party_id", party_id},
                                  {"decided_on", Day(random, 2021, 3)}}));
  }
  tables.push_back(publicity);
  FixtureTableInput non_prosecution{"non_prosecution", "b-np", {}, "random"};
  for (int row = 0; row < 6; ++row) {
    bool opinion = random.Chance(70);
    non_prosecution.rows.push_back(Row({{"case_no", "NP" + std::to_string(row)},
                                        {"person_name", random.Pick(names)},
                                        {"person_id", IdNumber(static_cast<int>(random.Below(12)))},
                                        {"charge", random.Pick(std::vector<std::string>{"非法捕捞水产品罪", "滥伐林木罪"})},
                                        {"decided_on", "2023-06-01"},
                                        {"opinion_no", opinion ? "郧检意〔2023〕" + std::to_string(row) + "号" : ""},
                                        {"opinion_on", opinion ? Day(random, 2023, 1) : ""},
                                        {"agency_name", opinion ? "农业农村局" : ""},
                                        {"proposal", random.Pick(std::vector<std::string>{"吊销许可证", "罚款"})}}));
  }
  tables.push_back(non_prosecution);
  FixtureTableInput employers{"employer", "b-em", {}, "random"};
  for (int index = 0; index < 3; ++index) {
    employers.rows.push_back(Row({{"uscc", Uscc(index)}, {"name", random.Pick(names)}, {"kind", "企业"}}));
  }
  tables.push_back(employers);
  return tables;
}

struct ModelText {
  std::string name;
  std::string text;
};

// Model blocks (and parameter tables) of the golden files, the example and benchmark models.
void CollectModels(std::vector<ModelText>* models, TableLibrary* tables) {
  std::filesystem::path root = SHUJIAN_SOURCE_DIR;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "tests" / "golden")) {
    std::ifstream in(entry.path());
    if (entry.path().extension() == ".yaml") {
      std::stringstream text;
      text << in.rdbuf();
      models->push_back({entry.path().filename().string(), text.str()});
      continue;
    }
    if (entry.path().extension() != ".test") continue;
    std::string line, block, kind;
    int number = 0;
    while (std::getline(in, line)) {
      if (kind.empty() && (line == "model" || line == "table")) {
        kind = line;
        block.clear();
        continue;
      }
      if (kind.empty()) continue;
      if (line != "end") {
        block += line + "\n";
        continue;
      }
      if (kind == "model") {
        models->push_back({entry.path().filename().string() + "#" + std::to_string(++number), block});
      } else if (auto table = ParseParamTable(block, "table"); table.ok()) {
        (void)tables->Add(std::move(table).value(), true);
      }
      kind.clear();
    }
  }
  for (const char* file : {"q1_anti_join.yaml", "q2_employer_year.yaml"}) {
    std::ifstream in(root / "bench" / "engine" / file);
    std::stringstream text;
    text << in.rdbuf();
    models->push_back({file, text.str()});
  }
}

TEST(DifferentialTest, NativeEqualsReferenceOnRandomData) {
  TableLibrary tables = TableLibrary::Shipped();
  std::vector<ModelText> texts;
  CollectModels(&texts, &tables);
  std::vector<std::pair<std::string, std::unique_ptr<CompiledModel>>> models;
  for (const ModelText& text : texts) {
    auto model = CompiledModel::Compile(text.text, text.name, data::SchemaRegistry::Shipped(), tables);
    if (model.ok()) models.emplace_back(text.name, std::move(model).value());
  }
  ASSERT_GE(models.size(), 30u);
  size_t leads = 0;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    auto source = FixtureSource::Create(data::SchemaRegistry::Shipped(), RandomData(seed), *Date::FromYmd(2024, 6, 30));
    ASSERT_TRUE(source.ok()) << source.status().ToString();
    for (const auto& [name, model] : models) {
      RunOptions options;
      options.as_of = *Date::FromYmd(2024, 6, 30);
      Result<RunResult> reference = RunReference(*model, &*source, options);
      ASSERT_TRUE(reference.ok()) << name << "：" << reference.status().ToString();
      std::string expected = ResultText(*reference, ResultDetail::kFull);
      leads += reference->leads.size();
      for (size_t batch : {size_t{2048}, size_t{1}, size_t{5}}) {
        for (bool optimize : {true, false}) {
          options.batch_size = batch;
          options.plan = PlanOptions{optimize, optimize, optimize};
          Result<RunResult> native = RunModel(*model, &*source, options);
          ASSERT_TRUE(native.ok()) << name;
          EXPECT_EQ(ResultText(*native, ResultDetail::kFull), expected)
              << name << "（种子 " << seed << "，批 " << batch << "，优化 " << optimize << "）";
        }
      }
    }
  }
  EXPECT_GT(leads, 100u);  // the data is rich enough that models find things
}

}  // namespace
}  // namespace shujian::engine
