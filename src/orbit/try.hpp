// ORBIT_TRY(expression): how a failure travels up in the orbit library. When `expression`
// (a std::expected) holds an error, the enclosing function returns it; otherwise ORBIT_TRY
// yields the value. The rest of jingkai spells the same thing TRY (core/error.hpp); the orbit
// library keeps its own, since it depends on nothing of jingkai's.
//
// A statement expression (a GNU extension that g++ and clang++ both take), because C++ has
// no expression that returns from the enclosing function.
#pragma once

#include <expected>
#include <utility>

#define ORBIT_TRY(expression)                                           \
  ({                                                                    \
    auto&& orbit_try_result_ = (expression);                            \
    if (!orbit_try_result_) [[unlikely]] {                              \
      return ::std::unexpected(::std::move(orbit_try_result_).error()); \
    }                                                                   \
    *::std::move(orbit_try_result_);                                    \
  })
