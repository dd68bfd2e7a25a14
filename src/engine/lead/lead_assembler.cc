#include "engine/lead/lead_assembler.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace shujian::engine {
namespace {

using Json = nlohmann::ordered_json;

Json ToJson(const Value& value) {
  if (value.null) return nullptr;
  return FormatValue(value);
}

}  // namespace

std::string ValueJson(const Value& value) { return ToJson(value).dump(); }

std::string LeadAssembler::FactsObject(const EmittedRow& row) const {
  Json facts = Json::object();
  for (const auto& [name, value] : row.facts) facts[name] = ToJson(value);
  if (!row.parameters.empty()) {
    Json sources = Json::array();
    for (const auto& [step, table_row] : row.parameters) {
      const ParamTable& table = *model_.steps[step].table;
      const Value& source = table.rows[table_row].back();
      std::string text = table.title + "（" + table.rows_file + " 第" + std::to_string(table.row_lines[table_row]) +
                         "行）：" + FormatValue(source);
      // Two lookups of one table may hit the same row: it is one source.
      if (std::find(sources.begin(), sources.end(), text) == sources.end()) sources.push_back(std::move(text));
    }
    facts["参数依据"] = std::move(sources);
  }
  return facts.dump();
}

std::string LeadAssembler::ValuesJson(int read_step, int32_t row) const {
  const LoadedDataset& dataset = *datasets_[read_step];
  Json values = Json::object();
  for (int dataset_column : read_columns_[read_step]) {
    const std::string& name = dataset.schema->columns[dataset_column].name;
    int loaded = dataset.Find(name);
    if (loaded < 0) continue;
    const Vector& column = *dataset.columns[loaded];
    if (column.IsNull(row)) {
      values[name] = nullptr;
    } else if (column.type.id == TypeId::kString) {
      values[name] = std::string(pool_.Get(static_cast<uint32_t>(column.data[row])));
    } else {
      values[name] = FormatScalar(column.type.id, column.data[row]);
    }
  }
  return values.dump();
}

std::vector<EngineLead> LeadAssembler::Assemble(std::vector<EmittedRow> rows) const {
  const ModelSpec& spec = *model_.spec;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<size_t>> groups;
  for (size_t index = 0; index < rows.size(); ++index) {
    const EmittedRow& row = rows[index];
    groups[{row.subject_kind, row.subject_dataset, row.subject_key}].push_back(index);
  }
  std::vector<std::string> facts(rows.size());
  for (size_t index = 0; index < rows.size(); ++index) facts[index] = FactsObject(rows[index]);

  std::vector<EngineLead> leads;
  for (const auto& [subject, members] : groups) {
    EngineLead lead;
    std::tie(lead.subject_kind, lead.subject_dataset, lead.subject_key) = subject;
    // The row standing for each sub-rule.
    std::map<int, size_t> best;
    int evidence_limit = 0;
    for (size_t member : members) {
      const EmittedRow& row = rows[member];
      const BoundEmit& emit = model_.steps[row.emit_step].emit;
      evidence_limit = std::max(evidence_limit, emit.evidence_limit);
      auto it = best.find(emit.rule_index);
      if (it == best.end()) {
        best[emit.rule_index] = member;
        continue;
      }
      const EmittedRow& current = rows[it->second];
      if (std::tie(row.title, row.label, row.addressee, facts[member]) <
          std::tie(current.title, current.label, current.addressee, facts[it->second])) {
        it->second = member;
      }
    }
    Json fact_object = Json::object();
    std::vector<std::string> bases;
    for (const auto& [rule_index, member] : best) {
      const RuleSpec& rule = spec.rules[rule_index];
      const EmittedRow& row = rows[member];
      lead.rules.push_back(rule.id);
      lead.title += (lead.title.empty() ? "" : "；") + row.title;
      fact_object[rule.id] = Json::parse(facts[member]);
      std::string basis = rule.legal_basis.empty() ? spec.legal_basis : rule.legal_basis;
      if (std::find(bases.begin(), bases.end(), basis) == bases.end()) bases.push_back(basis);
      if (lead.subject_label.empty()) lead.subject_label = row.label;
      if (lead.addressee.empty()) {
        lead.addressee = !row.addressee.empty() ? row.addressee
                         : !rule.addressee.empty() ? rule.addressee
                                                   : spec.addressee;
      }
    }
    for (const std::string& basis : bases) lead.legal_basis += (lead.legal_basis.empty() ? "" : "；") + basis;

    // Evidence: (read step, key, batch) → first read step wins for the same dataset row.
    struct Item {
      int step;
      std::string key;
      std::string batch;
      int32_t row;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Item> unique;  // (dataset, key, batch)
    for (size_t member : members) {
      for (const auto& [step, row] : rows[member].evidence) {
        const LoadedDataset& dataset = *datasets_[step];
        Item item{step, dataset.Key(row, pool_), std::string(pool_.Get(dataset.BatchCode(row))), row};
        auto key = std::make_tuple(dataset.schema->name, item.key, item.batch);
        auto it = unique.find(key);
        if (it == unique.end() || step < it->second.step) unique[key] = item;
      }
    }
    std::vector<Item> items;
    for (const auto& [key, item] : unique) items.push_back(item);
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return std::tie(a.step, a.key, a.batch) < std::tie(b.step, b.key, b.batch);
    });
    Json omitted = Json::object();
    std::map<int, int> per_step;
    for (const Item& item : items) {
      const LoadedDataset& dataset = *datasets_[item.step];
      if (per_step[item.step]++ >= evidence_limit) {
        const std::string& name = dataset.schema->name;
        omitted[name] = (omitted.contains(name) ? omitted[name].get<int>() : 0) + 1;
        continue;
      }
      lead.evidence.push_back(LeadEvidence{dataset.schema->name, item.key, item.batch, dataset.schema->title,
                                           ValuesJson(item.step, item.row)});
    }
    if (!omitted.empty()) fact_object["_evidence_omitted"] = std::move(omitted);
    lead.facts_json = fact_object.dump();
    leads.push_back(std::move(lead));
  }
  return leads;
}

}  // namespace shujian::engine
