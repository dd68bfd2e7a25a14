#include "store/sqlite/sqlite_lead_handling_repository.h"

#include "store/sqlite/sqlite_ids.h"

namespace shujian::store {
namespace {

constexpr const char* kHandlingColumns =
    "lead_id, coalesce(org_code, ''), dept_code, coalesce(assignee, ''), received_on, "
    "source_detail, decision, reason, decided_by, decided_on, coalesce(merged_into, ''), "
    "outcome_ref, updated_at";

LeadHandling ReadHandling(const SqliteStatement& row) {
  return {row.Text(0),  row.Text(1),  row.Text(2), row.Text(3), row.Text(4),
          row.Text(5),  row.Text(6),  row.Text(7), row.Text(8), row.Text(9),
          row.Text(10), row.Text(11), row.Text(12)};
}

// Binds `text` to `index`, or NULL when it is empty (for nullable foreign keys).
void BindOrNull(SqliteStatement& statement, int index, const std::string& text) {
  if (text.empty()) {
    statement.BindNull(index);
  } else {
    statement.Bind(index, text);
  }
}

}  // namespace

Result<std::string> SqliteLeadHandlingRepository::CreateLead(const LeadIntake& intake,
                                                             std::string_view now) {
  if (intake.subject.kind.empty() || intake.subject.key.empty()) {
    return Status::InvalidArgument("线索缺少主体（类型和标识）");
  }
  if (intake.title.empty()) return Status::InvalidArgument("线索缺少标题");
  if (intake.source.empty() || intake.source == "模型") {
    return Status::InvalidArgument("非模型线索须写明来源");
  }
  SJ_ASSIGN_OR_RETURN(int64_t seq,
                      QueryInt(connection_, "SELECT coalesce(max(seq), 0) + 1 FROM leads"));
  std::string id = SequentialId("L", seq);
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare(
          "INSERT INTO leads (id, seq, source, subject_kind, subject_dataset, subject_key, "
          "subject_label, title, facts, legal_basis, addressee, status, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '待评估', ?, ?)"));
  insert.Bind(1, id)
      .Bind(2, seq)
      .Bind(3, intake.source)
      .Bind(4, intake.subject.kind)
      .Bind(5, intake.subject.dataset)
      .Bind(6, intake.subject.key)
      .Bind(7, intake.subject.label)
      .Bind(8, intake.title)
      .Bind(9, intake.facts_json.empty() ? std::string_view("{}") : intake.facts_json)
      .Bind(10, intake.legal_basis)
      .Bind(11, intake.addressee)
      .Bind(12, now)
      .Bind(13, now);
  SJ_RETURN_IF_ERROR(insert.Run());
  return id;
}

Status SqliteLeadHandlingRepository::SetLeadStatus(std::string_view lead_id,
                                                   std::string_view status, std::string_view now) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement update,
                      connection_->Prepare("UPDATE leads SET status = ?, updated_at = ? "
                                           "WHERE id = ?"));
  SJ_RETURN_IF_ERROR(update.Bind(1, status).Bind(2, now).Bind(3, lead_id).Run());
  return RequireOneChange(connection_, "线索「" + std::string(lead_id) + "」不存在");
}

Result<std::optional<LeadHandling>> SqliteLeadHandlingRepository::GetHandling(
    std::string_view lead_id) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kHandlingColumns +
                                           " FROM lead_handling WHERE lead_id = ?"));
  statement.Bind(1, lead_id);
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<LeadHandling>();
  return std::optional<LeadHandling>(ReadHandling(statement));
}

Status SqliteLeadHandlingRepository::PutHandling(const LeadHandling& handling) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement upsert,
      connection_->Prepare(
          "INSERT INTO lead_handling (lead_id, org_code, dept_code, assignee, received_on, "
          "source_detail, decision, reason, decided_by, decided_on, merged_into, outcome_ref, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (lead_id) DO UPDATE SET org_code = excluded.org_code, "
          "dept_code = excluded.dept_code, assignee = excluded.assignee, "
          "received_on = excluded.received_on, source_detail = excluded.source_detail, "
          "decision = excluded.decision, reason = excluded.reason, "
          "decided_by = excluded.decided_by, decided_on = excluded.decided_on, "
          "merged_into = excluded.merged_into, outcome_ref = excluded.outcome_ref, "
          "updated_at = excluded.updated_at"));
  upsert.Bind(1, handling.lead_id);
  BindOrNull(upsert, 2, handling.org_code);
  upsert.Bind(3, handling.dept_code);
  BindOrNull(upsert, 4, handling.assignee);
  upsert.Bind(5, handling.received_on)
      .Bind(6, handling.source_detail_json.empty() ? std::string_view("{}")
                                                   : handling.source_detail_json)
      .Bind(7, handling.decision)
      .Bind(8, handling.reason)
      .Bind(9, handling.decided_by)
      .Bind(10, handling.decided_on);
  BindOrNull(upsert, 11, handling.merged_into);
  upsert.Bind(12, handling.outcome_ref).Bind(13, handling.updated_at);
  return upsert.Run();
}

Result<std::vector<LeadHandling>> SqliteLeadHandlingRepository::ListHandling(
    const LeadHandlingFilter& filter) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(std::string("SELECT ") + kHandlingColumns +
                           " FROM lead_handling WHERE (?1 = '' OR org_code = ?1) AND "
                           "(?2 = '' OR assignee = ?2) ORDER BY lead_id LIMIT ?3"));
  statement.Bind(1, filter.org_code)
      .Bind(2, filter.assignee)
      .Bind(3, static_cast<int64_t>(filter.limit > 0 ? filter.limit : -1));
  return CollectRows<LeadHandling>(statement,
                                   [](const SqliteStatement& row) { return ReadHandling(row); });
}

Result<std::vector<std::string>> SqliteLeadHandlingRepository::ListMergedInto(
    std::string_view lead_id) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare("SELECT lead_id FROM lead_handling WHERE "
                                           "merged_into = ? ORDER BY lead_id"));
  statement.Bind(1, lead_id);
  return CollectRows<std::string>(statement,
                                  [](const SqliteStatement& row) { return row.Text(0); });
}

}  // namespace shujian::store
