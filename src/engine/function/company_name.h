// The comparison form of an organisation's name: the matching form of core/name_normalize.h
// (繁→简, full-width, spaces, brackets unified), then without what varies between how agencies
// write the same company:
//   - bracketed parts, usually places or former names: 某某物流（十堰）有限公司 → 某某物流有限公司;
//   - a branch: 某某物流有限公司郧阳分公司 → 某某物流有限公司 (the text from the last 公司 before
//     the trailing 分公司 is dropped);
//   - legal-form suffixes, repeatedly: 股份有限公司, 有限责任公司, 有限公司, 责任公司, 集团公司,
//     总公司, 公司, 集团, 有限合伙, 合伙企业.
// So 十堰市某某物流有限責任公司 and 十堰市某某物流有限公司（郧阳） both become 十堰市某某物流. A name
// that is nothing but a suffix keeps its matching form.
//
// Thread safety: pure function.
#ifndef SHUJIAN_ENGINE_FUNCTION_COMPANY_NAME_H_
#define SHUJIAN_ENGINE_FUNCTION_COMPANY_NAME_H_

#include <string>
#include <string_view>

namespace shujian::engine {

std::string CompanyNameForm(std::string_view name);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FUNCTION_COMPANY_NAME_H_
