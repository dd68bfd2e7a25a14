// ModelRerunVerifier: rectification verification (整改核验) by running the model again. For a
// suggestion that came from a model lead, it runs that model through the engine on the newest
// data in the store, as of the day of the check, and answers whether the model still finds the
// same subject. It stores no leads and no run: the answer is recorded by the procedure act that
// asked for it (its evidence line names the data it read).
//
// Data older than the agency's reply proves nothing about rectification, so the check is
// refused (FailedPrecondition, saying what to import) unless some dataset the model reads has
// an import batch from on or after `data_since`.
//
// Thread safety: one verification at a time; the library must outlive the verifier.
#ifndef SHUJIAN_WORKFLOW_MODEL_RERUN_VERIFIER_H_
#define SHUJIAN_WORKFLOW_MODEL_RERUN_VERIFIER_H_

#include "engine/model_library.h"
#include "workflow/rectification_verifier.h"

namespace shujian::workflow {

class ModelRerunVerifier final : public RectificationVerifier {
 public:
  explicit ModelRerunVerifier(const engine::ModelLibrary* library) : library_(library) {}

  Result<VerificationOutcome> Verify(store::Transaction& transaction,
                                     const VerificationRequest& request) override;

 private:
  const engine::ModelLibrary* library_;
};

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_MODEL_RERUN_VERIFIER_H_
