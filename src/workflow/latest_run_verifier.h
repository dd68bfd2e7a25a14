// LatestRunVerifier: answers "does model M still find subject S on data as of D" from the model
// runs stored by the engine: the newest successful run of M, if its reference date is on or after
// D (request.data_since), either refreshed S's lead (still found) or did not (gone — a run re-finds
// every subject it finds, so a lead it did not touch is no longer found). With no such run it says
// so, so the prosecutor can run the model first (`shujian run M --as-of D`).
//
// Thread safety: stateless; safe for concurrent use.
#ifndef SHUJIAN_WORKFLOW_LATEST_RUN_VERIFIER_H_
#define SHUJIAN_WORKFLOW_LATEST_RUN_VERIFIER_H_

#include "workflow/rectification_verifier.h"

namespace shujian::workflow {

class LatestRunVerifier final : public RectificationVerifier {
 public:
  Result<VerificationOutcome> Verify(store::Transaction& transaction,
                                     const VerificationRequest& request) override;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_LATEST_RUN_VERIFIER_H_
