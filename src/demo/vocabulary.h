// The words the demonstration city is made of: surnames and given names, townships and
// villages of 郧阳, the district's 34 enforcement agencies, company names, offences as agencies
// write them, heritage sites. Realistic enough that a prosecutor recognises the place, invented
// enough that no real person is named.
//
// Thread safety: constant data.
#ifndef SHUJIAN_DEMO_VOCABULARY_H_
#define SHUJIAN_DEMO_VOCABULARY_H_

#include <span>
#include <string_view>

namespace shujian::demo {

// A basic procuratorate (基层院) of 十堰 and the county it serves (rules.md §5.3).
struct Procuratorate {
  std::string_view code;        // organisation code used in the demo, e.g. "SYYY"
  std::string_view name;        // 十堰市郧阳区人民检察院
  std::string_view short_name;  // 郧 (for document numbers: 郧检行建〔2024〕3号)
  int region_code;              // 420304
};

// An administrative enforcement agency of 郧阳 and what it enforces.
struct Agency {
  std::string_view name;          // 十堰市郧阳区农业农村局
  std::string_view case_prefix;   // YYNY: prefix of its case numbers (案件编号)
  std::string_view decision_abbr; // 郧农: abbreviation in its decision numbers (郧农罚〔2023〕15号)
  std::string_view field;         // the domain: 农业, 林业, 自然资源, 市场监管, 生态环境, 税务, 交通, 其他
  int cases_per_year;             // typical number of penalty cases it uploads in a year
};

std::span<const Procuratorate> Procuratorates();  // the city procuratorate first, then 8
std::span<const Agency> YunyangAgencies();        // 34
std::span<const std::string_view> Surnames();
std::span<const std::string_view> GivenNameCharacters();
std::span<const std::string_view> YunyangTownships();
std::span<const std::string_view> CompanyTradeNames();   // 字号, e.g. 汉江, 鑫源
std::span<const std::string_view> CompanyIndustries();   // e.g. 汽车零部件, 建材, 物流

}  // namespace shujian::demo

#endif  // SHUJIAN_DEMO_VOCABULARY_H_
