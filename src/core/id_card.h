// 公民身份号码 (GB 11643-1999): validation and normalisation of ID numbers.
//
// Accepts what people type and what spreadsheets hold: 18-character numbers, legacy 15-digit
// numbers (GB 11643-1989; upgraded to 18 by inserting "19" and computing the check character),
// a lower-case x, full-width digits, spaces and hyphens. Also 港澳台居民居住证 (address codes
// 810000/820000/830000) and the 2023 外国人永久居留身份证 (first digit 9), which use the same
// layout and check character.
//
// A number is rejected, with the reason in plain Chinese, when: its characters or length are
// wrong; its birth date is not a real date, is before 1900 or after today; its check character
// (ISO 7064 MOD 11-2) is wrong; or its province code does not exist. An unknown county code is
// accepted with a warning: codes are never reissued and old cards keep abolished codes.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_CORE_ID_CARD_H_
#define SHUJIAN_CORE_ID_CARD_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/region_codes.h"
#include "core/result.h"

namespace shujian {

enum class IdDocumentKind {
  kResidentId,               // 居民身份证
  kResidencePermit,          // 港澳台居民居住证
  kForeignPermanentResident  // 外国人永久居留身份证 (2023 format)
};

enum class Sex { kMale, kFemale };

// "男" / "女".
std::string_view SexName(Sex sex);
// "居民身份证", "港澳台居民居住证", "外国人永久居留身份证".
std::string_view IdDocumentKindName(IdDocumentKind kind);

struct IdCard {
  std::string normalized;             // 18 characters, upper-case X
  Date birth_date;
  Sex sex = Sex::kMale;               // from the 17th digit: odd = male
  IdDocumentKind kind = IdDocumentKind::kResidentId;
  std::string region;                 // e.g. "湖北省十堰市郧阳区"; the known prefix if partly known
  bool upgraded_from_15 = false;      // the input was a 15-digit number
  std::vector<std::string> warnings;  // accepted, but worth a look (unknown county code, ...)
};

// Validates and normalises `input`. `today` bounds the birth date.
// Returns InvalidArgument whose message is the reason, e.g. "校验位错误，应为5".
Result<IdCard> ParseIdCard(std::string_view input, Date today,
                           const RegionTable& regions = RegionTable::Shipped());

// The ISO 7064 MOD 11-2 check character of the first 17 digits: one of "0123456789X".
// REQUIRES: first17 is 17 ASCII digits.
char IdCardCheckCharacter(std::string_view first17);

// Converts a legacy 15-digit number to 18 characters (no validation beyond digits).
// REQUIRES: number is 15 ASCII digits.
std::string UpgradeIdCard15(std::string_view number);

// The input as the ID parser sees it: full-width folded, spaces and hyphens removed,
// lower-case x upper-cased. Useful to report what was checked.
std::string CleanIdCardInput(std::string_view input);

}  // namespace shujian

#endif  // SHUJIAN_CORE_ID_CARD_H_
