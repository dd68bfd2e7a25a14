// Reads a model file (YAML) into a ModelSpec, checking its shape: known keys only, the right
// kind of node for each key, required keys present, step names unique, sub-rules declared. Each
// error says where (file:line:column, the column in characters) and what was expected.
//
// Expressions are not parsed here (bind/ parses and type-checks them against the schemas), so
// a file that passes ParseModelSpec may still fail binding.
//
// Thread safety: pure function.
#ifndef SHUJIAN_ENGINE_SPEC_SPEC_PARSER_H_
#define SHUJIAN_ENGINE_SPEC_SPEC_PARSER_H_

#include <string_view>

#include "core/result.h"
#include "engine/spec/model_spec.h"

namespace shujian::engine {

// Parses `yaml_text`; `source_name` names the file in messages. Returns InvalidArgument with
// "file:line:column：reason" for the first problem found.
Result<ModelSpec> ParseModelSpec(std::string_view yaml_text, std::string_view source_name);

// Splits an interval such as "[0, 365]", "(0, $days]", "[-2, 0)" or "[0, )" into its bounds.
// Returns false (with a Chinese reason) when it is not an interval.
bool ParseIntervalText(std::string_view text, SpecText* lower, SpecText* upper,
                       bool* lower_inclusive, bool* upper_inclusive, std::string* reason);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_SPEC_SPEC_PARSER_H_
