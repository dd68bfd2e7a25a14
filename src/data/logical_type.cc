#include "data/logical_type.h"

namespace shujian::data {
namespace {

struct TypeInfo {
  LogicalType type;
  std::string_view name;
  std::string_view label;
};

constexpr TypeInfo kTypes[] = {
    {LogicalType::kText, "text", "文本"},
    {LogicalType::kInteger, "int", "整数"},
    {LogicalType::kDecimal, "decimal", "数值"},
    {LogicalType::kMoney, "money", "金额（元）"},
    {LogicalType::kDate, "date", "日期"},
    {LogicalType::kDateTime, "datetime", "日期时间"},
    {LogicalType::kPeriod, "period", "年月"},
    {LogicalType::kBool, "bool", "是/否"},
    {LogicalType::kEnum, "enum", "选项"},
    {LogicalType::kIdCard, "id_card", "身份证号"},
    {LogicalType::kUscc, "uscc", "统一社会信用代码"},
    {LogicalType::kPartyId, "party_id", "证件号码（个人为身份证号，单位为统一社会信用代码）"},
    {LogicalType::kPlate, "plate", "号牌号码"},
    {LogicalType::kCaseNo, "case_no", "编号"},
    {LogicalType::kRegionCode, "region_code", "行政区划代码"},
    {LogicalType::kPartyCode, "party_code", "统一社会信用代码或身份证号（可打码）"},
};

}  // namespace

std::string_view LogicalTypeName(LogicalType type) {
  for (const TypeInfo& info : kTypes) {
    if (info.type == type) return info.name;
  }
  return "";
}

std::optional<LogicalType> ParseLogicalType(std::string_view name) {
  for (const TypeInfo& info : kTypes) {
    if (info.name == name) return info.type;
  }
  return std::nullopt;
}

std::string_view LogicalTypeLabel(LogicalType type) {
  for (const TypeInfo& info : kTypes) {
    if (info.type == type) return info.label;
  }
  return "";
}

}  // namespace shujian::data
