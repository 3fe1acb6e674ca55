// What an importer reports about a bad row of a spreadsheet, so that a clerk can find and
// fix it: every importer of the product reports in this shape.
#pragma once

#include <cstdint>
#include <string>

namespace jingkai::tabular {

struct ImportProblem {
  std::int64_t row = 0;  // 1-based, the header being row 1
  std::string column;    // the column's key, e.g. "output"; empty for the row as a whole
  std::string value;
  std::string code;  // e.g. "bad_amount"
  std::string message;
};

// How many problems an import lists at most; it counts them all.
inline constexpr std::size_t kMaxListedProblems = 1000;

}  // namespace jingkai::tabular
