// LeadAssembler: turns the rows that emit steps produced (EmittedRow) into leads, the same way
// for the native engine and the reference evaluator, so that differences between the two can
// only come from which rows they emitted.
//
// Rules (docs/design/engine.md, "Leads"): rows are grouped by subject (kind, dataset, key); a
// subject found by several sub-rules is one lead naming all of them, in the model's order. For
// each sub-rule the row with the smallest (title, label, addressee, facts) stands for it, so
// the result does not depend on row order. Evidence is the union of all rows' evidence, by
// read step then key, at most evidence_limit rows per read step (the rest are counted in the
// facts under "_evidence_omitted"). Leads are ordered by subject.
//
// Thread safety: Assemble is const and may run concurrently.
#ifndef SHUJIAN_ENGINE_LEAD_LEAD_ASSEMBLER_H_
#define SHUJIAN_ENGINE_LEAD_LEAD_ASSEMBLER_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/bind/bound_model.h"
#include "engine/common/string_pool.h"
#include "engine/common/value.h"
#include "engine/input/loaded_dataset.h"
#include "engine/lead/engine_lead.h"

namespace shujian::engine {

// One row an emit step produced.
struct EmittedRow {
  int emit_step = -1;
  std::string subject_kind;
  std::string subject_dataset;
  std::string subject_key;
  std::string label;
  std::string title;
  std::string addressee;
  std::vector<std::pair<std::string, Value>> facts;
  std::vector<std::pair<int, int32_t>> evidence;    // (read step, dataset row), sorted, unique
  std::vector<std::pair<int, int32_t>> parameters;  // (lookup step, table row), sorted, unique
};

class LeadAssembler {
 public:
  // `datasets[s]` is the dataset read by read step s (null for other steps); `read_columns`
  // comes from ReadColumnsByStep. All must outlive the assembler.
  LeadAssembler(const BoundModel& model, const std::vector<const LoadedDataset*>& datasets,
                const std::vector<std::vector<int>>& read_columns, const StringPool& pool)
      : model_(model), datasets_(datasets), read_columns_(read_columns), pool_(pool) {}

  std::vector<EngineLead> Assemble(std::vector<EmittedRow> rows) const;

 private:
  std::string FactsObject(const EmittedRow& row) const;
  std::string ValuesJson(int read_step, int32_t row) const;

  const BoundModel& model_;
  const std::vector<const LoadedDataset*>& datasets_;
  const std::vector<std::vector<int>>& read_columns_;
  const StringPool& pool_;
};

// The JSON text of a value for facts and evidence: null, or its canonical text as a string.
std::string ValueJson(const Value& value);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_LEAD_LEAD_ASSEMBLER_H_
