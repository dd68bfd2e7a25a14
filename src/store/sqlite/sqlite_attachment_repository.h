// AttachmentRepository on SQLite: tables blobs and attachments (migration 0034).
#ifndef SHUJIAN_STORE_SQLITE_SQLITE_ATTACHMENT_REPOSITORY_H_
#define SHUJIAN_STORE_SQLITE_SQLITE_ATTACHMENT_REPOSITORY_H_

#include "store/attachment_repository.h"
#include "store/sqlite/sqlite_connection.h"

namespace shujian::store {

class SqliteAttachmentRepository final : public AttachmentRepository {
 public:
  // `connection` must outlive the repository and be inside a transaction.
  explicit SqliteAttachmentRepository(SqliteConnection* connection) : connection_(connection) {}

  Result<std::string> AddAttachment(const Attachment& attachment) override;
  Result<std::optional<Attachment>> GetAttachment(std::string_view id, bool with_content) override;
  Result<std::vector<Attachment>> ListAttachments(std::string_view object_id) override;

 private:
  SqliteConnection* connection_;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_SQLITE_SQLITE_ATTACHMENT_REPOSITORY_H_
