// The Sun for optical work: its position (the Astronomical Almanac's low-precision formulae),
// whether a satellite is in sunlight, and how dark it is at a station.
#pragma once

#include "orbit/earth_orientation.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/topocentric.hpp"
#include "orbit/vector3.hpp"

namespace jingkai::orbit {

inline constexpr double kAstronomicalUnitKm = 149597870.7;
inline constexpr double kSunRadiusKm = 695700.0;  // IAU 2015 nominal

// Geocentric Sun at a UTC instant, km. The Almanac's formulae ("Low precision formulas for
// the Sun", good to 0.01° between 1950 and 2050) give the Sun referred to the mean equator
// and equinox of date; TEME's equator differs from that by nutation (under 10"), below the
// model's precision, so the result serves as TEME. They take days of UT or TT alike: the
// ~69 s between UTC and TT is 0.0008° of the Sun's motion. Distance is good to ~1e-4 AU.
Vector3 sun_position_teme_km(const JulianDate& utc);

// The same Sun in ITRF (through teme_to_itrf_position), for station geometry.
Vector3 sun_position_itrf_km(const JulianDate& utc, const EarthOrientation& earth_orientation = {});

enum class Illumination {
  kSunlit,    // the whole solar disc is visible
  kPenumbra,  // the Earth covers part of it
  kUmbra,     // the Earth covers all of it
};

// The satellite's share of the solar disc, from a conical shadow model: the Sun and the
// Earth as discs of their apparent radii seen from the satellite (the Earth a sphere of
// WGS-84 equatorial radius; no atmosphere), overlapping as circles do. 1 in sunlight, 0 in
// the umbra. Both positions geocentric, km, in the same frame (TEME or ITRF).
double sunlit_fraction(const Vector3& satellite_km, const Vector3& sun_km);

Illumination illumination(const Vector3& satellite_km, const Vector3& sun_km);

// How dark it is at a station, by the Sun's geometric elevation (centre of the disc):
enum class Twilight {
  kDaylight,      // Sun's centre above −0.833° (sunrise/sunset: semi-diameter + refraction)
  kCivil,         // −0.833° .. −6°
  kNautical,      // −6° .. −12°
  kAstronomical,  // −12° .. −18°
  kNight,         // below −18°
};

// A boundary elevation belongs to the darker side: exactly −6° is nautical twilight.
Twilight twilight(double sun_elevation_deg);

double sun_elevation_deg(const Station& station, const JulianDate& utc,
                         const EarthOrientation& earth_orientation = {});

// Optical passes want the station at least this dark (the Sun below −6°, −12° or −18°).
inline constexpr double kCivilDuskDeg = -6.0;
inline constexpr double kNauticalDuskDeg = -12.0;
inline constexpr double kAstronomicalDuskDeg = -18.0;

// Sun at or below `sun_elevation_threshold_deg` at the station (e.g. kNauticalDuskDeg).
bool is_dark(const Station& station, const JulianDate& utc, double sun_elevation_threshold_deg,
             const EarthOrientation& earth_orientation = {});

}  // namespace jingkai::orbit
