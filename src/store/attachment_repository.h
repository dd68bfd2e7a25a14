// AttachmentRepository: files attached to leads, matters and inspections (reply letters,
// consultation minutes, evidence, photos, generated documents). Content is stored once per
// SHA-256 digest; each attachment row records what it belongs to and who uploaded it.
//
// The repository trusts the digest, size and media type it is given: checking them (and the
// size and type limits) is the workflow's job (workflow/attachments.h).
//
// Thread safety: used through its Transaction, by one thread at a time.
#ifndef SHUJIAN_STORE_ATTACHMENT_REPOSITORY_H_
#define SHUJIAN_STORE_ATTACHMENT_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::store {

struct Attachment {
  std::string id;      // "A-000001"; allocated by AddAttachment
  std::string sha256;  // lower-case hex of the content
  int64_t size = 0;
  std::string media_type;  // application/pdf, image/jpeg ...
  std::string file_name;   // for display only
  std::string purpose;     // 回复文书, 磋商纪要, 整改证据, 巡查照片, 文书 ...
  std::string object_id;   // what it is attached to
  std::string uploaded_by;
  std::string uploaded_at;
  std::string content;  // the bytes: given to AddAttachment, filled by GetAttachment
};

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;

  // Stores the attachment (its content once per digest) and returns its id.
  virtual Result<std::string> AddAttachment(const Attachment& attachment) = 0;
  // The attachment with its content when `with_content`, or nullopt.
  virtual Result<std::optional<Attachment>> GetAttachment(std::string_view id,
                                                          bool with_content) = 0;
  // The attachments of `object_id`, oldest first, without content.
  virtual Result<std::vector<Attachment>> ListAttachments(std::string_view object_id) = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_ATTACHMENT_REPOSITORY_H_
