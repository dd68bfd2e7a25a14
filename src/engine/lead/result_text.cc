#include "engine/lead/result_text.h"

namespace shujian::engine {

std::string ResultText(const RunResult& result, ResultDetail detail) {
  std::string text;
  for (const EngineLead& lead : result.leads) {
    std::string rules;
    for (const std::string& rule : lead.rules) rules += (rules.empty() ? "" : ",") + rule;
    text += "lead " + lead.subject_kind + " " + (lead.subject_dataset.empty() ? "-" : lead.subject_dataset) + " " +
            lead.subject_key + " [" + rules + "] " + lead.title + "\n";
    if (detail == ResultDetail::kFull) {
      if (!lead.subject_label.empty()) text += "  label " + lead.subject_label + "\n";
      text += "  addressee " + lead.addressee + "\n";
      text += "  basis " + lead.legal_basis + "\n";
      text += "  facts " + lead.facts_json + "\n";
    }
    if (detail != ResultDetail::kLeads) {
      for (const LeadEvidence& evidence : lead.evidence) {
        text += "  evidence " + evidence.dataset + " " + evidence.key + " " + evidence.batch;
        if (detail == ResultDetail::kFull) text += " " + evidence.values_json;
        text += "\n";
      }
    }
  }
  for (const OutputTable& table : result.outputs) {
    std::string columns;
    for (const std::string& column : table.columns) columns += (columns.empty() ? "" : " | ") + column;
    text += "output " + table.title + " (" + columns + ")\n";
    for (const std::vector<std::string>& row : table.rows) {
      std::string cells;
      for (size_t index = 0; index < row.size(); ++index) cells += (index == 0 ? "" : " | ") + row[index];
      text += "  " + cells + "\n";
    }
  }
  for (const std::string& note : result.notes) text += "note " + note + "\n";
  return text;
}

}  // namespace shujian::engine
