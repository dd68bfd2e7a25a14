// DemoBuild: builds the demonstration database end to end, as an agency and a procuratorate
// would fill it: the seeded city (demo/city.h) writes the files agencies send; each file is
// imported through the normal import path as its own batch (one per agency upload), on the day
// the sender uploaded it; every shipped model runs as of the demo's day; and the leads found are compared with the findings
// the generator planted, model by model, so the demo proves itself.
//
// Thread safety: one build at a time.
#ifndef SHUJIAN_CLI_DEMO_BUILD_H_
#define SHUJIAN_CLI_DEMO_BUILD_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "demo/city.h"
#include "engine/model_library.h"
#include "store/store.h"
#include "workflow/model_run_service.h"

namespace shujian::cli {

// One model's leads beside what was planted for it.
struct DemoModelCheck {
  std::string model;
  size_t planted = 0;
  size_t found = 0;
  std::vector<std::string> missing;     // planted, not found: "kind key [rules]：why"
  std::vector<std::string> unexpected;  // found, not planted: "kind key [rules]：title"
  bool agrees() const { return missing.empty() && unexpected.empty(); }
};

struct DemoImportLine {
  std::string dataset;
  std::string file;    // file name
  std::string source;  // who sent it
  std::string batch;
  int64_t rows = 0, accepted = 0, rejected = 0, unchanged = 0;
  long planned_rejects = 0;  // rows the generator made unusable on purpose
};

struct DemoBuildReport {
  demo::GenerationReport generation;
  std::vector<DemoImportLine> imports;
  workflow::ModelRunReport runs;
  std::vector<DemoModelCheck> checks;  // one per model that has plants or leads
  bool agrees() const;
};

// Steps as they happen, for a progress display: ("生成", detail), ("导入", file), ("运行", model).
using DemoProgress = std::function<void(const std::string& stage, const std::string& detail)>;

// Builds the demo into `store` (initialised, holding no dataset rows) from files written to
// options.directory. Returns the first import or run failure that is not the demo's own noise
// (a refused file is a defect of the generator: InvalidArgument naming it).
Result<DemoBuildReport> BuildDemo(store::Store& store, const engine::ModelLibrary& models,
                                  const demo::DemoOptions& options, const Clock& clock,
                                  const DemoProgress& progress);

}  // namespace shujian::cli

#endif  // SHUJIAN_CLI_DEMO_BUILD_H_
