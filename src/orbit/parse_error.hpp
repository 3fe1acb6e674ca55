// ParseError: what the orbit library returns when text (a TLE, a time range) is malformed.
#pragma once

#include <string>

namespace jingkai::orbit {

// Located in the text that was read: line and column are 1-based so that they match what
// an editor shows; 0 means "not tied to one line" (or one column). The library stays free
// of jingkai's core types, so callers map this to their own error (by `code`).
struct ParseError {
  int line = 0;
  int column = 0;
  std::string code;     // stable machine-readable cause, e.g. "tle_checksum"
  std::string message;  // for people, in English

  // "line 2, column 69: checksum is 7 but the line sums to 3" (parts that are 0 left out).
  std::string to_string() const;
};

}  // namespace jingkai::orbit
