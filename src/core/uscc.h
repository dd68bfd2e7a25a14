// 统一社会信用代码 (GB 32100-2015): validation and normalisation of organisation codes.
//
// 18 characters from the 31-symbol alphabet 0-9 A-Z without I, O, Z, S, V: registration
// authority (1), organisation kind (1), registering region (6, GB/T 2260), the subject code
// (9, the former 组织机构代码 with its own check character) and the check character, computed
// with weights 3^i mod 31. A wrong alphabet, length or check character is a reject, except for
// codes on the administrator-kept list of legacy exceptions (pilot-period codes that fail the
// checksum yet are legally valid; rules/uscc-exceptions.csv). A wrong subject-code check or an
// unknown region is only a warning: such codes exist in the wild and are legal.
//
// Thread safety: free functions without state; UsccExceptions is immutable once built.
#ifndef SHUJIAN_CORE_USCC_H_
#define SHUJIAN_CORE_USCC_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/region_codes.h"
#include "core/result.h"

namespace shujian {

// Codes accepted despite a wrong check character.
class UsccExceptions {
 public:
  // The list shipped in rules/uscc-exceptions.csv.
  static const UsccExceptions& Shipped();
  // An empty list.
  UsccExceptions() = default;
  // Parses "code,source" CSV text with '#' comments and a header line starting "code".
  static Result<UsccExceptions> Parse(std::string_view csv, std::string_view source_name);

  bool Contains(std::string_view code) const { return codes_.count(std::string(code)) > 0; }
  void Add(std::string code) { codes_.insert(std::move(code)); }

 private:
  std::set<std::string> codes_;
};

struct Uscc {
  std::string normalized;             // 18 characters, upper-case
  std::string authority;              // 登记管理部门, e.g. "工商（市场监管）"; empty if unknown
  std::string kind;                   // 机构类别, e.g. "企业"; empty if unknown
  std::string region;                 // registering region, e.g. "湖北省十堰市郧阳区"
  bool legacy_exception = false;      // accepted only because it is on the exception list
  std::vector<std::string> warnings;  // accepted, but worth a look
};

// Validates and normalises `input` (full-width folded, spaces and hyphens removed,
// lower case upper-cased). Returns InvalidArgument whose message is the reason.
Result<Uscc> ParseUscc(std::string_view input,
                       const UsccExceptions& exceptions = UsccExceptions::Shipped(),
                       const RegionTable& regions = RegionTable::Shipped());

// The check character of the first 17 characters. REQUIRES: all 17 are in the alphabet.
char UsccCheckCharacter(std::string_view first17);

// The check character of a 组织机构代码 (GB 11714; positions 9–17 of a USCC) from its first
// eight characters: '0'-'9' or 'X'; 0 when a character is not 0-9 or A-Z.
char OrganizationCodeCheckCharacter(std::string_view first8);

// True iff `c` is in the 31-symbol alphabet.
bool IsUsccCharacter(char c);

// True iff the input is an organisation enterprise code (authority 9, kind 1: 企业), which is
// what the 残保金 small-employer exemption needs to know. REQUIRES: a normalised code.
bool IsEnterpriseUscc(std::string_view normalized);

}  // namespace shujian

#endif  // SHUJIAN_CORE_USCC_H_
