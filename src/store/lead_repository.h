// LeadRepository: leads (线索), their evidence, and the model runs that find them.
//
// Leads from a model are keyed by (model, subject): UpsertModelFinding creates the lead the
// first time a model finds a subject and afterwards replaces its title, facts, rules and
// evidence, keeping its id, status and history. Leads from other sources are created by the
// workflow layer and never merged by key. Ids are allocated in order ("L-000001", "R-000001"),
// so the same runs on the same data give the same ids.
//
// The store keeps JSON columns (rules, facts, evidence values) as text it does not interpret.
//
// Thread safety: used through its Transaction, by one thread at a time.
#ifndef SHUJIAN_STORE_LEAD_REPOSITORY_H_
#define SHUJIAN_STORE_LEAD_REPOSITORY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::store {

// What a lead is about (shared/spec/cli.md): kind record|vehicle|person|organisation|site, the
// normalised key, and for a record its dataset.
struct LeadSubject {
  std::string kind;
  std::string dataset;  // for kind "record"; else empty
  std::string key;
  std::string label;    // how people call it (a name, a plate); for display only

  friend bool operator==(const LeadSubject& a, const LeadSubject& b) {
    return a.kind == b.kind && a.dataset == b.dataset && a.key == b.key;
  }
};

// One input row that produced a finding.
struct EvidenceRow {
  std::string dataset;
  std::string key;          // the row's dataset key, normalised
  std::string batch_id;     // the import batch the row came from
  std::string role;         // what the row is to the finding, e.g. "行政处罚"
  std::string values_json;  // JSON object of the values the model read ("{}" if none)
};

// What one model run found about one subject.
struct ModelFinding {
  std::string model_id;
  std::string model_version;
  LeadSubject subject;
  std::string rules_json = "[]";  // JSON array of the sub-rules that fired
  std::string title;
  std::string facts_json = "{}";  // JSON object: the values and thresholds compared
  std::string legal_basis;
  std::string addressee;
  std::vector<EvidenceRow> evidence;
};

struct Lead {
  std::string id;
  std::string source;  // "模型" for model leads
  std::string model_id;
  std::string model_version;
  LeadSubject subject;
  std::string rules_json;
  std::string title;
  std::string facts_json;
  std::string legal_basis;
  std::string addressee;
  std::string status;
  std::string first_run_id;
  std::string last_run_id;
  std::string created_at;
  std::string updated_at;
  std::vector<EvidenceRow> evidence;  // filled by GetLead only
};

struct LeadFilter {
  std::string model_id;  // empty: any
  std::string status;    // empty: any
  LeadSubject subject;   // subject.kind empty: any; else kind and key must match
  int limit = 0;         // 0: no limit
};

struct ModelRun {
  std::string id;  // allocated by RecordRun
  std::string model_id;
  std::string model_version;
  std::string as_of;       // ISO date
  std::string started_at;  // ISO date-time, Beijing
  double seconds = 0;
  std::vector<std::string> input_batches;
  int leads_found = 0;
  int leads_new = 0;
  bool ok = true;
  std::string message;     // the error, or notes for the analyst
  std::string started_by;
};

// A table a model run produced besides its leads (e.g. an agency scorecard).
struct RunOutput {
  std::string step;                            // the model step that produced it (may be empty)
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // one value per column; "" for no value
};

struct UpsertOutcome {
  std::string lead_id;
  bool created = false;
};

class LeadRepository {
 public:
  virtual ~LeadRepository() = default;

  // Allocates a run id and records `run` (its id field is ignored). Returns the id.
  virtual Result<std::string> RecordRun(const ModelRun& run) = 0;
  // Updates the counts, duration and outcome of a recorded run.
  virtual Status FinishRun(const ModelRun& run) = 0;
  // The runs of `model_id` (all models when empty), newest first.
  virtual Result<std::vector<ModelRun>> ListRuns(std::string_view model_id, int limit) = 0;

  // Creates or refreshes the lead of (finding.model_id, finding.subject); `run_id` is the run
  // that found it and `now` the ISO time. REQUIRES: a non-empty model id and subject key.
  virtual Result<UpsertOutcome> UpsertModelFinding(const ModelFinding& finding,
                                                   std::string_view run_id,
                                                   std::string_view now) = 0;

  // The lead with its evidence, or nullopt.
  virtual Result<std::optional<Lead>> GetLead(std::string_view lead_id) = 0;
  // Leads matching `filter`, in id order, without evidence.
  virtual Result<std::vector<Lead>> ListLeads(const LeadFilter& filter) = 0;

  // Records the output tables of run `run_id`, replacing any recorded for it before.
  // NotFound when there is no such run.
  virtual Status RecordRunOutputs(std::string_view run_id, const std::vector<RunOutput>& outputs) = 0;
  // The output tables of run `run_id` in the order recorded; empty when it has none.
  virtual Result<std::vector<RunOutput>> ListRunOutputs(std::string_view run_id) = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_LEAD_REPOSITORY_H_
