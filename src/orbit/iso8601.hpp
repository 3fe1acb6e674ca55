// ISO 8601 UTC timestamps as the CLI and its output write them: "2026-11-27T12:00:00.000Z".
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "orbit/julian_date.hpp"
#include "orbit/parse_error.hpp"

namespace jingkai::orbit {

// Exactly YYYY-MM-DDTHH:MM:SS, then optionally '.' and 1 to 9 digits of the second, then 'Z'
// (UTC only: an offset such as +08:00 is refused rather than guessed at). Years 0001-9999.
// The leap second 23:59:60 is refused ("iso8601_leap_second"): a UTC Julian date has no
// name for it. Errors give the 1-based column (line 0).
std::expected<JulianDate, ParseError> parse_iso8601_utc(std::string_view text);

// "YYYY-MM-DDTHH:MM:SS.mmmZ", rounded to the nearest millisecond (carrying into the next
// day when the fraction rounds up to 24:00:00.000).
std::string format_iso8601_utc(const JulianDate& utc);
// The same text appended to `out` (no string of its own: for listings of millions).
void append_iso8601_utc(std::string& out, const JulianDate& utc);

}  // namespace jingkai::orbit
