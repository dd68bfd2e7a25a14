// The window of a join or rolling step with its bounds evaluated for this run (literals, or
// the run's parameter values).
//
// Thread safety: pure function of the run's context.
#ifndef SHUJIAN_ENGINE_EXEC_WINDOW_VALUES_H_
#define SHUJIAN_ENGINE_EXEC_WINDOW_VALUES_H_

#include <vector>

#include "engine/bind/bound_model.h"
#include "engine/function/window_bounds.h"

namespace shujian::engine {

// `params` holds the run's parameter values. A null parameter bound is unbounded.
WindowSpecValues ResolveWindow(const BoundWindow& window, TypeId from_type, TypeId to_type,
                               const std::vector<std::vector<Value>>& params);

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_EXEC_WINDOW_VALUES_H_
