// Result<T>: a value of type T, or the Status saying why there is none.
//
// The return type of every fallible function that produces something. Construct it from a T
// (success) or from a non-OK Status (failure); constructing it from an OK Status is a bug and
// becomes an Internal error, so a caller never sees a success without a value.
//
// Thread safety: like T; const methods may be called concurrently when T allows it.
#ifndef SHUJIAN_CORE_RESULT_H_
#define SHUJIAN_CORE_RESULT_H_

#include <cassert>
#include <optional>
#include <type_traits>
#include <utility>

#include "core/status.h"

namespace shujian {

template <typename T>
class [[nodiscard]] Result {
 public:
  // A success holding `value`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  // A failure. REQUIRES: !status.ok().
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) status_ = Status::Internal("Result 以成功状态构造却没有值");
  }
  template <typename U>
    requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::decay_t<U>, T> &&
             !std::is_same_v<std::decay_t<U>, Status> &&
             !std::is_same_v<std::decay_t<U>, Result<T>>)
  Result(U&& value) : value_(T(std::forward<U>(value))) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  // OK when there is a value.
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace shujian

#define SJ_CONCAT_INNER_(a, b) a##b
#define SJ_CONCAT_(a, b) SJ_CONCAT_INNER_(a, b)

// SJ_ASSIGN_OR_RETURN(auto x, Compute()); declares x from a Result's value, or returns the
// Result's Status from the enclosing function.
#define SJ_ASSIGN_OR_RETURN(lhs, expr) \
  SJ_ASSIGN_OR_RETURN_IMPL_(SJ_CONCAT_(sj_result_, __LINE__), lhs, expr)
#define SJ_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#endif  // SHUJIAN_CORE_RESULT_H_
