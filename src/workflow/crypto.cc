#include "workflow/crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

namespace shujian::workflow {

std::string HexEncode(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0xF]);
  }
  return hex;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

bool Sm3Available() {
  EVP_MD* md = EVP_MD_fetch(nullptr, "SM3", nullptr);
  if (md == nullptr) return false;
  EVP_MD_free(md);
  return true;
}

Result<std::string> HmacHex(std::string_view algorithm, std::string_view key,
                            std::string_view message) {
  const char* digest_name = nullptr;
  if (algorithm == kHmacSm3) {
    digest_name = "SM3";
  } else if (algorithm == kHmacSha256) {
    digest_name = "SHA256";
  } else {
    return Status::InvalidArgument("不认识的校验算法「" + std::string(algorithm) + "」");
  }
  EVP_MD* md = EVP_MD_fetch(nullptr, digest_name, nullptr);
  if (md == nullptr) {
    return Status::Unimplemented("本机的 OpenSSL 不提供 " + std::string(digest_name) + " 算法");
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  unsigned char* done =
      HMAC(md, key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
  EVP_MD_free(md);
  if (done == nullptr) return Status::Internal("计算 " + std::string(algorithm) + " 失败");
  return HexEncode(std::string_view(reinterpret_cast<const char*>(mac), length));
}

Result<std::string> RandomBytes(size_t count) {
  std::string bytes(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    return Status::Internal("无法生成随机数");
  }
  return bytes;
}

}  // namespace shujian::workflow
