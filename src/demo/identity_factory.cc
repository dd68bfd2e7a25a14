#include "demo/identity_factory.h"

#include <cstdio>
#include <vector>

#include "core/id_card.h"
#include "core/uscc.h"
#include "demo/vocabulary.h"

namespace shujian::demo {
namespace {

constexpr std::string_view kCodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::string_view kPlateCharacters = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

}  // namespace

std::string IdentityFactory::NewName() {
  std::string name(random_.Pick(Surnames()));
  name += random_.Pick(GivenNameCharacters());
  if (random_.Chance(700)) name += random_.Pick(GivenNameCharacters());
  return name;
}

Person IdentityFactory::NewPerson(int region_code, int min_age, int max_age, Date today) {
  Person person;
  person.name = NewName();
  int issued_region = region_code;
  if (region_code == 420304 && random_.Chance(166)) issued_region = 420321;
  while (true) {
    int age_days = static_cast<int>(random_.Between(min_age * 365 + 1, max_age * 365 + 364));
    person.birth_date = today.AddDays(-age_days);
    person.male = random_.Chance(520);
    int sequence = static_cast<int>(random_.Below(500)) * 2 + (person.male ? 1 : 0);
    char first17[24];
    std::snprintf(first17, sizeof first17, "%06d%04d%02d%02d%03d", issued_region,
                  person.birth_date.year(), person.birth_date.month(), person.birth_date.day(),
                  sequence);
    person.id = std::string(first17) + IdCardCheckCharacter(first17);
    if (used_.insert(person.id).second) return person;
  }
}

std::string IdentityFactory::NewUscc(std::string_view prefix, int region_code) {
  while (true) {
    std::string first8;
    for (int index = 0; index < 8; ++index) {
      // Digits mostly, as real 组织机构代码 are; letters from the USCC alphabet.
      first8 += random_.Chance(800) ? static_cast<char>('0' + random_.Below(10))
                                    : kCodeCharacters[10 + random_.Below(kCodeCharacters.size() - 10)];
    }
    char organisation_check = OrganizationCodeCheckCharacter(first8);
    char region[8];
    std::snprintf(region, sizeof region, "%06d", region_code);
    std::string first17 = std::string(prefix) + region + first8 + organisation_check;
    std::string code = first17 + UsccCheckCharacter(first17);
    if (used_.insert(code).second) return code;
  }
}

Organisation IdentityFactory::NewCompany(int region_code) {
  return NewCompanyInIndustry(random_.Pick(CompanyIndustries()), region_code);
}

Organisation IdentityFactory::NewCompanyInIndustry(std::string_view industry, int region_code) {
  std::string suffix = random_.Chance(300) ? "有限责任公司" : "有限公司";
  std::string name =
      "十堰市" + std::string(random_.Pick(CompanyTradeNames())) + std::string(industry) + suffix;
  // Two companies with one name would make the demo ambiguous; vary it as registries do.
  for (int attempt = 0; used_.count(name); ++attempt) {
    std::string place = attempt < 20 ? "" : std::string(random_.Pick(YunyangTownships()));
    name = "十堰" + std::string(random_.Pick(CompanyTradeNames())) +
           std::string(random_.Pick(CompanyTradeNames())) + place + std::string(industry) + suffix;
  }
  return NewCompanyNamed(name, region_code);
}

Organisation IdentityFactory::NewCompanyNamed(const std::string& name, int region_code) {
  used_.insert(name);
  return {name, NewUscc("91", region_code)};
}

Organisation IdentityFactory::NewAgency(const std::string& name, int region_code) {
  return NewOrganisation(name, "11", region_code);
}

Organisation IdentityFactory::NewOrganisation(const std::string& name, std::string_view prefix,
                                              int region_code) {
  return {name, NewUscc(prefix, region_code)};
}

std::string IdentityFactory::NewPlate(std::string_view prefix) {
  while (true) {
    std::string plate(prefix);
    for (int index = 0; index < 5; ++index) {
      char c = index < 2 && random_.Chance(250)
                   ? kPlateCharacters[10 + random_.Below(kPlateCharacters.size() - 10)]
                   : static_cast<char>('0' + random_.Below(10));
      if (c == 'I' || c == 'O') c = '8';
      plate += c;
    }
    if (used_.insert(plate).second) return plate;
  }
}

}  // namespace shujian::demo
