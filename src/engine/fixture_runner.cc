#include "engine/fixture_runner.h"

#include <map>
#include <set>

#include "core/date_parse.h"
#include "engine/engine.h"
#include "engine/input/fixture_source.h"
#include "engine/lead/result_text.h"
#include "engine/reference/reference_evaluator.h"

namespace shujian::engine {
namespace {

// The first line where two texts differ, for a readable message.
std::string FirstDifference(const std::string& a, const std::string& b) {
  size_t line_start = 0;
  size_t pos = 0;
  while (pos < a.size() && pos < b.size() && a[pos] == b[pos]) {
    if (a[pos] == '\n') line_start = pos + 1;
    ++pos;
  }
  auto line = [&](const std::string& text) {
    size_t end = text.find('\n', line_start);
    return text.substr(line_start, end == std::string::npos ? std::string::npos : end - line_start);
  };
  return "原生引擎：「" + line(a) + "」，参考实现：「" + line(b) + "」";
}

}  // namespace

std::vector<FixtureReport> RunFixtures(const CompiledModel& model) {
  const ModelSpec& spec = model.spec();
  std::vector<FixtureReport> reports;
  for (const FixtureSpec& fixture : spec.fixtures) {
    FixtureReport report;
    report.name = fixture.name;
    report.where = spec.Where(fixture.pos);
    Result<Date> as_of = ParseDate(fixture.as_of.text);
    if (!as_of.ok()) {
      report.problems.push_back(spec.Where(fixture.as_of.pos) + "：as_of 不是日期：" + as_of.status().message());
      reports.push_back(std::move(report));
      continue;
    }
    std::vector<FixtureTableInput> tables;
    for (const FixtureDataset& dataset : fixture.data) {
      FixtureTableInput table;
      table.dataset = dataset.dataset;
      table.where = spec.Where(dataset.pos);
      for (const FixtureRow& row : dataset.rows) {
        FixtureRowInput input;
        input.where = spec.Where(row.pos);
        for (const FixtureCell& cell : row.cells) {
          input.cells.push_back(FixtureCellInput{cell.column, cell.null ? std::nullopt : std::optional<std::string>(cell.value.text),
                                                 spec.Where(cell.value.pos)});
        }
        table.rows.push_back(std::move(input));
      }
      tables.push_back(std::move(table));
    }
    Result<FixtureSource> source = FixtureSource::Create(model.schemas(), tables, *as_of);
    if (!source.ok()) {
      report.problems.push_back(source.status().message());
      reports.push_back(std::move(report));
      continue;
    }
    RunOptions options;
    options.as_of = *as_of;
    for (const auto& [name, value] : fixture.params) options.params.emplace_back(name, value.text);
    Result<RunResult> native = RunModel(model, &*source, options);
    Result<RunResult> reference = RunReference(model, &*source, options);
    if (!native.ok()) {
      report.problems.push_back(native.status().message());
      reports.push_back(std::move(report));
      continue;
    }
    report.leads = native->leads.size();
    std::string native_text = ResultText(*native, ResultDetail::kFull);
    std::string reference_text = reference.ok() ? ResultText(*reference, ResultDetail::kFull) : reference.status().message();
    if (native_text != reference_text) {
      report.problems.push_back("原生引擎与参考实现的结果不同（引擎缺陷，请报告）：" + FirstDifference(native_text, reference_text));
    }
    std::map<std::string, const EngineLead*> found;
    for (const EngineLead& lead : native->leads) found[lead.subject_key] = &lead;
    std::set<std::string> expected;
    for (const FixtureLead& lead : fixture.expect) {
      expected.insert(lead.subject);
      auto it = found.find(lead.subject);
      if (it == found.end()) {
        report.problems.push_back(spec.Where(lead.pos) + "：应产生对象为「" + lead.subject + "」的线索，实际没有");
        continue;
      }
      if (!lead.rules.empty() && lead.rules != it->second->rules) {
        std::string want, got;
        for (const std::string& rule : lead.rules) want += (want.empty() ? "" : ",") + rule;
        for (const std::string& rule : it->second->rules) got += (got.empty() ? "" : ",") + rule;
        report.problems.push_back(spec.Where(lead.pos) + "：线索「" + lead.subject + "」的子规则应为 [" + want +
                                  "]，实际为 [" + got + "]");
      }
      if (!lead.title.empty() && lead.title != it->second->title) {
        report.problems.push_back(spec.Where(lead.pos) + "：线索「" + lead.subject + "」的标题应为「" + lead.title +
                                  "」，实际为「" + it->second->title + "」");
      }
    }
    for (const auto& [subject, lead] : found) {
      if (!expected.count(subject)) {
        report.problems.push_back(report.where + "：不应产生对象为「" + subject + "」的线索（" + lead->title + "）");
      }
    }
    report.passed = report.problems.empty();
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace shujian::engine
