// JulianDate: an instant as a whole Julian day plus the fraction of that day, so that an
// epoch keeps sub-microsecond resolution (one double near 2.45e6 days resolves only ~40 µs).
#pragma once

namespace jingkai::orbit {

// `day` is the Julian date at 0h UTC of a calendar day, so it always ends in .5 (the
// convention of Vallado's SGP4 code: jdsatepoch); `fraction` is the part of that day
// elapsed, in [0, 1).
struct JulianDate {
  double day = 0.0;
  double fraction = 0.0;

  friend bool operator==(const JulianDate&, const JulianDate&) = default;
};

struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

// Proleptic Gregorian calendar throughout.
bool is_leap_year(int year);
int days_in_year(int year);

// Julian date at 0h UTC of a calendar date (ends in .5).
double julian_day_at_midnight(int year, int month, int day);

// Day `day_of_year` (1 = 1 January) of `year`, `fraction` of that day elapsed. The
// caller has checked the ranges; fraction is taken as given.
JulianDate julian_date_from_day_of_year(int year, int day_of_year, double fraction);

CalendarDate calendar_date(const JulianDate& date);

// 1 for 1 January.
int day_of_year(const JulianDate& date);

// (to - from) in minutes, subtracting whole days and fractions separately.
double minutes_between(const JulianDate& from, const JulianDate& to);

}  // namespace jingkai::orbit
