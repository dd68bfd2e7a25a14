#include "store/sqlite/sqlite_matter_repository.h"

#include "store/sqlite/sqlite_ids.h"

namespace shujian::store {
namespace {

constexpr const char* kMatterColumns =
    "id, machine, kind, state, coalesce(case_id, ''), coalesce(parent_id, ''), "
    "coalesce(lead_id, ''), org_code, dept_code, coalesce(handler, ''), "
    "coalesce(counterparty_org, ''), title, urgent, doc_number, attributes, opened_on, closed_on, "
    "created_at, updated_at";

Matter ReadMatter(const SqliteStatement& row) {
  Matter matter;
  matter.id = row.Text(0);
  matter.machine = row.Text(1);
  matter.kind = row.Text(2);
  matter.state = row.Text(3);
  matter.case_id = row.Text(4);
  matter.parent_id = row.Text(5);
  matter.lead_id = row.Text(6);
  matter.org_code = row.Text(7);
  matter.dept_code = row.Text(8);
  matter.handler = row.Text(9);
  matter.counterparty_org = row.Text(10);
  matter.title = row.Text(11);
  matter.urgent = row.Int(12) != 0;
  matter.doc_number = row.Text(13);
  matter.attributes_json = row.Text(14);
  matter.opened_on = row.Text(15);
  matter.closed_on = row.Text(16);
  matter.created_at = row.Text(17);
  matter.updated_at = row.Text(18);
  return matter;
}

constexpr const char* kDeadlineColumns =
    "id, object_id, name, title, base_on, due_on, period, state, closed_on, paused_on, handler, "
    "org_code, counterparty_org, note";

Deadline ReadDeadline(const SqliteStatement& row) {
  Deadline deadline;
  deadline.id = row.Int(0);
  deadline.object_id = row.Text(1);
  deadline.name = row.Text(2);
  deadline.title = row.Text(3);
  deadline.base_on = row.Text(4);
  deadline.due_on = row.Text(5);
  deadline.period = row.Text(6);
  deadline.state = row.Text(7);
  deadline.closed_on = row.Text(8);
  deadline.paused_on = row.Text(9);
  deadline.handler = row.Text(10);
  deadline.org_code = row.Text(11);
  deadline.counterparty_org = row.Text(12);
  deadline.note = row.Text(13);
  return deadline;
}

void BindOrNull(SqliteStatement& statement, int index, const std::string& text) {
  if (text.empty()) {
    statement.BindNull(index);
  } else {
    statement.Bind(index, text);
  }
}

std::string_view JsonOrEmptyObject(const std::string& json) {
  return json.empty() ? std::string_view("{}") : std::string_view(json);
}

}  // namespace

Result<std::string> SqliteMatterRepository::CreateMatter(const Matter& matter,
                                                         std::string_view prefix) {
  if (prefix.empty()) return Status::Internal("案件编号缺少前缀");
  SJ_ASSIGN_OR_RETURN(
      int64_t seq,
      QueryInt(connection_, "SELECT coalesce(max(seq), 0) + 1 FROM matters WHERE prefix = ?1",
               prefix));
  std::string id = SequentialId(prefix, seq);
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare(
          "INSERT INTO matters (id, prefix, seq, machine, kind, state, case_id, parent_id, "
          "lead_id, org_code, dept_code, handler, counterparty_org, title, urgent, doc_number, "
          "attributes, opened_on, closed_on, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, id)
      .Bind(2, prefix)
      .Bind(3, seq)
      .Bind(4, matter.machine)
      .Bind(5, matter.kind)
      .Bind(6, matter.state);
  BindOrNull(insert, 7, matter.case_id);
  BindOrNull(insert, 8, matter.parent_id);
  BindOrNull(insert, 9, matter.lead_id);
  insert.Bind(10, matter.org_code).Bind(11, matter.dept_code);
  BindOrNull(insert, 12, matter.handler);
  BindOrNull(insert, 13, matter.counterparty_org);
  insert.Bind(14, matter.title)
      .Bind(15, static_cast<int64_t>(matter.urgent ? 1 : 0))
      .Bind(16, matter.doc_number)
      .Bind(17, JsonOrEmptyObject(matter.attributes_json))
      .Bind(18, matter.opened_on)
      .Bind(19, matter.closed_on)
      .Bind(20, matter.created_at)
      .Bind(21, matter.updated_at);
  SJ_RETURN_IF_ERROR(insert.Run());
  return id;
}

Result<std::optional<Matter>> SqliteMatterRepository::GetMatter(std::string_view id) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(std::string("SELECT ") + kMatterColumns + " FROM matters WHERE id = ?"));
  statement.Bind(1, id);
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<Matter>();
  return std::optional<Matter>(ReadMatter(statement));
}

Status SqliteMatterRepository::UpdateMatter(const Matter& matter) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement update,
      connection_->Prepare("UPDATE matters SET state = ?, handler = ?, dept_code = ?, "
                           "counterparty_org = ?, title = ?, urgent = ?, doc_number = ?, "
                           "attributes = ?, closed_on = ?, updated_at = ?, kind = ? WHERE id = ?"));
  update.Bind(1, matter.state);
  BindOrNull(update, 2, matter.handler);
  update.Bind(3, matter.dept_code);
  BindOrNull(update, 4, matter.counterparty_org);
  update.Bind(5, matter.title)
      .Bind(6, static_cast<int64_t>(matter.urgent ? 1 : 0))
      .Bind(7, matter.doc_number)
      .Bind(8, JsonOrEmptyObject(matter.attributes_json))
      .Bind(9, matter.closed_on)
      .Bind(10, matter.updated_at)
      .Bind(11, matter.kind)
      .Bind(12, matter.id);
  SJ_RETURN_IF_ERROR(update.Run());
  return RequireOneChange(connection_, "「" + matter.id + "」不存在");
}

Result<std::vector<Matter>> SqliteMatterRepository::ListMatters(const MatterFilter& filter) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(
          std::string("SELECT ") + kMatterColumns +
          " FROM matters WHERE (?1 = '' OR machine = ?1) AND (?2 = '' OR case_id = ?2) AND "
          "(?3 = '' OR parent_id = ?3) AND (?4 = '' OR lead_id = ?4) AND "
          "(?5 = '' OR org_code = ?5) AND (?6 = '' OR handler = ?6) AND "
          "(?7 = '' OR counterparty_org = ?7) AND (?8 = 0 OR closed_on = '') "
          "ORDER BY prefix, seq LIMIT ?9"));
  statement.Bind(1, filter.machine)
      .Bind(2, filter.case_id)
      .Bind(3, filter.parent_id)
      .Bind(4, filter.lead_id)
      .Bind(5, filter.org_code)
      .Bind(6, filter.handler)
      .Bind(7, filter.counterparty_org)
      .Bind(8, static_cast<int64_t>(filter.open_only ? 1 : 0))
      .Bind(9, static_cast<int64_t>(filter.limit > 0 ? filter.limit : -1));
  return CollectRows<Matter>(statement, [](const SqliteStatement& row) { return ReadMatter(row); });
}

Result<int64_t> SqliteMatterRepository::AppendEvent(const WorkflowEvent& event) {
  SJ_ASSIGN_OR_RETURN(int64_t seq, QueryInt(connection_,
                                            "SELECT coalesce(max(seq), 0) + 1 FROM "
                                            "workflow_events WHERE object_id = ?1",
                                            event.object_id));
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO workflow_events (object_id, seq, action, label, "
                           "from_state, to_state, actor, acted_on, recorded_at, inputs) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, event.object_id)
      .Bind(2, seq)
      .Bind(3, event.action)
      .Bind(4, event.label)
      .Bind(5, event.from_state)
      .Bind(6, event.to_state)
      .Bind(7, event.actor)
      .Bind(8, event.acted_on)
      .Bind(9, event.recorded_at)
      .Bind(10, JsonOrEmptyObject(event.inputs_json));
  SJ_RETURN_IF_ERROR(insert.Run());
  return seq;
}

Result<std::vector<WorkflowEvent>> SqliteMatterRepository::ListEvents(std::string_view object_id) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare("SELECT object_id, seq, action, label, from_state, to_state, actor, "
                           "acted_on, recorded_at, inputs FROM workflow_events "
                           "WHERE object_id = ? ORDER BY seq"));
  statement.Bind(1, object_id);
  return CollectRows<WorkflowEvent>(statement, [](const SqliteStatement& row) {
    return WorkflowEvent{row.Text(0), row.Int(1),  row.Text(2), row.Text(3), row.Text(4),
                         row.Text(5), row.Text(6), row.Text(7), row.Text(8), row.Text(9)};
  });
}

Result<int64_t> SqliteMatterRepository::AddDeadline(const Deadline& deadline) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare(
          "INSERT INTO deadlines (object_id, name, title, base_on, due_on, "
          "period, state, closed_on, paused_on, handler, org_code, "
          "counterparty_org, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.Bind(1, deadline.object_id)
      .Bind(2, deadline.name)
      .Bind(3, deadline.title)
      .Bind(4, deadline.base_on)
      .Bind(5, deadline.due_on)
      .Bind(6, deadline.period)
      .Bind(7, deadline.state)
      .Bind(8, deadline.closed_on)
      .Bind(9, deadline.paused_on)
      .Bind(10, deadline.handler)
      .Bind(11, deadline.org_code)
      .Bind(12, deadline.counterparty_org)
      .Bind(13, deadline.note);
  SJ_RETURN_IF_ERROR(insert.Run());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(connection_->handle()));
}

Status SqliteMatterRepository::UpdateDeadline(const Deadline& deadline) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement update,
      connection_->Prepare("UPDATE deadlines SET state = ?, due_on = ?, closed_on = ?, "
                           "paused_on = ?, handler = ?, counterparty_org = ?, note = ? "
                           "WHERE id = ?"));
  update.Bind(1, deadline.state)
      .Bind(2, deadline.due_on)
      .Bind(3, deadline.closed_on)
      .Bind(4, deadline.paused_on)
      .Bind(5, deadline.handler)
      .Bind(6, deadline.counterparty_org)
      .Bind(7, deadline.note)
      .Bind(8, deadline.id);
  SJ_RETURN_IF_ERROR(update.Run());
  return RequireOneChange(connection_, "期限 " + std::to_string(deadline.id) + " 不存在");
}

Result<std::vector<Deadline>> SqliteMatterRepository::ListDeadlines(const DeadlineFilter& filter) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(
          std::string("SELECT ") + kDeadlineColumns +
          " FROM deadlines WHERE (?1 = '' OR object_id = ?1) AND (?2 = '' OR name = ?2) AND "
          "(?3 = 0 OR state IN ('open', 'paused')) AND "
          "((?4 = '' AND ?5 = '' AND ?6 = '') OR (?4 <> '' AND handler = ?4) OR "
          "(?5 <> '' AND counterparty_org = ?5) OR (?6 <> '' AND org_code = ?6)) "
          "ORDER BY due_on, id"));
  statement.Bind(1, filter.object_id)
      .Bind(2, filter.name)
      .Bind(3, static_cast<int64_t>(filter.active_only ? 1 : 0))
      .Bind(4, filter.handler)
      .Bind(5, filter.counterparty_org)
      .Bind(6, filter.org_code);
  return CollectRows<Deadline>(statement,
                               [](const SqliteStatement& row) { return ReadDeadline(row); });
}

Result<int64_t> SqliteMatterRepository::AllocateDocumentNumber(const DocumentNumberKey& key) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement upsert,
      connection_->Prepare("INSERT INTO document_counters (org_code, dept_code, doc_type, year, "
                           "last) VALUES (?, ?, ?, ?, 1) ON CONFLICT (org_code, dept_code, "
                           "doc_type, year) DO UPDATE SET last = last + 1 RETURNING last"));
  upsert.Bind(1, key.org_code)
      .Bind(2, key.dept_code)
      .Bind(3, key.doc_type)
      .Bind(4, static_cast<int64_t>(key.year));
  SJ_ASSIGN_OR_RETURN(bool has_row, upsert.Step());
  if (!has_row) return Status::Internal("文号计数器没有返回序号");
  int64_t n = upsert.Int(0);
  // Drain the statement so the write completes before the next statement runs.
  SJ_ASSIGN_OR_RETURN(bool more, upsert.Step());
  (void)more;
  return n;
}

Status SqliteMatterRepository::RecordDocumentNumber(std::string_view number,
                                                    const DocumentNumberKey& key, int64_t n,
                                                    std::string_view matter_id,
                                                    std::string_view allocated_at,
                                                    std::string_view allocated_by) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement used,
                      connection_->Prepare("SELECT count(*) FROM document_numbers WHERE "
                                           "number = ?1 OR (org_code = ?2 AND dept_code = ?3 AND "
                                           "doc_type = ?4 AND year = ?5 AND n = ?6)"));
  used.Bind(1, number)
      .Bind(2, key.org_code)
      .Bind(3, key.dept_code)
      .Bind(4, key.doc_type)
      .Bind(5, static_cast<int64_t>(key.year))
      .Bind(6, n);
  SJ_ASSIGN_OR_RETURN(bool has_row, used.Step());
  if (has_row && used.Int(0) > 0) {
    return Status::AlreadyExists("文号「" + std::string(number) + "」已经分配过，不得重复使用");
  }
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO document_numbers (number, org_code, dept_code, doc_type, "
                           "year, n, matter_id, allocated_at, allocated_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  return insert.Bind(1, number)
      .Bind(2, key.org_code)
      .Bind(3, key.dept_code)
      .Bind(4, key.doc_type)
      .Bind(5, static_cast<int64_t>(key.year))
      .Bind(6, n)
      .Bind(7, matter_id)
      .Bind(8, allocated_at)
      .Bind(9, allocated_by)
      .Run();
}

}  // namespace shujian::store
