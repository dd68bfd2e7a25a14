// ByteSource: the bytes of one input file, read front to back in large chunks, with the
// SHA-256 of everything read (for the batch manifest) computed on the way, so a file is read
// once. Also over a buffer in memory (tests, fuzzing).
//
// Thread safety: one thread at a time.
#ifndef SHUJIAN_INGEST_BYTE_SOURCE_H_
#define SHUJIAN_INGEST_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace shujian::ingest {

class ByteSource {
 public:
  // Opens `path`. Returns NotFound or IoError with the file named.
  static Result<std::unique_ptr<ByteSource>> OpenFile(const std::string& path);
  // A source over `bytes`, which must outlive it.
  static std::unique_ptr<ByteSource> FromMemory(std::string_view bytes, std::string name = "");
  virtual ~ByteSource() = default;

  // Reads up to `capacity` bytes into `buffer`; returns 0 at the end. IoError on failure.
  virtual Result<size_t> Read(char* buffer, size_t capacity) = 0;
  // The size of the whole input, or -1 when unknown.
  virtual int64_t size() const = 0;
  // Bytes read so far.
  virtual int64_t consumed() const = 0;
  // Lower-case hex SHA-256 of the bytes read so far (of the whole input once Read returned 0).
  virtual std::string Sha256Hex() const = 0;
  // The file name for messages.
  virtual const std::string& name() const = 0;
};

// Incremental SHA-256 (OpenSSL).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  // The hex digest of everything so far (the state is kept: Update may continue).
  std::string HexDigest() const;

 private:
  void* context_;  // EVP_MD_CTX
};

// The SHA-256 of a whole file, read in chunks. IoError when it cannot be read.
Result<std::string> FileSha256(const std::string& path);

}  // namespace shujian::ingest

#endif  // SHUJIAN_INGEST_BYTE_SOURCE_H_
