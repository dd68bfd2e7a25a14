// The canonical text of a run's result: every lead (subject, rules, title; at the chosen detail
// also addressee, legal basis, facts and evidence), every output table and every note, in a
// fixed order. Two runs with the same text found the same things. Used to compare the native
// engine with the reference, by golden tests and by `shujian model test`.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_LEAD_RESULT_TEXT_H_
#define SHUJIAN_ENGINE_LEAD_RESULT_TEXT_H_

#include <string>

#include "engine/run_result.h"

namespace shujian::engine {

enum class ResultDetail {
  kLeads,     // "lead <kind> <dataset|-> <key> [<rules>] <title>", notes, outputs
  kEvidence,  // also "  evidence <dataset> <key> <batch>"
  kFull,      // also label, addressee, legal basis, facts and evidence values
};

std::string ResultText(const RunResult& result, ResultDetail detail);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_LEAD_RESULT_TEXT_H_
