// Frames of SGP4's output on the way to the ground, after Vallado, Crawford, Hujsak & Kelso,
// "Revisiting Spacetrack Report #3" (AIAA 2006-6753), appendix C:
//   TEME  true equator, mean equinox of date: what SGP4 gives (quasi-inertial)
//   PEF   pseudo Earth-fixed: TEME turned by Greenwich mean sidereal time (IAU 1982, the
//         model SGP4 itself is built on; not the equinox-based GAST of IAU 2000/2006) about
//         the Celestial Intermediate Pole
//   ITRF  the International Terrestrial Reference Frame: PEF tilted by polar motion
//
// Velocities in the Earth-fixed frames are relative to the rotating Earth: the ω × r term is
// removed (or added back on the way in). All positions are km, velocities km/s.
#pragma once

#include "orbit/earth_orientation.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/vector3.hpp"

namespace jingkai::orbit {

// The Earth's nominal rotation rate relative to the precessing equinox (Vallado), rad/s.
inline constexpr double kEarthRotationRate = 7.292115146706979e-5;

// Greenwich mean sidereal time, IAU 1982 (Aoki et al.), of a UT1 instant, radians in [0, 2π).
// The whole days of UT1 add whole turns and are left out, which keeps ~1e-12 rad.
double gmst_1982(const JulianDate& ut1);

// The rotation rate with the excess length of day applied: ω (1 − LOD / 86400 s).
double earth_rotation_rate(double length_of_day_excess_s);

// TEME ↔ PEF at a UT1 instant; `length_of_day_excess_s` (0 to leave it out) scales ω.
StateVector teme_to_pef(const StateVector& teme, const JulianDate& ut1,
                        double length_of_day_excess_s = 0.0);
StateVector pef_to_teme(const StateVector& pef, const JulianDate& ut1,
                        double length_of_day_excess_s = 0.0);

// PEF ↔ ITRF for polar motion xp, yp in arcseconds (IERS 2010, eq. 5.3 without s′, which is
// below 0.1 mas for this century: ~1 mm at geostationary radius).
StateVector pef_to_itrf(const StateVector& pef, double xp_arcsec, double yp_arcsec);
StateVector itrf_to_pef(const StateVector& itrf, double xp_arcsec, double yp_arcsec);

// The whole chain at a UTC instant. With `parameters` for that instant (LOD applied to ω):
StateVector teme_to_itrf(const StateVector& teme, const JulianDate& utc,
                         const EarthOrientationParameters& parameters);
StateVector itrf_to_teme(const StateVector& itrf, const JulianDate& utc,
                         const EarthOrientationParameters& parameters);
// With the parameters looked up in `earth_orientation` (zero when it is empty):
StateVector teme_to_itrf(const StateVector& teme, const JulianDate& utc,
                         const EarthOrientation& earth_orientation = {});
StateVector itrf_to_teme(const StateVector& itrf, const JulianDate& utc,
                         const EarthOrientation& earth_orientation = {});

// Positions only (for directions such as the Sun's, where no velocity is wanted).
Vector3 teme_to_itrf_position(const Vector3& teme, const JulianDate& utc,
                              const EarthOrientation& earth_orientation = {});

}  // namespace jingkai::orbit
