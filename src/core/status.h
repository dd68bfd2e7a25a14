// Status: the outcome of an operation, success or an error with a message for people.
//
// Errors are values, never exceptions across layers. The message is written for the person
// who will read it (Chinese when it reaches a user) and says what was wrong, where and what to
// do. The code says what kind of failure it is, so callers can decide without parsing text:
// the CLI maps codes to exit codes and the server will map them to HTTP statuses in one place.
//
// Thread safety: a Status is an immutable value; const methods may be called concurrently.
#ifndef SHUJIAN_CORE_STATUS_H_
#define SHUJIAN_CORE_STATUS_H_

#include <memory>
#include <string>
#include <string_view>

namespace shujian {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input is unusable (a bad value, file or option)
  kNotFound,            // a named thing does not exist
  kAlreadyExists,       // creating something that is already there
  kFailedPrecondition,  // the action is not allowed in the current state (e.g. a transition)
  kPermissionDenied,    // the actor may not do this
  kIncompatible,        // data written by a newer version of shujian
  kUnimplemented,       // the function is not available in this version
  kIoError,             // the file system or database failed
  kCorruption,          // stored data violates an invariant
  kInternal,            // a bug in shujian
};

// Returns a stable English name for `code`, e.g. "InvalidArgument".
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  // A success value.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status AlreadyExists(std::string message) {
    return Status(StatusCode::kAlreadyExists, std::move(message));
  }
  static Status FailedPrecondition(std::string message) {
    return Status(StatusCode::kFailedPrecondition, std::move(message));
  }
  static Status PermissionDenied(std::string message) {
    return Status(StatusCode::kPermissionDenied, std::move(message));
  }
  static Status Incompatible(std::string message) {
    return Status(StatusCode::kIncompatible, std::move(message));
  }
  static Status Unimplemented(std::string message) {
    return Status(StatusCode::kUnimplemented, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(StatusCode::kIoError, std::move(message));
  }
  static Status Corruption(std::string message) {
    return Status(StatusCode::kCorruption, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  // Returns true iff the status indicates success.
  bool ok() const { return state_ == nullptr; }
  StatusCode code() const { return state_ ? state_->code : StatusCode::kOk; }
  // The message for people; empty on success.
  const std::string& message() const;

  // Returns a copy whose message is prefixed with `context` and "：", e.g. the file name.
  // A success stays a success.
  Status WithContext(std::string_view context) const;

  // "InvalidArgument: <message>", or "OK".
  std::string ToString() const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code() == b.code() && a.message() == b.message();
  }

 private:
  struct State {
    StatusCode code;
    std::string message;
  };
  Status(StatusCode code, std::string message)
      : state_(std::make_shared<const State>(State{code, std::move(message)})) {}

  // Null on success. Shared because a Status is immutable and copied often on error paths.
  std::shared_ptr<const State> state_;
};

}  // namespace shujian

// Evaluates `expr` (a Status); returns it from the enclosing function if it is an error.
#define SJ_RETURN_IF_ERROR(expr)                  \
  do {                                            \
    ::shujian::Status sj_status_ = (expr);        \
    if (!sj_status_.ok()) return sj_status_;      \
  } while (false)

#endif  // SHUJIAN_CORE_STATUS_H_
