// Time scales of the orbit engine, on JulianDate (whole day plus fraction, so that an instant
// keeps sub-nanosecond resolution through the conversions):
//   UTC  civil time, what element sets (TLE/OMM epochs) and users write; steps by leap seconds
//   TAI  International Atomic Time: TAI = UTC + (TAI − UTC), from the leap-second table
//   TT   Terrestrial Time: TT = TAI + 32.184 s exactly
//   UT1  the Earth's rotation angle as a time: UT1 = UTC + ΔUT1, ΔUT1 from IERS (|ΔUT1| < 0.9 s)
//
// A JulianDate in any scale counts days of 86400 SI seconds of that scale from its own 0h,
// so `day` ends in .5 and `fraction` is in [0, 1) after every function here.
#pragma once

#include <expected>

#include "orbit/earth_orientation.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/leap_seconds.hpp"
#include "orbit/range_error.hpp"

namespace jingkai::orbit {

inline constexpr double kSecondsPerDay = 86400.0;
inline constexpr double kTtMinusTaiSeconds = 32.184;

// `date` moved by `seconds` (either sign), the fraction brought back into [0, 1).
JulianDate add_seconds(const JulianDate& date, double seconds);

// (to − from) in seconds, whole days and fractions subtracted separately.
double seconds_between(const JulianDate& from, const JulianDate& to);

// Fail before the table's first entry (1972), as LeapSecondTable::tai_minus_utc does.
std::expected<JulianDate, RangeError> tai_from_utc(const JulianDate& utc,
                                                   const LeapSecondTable& leap_seconds);
std::expected<JulianDate, RangeError> utc_from_tai(const JulianDate& tai,
                                                   const LeapSecondTable& leap_seconds);
std::expected<JulianDate, RangeError> tt_from_utc(const JulianDate& utc,
                                                  const LeapSecondTable& leap_seconds);
std::expected<JulianDate, RangeError> utc_from_tt(const JulianDate& tt,
                                                  const LeapSecondTable& leap_seconds);

JulianDate tt_from_tai(const JulianDate& tai);
JulianDate tai_from_tt(const JulianDate& tt);

// UT1 needs no leap-second table: ΔUT1 is published against UTC. With no EOP data given
// (EarthOrientation{}), UT1 = UTC; see earth_orientation.hpp for the error that makes.
JulianDate ut1_from_utc(const JulianDate& utc, const EarthOrientation& earth_orientation);

}  // namespace jingkai::orbit
