// Error: what domain code returns when a caller can do something about the failure.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace jingkai {

// The kind decides the HTTP status (http::status_for in http/message.cpp is the one place that maps
// it) and the CLI's exit code; the code is the stable machine-readable name clients match on.
enum class ErrorKind {
  invalid_input,    // the request itself is wrong: fix it and retry
  unauthenticated,  // no valid session or token
  forbidden,        // authenticated, but the role does not allow it
  not_found,
  conflict,   // clashes with existing data (a duplicate name, a stale state)
  throttled,  // too many attempts; retry later
  payload_too_large,
  unsupported_media_type,
  unavailable,  // the store or a dependency cannot serve now
  internal,     // a bug; the message is for logs, not for users
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;     // e.g. "uscc_checksum", "invalid_credentials"
  std::string message;  // for people, in the language of the product (zh-CN first)
  std::string field;    // the input field at fault, empty when none

  static Error invalid(std::string code, std::string message, std::string field = {}) {
    return {ErrorKind::invalid_input, std::move(code), std::move(message), std::move(field)};
  }
  static Error not_found(std::string code, std::string message) {
    return {ErrorKind::not_found, std::move(code), std::move(message), {}};
  }
  static Error conflict(std::string code, std::string message, std::string field = {}) {
    return {ErrorKind::conflict, std::move(code), std::move(message), std::move(field)};
  }
  static Error forbidden(std::string message) {
    return {ErrorKind::forbidden, "forbidden", std::move(message), {}};
  }
  static Error unauthenticated(std::string message) {
    return {ErrorKind::unauthenticated, "unauthenticated", std::move(message), {}};
  }
  static Error internal(std::string message) {
    return {ErrorKind::internal, "internal", std::move(message), {}};
  }
};

template <typename T>
using Result = std::expected<T, Error>;

// For operations that produce nothing but may fail.
using Status = std::expected<void, Error>;

}  // namespace jingkai

// TRY(expression): the one way a failure travels up. When `expression` (a Result or a
// Status) holds an error, the enclosing function returns it; otherwise TRY yields the value:
//
//   const Enterprise found = TRY(repo_.get(tx, zone, id));
//   TRY(check_period(period));
//
// A statement expression (a GNU extension that g++ and clang++ both take), because C++ has
// no expression that returns from the enclosing function.
#define TRY(expression)                                                   \
  ({                                                                      \
    auto&& jingkai_try_result_ = (expression);                            \
    if (!jingkai_try_result_) [[unlikely]] {                              \
      return ::std::unexpected(::std::move(jingkai_try_result_).error()); \
    }                                                                     \
    *::std::move(jingkai_try_result_);                                    \
  })
