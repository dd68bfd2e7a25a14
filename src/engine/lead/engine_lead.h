// What a model run finds: EngineLead, one per subject, with the sub-rules that fired, the
// title, the facts compared, the legal basis, the addressee and the evidence rows — the engine's
// side of a lead, before the workflow layer stores it (store::ModelFinding).
//
// Thread safety: plain values.
#ifndef SHUJIAN_ENGINE_LEAD_ENGINE_LEAD_H_
#define SHUJIAN_ENGINE_LEAD_ENGINE_LEAD_H_

#include <string>
#include <vector>

namespace shujian::engine {

struct LeadEvidence {
  std::string dataset;      // e.g. "admin_case"
  std::string key;          // the row's key
  std::string batch;        // the import batch of the row's current version
  std::string role;         // what the row is to the lead (the dataset's title)
  std::string values_json;  // JSON object: the values the model read from the row
};

struct EngineLead {
  std::string subject_kind;     // record | vehicle | person | organisation | site
  std::string subject_dataset;  // for a record
  std::string subject_key;
  std::string subject_label;    // how people call it (a name); may be empty
  std::vector<std::string> rules;  // sub-rules that fired, in the model's order
  std::string title;            // the prosecutor's one-line summary
  std::string facts_json;       // {"<rule>": {"<fact>": "<value>", ...}, ...}
  std::string legal_basis;
  std::string addressee;
  std::vector<LeadEvidence> evidence;
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_LEAD_ENGINE_LEAD_H_
