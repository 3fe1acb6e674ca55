// Reads a whole table the way an importer does, checking the reader's rules on every row;
// shared by the CSV and XLSX libFuzzer targets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/libfuzzer_rules.hpp"
#include "tabular/table_reader.hpp"

namespace jingkai::fuzz {

// open_table's and next()'s errors all name the uploaded file.
inline void check_table_error(const Error& error) {
  check_error(error);
  if (error.field != "file") broken("a table error that does not name the file", error);
}

// To the end or to an error: cells in UTF-8, row numbers increasing, progress in [0, 1] and
// never going back, 1 at the end, and the end staying the end.
inline void read_table(std::string bytes, std::optional<tabular::Encoding> encoding) {
  auto reader = tabular::open_table(std::move(bytes), encoding);
  if (!reader) return check_table_error(reader.error());
  std::vector<std::string> cells;
  std::int64_t last_row = 0;
  double last_progress = 0.0;
  for (;;) {
    auto more = (*reader)->next(cells);
    if (!more) return check_table_error(more.error());
    const double progress = (*reader)->progress();
    require(progress >= last_progress && progress >= 0.0 && progress <= 1.0,
            "progress out of [0, 1] or going back");
    last_progress = progress;
    if (!*more) break;
    require((*reader)->row_number() > last_row, "row numbers not increasing");
    last_row = (*reader)->row_number();
    for (const auto& cell : cells) require(is_valid_utf8(cell), "a cell that is not UTF-8");
  }
  require((*reader)->progress() == 1.0, "progress below 1 at the end");
  auto after = (*reader)->next(cells);
  require(after && !*after, "the end did not stay the end");
}

}  // namespace jingkai::fuzz
