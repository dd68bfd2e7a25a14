#include "store/sqlite/sqlite_audit_repository.h"

#include "store/sqlite/sqlite_ids.h"

namespace shujian::store {
namespace {

constexpr const char* kAuditColumns =
    "seq, at, actor, actor_org, action, object_type, object_id, outcome, summary, before, after, "
    "key_id, prev_mac, mac";

AuditEvent ReadAuditEvent(const SqliteStatement& row) {
  AuditEvent event;
  event.seq = row.Int(0);
  event.at = row.Text(1);
  event.actor = row.Text(2);
  event.actor_org = row.Text(3);
  event.action = row.Text(4);
  event.object_type = row.Text(5);
  event.object_id = row.Text(6);
  event.outcome = row.Text(7);
  event.summary = row.Text(8);
  event.before_json = row.Text(9);
  event.after_json = row.Text(10);
  event.key_id = row.Text(11);
  event.prev_mac = row.Text(12);
  event.mac = row.Text(13);
  return event;
}

}  // namespace

Result<std::optional<AuditEvent>> SqliteAuditRepository::Last() {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kAuditColumns +
                                           " FROM audit_events ORDER BY seq DESC LIMIT 1"));
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<AuditEvent>();
  return std::optional<AuditEvent>(ReadAuditEvent(statement));
}

Status SqliteAuditRepository::Append(const AuditEvent& event) {
  SJ_ASSIGN_OR_RETURN(std::optional<AuditEvent> last, Last());
  int64_t expected_seq = last ? last->seq + 1 : 1;
  if (event.seq != expected_seq) {
    return Status::FailedPrecondition("审计记录须按顺序追加：应为第" +
                                      std::to_string(expected_seq) + "条，收到第" +
                                      std::to_string(event.seq) + "条");
  }
  if (last && event.prev_mac != last->mac) {
    return Status::FailedPrecondition("审计记录链不连续：前一条的校验值与新记录所引用的不一致");
  }
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO audit_events (seq, at, actor, actor_org, action, "
                           "object_type, object_id, outcome, summary, before, after, key_id, "
                           "prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  return insert.Bind(1, event.seq)
      .Bind(2, event.at)
      .Bind(3, event.actor)
      .Bind(4, event.actor_org)
      .Bind(5, event.action)
      .Bind(6, event.object_type)
      .Bind(7, event.object_id)
      .Bind(8, event.outcome)
      .Bind(9, event.summary)
      .Bind(10, event.before_json)
      .Bind(11, event.after_json)
      .Bind(12, event.key_id)
      .Bind(13, event.prev_mac)
      .Bind(14, event.mac)
      .Run();
}

Result<std::vector<AuditEvent>> SqliteAuditRepository::Read(int64_t from_seq, int limit) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kAuditColumns +
                                           " FROM audit_events WHERE seq >= ? ORDER BY seq "
                                           "LIMIT ?"));
  statement.Bind(1, from_seq).Bind(2, static_cast<int64_t>(limit > 0 ? limit : -1));
  return CollectRows<AuditEvent>(statement,
                                 [](const SqliteStatement& row) { return ReadAuditEvent(row); });
}

Result<std::vector<AuditEvent>> SqliteAuditRepository::ReadForObject(std::string_view object_id) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kAuditColumns +
                                           " FROM audit_events WHERE object_id = ? ORDER BY seq"));
  statement.Bind(1, object_id);
  return CollectRows<AuditEvent>(statement,
                                 [](const SqliteStatement& row) { return ReadAuditEvent(row); });
}

}  // namespace shujian::store
