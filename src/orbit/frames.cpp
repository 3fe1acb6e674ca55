#include "orbit/frames.hpp"

#include <cmath>
#include <numbers>

#include "orbit/time_scales.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kArcsecondsToRadians = std::numbers::pi / (180.0 * 3600.0);
constexpr double kJ2000 = 2451545.0;  // 2000-01-01 12h, the epoch of the GMST polynomial
constexpr double kDaysPerCentury = 36525.0;

// A passive rotation by `angle` about z (the frame turns, the vector stays): R3 of Vallado
// and the IERS conventions.
Vector3 rotate_z(const Vector3& v, double angle) {
  const double c = std::cos(angle);
  const double s = std::sin(angle);
  return {c * v[0] + s * v[1], -s * v[0] + c * v[1], v[2]};
}

// Polar motion W = R2(xp) R1(yp) (IERS 2010 eq. 5.3, s′ left out) takes ITRF to PEF.
struct PolarMotion {
  double cx, sx, cy, sy;

  PolarMotion(double xp_arcsec, double yp_arcsec)
      : cx(std::cos(xp_arcsec * kArcsecondsToRadians)),
        sx(std::sin(xp_arcsec * kArcsecondsToRadians)),
        cy(std::cos(yp_arcsec * kArcsecondsToRadians)),
        sy(std::sin(yp_arcsec * kArcsecondsToRadians)) {}

  Vector3 to_pef(const Vector3& v) const {
    return {cx * v[0] + sx * sy * v[1] - sx * cy * v[2], cy * v[1] + sy * v[2],
            sx * v[0] - cx * sy * v[1] + cx * cy * v[2]};
  }

  // Wᵀ
  Vector3 to_itrf(const Vector3& v) const {
    return {cx * v[0] + sx * v[2], sx * sy * v[0] + cy * v[1] - cx * sy * v[2],
            -sx * cy * v[0] + sy * v[1] + cx * cy * v[2]};
  }
};

Vector3 earth_rotation_cross(double omega, const Vector3& r) {
  return {-omega * r[1], omega * r[0], 0.0};
}

JulianDate ut1_of(const JulianDate& utc, const EarthOrientationParameters& parameters) {
  return add_seconds(utc, parameters.ut1_minus_utc_s);
}

}  // namespace

double gmst_1982(const JulianDate& ut1) {
  const double days = ut1.day - kJ2000;  // exact: both are multiples of 0.5
  const double t = (days + ut1.fraction) / kDaysPerCentury;
  // GMST = 67310.54841 s + (876600 h + 8640184.812866 s) T + 0.093104 s T² − 6.2e-6 s T³.
  // 876600 h T is 86400 s per day of UT1 since J2000: whole days of it are whole turns, so
  // only the day's fraction is kept.
  const double seconds = 67310.54841 + (8640184.812866 + (0.093104 - 6.2e-6 * t) * t) * t;
  double turns = (days - std::floor(days)) + ut1.fraction + seconds / kSecondsPerDay;
  turns -= std::floor(turns);
  return turns * kTwoPi;
}

double earth_rotation_rate(double length_of_day_excess_s) {
  return kEarthRotationRate * (1.0 - length_of_day_excess_s / kSecondsPerDay);
}

StateVector teme_to_pef(const StateVector& teme, const JulianDate& ut1,
                        double length_of_day_excess_s) {
  const double theta = gmst_1982(ut1);
  const double omega = earth_rotation_rate(length_of_day_excess_s);
  StateVector pef;
  pef.position_km = rotate_z(teme.position_km, theta);
  pef.velocity_km_s =
      rotate_z(teme.velocity_km_s, theta) - earth_rotation_cross(omega, pef.position_km);
  return pef;
}

StateVector pef_to_teme(const StateVector& pef, const JulianDate& ut1,
                        double length_of_day_excess_s) {
  const double theta = gmst_1982(ut1);
  const double omega = earth_rotation_rate(length_of_day_excess_s);
  StateVector teme;
  teme.position_km = rotate_z(pef.position_km, -theta);
  teme.velocity_km_s =
      rotate_z(pef.velocity_km_s + earth_rotation_cross(omega, pef.position_km), -theta);
  return teme;
}

StateVector pef_to_itrf(const StateVector& pef, double xp_arcsec, double yp_arcsec) {
  if (xp_arcsec == 0.0 && yp_arcsec == 0.0) return pef;
  const PolarMotion w(xp_arcsec, yp_arcsec);
  return StateVector{.position_km = w.to_itrf(pef.position_km),
                     .velocity_km_s = w.to_itrf(pef.velocity_km_s)};
}

StateVector itrf_to_pef(const StateVector& itrf, double xp_arcsec, double yp_arcsec) {
  if (xp_arcsec == 0.0 && yp_arcsec == 0.0) return itrf;
  const PolarMotion w(xp_arcsec, yp_arcsec);
  return StateVector{.position_km = w.to_pef(itrf.position_km),
                     .velocity_km_s = w.to_pef(itrf.velocity_km_s)};
}

StateVector teme_to_itrf(const StateVector& teme, const JulianDate& utc,
                         const EarthOrientationParameters& parameters) {
  return pef_to_itrf(teme_to_pef(teme, ut1_of(utc, parameters), parameters.length_of_day_excess_s),
                     parameters.polar_motion_x_arcsec, parameters.polar_motion_y_arcsec);
}

StateVector itrf_to_teme(const StateVector& itrf, const JulianDate& utc,
                         const EarthOrientationParameters& parameters) {
  return pef_to_teme(
      itrf_to_pef(itrf, parameters.polar_motion_x_arcsec, parameters.polar_motion_y_arcsec),
      ut1_of(utc, parameters), parameters.length_of_day_excess_s);
}

StateVector teme_to_itrf(const StateVector& teme, const JulianDate& utc,
                         const EarthOrientation& earth_orientation) {
  return teme_to_itrf(teme, utc, earth_orientation.at(utc));
}

StateVector itrf_to_teme(const StateVector& itrf, const JulianDate& utc,
                         const EarthOrientation& earth_orientation) {
  return itrf_to_teme(itrf, utc, earth_orientation.at(utc));
}

Vector3 teme_to_itrf_position(const Vector3& teme, const JulianDate& utc,
                              const EarthOrientation& earth_orientation) {
  const EarthOrientationParameters parameters = earth_orientation.at(utc);
  Vector3 position = rotate_z(teme, gmst_1982(ut1_of(utc, parameters)));
  if (parameters.polar_motion_x_arcsec != 0.0 || parameters.polar_motion_y_arcsec != 0.0) {
    position = PolarMotion(parameters.polar_motion_x_arcsec, parameters.polar_motion_y_arcsec)
                   .to_itrf(position);
  }
  return position;
}

}  // namespace jingkai::orbit
