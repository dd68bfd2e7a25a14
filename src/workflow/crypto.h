// The cryptography the workflow needs, through OpenSSL: SHA-256 of attachments, HMAC-SM3 for the
// audit chain (GB/T 32905 SM3, available in Debian 12's OpenSSL 3.0 default provider; HMAC-SHA256
// when a provider without SM3 is configured), and random keys.
//
// Thread safety: free functions without shared state; safe for concurrent use.
#ifndef SHUJIAN_WORKFLOW_CRYPTO_H_
#define SHUJIAN_WORKFLOW_CRYPTO_H_

#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian::workflow {

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// True when OpenSSL's providers offer SM3.
bool Sm3Available();

// The MAC algorithms of the audit chain, as recorded with each row.
inline constexpr std::string_view kHmacSm3 = "HMAC-SM3";
inline constexpr std::string_view kHmacSha256 = "HMAC-SHA256";

// Lower-case hex HMAC of `message` under `key` with `algorithm` (kHmacSm3 or kHmacSha256).
// Returns Unimplemented when the algorithm is not available, InvalidArgument for another name.
Result<std::string> HmacHex(std::string_view algorithm, std::string_view key,
                            std::string_view message);

// `count` bytes from OpenSSL's CSPRNG. Returns Internal when it fails.
Result<std::string> RandomBytes(size_t count);

// Lower-case hex of `bytes`.
std::string HexEncode(std::string_view bytes);

}  // namespace shujian::workflow

#endif  // SHUJIAN_WORKFLOW_CRYPTO_H_
