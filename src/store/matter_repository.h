// MatterRepository: cases (案件) and what is done in them — consultations, procuratorial
// suggestions, opinions, transfers, deputies' suggestions, litigation — each a "matter" with a
// state; the event history of matters and leads; deadlines (期限); and document numbers (文号).
//
// The repository stores what the workflow decided. It does not know the state machines
// (rules/procedure/) or how a deadline is computed; it guarantees that a document number is
// handed out once: AllocateDocumentNumber increments a counter inside the caller's write
// transaction, and RecordDocumentNumber refuses a number or sequence that was ever used.
//
// Thread safety: used through its Transaction, by one thread at a time. Concurrent signing is
// safe because write transactions are serialised by the store.
#ifndef SHUJIAN_STORE_MATTER_REPOSITORY_H_
#define SHUJIAN_STORE_MATTER_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace shujian::store {

struct Matter {
  std::string id;       // "S-000001"; allocated by CreateMatter
  std::string machine;  // case, suggestion, opinion, ...
  std::string kind;     // case kind, suggestion type, transfer kind; may be empty
  std::string state;
  std::string case_id;    // the case a disposition belongs to; empty for a case
  std::string parent_id;  // the matter it came from; may be empty
  std::string lead_id;    // the lead it came from; may be empty
  std::string org_code;   // handling procuratorate
  std::string dept_code;
  std::string handler;           // 承办人 login; may be empty
  std::string counterparty_org;  // addressee organisation; may be empty
  std::string title;
  bool urgent = false;
  std::string doc_number;  // 文号 once signed
  std::string attributes_json = "{}";
  std::string opened_on;  // ISO date
  std::string closed_on;  // ISO date or empty
  std::string created_at;
  std::string updated_at;
};

struct MatterFilter {
  std::string machine;           // empty: any
  std::string case_id;           // empty: any
  std::string parent_id;         // empty: any
  std::string lead_id;           // empty: any
  std::string org_code;          // empty: any
  std::string handler;           // empty: any
  std::string counterparty_org;  // empty: any
  bool open_only = false;        // only matters without closed_on
  int limit = 0;                 // 0: no limit
};

// One act on a lead or a matter.
struct WorkflowEvent {
  std::string object_id;
  int64_t seq = 0;  // allocated by AppendEvent
  std::string action;
  std::string label;
  std::string from_state;
  std::string to_state;
  std::string actor;
  std::string acted_on;     // ISO date of the act
  std::string recorded_at;  // ISO date-time
  std::string inputs_json = "{}";
};

struct Deadline {
  int64_t id = 0;  // allocated by AddDeadline
  std::string object_id;
  std::string name;
  std::string title;
  std::string base_on;
  std::string due_on;
  std::string period;          // as written in the rules: 2个月, 15日 ...
  std::string state = "open";  // open, paused, done, cancelled
  std::string closed_on;
  std::string paused_on;
  std::string handler;
  std::string org_code;
  std::string counterparty_org;
  std::string note;
};

struct DeadlineFilter {
  std::string object_id;         // empty: any
  std::string name;              // empty: any
  bool active_only = false;      // open or paused
  std::string handler;           // empty: any; with counterparty_org/org_code: either matches
  std::string counterparty_org;  // see handler
  std::string org_code;          // see handler
};

struct DocumentNumberKey {
  std::string org_code;
  std::string dept_code;
  std::string doc_type;  // suggestion, opinion, filing_decision ...
  int year = 0;
};

class MatterRepository {
 public:
  virtual ~MatterRepository() = default;

  // Stores `matter` under a new id "<prefix>-NNNNNN" and returns the id (matter.id is ignored).
  virtual Result<std::string> CreateMatter(const Matter& matter, std::string_view prefix) = 0;
  virtual Result<std::optional<Matter>> GetMatter(std::string_view id) = 0;
  // Replaces the mutable fields (state, handler, dept, counterparty, title, urgent, doc_number,
  // attributes, closed_on, updated_at). NotFound for an unknown id.
  virtual Status UpdateMatter(const Matter& matter) = 0;
  // Matters matching `filter`, by id.
  virtual Result<std::vector<Matter>> ListMatters(const MatterFilter& filter) = 0;

  // Appends an event to its object's history and returns its seq.
  virtual Result<int64_t> AppendEvent(const WorkflowEvent& event) = 0;
  // The history of `object_id`, oldest first.
  virtual Result<std::vector<WorkflowEvent>> ListEvents(std::string_view object_id) = 0;

  virtual Result<int64_t> AddDeadline(const Deadline& deadline) = 0;
  // Replaces state, due_on, closed_on, paused_on, handler, counterparty, note. NotFound for an
  // unknown id.
  virtual Status UpdateDeadline(const Deadline& deadline) = 0;
  // Deadlines matching `filter`, by due date then id.
  virtual Result<std::vector<Deadline>> ListDeadlines(const DeadlineFilter& filter) = 0;

  // Increments the counter of `key` and returns the new sequence number (1 for the first
  // document of the key). Must run in a write transaction; the caller records the number with
  // RecordDocumentNumber in the same transaction.
  virtual Result<int64_t> AllocateDocumentNumber(const DocumentNumberKey& key) = 0;
  // Records that `number` (sequence `n` of `key`) was given to `matter_id`. AlreadyExists when
  // the number or the sequence was ever recorded before.
  virtual Status RecordDocumentNumber(std::string_view number, const DocumentNumberKey& key,
                                      int64_t n, std::string_view matter_id,
                                      std::string_view allocated_at,
                                      std::string_view allocated_by) = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_MATTER_REPOSITORY_H_
