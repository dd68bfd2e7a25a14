#include "workflow/audit_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "workflow/crypto.h"
#include "workflow/masking.h"

namespace shujian::workflow {
namespace {

// Length-prefixed fields, so no two different rows serialise alike.
void AppendField(std::string* out, std::string_view field) {
  *out += std::to_string(field.size());
  out->push_back(':');
  out->append(field);
}

Result<std::string> HexDecode(std::string_view hex) {
  if (hex.size() % 2 != 0) return Status::InvalidArgument("十六进制长度不是偶数");
  std::string bytes;
  for (size_t i = 0; i < hex.size(); i += 2) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int high = nibble(hex[i]);
    int low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) return Status::InvalidArgument("不是十六进制数字");
    bytes.push_back(static_cast<char>(high * 16 + low));
  }
  return bytes;
}

}  // namespace

AuditKey AuditKey::FromSecret(std::string secret) {
  AuditKey key;
  key.secret_ = std::move(secret);
  key.algorithm_ = std::string(Sm3Available() ? kHmacSm3 : kHmacSha256);
  key.key_id_ = key.algorithm_ + ":" + Sha256Hex(key.secret_).substr(0, 8);
  return key;
}

Result<AuditKey> AuditKey::LoadOrCreate(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    SJ_ASSIGN_OR_RETURN(std::string secret, RandomBytes(32));
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
      return Status::IoError("无法创建审计密钥文件「" + path + "」：" + std::strerror(errno));
    }
    std::string hex = HexEncode(secret) + "\n";
    bool written = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size());
    bool closed = ::close(fd) == 0;
    if (!written || !closed) return Status::IoError("无法写入审计密钥文件「" + path + "」");
    return FromSecret(std::move(secret));
  }
  std::ifstream in(path);
  if (!in) return Status::IoError("无法读取审计密钥文件「" + path + "」");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  Result<std::string> secret = HexDecode(text);
  if (!secret.ok() || secret->size() < 16) {
    return Status::InvalidArgument("审计密钥文件「" + path +
                                   "」的内容不是密钥（应为64位十六进制）");
  }
  return FromSecret(std::move(secret).value());
}

Result<std::string> AuditLog::Mac(const store::AuditEvent& event,
                                  std::string_view algorithm) const {
  std::string message;
  const std::string seq = std::to_string(event.seq);  // outlives the loop below
  for (std::string_view field :
       {std::string_view(event.prev_mac), std::string_view(seq), std::string_view(event.at),
        std::string_view(event.actor), std::string_view(event.actor_org),
        std::string_view(event.action), std::string_view(event.object_type),
        std::string_view(event.object_id), std::string_view(event.outcome),
        std::string_view(event.summary), std::string_view(event.before_json),
        std::string_view(event.after_json), std::string_view(event.key_id)}) {
    AppendField(&message, field);
  }
  return HmacHex(algorithm, key_.secret(), message);
}

Status AuditLog::Record(store::Transaction& transaction, const Actor& actor,
                        const AuditEntry& entry) const {
  SJ_ASSIGN_OR_RETURN(std::optional<store::AuditEvent> last, transaction.audit().Last());
  store::AuditEvent event;
  event.seq = last ? last->seq + 1 : 1;
  event.at = clock_.Now().ToIso();
  event.actor = actor.login;
  event.actor_org = actor.org.code;
  event.action = entry.action;
  event.object_type = entry.object_type;
  event.object_id = entry.object_id;
  event.outcome = entry.outcome;
  event.summary = MaskIdNumbersInText(entry.summary, PersonalDataView::kPartial);
  event.before_json = MaskIdNumbersInText(entry.before_json, PersonalDataView::kPartial);
  event.after_json = MaskIdNumbersInText(entry.after_json, PersonalDataView::kPartial);
  event.key_id = key_.key_id();
  event.prev_mac = last ? last->mac : std::string(kAuditGenesis);
  SJ_ASSIGN_OR_RETURN(event.mac, Mac(event, key_.algorithm()));
  return transaction.audit().Append(event);
}

Result<AuditVerification> AuditLog::Verify(
    store::Transaction& transaction, std::optional<std::pair<int64_t, std::string>> anchor) const {
  AuditVerification result;
  std::string previous_mac(kAuditGenesis);
  int64_t expected_seq = 1;
  constexpr int kBatch = 1000;
  auto fail = [&](int64_t seq, std::string problem) {
    if (result.intact) {
      result.intact = false;
      result.first_bad_seq = seq;
      result.problem = std::move(problem);
    }
  };
  while (true) {
    SJ_ASSIGN_OR_RETURN(std::vector<store::AuditEvent> rows,
                        transaction.audit().Read(expected_seq, kBatch));
    for (const store::AuditEvent& row : rows) {
      ++result.rows;
      if (row.seq != expected_seq) {
        fail(expected_seq, "第" + std::to_string(expected_seq) + "条记录缺失（下一条是第" +
                               std::to_string(row.seq) + "条）");
      } else if (row.prev_mac != previous_mac) {
        fail(row.seq, "第" + std::to_string(row.seq) +
                          "条记录与前一条的链接断开（前一条被改动、删除或换位）");
      } else if (row.key_id != key_.key_id()) {
        fail(row.seq, "第" + std::to_string(row.seq) + "条记录由另一把密钥（" + row.key_id +
                          "）签名，本机密钥为 " + key_.key_id());
      } else {
        std::string algorithm = row.key_id.substr(0, row.key_id.find(':'));
        SJ_ASSIGN_OR_RETURN(std::string mac, Mac(row, algorithm));
        if (mac != row.mac) fail(row.seq, "第" + std::to_string(row.seq) + "条记录的内容被改动");
      }
      previous_mac = row.mac;
      result.last_seq = row.seq;
      result.last_mac = row.mac;
      expected_seq = row.seq + 1;
      if (anchor && row.seq == anchor->first && row.mac != anchor->second) {
        fail(row.seq,
             "第" + std::to_string(row.seq) + "条记录与保存的锚点不一致（整条链可能被重写）");
      }
    }
    if (static_cast<int>(rows.size()) < kBatch) break;
  }
  if (anchor && result.last_seq < anchor->first) {
    fail(result.last_seq + 1, "日志只有" + std::to_string(result.last_seq) + "条，少于锚点记录的" +
                                  std::to_string(anchor->first) + "条：末尾的记录被删除");
  }
  return result;
}

}  // namespace shujian::workflow
