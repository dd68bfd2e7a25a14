// The 残保金 parameters the demonstration city is built with: the row of
// rules/legal/disability_fund_parameters.csv (compiled in) for a year and province, so that the
// generator computes the levy exactly as the shipped model will.
#ifndef SHUJIAN_DEMO_FUND_PARAMETERS_H_
#define SHUJIAN_DEMO_FUND_PARAMETERS_H_

#include "core/result.h"

namespace shujian::demo {

struct FundParameters {
  double ratio = 0;                   // arrangement ratio, e.g. 0.015
  double exemption_staff = 0;         // enterprises at or below this average staff are exempt
  double cap_multiple = 0;            // wage base cap, as a multiple of the social wage
  double reduced_rate_threshold = 0;  // ratio reached from which rate_at_or_above applies
  double rate_at_or_above = 1;
  double rate_below = 1;
  double average_social_wage = 0;     // 元 per year
};

// Returns NotFound when the file has no row for (year, region_code).
Result<FundParameters> LoadFundParameters(int year, int region_code);

}  // namespace shujian::demo

#endif  // SHUJIAN_DEMO_FUND_PARAMETERS_H_
