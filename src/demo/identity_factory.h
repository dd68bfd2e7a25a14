// Makes the people, organisations, vehicles and numbers of the demonstration city: every ID
// number, credit code and plate it makes is valid and unique, so that the only invalid values
// in the demo are the ones the noise (demo/noise.h) puts there on purpose.
//
// Thread safety: used by one thread.
#ifndef SHUJIAN_DEMO_IDENTITY_FACTORY_H_
#define SHUJIAN_DEMO_IDENTITY_FACTORY_H_

#include <string>
#include <unordered_set>

#include "core/date.h"
#include "demo/random.h"

namespace shujian::demo {

struct Person {
  std::string name;
  std::string id;  // 18 characters, valid
  Date birth_date;
  bool male = true;
};

struct Organisation {
  std::string name;
  std::string uscc;  // valid, with a valid 组织机构代码 inside
};

class IdentityFactory {
 public:
  explicit IdentityFactory(Random random) : random_(random) {}

  // A resident of `region_code` aged min_age..max_age on `today`. One in six residents of
  // 郧阳 (420304) carries the old 郧县 code 420321 of cards issued before 2014.
  Person NewPerson(int region_code, int min_age, int max_age, Date today);
  // A Chinese name: a surname and one or two given-name characters.
  std::string NewName();
  // An enterprise (企业, 91…) registered in `region_code`, named 十堰市<字号><行业>有限公司.
  Organisation NewCompany(int region_code);
  // An enterprise of `industry` (e.g. "物流"), named 十堰市<字号><行业>有限公司.
  Organisation NewCompanyInIndustry(std::string_view industry, int region_code);
  // An enterprise named `name`.
  Organisation NewCompanyNamed(const std::string& name, int region_code);
  // A state organ (机关, 11…) called `name`.
  Organisation NewAgency(const std::string& name, int region_code);
  // An organisation called `name` whose code starts with `prefix` (登记管理部门 and 机构类别,
  // e.g. "12" 事业单位, "51" 社会团体, "92" 个体工商户).
  Organisation NewOrganisation(const std::string& name, std::string_view prefix, int region_code);
  // A plate with `prefix` (province and office, e.g. "鄂C" for 十堰, "豫R" for 南阳), unique.
  std::string NewPlate(std::string_view prefix = "鄂C");

  Random& random() { return random_; }

 private:
  std::string NewUscc(std::string_view prefix, int region_code);

  Random random_;
  std::unordered_set<std::string> used_;  // ids, codes, plates and company names already issued
};

}  // namespace shujian::demo

#endif  // SHUJIAN_DEMO_IDENTITY_FACTORY_H_
