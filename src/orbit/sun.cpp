#include "orbit/sun.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "orbit/frames.hpp"
#include "orbit/geodetic.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kDegreesToRadians = std::numbers::pi / 180.0;
constexpr double kJ2000 = 2451545.0;
constexpr double kSunriseElevationDeg = -0.833;

double degrees_in_turn(double degrees) {
  const double reduced = std::fmod(degrees, 360.0);
  return reduced < 0.0 ? reduced + 360.0 : reduced;
}

double clamped_acos(double x) { return std::acos(std::clamp(x, -1.0, 1.0)); }

}  // namespace

Vector3 sun_position_teme_km(const JulianDate& utc) {
  // The Astronomical Almanac, "Low precision formulas for the Sun" (section C).
  const double n = (utc.day - kJ2000) + utc.fraction;                      // days from J2000.0
  const double mean_longitude = degrees_in_turn(280.460 + 0.9856474 * n);  // aberration included
  const double mean_anomaly = degrees_in_turn(357.528 + 0.9856003 * n) * kDegreesToRadians;
  const double ecliptic_longitude =
      (mean_longitude + 1.915 * std::sin(mean_anomaly) + 0.020 * std::sin(2.0 * mean_anomaly)) *
      kDegreesToRadians;
  const double obliquity = (23.439 - 0.0000004 * n) * kDegreesToRadians;
  const double distance_au =
      1.00014 - 0.01671 * std::cos(mean_anomaly) - 0.00014 * std::cos(2.0 * mean_anomaly);
  const double r = distance_au * kAstronomicalUnitKm;
  // The ecliptic latitude is taken as zero (it stays under 1.2").
  return {r * std::cos(ecliptic_longitude), r * std::cos(obliquity) * std::sin(ecliptic_longitude),
          r * std::sin(obliquity) * std::sin(ecliptic_longitude)};
}

Vector3 sun_position_itrf_km(const JulianDate& utc, const EarthOrientation& earth_orientation) {
  return teme_to_itrf_position(sun_position_teme_km(utc), utc, earth_orientation);
}

double sunlit_fraction(const Vector3& satellite_km, const Vector3& sun_km) {
  // Montenbruck & Gill, "Satellite Orbits" §3.4.2: the discs' apparent radii a (Sun) and b
  // (Earth) and their centres' separation c, all as seen from the satellite.
  const Vector3 to_sun = sun_km - satellite_km;
  const double sun_distance = norm(to_sun);
  const double earth_distance = norm(satellite_km);
  const double a = std::asin(std::min(1.0, kSunRadiusKm / sun_distance));
  const double b = earth_distance <= kWgs84EquatorialRadiusKm
                       ? std::numbers::pi / 2.0
                       : std::asin(kWgs84EquatorialRadiusKm / earth_distance);
  const double c = clamped_acos(-dot(satellite_km, to_sun) / (earth_distance * sun_distance));
  if (c >= a + b) return 1.0;
  if (c <= b - a) return 0.0;
  // Beyond ~1.4 million km the Earth's disc can sit wholly inside the Sun's.
  if (c <= a - b) return 1.0 - (b * b) / (a * a);
  // Two overlapping circles: the area of their lens.
  const double x = (c * c + a * a - b * b) / (2.0 * c);
  const double y = std::sqrt(std::max(0.0, a * a - x * x));
  const double covered = a * a * clamped_acos(x / a) + b * b * clamped_acos((c - x) / b) - c * y;
  return std::clamp(1.0 - covered / (std::numbers::pi * a * a), 0.0, 1.0);
}

Illumination illumination(const Vector3& satellite_km, const Vector3& sun_km) {
  const double fraction = sunlit_fraction(satellite_km, sun_km);
  if (fraction >= 1.0) return Illumination::kSunlit;
  if (fraction <= 0.0) return Illumination::kUmbra;
  return Illumination::kPenumbra;
}

Twilight twilight(double sun_elevation_deg) {
  if (sun_elevation_deg <= kAstronomicalDuskDeg) return Twilight::kNight;
  if (sun_elevation_deg <= kNauticalDuskDeg) return Twilight::kAstronomical;
  if (sun_elevation_deg <= kCivilDuskDeg) return Twilight::kNautical;
  if (sun_elevation_deg <= kSunriseElevationDeg) return Twilight::kCivil;
  return Twilight::kDaylight;
}

double sun_elevation_deg(const Station& station, const JulianDate& utc,
                         const EarthOrientation& earth_orientation) {
  return station.elevation_deg(sun_position_itrf_km(utc, earth_orientation));
}

bool is_dark(const Station& station, const JulianDate& utc, double sun_elevation_threshold_deg,
             const EarthOrientation& earth_orientation) {
  return sun_elevation_deg(station, utc, earth_orientation) <= sun_elevation_threshold_deg;
}

}  // namespace jingkai::orbit
