// Helpers shared by the tabular suites: read a whole table, convert test text with iconv.
#pragma once

#include <gtest/gtest.h>
#include <iconv.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tabular/table_reader.hpp"

namespace jingkai::tabular::testing {

using Rows = std::vector<std::vector<std::string>>;

// Every row of `bytes`, or the first error open_table or next gives.
inline Result<Rows> read_all(std::string bytes, std::optional<Encoding> encoding = std::nullopt) {
  auto reader = open_table(std::move(bytes), encoding);
  if (!reader) return std::unexpected(reader.error());
  Rows rows;
  std::vector<std::string> cells;
  for (;;) {
    auto more = (*reader)->next(cells);
    if (!more) return std::unexpected(more.error());
    if (!*more) return rows;
    rows.push_back(cells);
  }
}

// The rows of `bytes`, or one row holding the error's code and message (so that a test's
// failure shows it).
inline Rows xlsx_rows_or_error(std::string bytes) {
  auto rows = read_all(std::move(bytes));
  if (!rows) return Rows{{rows.error().code, rows.error().message}};
  return *rows;
}

// `text` converted from UTF-8 by glibc's iconv, independently of the code under test.
inline std::string iconv_from_utf8(const std::string& text, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open");
  std::string out(text.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv");
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace jingkai::tabular::testing
