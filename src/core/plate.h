// Motor-vehicle plate numbers (号牌号码, GA 36-2018): validation and normalisation.
//
// A plate is a province abbreviation, the issuing office's letter and a serial: 5 characters
// for ordinary plates (鄂C·12345; the last may be 挂, 学, 警, 港 or 澳), 6 for new-energy
// plates (small: D/F-series letter first, 鄂CD12345; large: letter last, 鄂C12345D). Serials
// never use I or O. Input may carry full-width characters, spaces, '·', '-' or '.'; the stored
// form has no separators and is upper-case: 鄂C12345.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_CORE_PLATE_H_
#define SHUJIAN_CORE_PLATE_H_

#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian {

enum class PlateKind {
  kOrdinary,         // 普通号牌
  kNewEnergySmall,   // 小型新能源汽车号牌
  kNewEnergyLarge,   // 大型新能源汽车号牌
  kTrailer,          // 挂车号牌
  kCoach,            // 教练汽车号牌
  kPolice,           // 警用汽车号牌
  kHongKongMacao,    // 粤港澳入出境号牌
};

// "普通号牌", "小型新能源汽车号牌", ...
std::string_view PlateKindName(PlateKind kind);

struct Plate {
  std::string normalized;  // e.g. "鄂C12345"
  PlateKind kind = PlateKind::kOrdinary;
  std::string province;    // the province the abbreviation stands for, e.g. "湖北"
};

// Validates and normalises `input`. Returns InvalidArgument whose message is the reason.
Result<Plate> ParsePlate(std::string_view input);

}  // namespace shujian

#endif  // SHUJIAN_CORE_PLATE_H_
