#include "store/sqlite/sqlite_attachment_repository.h"

#include "store/sqlite/sqlite_ids.h"

namespace shujian::store {
namespace {

constexpr const char* kAttachmentColumns =
    "a.id, a.sha256, a.size, a.media_type, a.file_name, a.purpose, a.object_id, a.uploaded_by, "
    "a.uploaded_at";

Attachment ReadAttachment(const SqliteStatement& row) {
  Attachment attachment;
  attachment.id = row.Text(0);
  attachment.sha256 = row.Text(1);
  attachment.size = row.Int(2);
  attachment.media_type = row.Text(3);
  attachment.file_name = row.Text(4);
  attachment.purpose = row.Text(5);
  attachment.object_id = row.Text(6);
  attachment.uploaded_by = row.Text(7);
  attachment.uploaded_at = row.Text(8);
  return attachment;
}

}  // namespace

Result<std::string> SqliteAttachmentRepository::AddAttachment(const Attachment& attachment) {
  if (attachment.sha256.size() != 64) return Status::Internal("附件缺少 SHA-256 摘要");
  if (static_cast<int64_t>(attachment.content.size()) != attachment.size) {
    return Status::Internal("附件大小与内容不符");
  }
  SJ_ASSIGN_OR_RETURN(SqliteStatement blob,
                      connection_->Prepare("INSERT INTO blobs (sha256, size, bytes) VALUES "
                                           "(?, ?, ?) ON CONFLICT (sha256) DO NOTHING"));
  SJ_RETURN_IF_ERROR(blob.Bind(1, attachment.sha256)
                         .Bind(2, attachment.size)
                         .BindBlob(3, attachment.content)
                         .Run());
  SJ_ASSIGN_OR_RETURN(int64_t seq,
                      QueryInt(connection_, "SELECT coalesce(max(seq), 0) + 1 FROM attachments"));
  std::string id = SequentialId("A", seq);
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO attachments (id, seq, sha256, size, media_type, file_name, "
                           "purpose, object_id, uploaded_by, uploaded_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  SJ_RETURN_IF_ERROR(insert.Bind(1, id)
                         .Bind(2, seq)
                         .Bind(3, attachment.sha256)
                         .Bind(4, attachment.size)
                         .Bind(5, attachment.media_type)
                         .Bind(6, attachment.file_name)
                         .Bind(7, attachment.purpose)
                         .Bind(8, attachment.object_id)
                         .Bind(9, attachment.uploaded_by)
                         .Bind(10, attachment.uploaded_at)
                         .Run());
  return id;
}

Result<std::optional<Attachment>> SqliteAttachmentRepository::GetAttachment(std::string_view id,
                                                                            bool with_content) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(std::string("SELECT ") + kAttachmentColumns +
                           ", CASE WHEN ?2 THEN b.bytes ELSE NULL END FROM attachments a "
                           "JOIN blobs b ON b.sha256 = a.sha256 WHERE a.id = ?1"));
  statement.Bind(1, id).Bind(2, static_cast<int64_t>(with_content ? 1 : 0));
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<Attachment>();
  Attachment attachment = ReadAttachment(statement);
  if (with_content) attachment.content = statement.Blob(9);
  return std::optional<Attachment>(std::move(attachment));
}

Result<std::vector<Attachment>> SqliteAttachmentRepository::ListAttachments(
    std::string_view object_id) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kAttachmentColumns +
                                           " FROM attachments a WHERE a.object_id = ? "
                                           "ORDER BY a.seq"));
  statement.Bind(1, object_id);
  return CollectRows<Attachment>(statement,
                                 [](const SqliteStatement& row) { return ReadAttachment(row); });
}

}  // namespace shujian::store
