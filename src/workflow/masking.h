// Masking personal data in what the workflow shows (shared/design/security.md PI-2 and
// rules.md §6.2): ID numbers, names and plates are shown in full only to roles that need them;
// others see a masked form. Masking is for display and logs; stored data is unchanged.
//
// Thread safety: free functions without state.
#ifndef SHUJIAN_WORKFLOW_MASKING_H_
#define SHUJIAN_WORKFLOW_MASKING_H_

#include <string>
#include <string_view>

namespace shujian::workflow {

// How much of a person's data a reader sees (rules/access/roles.yaml personal_data).
enum class PersonalDataView {
  kPlain,    // 明文: the handling prosecutors
  kPartial,  // 部分脱敏: ID 420304********2510, name 陈*
  kMasked,   // 脱敏: ID 4****************0, name 陈*
  kNone,     // 无: not shown at all (the three administrators never get here)
};

// An ID number (15 or 18 characters) masked for `view`; anything else is masked keeping only its
// first and last character.
std::string MaskIdNumber(std::string_view id, PersonalDataView view);
// A person's name: the family name and one * per further character (陈** for 陈某某).
std::string MaskName(std::string_view name, PersonalDataView view);
// A plate: province, office letter and the last two characters (鄂C***45).
std::string MaskPlate(std::string_view plate, PersonalDataView view);
// `text` with every 18-character ID number (17 digits and a digit or X) and every 15-digit run
// masked as MaskIdNumber does; for free text such as titles and audit records.
std::string MaskIdNumbersInText(std::string_view text, PersonalDataView view);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_MASKING_H_
