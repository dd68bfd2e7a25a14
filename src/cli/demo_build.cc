#include "cli/demo_build.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "cli/store_import_sink.h"
#include "data/dataset_schema.h"
#include "workflow/store_dataset_source.h"

namespace shujian::cli {
namespace {

// What identifies a lead for the comparison: subject and sub-rules.
using LeadIdentity = std::tuple<std::string, std::string, std::string, std::vector<std::string>>;

std::string Describe(const LeadIdentity& identity) {
  const auto& [kind, dataset, key, rules] = identity;
  std::string text = kind + (dataset.empty() ? "" : "/" + dataset) + " " + key;
  if (!rules.empty()) {
    text += " [";
    for (size_t index = 0; index < rules.size(); ++index) text += (index ? "," : "") + rules[index];
    text += "]";
  }
  return text;
}

std::vector<std::string> RulesOf(const std::string& rules_json) {
  std::vector<std::string> rules;
  nlohmann::json parsed = nlohmann::json::parse(rules_json, nullptr, false);
  if (parsed.is_array()) {
    for (const auto& rule : parsed) {
      if (rule.is_string()) rules.push_back(rule.get<std::string>());
    }
  }
  std::sort(rules.begin(), rules.end());
  return rules;
}

Result<std::vector<DemoImportLine>> ImportFiles(store::Store& store,
                                                const demo::DemoOptions& options,
                                                const demo::GenerationReport& generation,
                                                const DemoProgress& progress) {
  const data::SchemaRegistry& schemas = data::SchemaRegistry::Shipped();
  std::vector<DemoImportLine> lines;
  // In the order the agencies uploaded them, each on its day (its batch's import date).
  std::vector<const demo::GeneratedFile*> files;
  for (const demo::GeneratedFile& file : generation.files) files.push_back(&file);
  std::stable_sort(files.begin(), files.end(),
                   [](const demo::GeneratedFile* a, const demo::GeneratedFile* b) {
                     return a->uploaded_on < b->uploaded_on;
                   });
  for (const demo::GeneratedFile* uploaded : files) {
    const demo::GeneratedFile& file = *uploaded;
    FixedClock upload_day(file.uploaded_on);
    std::string name = std::filesystem::path(file.path).filename().string();
    if (progress) progress("导入", name);
    ingest::ImportRequest request;
    request.dataset = file.dataset;
    request.files = {file.path};
    request.sheet = file.sheet;
    request.today = options.as_of;
    Result<ingest::ImportReport> imported = ImportIntoStore(store, schemas, request, file.source,
                                                            "演示数据生成器", upload_day, nullptr);
    if (!imported.ok()) {
      return Status::InvalidArgument("演示数据文件「" + name + "」未能导入：" +
                                     imported.status().message());
    }
    lines.push_back({file.dataset, name, file.source, imported->batch_id, imported->rows,
                     imported->accepted, imported->rejected, imported->unchanged, file.noisy_rows});
  }
  return lines;
}

Result<std::vector<DemoModelCheck>> CompareWithPlanted(store::Store& store,
                                                       const demo::GenerationReport& generation,
                                                       const workflow::ModelRunReport& runs) {
  std::map<std::string, std::map<LeadIdentity, std::string>> planted;  // model → identity → why
  for (const demo::PlantedFinding& finding : generation.planted) {
    std::vector<std::string> rules = finding.rules;
    std::sort(rules.begin(), rules.end());
    planted[finding.model][{finding.subject_kind, finding.subject_dataset, finding.subject_key,
                            rules}] = finding.why;
  }
  SJ_ASSIGN_OR_RETURN(std::unique_ptr<store::Transaction> transaction,
                      store.Begin(store::TransactionMode::kRead));
  std::vector<DemoModelCheck> checks;
  for (const workflow::ModelRunOutcome& outcome : runs.models) {
    DemoModelCheck check;
    check.model = outcome.model;
    std::map<LeadIdentity, std::string>& expected = planted[outcome.model];
    check.planted = expected.size();
    store::LeadFilter filter;
    filter.model_id = outcome.model;
    SJ_ASSIGN_OR_RETURN(std::vector<store::Lead> leads, transaction->leads().ListLeads(filter));
    std::set<LeadIdentity> found;
    // A model without sub-rules in the contract has one rule in its file; its plants name none.
    bool compare_rules = std::any_of(expected.begin(), expected.end(), [](const auto& entry) {
      return !std::get<3>(entry.first).empty();
    });
    for (const store::Lead& lead : leads) {
      if (lead.last_run_id != outcome.run_id) continue;  // not found by this run
      LeadIdentity identity{lead.subject.kind, lead.subject.dataset, lead.subject.key,
                            compare_rules ? RulesOf(lead.rules_json) : std::vector<std::string>{}};
      found.insert(identity);
      if (!expected.contains(identity))
        check.unexpected.push_back(Describe(identity) + "：" + lead.title);
    }
    check.found = found.size();
    for (const auto& [identity, why] : expected) {
      if (!found.contains(identity)) check.missing.push_back(Describe(identity) + "：" + why);
    }
    checks.push_back(std::move(check));
    planted.erase(outcome.model);
  }
  for (const auto& [model, expected] : planted) {  // plants of a model that did not run
    DemoModelCheck check;
    check.model = model;
    check.planted = expected.size();
    for (const auto& [identity, why] : expected)
      check.missing.push_back(Describe(identity) + "：" + why);
    checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace

bool DemoBuildReport::agrees() const {
  if (runs.any_failed()) return false;
  for (const DemoModelCheck& check : checks) {
    if (!check.agrees()) return false;
  }
  for (const DemoImportLine& line : imports) {
    if (line.rejected != line.planned_rejects) return false;
  }
  return true;
}

Result<DemoBuildReport> BuildDemo(store::Store& store, const engine::ModelLibrary& models,
                                  const demo::DemoOptions& options, const Clock& clock,
                                  const DemoProgress& progress) {
  DemoBuildReport report;
  if (progress) progress("生成", options.directory);
  SJ_ASSIGN_OR_RETURN(report.generation, demo::GenerateDemoCity(options));
  SJ_ASSIGN_OR_RETURN(report.imports, ImportFiles(store, options, report.generation, progress));

  workflow::ModelRunRequest request;
  request.as_of = options.as_of;
  request.started_by = "演示数据生成器";
  if (progress) {
    request.progress = [&progress](size_t, size_t, const std::string& id,
                                   const engine::RunProgress& step) {
      if (step.step == 1 && step.loading) progress("运行", id);
    };
  }
  workflow::ModelRunService service(&store, &models, &clock);
  SJ_ASSIGN_OR_RETURN(report.runs, service.Run(request, workflow::StoreDatasetSources()));
  SJ_ASSIGN_OR_RETURN(report.checks, CompareWithPlanted(store, report.generation, report.runs));
  return report;
}

}  // namespace shujian::cli
