#include "ingest/byte_source.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace shujian::ingest {
namespace {

class FileSource final : public ByteSource {
 public:
  FileSource(int fd, std::string name, int64_t size) : fd_(fd), name_(std::move(name)), size_(size) {}
  ~FileSource() override { ::close(fd_); }

  Result<size_t> Read(char* buffer, size_t capacity) override {
    while (true) {
      ssize_t got = ::read(fd_, buffer, capacity);
      if (got >= 0) {
        consumed_ += got;
        sha_.Update(std::string_view(buffer, static_cast<size_t>(got)));
        return static_cast<size_t>(got);
      }
      if (errno == EINTR) continue;
      return Status::IoError("读取文件「" + name_ + "」失败：" + std::strerror(errno));
    }
  }
  int64_t size() const override { return size_; }
  int64_t consumed() const override { return consumed_; }
  std::string Sha256Hex() const override { return sha_.HexDigest(); }
  const std::string& name() const override { return name_; }

 private:
  int fd_;
  std::string name_;
  int64_t size_;
  int64_t consumed_ = 0;
  Sha256 sha_;
};

class MemorySource final : public ByteSource {
 public:
  MemorySource(std::string_view bytes, std::string name) : bytes_(bytes), name_(std::move(name)) {}
  Result<size_t> Read(char* buffer, size_t capacity) override {
    size_t count = std::min(capacity, bytes_.size() - position_);
    std::memcpy(buffer, bytes_.data() + position_, count);
    sha_.Update(bytes_.substr(position_, count));
    position_ += count;
    return count;
  }
  int64_t size() const override { return static_cast<int64_t>(bytes_.size()); }
  int64_t consumed() const override { return static_cast<int64_t>(position_); }
  std::string Sha256Hex() const override { return sha_.HexDigest(); }
  const std::string& name() const override { return name_; }

 private:
  std::string_view bytes_;
  std::string name_;
  size_t position_ = 0;
  Sha256 sha_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> ByteSource::OpenFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("文件「" + path + "」不存在");
    return Status::IoError("无法打开文件「" + path + "」：" + std::strerror(errno));
  }
  struct stat info;
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument("「" + path + "」不是文件");
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<ByteSource>(new FileSource(fd, path, static_cast<int64_t>(info.st_size)));
}

std::unique_ptr<ByteSource> ByteSource::FromMemory(std::string_view bytes, std::string name) {
  return std::make_unique<MemorySource>(bytes, std::move(name));
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), EVP_sha256(), nullptr);
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_)); }

void Sha256::Update(std::string_view bytes) {
  if (!bytes.empty()) EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_), bytes.data(), bytes.size());
}

std::string Sha256::HexDigest() const {
  EVP_MD_CTX* copy = EVP_MD_CTX_new();
  EVP_MD_CTX_copy_ex(copy, static_cast<EVP_MD_CTX*>(context_));
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(copy, digest, &size);
  EVP_MD_CTX_free(copy);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int index = 0; index < size; ++index) {
    hex.push_back(kHex[digest[index] >> 4]);
    hex.push_back(kHex[digest[index] & 15]);
  }
  return hex;
}

Result<std::string> FileSha256(const std::string& path) {
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, ByteSource::OpenFile(path));
  std::string buffer(1 << 20, '\0');
  while (true) {
    SJ_ASSIGN_OR_RETURN(size_t got, source->Read(buffer.data(), buffer.size()));
    if (got == 0) break;
  }
  return source->Sha256Hex();
}

}  // namespace shujian::ingest
