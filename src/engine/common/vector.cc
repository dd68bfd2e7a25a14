#include "engine/common/vector.h"

#include <algorithm>

namespace shujian::engine {

void Vector::AppendRange(const Vector& other, size_t begin, size_t end) {
  size_t before = data.size();
  data.insert(data.end(), other.data.begin() + begin, other.data.begin() + end);
  if (other.has_nulls()) {
    if (nulls.empty()) nulls.assign(before, 0);
    nulls.insert(nulls.end(), other.nulls.begin() + begin, other.nulls.begin() + end);
  } else if (!nulls.empty()) {
    nulls.resize(data.size(), 0);
  }
}

void Vector::AppendGather(const Vector& other, std::span<const int32_t> rows) {
  size_t before = data.size();
  data.resize(before + rows.size());
  int64_t* out = data.data() + before;
  bool any_missing = false;
  for (size_t index = 0; index < rows.size(); ++index) {
    int32_t row = rows[index];
    if (row < 0) {
      out[index] = 0;
      any_missing = true;
    } else {
      out[index] = other.data[row];
    }
  }
  if (other.has_nulls() || any_missing || !nulls.empty()) {
    if (nulls.empty()) nulls.assign(before, 0);
    nulls.resize(data.size(), 0);
    for (size_t index = 0; index < rows.size(); ++index) {
      int32_t row = rows[index];
      nulls[before + index] = row < 0 ? 1 : (other.has_nulls() ? other.nulls[row] : 0);
    }
  }
}

void Vector::CompactNulls() {
  if (!nulls.empty() && std::find(nulls.begin(), nulls.end(), 1) == nulls.end()) nulls.clear();
}

}  // namespace shujian::engine
