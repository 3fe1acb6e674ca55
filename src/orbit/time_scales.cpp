#include "orbit/time_scales.hpp"

#include <cmath>

#include "orbit/try.hpp"

namespace jingkai::orbit {

JulianDate add_seconds(const JulianDate& date, double seconds) {
  const double fraction = date.fraction + seconds / kSecondsPerDay;
  const double whole_days = std::floor(fraction);
  JulianDate moved{.day = date.day + whole_days, .fraction = fraction - whole_days};
  // A tiny negative fraction can round up to exactly 1.
  if (moved.fraction >= 1.0) {
    moved.day += 1.0;
    moved.fraction -= 1.0;
  }
  return moved;
}

double seconds_between(const JulianDate& from, const JulianDate& to) {
  return ((to.day - from.day) + (to.fraction - from.fraction)) * kSecondsPerDay;
}

std::expected<JulianDate, RangeError> tai_from_utc(const JulianDate& utc,
                                                   const LeapSecondTable& leap_seconds) {
  const auto offset = ORBIT_TRY(leap_seconds.tai_minus_utc(utc));
  return add_seconds(utc, offset);
}

std::expected<JulianDate, RangeError> utc_from_tai(const JulianDate& tai,
                                                   const LeapSecondTable& leap_seconds) {
  const auto offset = ORBIT_TRY(leap_seconds.tai_minus_utc_at_tai(tai));
  return add_seconds(tai, -offset);
}

std::expected<JulianDate, RangeError> tt_from_utc(const JulianDate& utc,
                                                  const LeapSecondTable& leap_seconds) {
  // One addition of the summed offset rounds once.
  const auto offset = ORBIT_TRY(leap_seconds.tai_minus_utc(utc));
  return add_seconds(utc, offset + kTtMinusTaiSeconds);
}

std::expected<JulianDate, RangeError> utc_from_tt(const JulianDate& tt,
                                                  const LeapSecondTable& leap_seconds) {
  const auto offset = ORBIT_TRY(leap_seconds.tai_minus_utc_at_tai(tai_from_tt(tt)));
  return add_seconds(tt, -(offset + kTtMinusTaiSeconds));
}

JulianDate tt_from_tai(const JulianDate& tai) { return add_seconds(tai, kTtMinusTaiSeconds); }

JulianDate tai_from_tt(const JulianDate& tt) { return add_seconds(tt, -kTtMinusTaiSeconds); }

JulianDate ut1_from_utc(const JulianDate& utc, const EarthOrientation& earth_orientation) {
  return add_seconds(utc, earth_orientation.at(utc).ut1_minus_utc_s);
}

}  // namespace jingkai::orbit
