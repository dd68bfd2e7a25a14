// Fuzz target for model files and the expression language: any bytes may be parsed as a model
// file (and, if that works, bound against the shipped schemas and tables, planned, and run on
// empty datasets) and as one expression. User errors are expected outcomes; crashes, sanitizer
// reports, hangs and Internal statuses are failures.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "core/date.h"
#include "data/dataset_schema.h"
#include "engine/compiled_model.h"
#include "engine/engine.h"
#include "engine/expr/expr_parser.h"
#include "engine/input/fixture_source.h"

namespace {

void RequireNotInternal(const shujian::Status& status) {
  if (!status.ok() && status.code() == shujian::StatusCode::kInternal) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shujian;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  auto expression = engine::ParseExpression(text);
  if (auto* node = std::get_if<engine::ExprNode>(&expression)) {
    // Printing is total and its result parses again to the same text.
    std::string printed = engine::ExprToString(*node);
    auto again = engine::ParseExpression(printed);
    if (!std::holds_alternative<engine::ExprNode>(again)) std::abort();
    if (engine::ExprToString(std::get<engine::ExprNode>(again)) != printed) std::abort();
  }

  auto model = engine::CompiledModel::Compile(text, "fuzz.yaml", data::SchemaRegistry::Shipped(),
                                              engine::TableLibrary::Shipped());
  RequireNotInternal(model.status());
  if (!model.ok()) return 0;
  auto source = engine::FixtureSource::Create(data::SchemaRegistry::Shipped(), {}, *Date::FromYmd(2023, 12, 31));
  if (!source.ok()) std::abort();
  engine::RunOptions options;
  options.as_of = *Date::FromYmd(2023, 12, 31);
  Result<engine::RunResult> run = engine::RunModel(**model, &*source, options);
  RequireNotInternal(run.status());
  return 0;
}
