#include "engine/common/value_type.h"

#include <optional>

namespace shujian::engine {

ValueType TypeOfLogical(data::LogicalType logical, const std::vector<std::string>* enum_values) {
  using data::LogicalType;
  switch (logical) {
    case LogicalType::kInteger: return ValueType::Of(TypeId::kInt);
    case LogicalType::kDecimal: return ValueType::Of(TypeId::kDecimal);
    case LogicalType::kMoney: return ValueType::Of(TypeId::kMoney);
    case LogicalType::kDate: return ValueType::Of(TypeId::kDate);
    case LogicalType::kDateTime: return ValueType::Of(TypeId::kDateTime);
    case LogicalType::kPeriod: return ValueType::Of(TypeId::kPeriod);
    case LogicalType::kBool: return ValueType::Of(TypeId::kBool);
    case LogicalType::kEnum: return ValueType::String(logical, enum_values);
    default: return ValueType::String(logical);
  }
}

bool ParseTypeName(std::string_view name, ValueType* type) {
  if (name == "int" || name == "integer") {
    *type = ValueType::Of(TypeId::kInt);
    return true;
  }
  if (name == "text" || name == "string") {
    *type = ValueType::String();
    return true;
  }
  std::optional<data::LogicalType> logical = data::ParseLogicalType(name);
  if (!logical) return false;
  *type = TypeOfLogical(*logical, nullptr);
  return true;
}

MatchKind MatchKindOf(const ValueType& type) {
  if (type.id != TypeId::kString || type.normalized) return MatchKind::kExact;
  switch (type.logical) {
    case data::LogicalType::kText: return MatchKind::kName;
    case data::LogicalType::kCaseNo: return MatchKind::kCaseNo;
    default: return MatchKind::kExact;
  }
}

MatchKind CommonMatchKind(const ValueType& a, const ValueType& b) {
  MatchKind left = MatchKindOf(a);
  MatchKind right = MatchKindOf(b);
  if (left == MatchKind::kCaseNo || right == MatchKind::kCaseNo) return MatchKind::kCaseNo;
  if (left == MatchKind::kName || right == MatchKind::kName) return MatchKind::kName;
  return MatchKind::kExact;
}

std::string TypeLabel(const ValueType& type) {
  switch (type.id) {
    case TypeId::kNull: return "空值";
    case TypeId::kBool: return "是否（布尔）";
    case TypeId::kInt: return "整数";
    case TypeId::kDecimal: return "数值";
    case TypeId::kMoney: return "金额";
    case TypeId::kDate: return "日期";
    case TypeId::kDateTime: return "日期时间";
    case TypeId::kPeriod: return "年月";
    case TypeId::kString:
      if (type.logical == data::LogicalType::kText) return "文本";
      return "文本（" + std::string(data::LogicalTypeLabel(type.logical)) + "）";
  }
  return "未知类型";
}

}  // namespace shujian::engine
