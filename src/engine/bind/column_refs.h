// Which columns an expression reads: the column indices of every kColumn node, for the
// planner's column pruning and for the list of dataset columns a model reads.
//
// Thread safety: pure functions.
#ifndef SHUJIAN_ENGINE_BIND_COLUMN_REFS_H_
#define SHUJIAN_ENGINE_BIND_COLUMN_REFS_H_

#include <vector>

#include "engine/bind/bound_model.h"

namespace shujian::engine {

// Sets used[c] for every column c that `expr` reads. REQUIRES: used is large enough.
void MarkColumns(const BoundExpr& expr, std::vector<bool>* used);
// Same for every expression of a template.
void MarkColumns(const BoundTemplate& expr, std::vector<bool>* used);

// For each step, the dataset columns (indices into its dataset schema) the model reads from it:
// every column of a read step that any expression of any step refers to. Empty for steps that
// are not reads. This is what a lead's evidence shows of each row, whatever the plan.
std::vector<std::vector<int>> ReadColumnsByStep(const BoundModel& model);

// For each read step, whether its rows' keys are needed: when the model emits leads (a lead's
// subject and evidence name rows by key) or an expression reads the step's _key. False for
// steps that are not reads. A model that only outputs tables loads no key column it does not
// read.
std::vector<bool> KeysNeededByStep(const BoundModel& model);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_BIND_COLUMN_REFS_H_
