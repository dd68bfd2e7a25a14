#include "data/value_normalizer.h"

#include <cstdlib>

#include "core/case_number.h"
#include "core/date_parse.h"
#include "core/decimal.h"
#include "core/fixed_point.h"
#include "core/id_card.h"
#include "core/money.h"
#include "core/name_normalize.h"
#include "core/plate.h"
#include "core/region_codes.h"
#include "core/unicode_fold.h"
#include "core/uscc.h"

namespace shujian::data {
namespace {

std::string LowerAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

Result<NormalizedValue> NormalizeRegionCode(const std::string& text) {
  bool digits = text.size() == 6;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (!digits) return Status::InvalidArgument("行政区划代码应为6位数字，实际为「" + text + "」");
  const RegionTable& regions = RegionTable::Shipped();
  int code = std::atoi(text.c_str());
  if (!regions.HasProvince(code)) {
    return Status::InvalidArgument("行政区划代码" + text + "的省级代码不存在");
  }
  NormalizedValue value{text, "", {}};
  if (regions.Find(code) == nullptr) {
    value.warnings.push_back("行政区划代码" + text + "不在代码表中（可能是已撤销的旧代码），已接受");
  }
  return value;
}

Result<NormalizedValue> NormalizeEnum(const std::string& text, const NormalizeContext& context) {
  for (const std::string& allowed : context.enum_values) {
    if (allowed == text) return NormalizedValue{text, "", {}};
  }
  if (context.value_aliases != nullptr) {
    std::string folded = LowerAscii(RemoveSpaces(text));
    for (const auto& [spelling, value] : *context.value_aliases) {
      if (LowerAscii(RemoveSpaces(FoldFullWidth(spelling))) == folded) {
        return NormalizedValue{value, "", {}};
      }
    }
  }
  std::string list;
  for (const std::string& allowed : context.enum_values) {
    if (!list.empty()) list += "、";
    list += allowed;
  }
  return Status::InvalidArgument("「" + text + "」不是可选值（可选：" + list + "）");
}

Result<NormalizedValue> NormalizePartyCode(const std::string& text, const NormalizeContext& context) {
  if (Result<Uscc> code = ParseUscc(text); code.ok()) {
    return NormalizedValue{code->normalized, code->normalized, code->warnings};
  }
  if (std::optional<std::string> masked = MaskedIdNumber(text)) {
    return NormalizedValue{*masked, *masked, {}};
  }
  Result<IdCard> card = ParseIdCard(text, context.today);
  if (card.ok()) return NormalizedValue{card->normalized, card->normalized, card->warnings};
  return Status::InvalidArgument("既不是有效的统一社会信用代码，也不是有效的身份证号（" +
                                 card.status().message() + "）");
}

}  // namespace

std::optional<std::string> MaskedIdNumber(std::string_view raw) {
  std::string text = RemoveSpaces(FoldFullWidth(raw));
  if (text.size() != 15 && text.size() != 18) return std::nullopt;
  bool has_mask = false;
  for (char& c : text) {
    if (c == 'x') c = 'X';
    if (c == '*') {
      has_mask = true;
    } else if (!((c >= '0' && c <= '9') || c == 'X')) {
      return std::nullopt;
    }
  }
  if (!has_mask) return std::nullopt;
  return text;
}

Result<bool> ParseBool(std::string_view raw) {
  std::string text = LowerAscii(RemoveSpaces(FoldFullWidth(raw)));
  if (text == "是" || text == "y" || text == "yes" || text == "true" || text == "1") return true;
  if (text == "否" || text == "n" || text == "no" || text == "false" || text == "0") return false;
  return Status::InvalidArgument("「" + std::string(raw) + "」应为是或否（也可写Y/N、1/0）");
}

Result<NormalizedValue> NormalizeValue(LogicalType type, std::string_view raw,
                                       const NormalizeContext& context) {
  std::string text = TrimSpaces(FoldFullWidth(raw));
  switch (type) {
    case LogicalType::kText: {
      // Free text keeps the full-width punctuation of Chinese （，：）as written; full-width
      // letters and digits become ASCII; its matching form folds everything.
      std::string kept = TrimSpaces(FoldFullWidth(raw, FullWidth::kLettersAndDigits));
      std::string match = NormalizeNameForMatching(kept);
      return NormalizedValue{std::move(kept), std::move(match), {}};
    }
    case LogicalType::kInteger: {
      FixedPointOptions options;
      options.scale = 0;
      options.too_precise_reason = "应为整数";
      SJ_ASSIGN_OR_RETURN(int64_t value, ParseFixedPoint(text, options));
      return NormalizedValue{std::to_string(value), "", {}};
    }
    case LogicalType::kDecimal: {
      SJ_ASSIGN_OR_RETURN(Decimal value, ParseDecimal(text));
      return NormalizedValue{value.ToString(), "", {}};
    }
    case LogicalType::kMoney: {
      SJ_ASSIGN_OR_RETURN(Money value, ParseMoney(text));
      return NormalizedValue{value.ToString(), "", {}};
    }
    case LogicalType::kDate: {
      SJ_ASSIGN_OR_RETURN(Date value, ParseDate(text));
      return NormalizedValue{value.ToIso(), "", {}};
    }
    case LogicalType::kDateTime: {
      SJ_ASSIGN_OR_RETURN(DateTime value, ParseDateTime(text));
      return NormalizedValue{value.ToIso(), "", {}};
    }
    case LogicalType::kPeriod: {
      SJ_ASSIGN_OR_RETURN(Period value, ParsePeriod(text));
      return NormalizedValue{value.ToIso(), "", {}};
    }
    case LogicalType::kBool: {
      SJ_ASSIGN_OR_RETURN(bool value, ParseBool(text));
      return NormalizedValue{value ? "是" : "否", "", {}};
    }
    case LogicalType::kEnum:
      return NormalizeEnum(text, context);
    case LogicalType::kPartyCode:
      return NormalizePartyCode(text, context);
    case LogicalType::kIdCard:
    case LogicalType::kPartyId: {
      SJ_ASSIGN_OR_RETURN(IdCard card, ParseIdCard(text, context.today));
      return NormalizedValue{card.normalized, card.normalized, card.warnings};
    }
    case LogicalType::kUscc: {
      SJ_ASSIGN_OR_RETURN(Uscc code, ParseUscc(text));
      return NormalizedValue{code.normalized, code.normalized, code.warnings};
    }
    case LogicalType::kPlate: {
      SJ_ASSIGN_OR_RETURN(Plate plate, ParsePlate(text));
      return NormalizedValue{plate.normalized, plate.normalized, {}};
    }
    case LogicalType::kCaseNo:  // kept as given for display; matched on the normalised form
      return NormalizedValue{TrimSpaces(raw), NormalizeCaseNumber(raw), {}};
    case LogicalType::kRegionCode:
      return NormalizeRegionCode(text);
  }
  return Status::Internal("未知的字段类型");
}

}  // namespace shujian::data
