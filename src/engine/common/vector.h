// Vector: one column of values of one type, as the operators pass them along.
//
// Every value is a 64-bit integer read according to the vector's TypeId (common/value_type.h);
// `nulls` is empty when no value is null, else holds one flag per row. Operators fill vectors
// batch by batch and gather them through selection vectors; nothing here knows what the values
// mean.
//
// Thread safety: a plain value.
#ifndef SHUJIAN_ENGINE_COMMON_VECTOR_H_
#define SHUJIAN_ENGINE_COMMON_VECTOR_H_

#include <cstdint>
#include <span>
#include <vector>

#include "engine/common/value_type.h"

namespace shujian::engine {

struct Vector {
  ValueType type;
  std::vector<int64_t> data;   // one value per row
  std::vector<uint8_t> nulls;  // empty: no nulls; else 1 where the row's value is null

  size_t size() const { return data.size(); }
  bool IsNull(size_t row) const { return !nulls.empty() && nulls[row] != 0; }
  bool has_nulls() const { return !nulls.empty(); }

  // Appends one value (or a null).
  void Append(int64_t value) {
    data.push_back(value);
    if (!nulls.empty()) nulls.push_back(0);
  }
  void AppendNull() {
    if (nulls.empty()) nulls.assign(data.size(), 0);
    data.push_back(0);
    nulls.push_back(1);
  }
  void SetNull(size_t row) {
    if (nulls.empty()) nulls.assign(data.size(), 0);
    nulls[row] = 1;
  }
  // Appends rows [begin, end) of `other`. REQUIRES: same type.
  void AppendRange(const Vector& other, size_t begin, size_t end);
  // Appends other[rows[i]] for each i; a negative row appends a null.
  void AppendGather(const Vector& other, std::span<const int32_t> rows);
  void Reserve(size_t rows) { data.reserve(rows); }
  // Drops the null flags when none is set.
  void CompactNulls();
};

}  // namespace shujian::engine

#endif  // SHUJIAN_ENGINE_COMMON_VECTOR_H_
