#include "engine/explain/explain.h"

#include <cmath>
#include <cstdio>

#include "core/utf8.h"
#include "engine/engine.h"

namespace shujian::engine {
namespace {

std::string Rows(double rows) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f", std::round(rows));
  return buffer;
}

std::string Bytes(size_t bytes) {
  char buffer[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / 1048576.0);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", bytes / 1024.0);
  }
  return buffer;
}

std::string Pad(const std::string& text, size_t width) {
  size_t length = CodePointCount(text);
  // Chinese characters take two columns on a terminal.
  size_t columns = 0;
  for (char32_t c : ToCodePoints(text)) columns += c >= 0x2E80 ? 2 : 1;
  (void)length;
  return columns >= width ? text + " " : text + std::string(width - columns, ' ');
}

std::string StepLabel(const BoundStep& step) {
  if (!step.name.empty()) return step.name;
  return step.kind == StepKind::kEmit ? "emit " + step.emit.rule : "output";
}

}  // namespace

std::string ExplainText(const CompiledModel& model, const Plan& plan, const RunResult* run) {
  const BoundModel& bound = model.bound();
  std::string text = "模型 " + model.spec().id + "（版本 " + model.spec().version + "）执行计划\n";
  text += Pad("#", 4) + Pad("步骤", 18) + Pad("算子", 14) + Pad("估计行数", 12);
  if (run != nullptr) text += Pad("实际行数", 12) + Pad("耗时(秒)", 10) + Pad("内存", 12);
  text += "说明\n";
  for (size_t index = 0; index < plan.nodes.size(); ++index) {
    const PlanNode& node = plan.nodes[index];
    const BoundStep& step = bound.steps[index];
    text += Pad(std::to_string(index + 1), 4) + Pad(StepLabel(step), 18) + Pad(PhysicalOpName(node.op), 14) +
            Pad(Rows(node.estimated_rows), 12);
    if (run != nullptr && index < run->steps.size()) {
      const StepStats& stats = run->steps[index];
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.3f", stats.seconds);
      text += Pad(stats.actual_rows < 0 ? "-" : std::to_string(stats.actual_rows), 12) + Pad(seconds, 10) +
              Pad(node.fused ? "（同扫描）" : Bytes(stats.bytes), 12);
    }
    text += node.detail + "\n";
  }
  if (run != nullptr) {
    char summary[160];
    std::snprintf(summary, sizeof summary, "读取 %zu 行（加载 %.3f 秒），执行 %.3f 秒，产生线索 %zu 条\n",
                  run->rows_read, run->load_seconds, run->run_seconds, run->leads.size());
    text += summary;
    for (const std::string& note : run->notes) text += "注意：" + note + "\n";
  }
  return text;
}

nlohmann::ordered_json ExplainJson(const CompiledModel& model, const Plan& plan, const RunResult* run) {
  nlohmann::ordered_json json;
  json["model"] = model.spec().id;
  json["version"] = model.spec().version;
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (size_t index = 0; index < plan.nodes.size(); ++index) {
    const PlanNode& node = plan.nodes[index];
    const BoundStep& step = model.bound().steps[index];
    nlohmann::ordered_json entry;
    entry["step"] = index + 1;
    entry["name"] = StepLabel(step);
    entry["operator"] = PhysicalOpName(node.op);
    entry["detail"] = node.detail;
    entry["estimated_rows"] = std::llround(node.estimated_rows);
    if (run != nullptr && index < run->steps.size()) {
      entry["actual_rows"] = run->steps[index].actual_rows;
      entry["seconds"] = run->steps[index].seconds;
      entry["bytes"] = run->steps[index].bytes;
    }
    steps.push_back(std::move(entry));
  }
  json["steps"] = std::move(steps);
  if (run != nullptr) {
    json["rows_read"] = run->rows_read;
    json["leads"] = run->leads.size();
    json["notes"] = run->notes;
  }
  return json;
}

}  // namespace shujian::engine
