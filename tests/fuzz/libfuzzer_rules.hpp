// The rules every libFuzzer target of tests/fuzz checks on what it gets back, beyond "no
// crash": a broken rule aborts, which libFuzzer reports as a crash with its reproducer.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/error.hpp"
#include "core/text.hpp"

namespace jingkai::fuzz {

// How much of the input an error may quote back: tabular's excerpt length (200 characters and
// "…"; tabular/import_problem.hpp), which the HTTP layer's errors are held to as well, since
// both answer a client who sent megabytes.
inline constexpr std::size_t kMaxQuoted = 201;
// The longest fixed text around a quote in any message the targets can reach (bilingual).
inline constexpr std::size_t kMaxFixedText = 160;

[[noreturn]] inline void broken(std::string_view rule, const Error& error) {
  std::fprintf(stderr, "broken rule: %.*s\n  code: %s\n  field: %.300s\n  message: %.300s\n",
               static_cast<int>(rule.size()), rule.data(), error.code.c_str(), error.field.c_str(),
               error.message.c_str());
  std::abort();
}

[[noreturn]] inline void broken(std::string_view rule) { broken(rule, Error{}); }

inline void require(bool holds, std::string_view rule) {
  if (!holds) broken(rule);
}

// A well-formed error: a code of lower-case ASCII words, a message for people in UTF-8, and
// neither the message nor the field quoting more of the input than an excerpt.
inline void check_error(const Error& error) {
  if (error.code.empty()) broken("an error without a code", error);
  for (const char c : error.code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      broken("a code that is not snake_case ASCII", error);
    }
  }
  if (error.message.empty()) broken("an error without a message", error);
  if (!is_valid_utf8(error.message)) broken("a message that is not UTF-8", error);
  // A message may name the value twice (Chinese and English).
  if (utf8_length(error.message) > 2 * kMaxQuoted + kMaxFixedText) {
    broken("a message that quotes more than an excerpt", error);
  }
  if (utf8_length(error.field) > kMaxQuoted) broken("a field longer than an excerpt", error);
}

}  // namespace jingkai::fuzz
