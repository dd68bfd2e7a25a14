// The notes a run gives the analyst besides its leads, worded once for both evaluators:
// rows a parameter table had nothing for (e.g. violation types the thresholds table does not
// know), and findings without a subject.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_LEAD_NOTES_H_
#define SHUJIAN_ENGINE_LEAD_NOTES_H_

#include <set>
#include <string>

#include "engine/spec/param_table.h"

namespace shujian::engine {

// "步骤 t：2 行在参数表「…」（…）中找不到对应，未参与判断（其他、非法狩猎）": `missing` rows, whose key
// values (as shown) are `values`; at most ten are listed.
std::string LookupMissingNote(const std::string& step, const ParamTable& table, size_t missing,
                              const std::set<std::string>& values);

// "子规则 a：3 行没有线索对象（key 为空），未产生线索".
std::string MissingSubjectNote(const std::string& rule, size_t rows, const std::string& key_text);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_LEAD_NOTES_H_
