// The exit codes of `shujian` (shared/spec/cli.md) and how a Status maps to them.
#ifndef SHUJIAN_CLI_EXIT_CODES_H_
#define SHUJIAN_CLI_EXIT_CODES_H_

#include "core/status.h"

namespace shujian::cli {

enum ExitCode : int {
  kExitDone = 0,       // done
  kExitAttention = 1,  // done, but something needs attention (an invalid value, a failed model)
  kExitUsage = 2,      // unusable input or usage; nothing was changed
  kExitInternal = 3,   // internal error
};

// Corruption and Internal are ours (3); every other error is about the input or the
// situation the user can change (2).
inline ExitCode ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitDone;
  switch (status.code()) {
    case StatusCode::kCorruption:
    case StatusCode::kInternal:
      return kExitInternal;
    default:
      return kExitUsage;
  }
}

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_EXIT_CODES_H_
