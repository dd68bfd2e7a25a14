// The matching form of a case number, decision number or document number (案件编号, 文书编号,
// 处罚决定书文号): agencies write the same number as 郧农（渔）罚〔2023〕15号, 郧农(渔)罚[2023]15号
// or 郧农（渔）罚【2023】15 号. The form is: NFKC (full-width → half-width, （） → ()), no spaces,
// 〔〕【】〖〗 and ［］ → [ ], Latin letters upper-cased. The number as given is kept for display;
// this form is the key that joins datasets (shared/spec/datasets.md, type case_no).
//
// Thread safety: safe for concurrent use.
#ifndef SHUJIAN_CORE_CASE_NUMBER_H_
#define SHUJIAN_CORE_CASE_NUMBER_H_

#include <string>
#include <string_view>

namespace shujian {

std::string NormalizeCaseNumber(std::string_view number);

}  // namespace shujian

#endif  // SHUJIAN_CORE_CASE_NUMBER_H_
