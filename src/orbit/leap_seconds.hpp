// LeapSecondTable: TAI − UTC in whole seconds since 1972, the steps that IERS Bulletin C
// announces. The product ships the table as data/leap_seconds.txt and compiles in the same
// table; a newer one can be given at run time (LeapSecondTable::parse) when IERS adds a step.
//
// Text format, one step a line:
//   # comment (a '#' anywhere starts one; blank lines are ignored)
//   1972-01-01 10
//   1972-07-01 11
//   ...
//   2017-01-01 37
// The date is the UTC day whose 0h the new offset starts at (the leap second itself is the
// last second of the day before); it is the first of a month. The offset is TAI − UTC in
// seconds from then on. Dates strictly increase and each offset differs from the one before
// by exactly one second (either way: a negative leap second is allowed by the definition).
#pragma once

#include <expected>
#include <span>
#include <string_view>
#include <vector>

#include "orbit/julian_date.hpp"
#include "orbit/parse_error.hpp"
#include "orbit/range_error.hpp"

namespace jingkai::orbit {

struct LeapSecond {
  CalendarDate date;  // UTC; the offset applies from 0h of this day
  int tai_minus_utc_s = 0;

  friend bool operator==(const LeapSecond& a, const LeapSecond& b) {
    return a.date.year == b.date.year && a.date.month == b.date.month && a.date.day == b.date.day &&
           a.tai_minus_utc_s == b.tai_minus_utc_s;
  }
};

class LeapSecondTable {
 public:
  // The table compiled in: IERS's steps from 1972-01-01 (10 s) to 2017-01-01 (37 s), the same
  // as data/leap_seconds.txt.
  static LeapSecondTable built_in();

  // A table in the format above; errors name the line and column.
  static std::expected<LeapSecondTable, ParseError> parse(std::string_view text);

  // TAI − UTC in seconds at a UTC instant. Fails ("time_before_leap_seconds") before the
  // first entry: UTC before 1972 stepped by fractions of a second and drifted in rate, which
  // this table does not model. After the last entry the last offset holds: the table cannot
  // know of steps announced after it was written, so update it when IERS announces one (six
  // months ahead, in Bulletin C).
  std::expected<double, RangeError> tai_minus_utc(const JulianDate& utc) const;

  // The same offset found from a TAI instant. The TAI instants of an inserted leap second
  // (23:59:60 UTC) have no UTC Julian date of their own: they take the offset before the
  // step, so that they map onto the first second of the next UTC day.
  std::expected<double, RangeError> tai_minus_utc_at_tai(const JulianDate& tai) const;

  std::span<const LeapSecond> entries() const { return entries_; }

 private:
  LeapSecondTable() = default;

  std::vector<LeapSecond> entries_;
  std::vector<double> days_;  // Julian date at 0h UTC of each entry's date
};

}  // namespace jingkai::orbit
