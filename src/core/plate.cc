#include "core/plate.h"

#include "core/unicode_fold.h"
#include "core/utf8.h"

namespace shujian {
namespace {

struct ProvinceAbbreviation {
  char32_t abbreviation;
  const char* province;
};

constexpr ProvinceAbbreviation kProvinces[] = {
    {U'京', "北京"}, {U'津', "天津"}, {U'沪', "上海"}, {U'渝', "重庆"}, {U'冀', "河北"},
    {U'豫', "河南"}, {U'云', "云南"}, {U'辽', "辽宁"}, {U'黑', "黑龙江"}, {U'湘', "湖南"},
    {U'皖', "安徽"}, {U'鲁', "山东"}, {U'新', "新疆"}, {U'苏', "江苏"}, {U'浙', "浙江"},
    {U'赣', "江西"}, {U'鄂', "湖北"}, {U'桂', "广西"}, {U'甘', "甘肃"}, {U'晋', "山西"},
    {U'蒙', "内蒙古"}, {U'陕', "陕西"}, {U'吉', "吉林"}, {U'闽', "福建"}, {U'贵', "贵州"},
    {U'粤', "广东"}, {U'青', "青海"}, {U'藏', "西藏"}, {U'川', "四川"}, {U'宁', "宁夏"},
    {U'琼', "海南"},
};

bool IsPlateLetter(char32_t c) { return c >= U'A' && c <= U'Z' && c != U'I' && c != U'O'; }
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsSerialCharacter(char32_t c) { return IsDigit(c) || IsPlateLetter(c); }
// Energy-type letters of new-energy plates (D, F and the later A-K series, without I).
bool IsEnergyLetter(char32_t c) { return c >= U'A' && c <= U'K' && c != U'I'; }

bool IsSeparator(char32_t c) {
  return IsSpaceLike(c) || c == U'·' || c == U'•' || c == U'・' || c == U'-' || c == U'.' ||
         c == U'‧' || c == U'—';
}

}  // namespace

std::string_view PlateKindName(PlateKind kind) {
  switch (kind) {
    case PlateKind::kOrdinary: return "普通号牌";
    case PlateKind::kNewEnergySmall: return "小型新能源汽车号牌";
    case PlateKind::kNewEnergyLarge: return "大型新能源汽车号牌";
    case PlateKind::kTrailer: return "挂车号牌";
    case PlateKind::kCoach: return "教练汽车号牌";
    case PlateKind::kPolice: return "警用汽车号牌";
    case PlateKind::kHongKongMacao: return "粤港澳入出境号牌";
  }
  return "";
}

Result<Plate> ParsePlate(std::string_view input) {
  std::u32string code;
  for (char32_t c : ToCodePoints(FoldFullWidth(input))) {
    if (IsSeparator(c)) continue;
    if (c >= U'a' && c <= U'z') c -= U'a' - U'A';
    code.push_back(c);
  }
  if (code.empty()) return Status::InvalidArgument("为空");

  Plate plate;
  for (const ProvinceAbbreviation& entry : kProvinces) {
    if (entry.abbreviation == code[0]) plate.province = entry.province;
  }
  if (plate.province.empty()) {
    return Status::InvalidArgument("应以省份简称开头（如鄂），实际为「" + ToUtf8(code.substr(0, 1)) +
                                   "」");
  }
  if (code.size() < 2 || !IsPlateLetter(code[1])) {
    return Status::InvalidArgument("第2位应为发牌机关代号字母（不含I、O），如鄂C中的C");
  }
  std::u32string serial = code.substr(2);
  for (char32_t c : serial) {
    if (c == U'I' || c == U'O') {
      return Status::InvalidArgument(std::string("含有字母「") + (c == U'I' ? "I" : "O") +
                                     "」，号牌序号不使用I和O");
    }
  }
  auto all = [&](size_t begin, size_t end, bool (*predicate)(char32_t)) {
    for (size_t index = begin; index < end; ++index) {
      if (!predicate(serial[index])) return false;
    }
    return true;
  };

  bool valid = false;
  if (serial.size() == 5) {
    char32_t last = serial[4];
    if (all(0, 5, IsSerialCharacter)) {
      plate.kind = PlateKind::kOrdinary;
      valid = true;
    } else if (all(0, 4, IsSerialCharacter)) {
      valid = true;
      switch (last) {
        case U'挂': plate.kind = PlateKind::kTrailer; break;
        case U'学': plate.kind = PlateKind::kCoach; break;
        case U'警': plate.kind = PlateKind::kPolice; break;
        case U'港': case U'澳': plate.kind = PlateKind::kHongKongMacao; break;
        default: valid = false;
      }
    }
  } else if (serial.size() == 6) {
    if (IsEnergyLetter(serial[0]) && IsSerialCharacter(serial[1]) && all(2, 6, IsDigit)) {
      plate.kind = PlateKind::kNewEnergySmall;
      valid = true;
    } else if (all(0, 5, IsDigit) && IsEnergyLetter(serial[5])) {
      plate.kind = PlateKind::kNewEnergyLarge;
      valid = true;
    } else {
      return Status::InvalidArgument(
          "8位号牌应为新能源号牌：小型为能源字母加5位（如鄂CD12345），大型为5位数字加能源字母"
          "（如鄂C12345D）");
    }
  } else {
    return Status::InvalidArgument("长度不对：普通号牌7位、新能源号牌8位，实际为" +
                                   std::to_string(code.size()) + "位");
  }
  if (!valid) {
    return Status::InvalidArgument("序号「" + ToUtf8(serial) +
                                   "」含有不允许的字符（只能是数字和除I、O外的字母，末位可为挂、学、警、港、澳）");
  }
  plate.normalized = ToUtf8(code);
  return plate;
}

}  // namespace shujian
