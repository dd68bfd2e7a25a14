#include "core/id_card.h"

#include "core/unicode_fold.h"
#include "core/utf8.h"

namespace shujian {
namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckCharacters[] = "10X98765432";

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ParseDigits(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// The first character that may not appear in an ID number, or empty.
std::string FirstForeignCharacter(std::string_view cleaned) {
  size_t pos = 0;
  while (pos < cleaned.size()) {
    size_t start = pos;
    char32_t code_point;
    DecodeUtf8(cleaned, &pos, &code_point);
    bool allowed = (code_point >= U'0' && code_point <= U'9') || code_point == U'X';
    if (!allowed) return std::string(cleaned.substr(start, pos - start));
  }
  return "";
}

}  // namespace

std::string_view SexName(Sex sex) { return sex == Sex::kMale ? "男" : "女"; }

std::string_view IdDocumentKindName(IdDocumentKind kind) {
  switch (kind) {
    case IdDocumentKind::kResidentId: return "居民身份证";
    case IdDocumentKind::kResidencePermit: return "港澳台居民居住证";
    case IdDocumentKind::kForeignPermanentResident: return "外国人永久居留身份证";
  }
  return "";
}

char IdCardCheckCharacter(std::string_view first17) {
  int sum = 0;
  for (int index = 0; index < 17; ++index) sum += (first17[index] - '0') * kWeights[index];
  return kCheckCharacters[sum % 11];
}

std::string UpgradeIdCard15(std::string_view number) {
  std::string first17 = std::string(number.substr(0, 6)) + "19" + std::string(number.substr(6));
  return first17 + IdCardCheckCharacter(first17);
}

std::string CleanIdCardInput(std::string_view input) {
  // Fast path: ASCII input needs no folding; drop spaces and hyphens, upper-case x.
  bool ascii = true;
  for (char c : input) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string cleaned;
    cleaned.reserve(input.size());
    for (char c : input) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '-') continue;
      cleaned.push_back(c == 'x' ? 'X' : c);
    }
    return cleaned;
  }
  std::string folded = FoldFullWidth(input);
  std::string cleaned;
  cleaned.reserve(folded.size());
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t start = pos;
    char32_t code_point;
    DecodeUtf8(folded, &pos, &code_point);
    if (IsSpaceLike(code_point) || code_point == U'-' || code_point == U'‐' ||
        code_point == U'－' || code_point == U'—') {
      continue;
    }
    if (code_point == U'x') {
      cleaned.push_back('X');
    } else {
      cleaned.append(folded, start, pos - start);
    }
  }
  return cleaned;
}

Result<IdCard> ParseIdCard(std::string_view input, Date today, const RegionTable& regions) {
  std::string cleaned = CleanIdCardInput(input);
  if (cleaned.empty()) return Status::InvalidArgument("为空");
  std::string foreign = FirstForeignCharacter(cleaned);
  if (!foreign.empty()) {
    return Status::InvalidArgument("含有不允许的字符「" + foreign + "」（只能是数字，末位可为X）");
  }
  IdCard card;
  std::string number;
  if (cleaned.size() == 15) {
    if (!AllDigits(cleaned)) return Status::InvalidArgument("15位旧号码只能由数字组成");
    number = UpgradeIdCard15(cleaned);
    card.upgraded_from_15 = true;
  } else if (cleaned.size() == 18) {
    if (!AllDigits(std::string_view(cleaned).substr(0, 17))) {
      return Status::InvalidArgument("前17位只能是数字，只有第18位（校验位）可以是X");
    }
    number = cleaned;
  } else {
    return Status::InvalidArgument("长度应为18位（旧号码15位），实际为" +
                                   std::to_string(CodePointCount(cleaned)) + "位");
  }

  // Layout: a 6-digit address code, or for the 2023 permanent-residence card "9" + a 2-digit
  // province of issue + a 3-digit nationality code; then YYYYMMDD, a 3-digit sequence whose
  // last digit gives the sex, and the check character.
  int address = ParseDigits(std::string_view(number).substr(0, 6));
  if (number[0] == '9') {
    card.kind = IdDocumentKind::kForeignPermanentResident;
    int province = ParseDigits(std::string_view(number).substr(1, 2)) * 10000;
    if (!regions.HasProvince(province)) {
      return Status::InvalidArgument("外国人永久居留身份证的受理地省级代码" +
                                     number.substr(1, 2) + "不存在");
    }
    card.region = regions.FullName(province);
  } else {
    if (!regions.HasProvince(address)) {
      return Status::InvalidArgument("地址码" + number.substr(0, 6) + "的省级代码" +
                                     number.substr(0, 2) + "不存在");
    }
    const RegionEntry* entry = regions.Find(address);
    if (entry != nullptr && entry->status == RegionStatus::kPermit) {
      card.kind = IdDocumentKind::kResidencePermit;
      card.region = entry->name;
    } else {
      card.region = regions.FullName(address);
      if (entry == nullptr) {
        card.warnings.push_back("地址码" + number.substr(0, 6) +
                                "不在行政区划代码表中（可能是已撤销的旧代码），已接受");
      } else if (entry->status == RegionStatus::kHistorical) {
        card.region += "（已撤销的旧代码";
        if (!entry->note.empty()) card.region += "：" + entry->note;
        card.region += "）";
      }
    }
  }

  std::string_view birth = std::string_view(number).substr(6, 8);
  int year = ParseDigits(birth.substr(0, 4));
  int month = ParseDigits(birth.substr(4, 2));
  int day = ParseDigits(birth.substr(6, 2));
  std::optional<Date> birth_date = Date::FromYmd(year, month, day);
  if (!birth_date) {
    return Status::InvalidArgument("出生日期" + std::string(birth) + "不是有效日期");
  }
  if (year < 1900) {
    return Status::InvalidArgument("出生日期" + birth_date->ToIso() + "早于1900年");
  }
  if (*birth_date > today) {
    return Status::InvalidArgument("出生日期" + birth_date->ToIso() + "晚于今天");
  }
  card.birth_date = *birth_date;

  char expected = IdCardCheckCharacter(std::string_view(number).substr(0, 17));
  if (number[17] != expected) {
    return Status::InvalidArgument(std::string("校验位错误，应为") + expected);
  }
  card.sex = (number[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale;
  card.normalized = std::move(number);
  return card;
}

}  // namespace shujian
