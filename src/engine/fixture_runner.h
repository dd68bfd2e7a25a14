// Runs a model's fixtures (the `fixtures:` of its file): for each, the fixture's rows are judged
// like an import (FixtureSource), the model runs on the native engine and on the reference
// evaluator, the two must find exactly the same (leads, outputs, notes), and the leads must be
// exactly the expected ones: the same subjects, with the listed rules and titles where given.
// `shujian model test` and `make check` (through the model tests) call this.
//
// Thread safety: pure function of the model.
#ifndef SHUJIAN_ENGINE_FIXTURE_RUNNER_H_
#define SHUJIAN_ENGINE_FIXTURE_RUNNER_H_

#include <string>
#include <vector>

#include "engine/compiled_model.h"

namespace shujian::engine {

struct FixtureReport {
  std::string name;                   // the fixture's name
  std::string where;                  // file:line:column of the fixture
  bool passed = false;
  std::vector<std::string> problems;  // what went wrong, in Chinese, one per line
  size_t leads = 0;                   // leads the native run found
};

std::vector<FixtureReport> RunFixtures(const CompiledModel& model);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_FIXTURE_RUNNER_H_
