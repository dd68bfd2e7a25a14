#include "store/sqlite/sqlite_lead_repository.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace shujian::store {
namespace {

std::string FormatId(char prefix, int64_t seq) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%c-%06lld", prefix, static_cast<long long>(seq));
  return buffer;
}

Result<int64_t> NextSeq(SqliteConnection* connection, const char* table) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection->Prepare(std::string("SELECT coalesce(max(seq), 0) + 1 FROM ") + table));
  SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
  if (!has_row) return Status::Internal("无法分配编号");
  return statement.Int(0);
}

constexpr const char* kLeadColumns =
    "id, source, model_id, model_version, subject_kind, subject_dataset, subject_key, "
    "subject_label, rules, title, facts, legal_basis, addressee, status, "
    "coalesce(first_run_id, ''), coalesce(last_run_id, ''), created_at, updated_at";

Lead ReadLead(const SqliteStatement& row) {
  Lead lead;
  lead.id = row.Text(0);
  lead.source = row.Text(1);
  lead.model_id = row.Text(2);
  lead.model_version = row.Text(3);
  lead.subject = {row.Text(4), row.Text(5), row.Text(6), row.Text(7)};
  lead.rules_json = row.Text(8);
  lead.title = row.Text(9);
  lead.facts_json = row.Text(10);
  lead.legal_basis = row.Text(11);
  lead.addressee = row.Text(12);
  lead.status = row.Text(13);
  lead.first_run_id = row.Text(14);
  lead.last_run_id = row.Text(15);
  lead.created_at = row.Text(16);
  lead.updated_at = row.Text(17);
  return lead;
}

}  // namespace

Result<std::string> SqliteLeadRepository::RecordRun(const ModelRun& run) {
  SJ_ASSIGN_OR_RETURN(int64_t seq, NextSeq(connection_, "model_runs"));
  std::string id = FormatId('R', seq);
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(
          "INSERT INTO model_runs (id, seq, model_id, model_version, as_of, started_at, seconds, "
          "input_batches, leads_found, leads_new, status, message, started_by) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, id)
      .Bind(2, seq)
      .Bind(3, run.model_id)
      .Bind(4, run.model_version)
      .Bind(5, run.as_of)
      .Bind(6, run.started_at)
      .Bind(7, run.seconds)
      .Bind(8, nlohmann::json(run.input_batches).dump())
      .Bind(9, static_cast<int64_t>(run.leads_found))
      .Bind(10, static_cast<int64_t>(run.leads_new))
      .Bind(11, run.ok ? "ok" : "failed")
      .Bind(12, run.message)
      .Bind(13, run.started_by);
  SJ_RETURN_IF_ERROR(statement.Run());
  return id;
}

Status SqliteLeadRepository::FinishRun(const ModelRun& run) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare("UPDATE model_runs SET seconds = ?, input_batches = ?, leads_found = ?, "
                           "leads_new = ?, status = ?, message = ? WHERE id = ?"));
  statement.Bind(1, run.seconds)
      .Bind(2, nlohmann::json(run.input_batches).dump())
      .Bind(3, static_cast<int64_t>(run.leads_found))
      .Bind(4, static_cast<int64_t>(run.leads_new))
      .Bind(5, run.ok ? "ok" : "failed")
      .Bind(6, run.message)
      .Bind(7, run.id);
  SJ_RETURN_IF_ERROR(statement.Run());
  if (sqlite3_changes(connection_->handle()) != 1) {
    return Status::NotFound("没有编号为 " + run.id + " 的模型运行记录");
  }
  return Status::Ok();
}

Result<std::vector<ModelRun>> SqliteLeadRepository::ListRuns(std::string_view model_id,
                                                             int limit) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(
          "SELECT id, model_id, model_version, as_of, started_at, seconds, input_batches, "
          "leads_found, leads_new, status, message, started_by FROM model_runs "
          "WHERE ? = '' OR model_id = ? ORDER BY seq DESC LIMIT ?"));
  statement.Bind(1, model_id).Bind(2, model_id).Bind(3, static_cast<int64_t>(limit > 0 ? limit : -1));
  std::vector<ModelRun> runs;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    ModelRun run;
    run.id = statement.Text(0);
    run.model_id = statement.Text(1);
    run.model_version = statement.Text(2);
    run.as_of = statement.Text(3);
    run.started_at = statement.Text(4);
    run.seconds = statement.Double(5);
    nlohmann::json batches = nlohmann::json::parse(statement.Text(6), nullptr, false);
    if (batches.is_array()) {
      for (const auto& batch : batches) {
        if (batch.is_string()) run.input_batches.push_back(batch.get<std::string>());
      }
    }
    run.leads_found = static_cast<int>(statement.Int(7));
    run.leads_new = static_cast<int>(statement.Int(8));
    run.ok = statement.Text(9) == "ok";
    run.message = statement.Text(10);
    run.started_by = statement.Text(11);
    runs.push_back(std::move(run));
  }
  return runs;
}

Result<UpsertOutcome> SqliteLeadRepository::UpsertModelFinding(const ModelFinding& finding,
                                                               std::string_view run_id,
                                                               std::string_view now) {
  if (finding.model_id.empty() || finding.subject.key.empty() || finding.subject.kind.empty()) {
    return Status::InvalidArgument("模型线索缺少模型编号或主体");
  }
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement find,
      connection_->Prepare("SELECT id FROM leads WHERE model_id = ? AND subject_kind = ? AND "
                           "subject_dataset = ? AND subject_key = ?"));
  find.Bind(1, finding.model_id)
      .Bind(2, finding.subject.kind)
      .Bind(3, finding.subject.dataset)
      .Bind(4, finding.subject.key);
  SJ_ASSIGN_OR_RETURN(bool exists, find.Step());
  UpsertOutcome outcome;
  if (exists) {
    outcome.lead_id = find.Text(0);
    SJ_ASSIGN_OR_RETURN(
        SqliteStatement update,
        connection_->Prepare("UPDATE leads SET model_version = ?, subject_label = ?, rules = ?, "
                             "title = ?, facts = ?, legal_basis = ?, addressee = ?, "
                             "last_run_id = ?, updated_at = ? WHERE id = ?"));
    update.Bind(1, finding.model_version)
        .Bind(2, finding.subject.label)
        .Bind(3, finding.rules_json)
        .Bind(4, finding.title)
        .Bind(5, finding.facts_json)
        .Bind(6, finding.legal_basis)
        .Bind(7, finding.addressee)
        .Bind(8, run_id)
        .Bind(9, now)
        .Bind(10, outcome.lead_id);
    SJ_RETURN_IF_ERROR(update.Run());
  } else {
    SJ_ASSIGN_OR_RETURN(int64_t seq, NextSeq(connection_, "leads"));
    outcome.lead_id = FormatId('L', seq);
    outcome.created = true;
    SJ_ASSIGN_OR_RETURN(
        SqliteStatement insert,
        connection_->Prepare(
            "INSERT INTO leads (id, seq, source, model_id, model_version, subject_kind, "
            "subject_dataset, subject_key, subject_label, rules, title, facts, legal_basis, "
            "addressee, first_run_id, last_run_id, created_at, updated_at) "
            "VALUES (?, ?, '模型', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.Bind(1, outcome.lead_id)
        .Bind(2, seq)
        .Bind(3, finding.model_id)
        .Bind(4, finding.model_version)
        .Bind(5, finding.subject.kind)
        .Bind(6, finding.subject.dataset)
        .Bind(7, finding.subject.key)
        .Bind(8, finding.subject.label)
        .Bind(9, finding.rules_json)
        .Bind(10, finding.title)
        .Bind(11, finding.facts_json)
        .Bind(12, finding.legal_basis)
        .Bind(13, finding.addressee)
        .Bind(14, run_id)
        .Bind(15, run_id)
        .Bind(16, now)
        .Bind(17, now);
    SJ_RETURN_IF_ERROR(insert.Run());
  }
  SJ_RETURN_IF_ERROR(ReplaceEvidence(outcome.lead_id, finding.evidence));
  return outcome;
}

Status SqliteLeadRepository::ReplaceEvidence(std::string_view lead_id,
                                             const std::vector<EvidenceRow>& evidence) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement remove,
                      connection_->Prepare("DELETE FROM lead_evidence WHERE lead_id = ?"));
  SJ_RETURN_IF_ERROR(remove.Bind(1, lead_id).Run());
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO lead_evidence (lead_id, position, dataset, row_key, "
                           "batch_id, role, row_values) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  int64_t position = 0;
  for (const EvidenceRow& row : evidence) {
    insert.Reset();
    insert.Bind(1, lead_id)
        .Bind(2, position++)
        .Bind(3, row.dataset)
        .Bind(4, row.key)
        .Bind(5, row.batch_id)
        .Bind(6, row.role)
        .Bind(7, row.values_json.empty() ? std::string_view("{}") : std::string_view(row.values_json));
    SJ_RETURN_IF_ERROR(insert.Run());
  }
  return Status::Ok();
}

Result<std::optional<Lead>> SqliteLeadRepository::GetLead(std::string_view lead_id) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare(std::string("SELECT ") + kLeadColumns +
                                           " FROM leads WHERE id = ?"));
  statement.Bind(1, lead_id);
  SJ_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return std::optional<Lead>();
  Lead lead = ReadLead(statement);
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement evidence,
      connection_->Prepare("SELECT dataset, row_key, batch_id, role, row_values FROM lead_evidence "
                           "WHERE lead_id = ? ORDER BY position"));
  evidence.Bind(1, lead_id);
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, evidence.Step());
    if (!has_row) break;
    lead.evidence.push_back({evidence.Text(0), evidence.Text(1), evidence.Text(2),
                             evidence.Text(3), evidence.Text(4)});
  }
  return std::optional<Lead>(std::move(lead));
}

Result<std::vector<Lead>> SqliteLeadRepository::ListLeads(const LeadFilter& filter) {
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement statement,
      connection_->Prepare(std::string("SELECT ") + kLeadColumns +
                           " FROM leads WHERE (? = '' OR model_id = ?) AND (? = '' OR status = ?) "
                           "AND (? = '' OR (subject_kind = ? AND subject_key = ?)) "
                           "ORDER BY seq LIMIT ?"));
  statement.Bind(1, filter.model_id)
      .Bind(2, filter.model_id)
      .Bind(3, filter.status)
      .Bind(4, filter.status)
      .Bind(5, filter.subject.kind)
      .Bind(6, filter.subject.kind)
      .Bind(7, filter.subject.key)
      .Bind(8, static_cast<int64_t>(filter.limit > 0 ? filter.limit : -1));
  std::vector<Lead> leads;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    leads.push_back(ReadLead(statement));
  }
  return leads;
}

Status SqliteLeadRepository::RecordRunOutputs(std::string_view run_id, const std::vector<RunOutput>& outputs) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement exists, connection_->Prepare("SELECT 1 FROM model_runs WHERE id = ?"));
  exists.Bind(1, run_id);
  SJ_ASSIGN_OR_RETURN(bool found, exists.Step());
  if (!found) return Status::NotFound("没有编号为 " + std::string(run_id) + " 的模型运行记录");
  SJ_ASSIGN_OR_RETURN(SqliteStatement remove, connection_->Prepare("DELETE FROM model_run_outputs WHERE run_id = ?"));
  SJ_RETURN_IF_ERROR(remove.Bind(1, run_id).Run());
  SJ_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      connection_->Prepare("INSERT INTO model_run_outputs (run_id, position, step, title, columns, rows) "
                           "VALUES (?, ?, ?, ?, ?, ?)"));
  int64_t position = 0;
  for (const RunOutput& output : outputs) {
    insert.Reset();
    insert.Bind(1, run_id)
        .Bind(2, position++)
        .Bind(3, output.step)
        .Bind(4, output.title)
        .Bind(5, nlohmann::json(output.columns).dump())
        .Bind(6, nlohmann::json(output.rows).dump());
    SJ_RETURN_IF_ERROR(insert.Run());
  }
  return Status::Ok();
}

Result<std::vector<RunOutput>> SqliteLeadRepository::ListRunOutputs(std::string_view run_id) {
  SJ_ASSIGN_OR_RETURN(SqliteStatement statement,
                      connection_->Prepare("SELECT step, title, columns, rows FROM model_run_outputs "
                                           "WHERE run_id = ? ORDER BY position"));
  statement.Bind(1, run_id);
  std::vector<RunOutput> outputs;
  while (true) {
    SJ_ASSIGN_OR_RETURN(bool has_row, statement.Step());
    if (!has_row) break;
    RunOutput output;
    output.step = statement.Text(0);
    output.title = statement.Text(1);
    nlohmann::json columns = nlohmann::json::parse(statement.Text(2), nullptr, false);
    nlohmann::json rows = nlohmann::json::parse(statement.Text(3), nullptr, false);
    if (!columns.is_array() || !rows.is_array()) {
      return Status::Corruption("模型运行 " + std::string(run_id) + " 的输出表不是有效的 JSON");
    }
    for (const auto& column : columns) output.columns.push_back(column.is_string() ? column.get<std::string>() : "");
    for (const auto& row : rows) {
      std::vector<std::string> values;
      if (row.is_array()) {
        for (const auto& value : row) values.push_back(value.is_string() ? value.get<std::string>() : "");
      }
      output.rows.push_back(std::move(values));
    }
    outputs.push_back(std::move(output));
  }
  return outputs;
}

}  // namespace shujian::store
