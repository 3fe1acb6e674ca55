#include "orbit/leap_seconds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iterator>

#include "orbit/text_lines.hpp"
#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kSecondsPerDay = 86400.0;

// The same lines as data/leap_seconds.txt (a test checks that they agree).
constexpr std::string_view kBuiltInTable = R"(
1972-01-01 10
1972-07-01 11
1973-01-01 12
1974-01-01 13
1975-01-01 14
1976-01-01 15
1977-01-01 16
1978-01-01 17
1979-01-01 18
1980-01-01 19
1981-07-01 20
1982-07-01 21
1983-07-01 22
1985-07-01 23
1988-01-01 24
1990-01-01 25
1991-01-01 26
1992-07-01 27
1993-07-01 28
1994-07-01 29
1996-01-01 30
1997-07-01 31
1999-01-01 32
2006-01-01 33
2009-01-01 34
2012-07-01 35
2015-07-01 36
2017-01-01 37
)";

ParseError error_at(int line, int column, std::string code, std::string message) {
  return ParseError{line, column, std::move(code), std::move(message)};
}

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// One "YYYY-MM-DD OFFSET" line (comment already cut off, not blank).
std::expected<LeapSecond, ParseError> parse_line(std::string_view line, int line_number) {
  std::size_t start = line.find_first_not_of(" \t");
  const int date_column = static_cast<int>(start) + 1;
  const std::size_t date_end = line.find_first_of(" \t", start);
  const std::string_view date = line.substr(start, date_end - start);
  if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !all_digits(date.substr(0, 4)) ||
      !all_digits(date.substr(5, 2)) || !all_digits(date.substr(8, 2))) {
    return std::unexpected(error_at(line_number, date_column, "leap_seconds_date",
                                    fmt::format("expected a date YYYY-MM-DD, found '{}'", date)));
  }
  LeapSecond entry;
  entry.date =
      CalendarDate{to_int(date.substr(0, 4)), to_int(date.substr(5, 2)), to_int(date.substr(8, 2))};
  if (entry.date.month < 1 || entry.date.month > 12 || entry.date.day < 1 ||
      entry.date.day > days_in_month(entry.date.year, entry.date.month)) {
    return std::unexpected(
        error_at(line_number, date_column, "leap_seconds_date",
                 fmt::format("'{}' is not a date of the Gregorian calendar", date)));
  }
  if (entry.date.day != 1) {
    return std::unexpected(error_at(
        line_number, date_column + 8, "leap_seconds_date",
        fmt::format("'{}': a leap second ends a month, so the new offset starts on a 1st", date)));
  }
  if (date_end == std::string_view::npos) {
    return std::unexpected(error_at(line_number, date_column + 10, "leap_seconds_offset",
                                    "expected TAI − UTC in seconds after the date"));
  }
  start = line.find_first_not_of(" \t", date_end);
  if (start == std::string_view::npos) {
    return std::unexpected(error_at(line_number, date_column + 10, "leap_seconds_offset",
                                    "expected TAI − UTC in seconds after the date"));
  }
  const std::size_t offset_end = line.find_first_of(" \t", start);
  const std::string_view offset = line.substr(start, offset_end - start);
  const std::string_view digits = offset.starts_with('-') ? offset.substr(1) : offset;
  if (!all_digits(digits) || digits.size() > 4) {
    return std::unexpected(
        error_at(line_number, static_cast<int>(start) + 1, "leap_seconds_offset",
                 fmt::format("expected TAI − UTC as whole seconds, found '{}'", offset)));
  }
  entry.tai_minus_utc_s = offset.starts_with('-') ? -to_int(digits) : to_int(digits);
  if (offset_end != std::string_view::npos &&
      line.find_first_not_of(" \t", offset_end) != std::string_view::npos) {
    const std::size_t extra = line.find_first_not_of(" \t", offset_end);
    return std::unexpected(error_at(line_number, static_cast<int>(extra) + 1,
                                    "leap_seconds_trailing",
                                    "unexpected text after the offset (comments start with '#')"));
  }
  return entry;
}

std::string date_text(const CalendarDate& date) {
  return fmt::format("{:04d}-{:02d}-{:02d}", date.year, date.month, date.day);
}

}  // namespace

LeapSecondTable LeapSecondTable::built_in() {
  // The compiled-in text is known good; a failure here is a bug in this file.
  return *parse(kBuiltInTable);
}

std::expected<LeapSecondTable, ParseError> LeapSecondTable::parse(std::string_view text) {
  LeapSecondTable table;
  int line_number = 0;
  int previous_line = 0;
  for (std::string_view line; next_line(text, line);) {
    ++line_number;
    line = line.substr(0, line.find('#'));
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;

    auto entry = ORBIT_TRY(parse_line(line, line_number));
    const double day = julian_day_at_midnight(entry.date.year, entry.date.month, entry.date.day);
    if (!table.entries_.empty()) {
      const LeapSecond& previous = table.entries_.back();
      if (day <= table.days_.back()) {
        return std::unexpected(
            error_at(line_number, 1, "leap_seconds_order",
                     fmt::format("{} does not come after {} (line {}): dates must increase",
                                 date_text(entry.date), date_text(previous.date), previous_line)));
      }
      if (std::abs(entry.tai_minus_utc_s - previous.tai_minus_utc_s) != 1) {
        return std::unexpected(error_at(
            line_number, 12, "leap_seconds_step",
            fmt::format("TAI − UTC goes from {} s to {} s; a leap second changes it by one",
                        previous.tai_minus_utc_s, entry.tai_minus_utc_s)));
      }
    }
    table.entries_.push_back(entry);
    table.days_.push_back(day);
    previous_line = line_number;
  }
  if (table.entries_.empty()) {
    return std::unexpected(
        error_at(0, 0, "leap_seconds_empty", "the leap-second table has no entries"));
  }
  return table;
}

std::expected<double, RangeError> LeapSecondTable::tai_minus_utc(const JulianDate& utc) const {
  // Entries start at 0h, so comparing whole days decides; a fraction outside [0, 1) moves
  // the day it belongs to.
  const double day = utc.day + std::floor(utc.fraction);
  const auto after = std::upper_bound(days_.begin(), days_.end(), day);
  if (after == days_.begin()) {
    return std::unexpected(RangeError{
        "time_before_leap_seconds", "utc",
        fmt::format("UTC before {} is not covered by the leap-second table (UTC before 1972 "
                    "drifted in rate and stepped by fractions of a second)",
                    date_text(entries_.front().date))});
  }
  return entries_[std::distance(days_.begin(), after) - 1].tai_minus_utc_s;
}

std::expected<double, RangeError> LeapSecondTable::tai_minus_utc_at_tai(
    const JulianDate& tai) const {
  // Entry i applies from TAI = its day + offset_i seconds; scan from the newest, as most
  // times asked about are recent.
  for (std::size_t i = entries_.size(); i-- > 0;) {
    const double days_after = (tai.day - days_[i]) + tai.fraction;
    if (days_after >= entries_[i].tai_minus_utc_s / kSecondsPerDay) {
      return entries_[i].tai_minus_utc_s;
    }
  }
  return std::unexpected(RangeError{
      "time_before_leap_seconds", "tai",
      fmt::format("TAI before {} UTC is not covered by the leap-second table (UTC before "
                  "1972 drifted in rate and stepped by fractions of a second)",
                  date_text(entries_.front().date))});
}

}  // namespace jingkai::orbit
