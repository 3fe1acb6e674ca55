// What an importer reports about a bad row of a spreadsheet, so that a clerk can find and
// fix it: every importer of the product reports in this shape.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jingkai::tabular {

// How many characters of a cell an error or a problem quotes back. A cell can hold megabytes
// (an XLSX inflates 1000:1); quoting it whole turned a 21 KB upload into a 40 MiB answer.
inline constexpr std::size_t kMaxEchoedCharacters = 200;

// `text` as an error may quote it: whole when it has at most `max_characters` code points,
// otherwise its first `max_characters` followed by "…", cut on a UTF-8 boundary (bytes that are
// not UTF-8 count one character each and are never split further).
std::string excerpt(std::string_view text, std::size_t max_characters = kMaxEchoedCharacters);

struct ImportProblem {
  ImportProblem() = default;
  // `value` is kept as its excerpt; where `message` quotes a value longer than that, the quote
  // is shortened the same way, and the message as a whole is cut at kMaxMessageCharacters.
  ImportProblem(std::int64_t row, std::string column, std::string_view value, std::string code,
                std::string_view message);

  static constexpr std::size_t kMaxMessageCharacters = 1000;

  std::int64_t row = 0;  // 1-based, the header being row 1
  std::string column;    // the column's key, e.g. "output"; empty for the row as a whole
  std::string value;
  std::string code;  // e.g. "bad_amount"
  std::string message;
};

// How many problems an import lists at most; it counts them all.
inline constexpr std::size_t kMaxListedProblems = 1000;

}  // namespace jingkai::tabular
