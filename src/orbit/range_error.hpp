// RangeError: what the orbit library returns when a value is well formed but outside what a
// model covers (a time before the leap-second table, a station latitude of 91°).
#pragma once

#include <string>

namespace jingkai::orbit {

// The library stays free of jingkai's core types, so callers map this to their own error
// (by `code`), as they do ParseError.
struct RangeError {
  std::string code;     // stable machine-readable cause, e.g. "station_latitude"
  std::string field;    // the argument at fault, e.g. "latitude_deg"
  std::string message;  // for people, in English
};

}  // namespace jingkai::orbit
