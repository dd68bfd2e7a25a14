// Rectification verification (整改核验): for a suggestion that came from a model lead, ask whether
// the model still finds the same subject on the newest data. If it no longer does, that is
// evidence of rectification; if it still does, the rectification may be inadequate.
//
// The workflow calls this interface when a prosecutor records or reviews rectification; it does
// not know how models run. Implementations: LatestRunVerifier (latest_run_verifier.h) reads the
// results of the model's latest stored run; an implementation that re-runs the model through the
// engine replaces it once the engine layer exists.
//
// Thread safety: implementations are used by one operation at a time.
#ifndef SHUJIAN_WORKFLOW_RECTIFICATION_VERIFIER_H_
#define SHUJIAN_WORKFLOW_RECTIFICATION_VERIFIER_H_

#include <string>

#include "core/date.h"
#include "core/result.h"
#include "store/store.h"

namespace shujian::workflow {

struct VerificationRequest {
  std::string model_id;
  store::LeadSubject subject;
  Date as_of;       // the day of the check: a re-run uses the data as of this day
  Date data_since;  // the answer must come from data as of this day or later (the agency's reply,
                    // or the service of the suggestion when there was no reply)
};

struct VerificationOutcome {
  bool still_found = false;  // the model finds the subject on the newest data
  std::string run_id;        // the run that answers
  std::string run_as_of;     // its reference date
  std::string evidence;      // one line for people: what was checked and what was found
};

class RectificationVerifier {
 public:
  virtual ~RectificationVerifier() = default;
  // Whether model `request.model_id` still finds `request.subject` on the newest data, which must
  // be as of `request.data_since` or later. FailedPrecondition when that cannot be known yet (no
  // run on new enough data), saying what to do.
  virtual Result<VerificationOutcome> Verify(store::Transaction& transaction,
                                             const VerificationRequest& request) = 0;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_RECTIFICATION_VERIFIER_H_
