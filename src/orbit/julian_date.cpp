#include "orbit/julian_date.hpp"

#include <cmath>
#include <cstdint>

namespace jingkai::orbit {
namespace {

// Julian day number (the integer that labels the day from noon to noon) of a Gregorian
// date, after Fliegel and Van Flandern (1968); valid for all dates after -4800 March 1.
std::int64_t julian_day_number(std::int64_t year, std::int64_t month, std::int64_t day) {
  const std::int64_t a = (14 - month) / 12;
  const std::int64_t y = year + 4800 - a;
  const std::int64_t m = month + 12 * a - 3;
  return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

CalendarDate from_julian_day_number(std::int64_t jdn) {
  // The inverse of the above (Richards, "Mapping Time", 1998).
  const std::int64_t a = jdn + 32044;
  const std::int64_t b = (4 * a + 3) / 146097;
  const std::int64_t c = a - 146097 * b / 4;
  const std::int64_t d = (4 * c + 3) / 1461;
  const std::int64_t e = c - 1461 * d / 4;
  const std::int64_t m = (5 * e + 2) / 153;
  return CalendarDate{
      .year = static_cast<int>(100 * b + d - 4800 + m / 10),
      .month = static_cast<int>(m + 3 - 12 * (m / 10)),
      .day = static_cast<int>(e - (153 * m + 2) / 5 + 1),
  };
}

std::int64_t julian_day_number_of(const JulianDate& date) {
  return static_cast<std::int64_t>(std::floor(date.day + 0.5));
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_year(int year) { return is_leap_year(year) ? 366 : 365; }

double julian_day_at_midnight(int year, int month, int day) {
  return static_cast<double>(julian_day_number(year, month, day)) - 0.5;
}

JulianDate julian_date_from_day_of_year(int year, int day_of_year, double fraction) {
  return JulianDate{.day = julian_day_at_midnight(year, 1, 1) + (day_of_year - 1),
                    .fraction = fraction};
}

CalendarDate calendar_date(const JulianDate& date) {
  return from_julian_day_number(julian_day_number_of(date));
}

int day_of_year(const JulianDate& date) {
  const CalendarDate calendar = calendar_date(date);
  return static_cast<int>(julian_day_number_of(date) - julian_day_number(calendar.year, 1, 1)) + 1;
}

double minutes_between(const JulianDate& from, const JulianDate& to) {
  return ((to.day - from.day) + (to.fraction - from.fraction)) * 1440.0;
}

}  // namespace jingkai::orbit
