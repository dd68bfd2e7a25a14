// LeadHandlingRepository: what the procuratorate does with a lead (线索) — which procuratorate
// owns it, who evaluates it, when it was received, the decision and its reason, duplicates merged
// into it — and leads from sources other than a model (12309, a deputy, the discipline
// commission, another department), which the workflow registers.
//
// LeadRepository (lead_repository.h) keeps the lead itself and is what the model engine writes;
// this repository adds to the same leads table without changing that interface.
//
// Thread safety: used through its Transaction, by one thread at a time.
#ifndef SHUJIAN_STORE_LEAD_HANDLING_REPOSITORY_H_
#define SHUJIAN_STORE_LEAD_HANDLING_REPOSITORY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/lead_repository.h"

namespace shujian::store {

// A lead from a source other than a model.
struct LeadIntake {
  std::string source;  // 12309, 代表委员建议, 纪委监委移送, 刑事检察部门 ...
  LeadSubject subject;
  std::string title;
  std::string facts_json = "{}";  // JSON object: what the source said
  std::string legal_basis;
  std::string addressee;  // the agency concerned, if known
};

struct LeadHandling {
  std::string lead_id;
  std::string org_code;  // empty: unclaimed (the city pool)
  std::string dept_code;
  std::string assignee;     // empty: not assigned
  std::string received_on;  // ISO date
  std::string source_detail_json = "{}";
  std::string decision;  // empty until evaluated
  std::string reason;
  std::string decided_by;
  std::string decided_on;
  std::string merged_into;  // the lead this one duplicates, or empty
  std::string outcome_ref;  // the case or transfer the evaluation produced
  std::string updated_at;
};

struct LeadHandlingFilter {
  std::string org_code;  // empty: any
  std::string assignee;  // empty: any
  int limit = 0;         // 0: no limit
};

class LeadHandlingRepository {
 public:
  virtual ~LeadHandlingRepository() = default;

  // Creates a lead from `intake` with status 待评估 and returns its id (same numbering as model
  // leads). `now` is the ISO time. InvalidArgument when the subject or title is missing.
  virtual Result<std::string> CreateLead(const LeadIntake& intake, std::string_view now) = 0;
  // Sets the status of a lead. NotFound for an unknown lead.
  virtual Status SetLeadStatus(std::string_view lead_id, std::string_view status,
                               std::string_view now) = 0;

  // The handling of a lead, or nullopt when nobody has acted on it yet.
  virtual Result<std::optional<LeadHandling>> GetHandling(std::string_view lead_id) = 0;
  // Creates or replaces the handling row of handling.lead_id.
  virtual Status PutHandling(const LeadHandling& handling) = 0;
  // Handling rows matching `filter`, by lead id.
  virtual Result<std::vector<LeadHandling>> ListHandling(const LeadHandlingFilter& filter) = 0;
  // The leads merged into `lead_id`, by id.
  virtual Result<std::vector<std::string>> ListMergedInto(std::string_view lead_id) = 0;
};

}  // namespace shujian::store

#endif  // SHUJIAN_STORE_LEAD_HANDLING_REPOSITORY_H_
