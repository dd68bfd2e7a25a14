// Tests of the dataset schemas: the fourteen shipped schemas agree with
// shared/spec/datasets.md, their template examples are valid values, and a broken schema file
// is reported with its line and column.
#include "data/dataset_schema.h"

#include <gtest/gtest.h>

#include "data/value_normalizer.h"

namespace shujian::data {
namespace {

TEST(DatasetSchemaTest, ShipsTheFourteenStandardDatasets) {
  const SchemaRegistry& registry = SchemaRegistry::Shipped();
  std::vector<std::string> names;
  for (const DatasetSchema* schema : registry.All()) names.push_back(schema->name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "admin_case", "criminal_case", "death_record", "disability_fund",
                       "disabled_person", "employer", "fleet", "heritage_inspection",
                       "heritage_site", "non_prosecution", "overload_check", "penalty_publicity",
                       "social_insurance", "transport_action"}));
}

TEST(DatasetSchemaTest, KeysHeadersAndTypesFollowTheContract) {
  const SchemaRegistry& registry = SchemaRegistry::Shipped();
  const DatasetSchema* admin = registry.Find("admin_case");
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(admin->key, std::vector<std::string>{"case_no"});
  EXPECT_EQ(admin->columns.size(), 22u);
  const ColumnSchema* party_id = admin->FindColumn("party_id");
  ASSERT_NE(party_id, nullptr);
  EXPECT_EQ(party_id->header, "证件号码");
  EXPECT_EQ(party_id->type, LogicalType::kPartyId);
  EXPECT_EQ(party_id->party_type_column, "party_type");
  EXPECT_TRUE(party_id->required);
  const ColumnSchema* transferred_on = admin->FindColumn("transferred_on");
  ASSERT_NE(transferred_on, nullptr);
  ASSERT_TRUE(transferred_on->required_when.has_value());
  EXPECT_EQ(transferred_on->required_when->column, "transferred");
  EXPECT_EQ(transferred_on->required_when->values, std::vector<std::string>{"是"});
  EXPECT_EQ(admin->FindColumn("unit")->required_with, "quantity");

  const DatasetSchema* insurance = registry.Find("social_insurance");
  ASSERT_NE(insurance, nullptr);
  EXPECT_EQ(insurance->key, (std::vector<std::string>{"employer_uscc", "person_id", "period"}));
  EXPECT_EQ(insurance->FindColumn("period")->type, LogicalType::kPeriod);
  EXPECT_EQ(registry.Find("penalty_publicity")->FindColumn("party_id")->type, LogicalType::kPartyCode);
  EXPECT_EQ(registry.Find("overload_check")->FindColumn("checked_at")->type, LogicalType::kDateTime);
  EXPECT_EQ(registry.Find("heritage_inspection")->key,
            (std::vector<std::string>{"site_no", "inspected_on"}));
  EXPECT_EQ(registry.Find("no_such_dataset"), nullptr);
}

TEST(DatasetSchemaTest, EveryRequiredColumnOfTheContractIsRequired) {
  // The *req* columns of shared/spec/datasets.md, per dataset.
  const std::map<std::string, std::vector<std::string>> required = {
      {"admin_case", {"case_no", "agency_name", "agency_code", "party_type", "party_name", "party_id",
                      "violation_type", "decided_on", "transferred"}},
      {"penalty_publicity", {"decision_no", "agency_name", "agency_code", "party_name", "decided_on"}},
      {"criminal_case", {"case_no", "suspect_name", "suspect_id", "charge", "filed_on"}},
      {"overload_check", {"record_no", "plate", "vehicle_type", "driver_name", "driver_id",
                          "checked_at", "handling", "agency_name"}},
      {"transport_action", {"action_no", "target_type", "measure", "decided_on"}},
      {"fleet", {"plate", "company_uscc", "company_name", "vehicle_type"}},
      {"employer", {"uscc", "name", "kind"}},
      {"social_insurance", {"employer_uscc", "person_id", "name", "period"}},
      {"disabled_person", {"person_id", "name", "category", "grade", "status"}},
      {"disability_fund", {"employer_uscc", "year", "declared_staff", "declared_disabled", "due", "paid"}},
      {"death_record", {"person_id", "name", "died_on"}},
      {"non_prosecution", {"case_no", "person_name", "person_id", "charge", "decided_on"}},
      {"heritage_site", {"site_no", "name", "category", "level", "responsible_agency"}},
      {"heritage_inspection", {"site_no", "inspected_on", "condition"}},
  };
  for (const auto& [dataset, columns] : required) {
    const DatasetSchema* schema = SchemaRegistry::Shipped().Find(dataset);
    ASSERT_NE(schema, nullptr) << dataset;
    std::vector<std::string> actual;
    for (const ColumnSchema& column : schema->columns) {
      if (column.required) actual.push_back(column.name);
    }
    EXPECT_EQ(actual, columns) << dataset;
  }
}

TEST(DatasetSchemaTest, TemplateExamplesAreValidValues) {
  NormalizeContext context;
  context.today = *Date::FromYmd(2026, 11, 30);
  for (const DatasetSchema* schema : SchemaRegistry::Shipped().All()) {
    for (const ColumnSchema& column : schema->columns) {
      if (column.example.empty()) continue;
      context.enum_values = column.enum_values;
      context.value_aliases = &column.value_aliases;
      LogicalType type = column.type;
      if (type == LogicalType::kPartyId) type = LogicalType::kIdCard;  // the examples are persons
      Result<NormalizedValue> value = NormalizeValue(type, column.example, context);
      EXPECT_TRUE(value.ok()) << schema->name << "." << column.name << " example 「"
                              << column.example << "」: " << value.status().message();
    }
  }
}

TEST(DatasetSchemaTest, MatchesHeadersAsAgenciesWriteThem) {
  const DatasetSchema* admin = SchemaRegistry::Shipped().Find("admin_case");
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(admin->MatchHeader("证件号码")->name, "party_id");
  EXPECT_EQ(admin->MatchHeader(" 证件 号码 ")->name, "party_id");
  EXPECT_EQ(admin->MatchHeader("party_id")->name, "party_id");
  EXPECT_EQ(admin->MatchHeader("PARTY_ID")->name, "party_id");
  EXPECT_EQ(admin->MatchHeader("案由")->name, "violation_type");
  EXPECT_EQ(admin->MatchHeader("执法机关代码")->name, "agency_code");
  EXPECT_EQ(admin->MatchHeader("民族"), nullptr);
  EXPECT_EQ(admin->MatchHeader(""), nullptr);
  const DatasetSchema* overload = SchemaRegistry::Shipped().Find("overload_check");
  EXPECT_EQ(overload->MatchHeader("核定载质量（千克）")->name, "rated_load_kg");
  EXPECT_EQ(overload->MatchHeader("核定载质量(千克)")->name, "rated_load_kg");
}

TEST(DatasetSchemaTest, EnumAliases) {
  const ColumnSchema* grade = SchemaRegistry::Shipped().Find("disabled_person")->FindColumn("grade");
  NormalizeContext context;
  context.enum_values = grade->enum_values;
  context.value_aliases = &grade->value_aliases;
  EXPECT_EQ(NormalizeValue(LogicalType::kEnum, "2", context)->stored, "二级");
  EXPECT_EQ(NormalizeValue(LogicalType::kEnum, "２级", context)->stored, "二级");
  EXPECT_EQ(NormalizeValue(LogicalType::kEnum, "一级", context)->stored, "一级");
  EXPECT_FALSE(NormalizeValue(LogicalType::kEnum, "5", context).ok());
}

TEST(DatasetSchemaTest, ErrorsNameTheLineAndColumn) {
  auto error = [](const char* yaml) { return ParseDatasetSchema(yaml, "x.yaml").status().message(); };
  EXPECT_EQ(error("dataset: x\ntitle: t\nkey: [a]\ncolumns:\n  - {name: a, header: 甲, type: texte}\n"),
            "x.yaml:5:32：未知的类型「texte」");
  EXPECT_EQ(error("dataset: x\ntitle: t\nkey: [b]\ncolumns:\n  - {name: a, header: 甲, type: text}\n"),
            "x.yaml:3:6：主键列「b」不存在");
  EXPECT_EQ(error("dataset: x\ntitle: t\nkey: [a]\ncolumns:\n  - {name: a, header: 甲, type: text, reqired: true}\n"),
            "x.yaml:5:38：未知的列属性「reqired」");
  EXPECT_EQ(error("dataset: x\ntitle: t\nkey: [a]\ncolumns:\n  - {name: a, header: 甲, type: enum}\n"),
            "x.yaml:5:5：枚举列「a」必须列出 values");
  EXPECT_TRUE(error("dataset: [unclosed\n").starts_with("x.yaml:"));
  EXPECT_NE(error("dataset: x\ntitle: t\nkey: [a]\ncolumns:\n  - {name: a, header: 甲, type: text}\n"
                  "  - {name: b, header: 甲, type: text}\n")
                .find("同时指向"),
            std::string::npos);
}

TEST(ValueNormalizerTest, PartyCodes) {
  NormalizeContext context;
  context.today = *Date::FromYmd(2026, 11, 30);
  EXPECT_EQ(NormalizeValue(LogicalType::kPartyCode, "91350100M000100Y43", context)->stored,
            "91350100M000100Y43");
  EXPECT_EQ(NormalizeValue(LogicalType::kPartyCode, "4203**********1234", context)->stored,
            "4203**********1234");
  EXPECT_EQ(NormalizeValue(LogicalType::kPartyCode, "420304800101251", context)->stored,
            "420304198001012510");
  EXPECT_FALSE(NormalizeValue(LogicalType::kPartyCode, "42030419800101251X", context).ok());
  EXPECT_EQ(MaskedIdNumber("4203 ********** 123x").value_or(""), "4203**********123X");
  EXPECT_FALSE(MaskedIdNumber("420304198001012510").has_value());
}

}  // namespace
}  // namespace shujian::data
