// SatelliteGrid::fill: the propagation along the grid with the batch propagator's vector
// kernel, turned to ITRF, and the bounds that let a station skip what it cannot see.
#include "orbit/pass_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jingkai::orbit::pass_detail {
namespace {

// The WGS-84 polar radius, less 1 km: nothing SGP4 gives and no station lies below it.
constexpr double kEarthMinRadiusKm = 6355.75;

}  // namespace

bool SatelliteGrid::fill(const Sgp4& satellite, const JulianDate& start, double span_s,
                         const EarthOrientation& earth_orientation,
                         const PassSearchOptions& options) {
  steps = grid_steps(satellite, span_s, options);
  spacing_s = span_s / static_cast<double>(steps);
  track.emplace(satellite);
  const double start_minutes = minutes_between(satellite.epoch(), start);
  minutes.resize(steps + 1);
  times_s.resize(steps + 1);
  for (std::size_t k = 0; k <= steps; ++k) {
    times_s[k] = grid_time(span_s, steps, k);
    minutes[k] = start_minutes + times_s[k] / kSecondsPerMinute;
  }
  itrf.resize(steps + 1);
  if (!track->propagate(minutes, itrf)) return false;
  compact.resize(steps + 1);
  direction_x.resize(steps + 1);
  direction_y.resize(steps + 1);
  direction_z.resize(steps + 1);
  theta.resize(steps + 1);
  orientation.resize(steps + 1);
  double fastest = 0.0;
  double lowest = std::numeric_limits<double>::infinity();
  double highest = 0.0;
  double cos_theta = 1.0, sin_theta = 0.0;
  for (std::size_t k = 0; k <= steps; ++k) {
    // teme_to_itrf's arithmetic, keeping the Earth's angle for the refinements. The angle's
    // cosine and sine from the previous instant's by the angle-sum formulas (the step's
    // series to its ninth power, exact to 1e-22 for the quarter degree a minute turns),
    // afresh every 16 instants so that rounding cannot build up (1e-15 at most).
    const JulianDate utc = add_seconds(start, times_s[k]);
    orientation[k] = earth_orientation.at(utc);
    theta[k] = gmst_1982(add_seconds(utc, orientation[k].ut1_minus_utc_s));
    const double delta = k == 0 ? 0.0 : theta[k] - theta[k - 1];
    if (k % 16 == 0 || !(std::abs(delta) < 0.05)) {
      cos_theta = std::cos(theta[k]);
      sin_theta = std::sin(theta[k]);
    } else {
      const double d2 = delta * delta;
      const double sin_delta =
          delta * (1.0 - d2 / 6.0 * (1.0 - d2 / 20.0 * (1.0 - d2 / 42.0 * (1.0 - d2 / 72.0))));
      const double cos_delta =
          1.0 - d2 / 2.0 * (1.0 - d2 / 12.0 * (1.0 - d2 / 30.0 * (1.0 - d2 / 56.0)));
      const double c = cos_theta * cos_delta - sin_theta * sin_delta;
      sin_theta = sin_theta * cos_delta + cos_theta * sin_delta;
      cos_theta = c;
    }
    itrf[k] = rotate_to_itrf(itrf[k], cos_theta, sin_theta, orientation[k]);
    fastest = std::max(fastest, dot(itrf[k].velocity_km_s, itrf[k].velocity_km_s));
    const Vector3& r = itrf[k].position_km;
    const Vector3& v = itrf[k].velocity_km_s;
    compact[k] = {static_cast<float>(r[0]), static_cast<float>(r[1]), static_cast<float>(r[2]),
                  static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])};
    const double r2 = dot(r, r);
    const double inverse_r = 1.0 / std::sqrt(r2);
    direction_x[k] = static_cast<float>(r[0] * inverse_r);
    direction_y[k] = static_cast<float>(r[1] * inverse_r);
    direction_z[k] = static_cast<float>(r[2] * inverse_r);
    lowest = std::min(lowest, r2);
    highest = std::max(highest, r2);
  }
  speed_bound_km_s = 1.2 * std::sqrt(fastest) + 0.5;
  // Between two samples the radius strays from them by less than the speed bound over half
  // the spacing (a first-order bound, far wider than the true few kilometres; narrowed
  // below once the acceleration is bounded).
  const double stray_km = 0.5 * speed_bound_km_s * spacing_s;
  lowest_radius_km = std::max(kEarthMinRadiusKm, std::sqrt(lowest) - stray_km);
  highest_radius_km = std::sqrt(highest) + stray_km;
  // |acceleration| in ITRF: gravity at the lowest radius with room for J2 (≈ 0.2 %) and
  // the theory's departures (SGP4's periodic errors of a kilometre or so at the orbital
  // frequency are ~1e-6 km/s²), Coriolis 2ωv and centrifugal ω²r; a quarter more for
  // safety. It must also cover what the grid shows: the largest change of velocity between
  // two samples over their spacing, a quarter more.
  constexpr double kMuKm3S2 = 398600.8;  // WGS-72's, the largest of the three models'
  double seen = 0.0;
  for (std::size_t k = 0; k < steps; ++k) {
    const Vector3 dv = itrf[k + 1].velocity_km_s - itrf[k].velocity_km_s;
    seen = std::max(seen, dot(dv, dv));
  }
  accel_bound_km_s2 =
      1.25 * std::max(1.01 * kMuKm3S2 / (lowest_radius_km * lowest_radius_km) +
                          2.0 * kEarthRotationRate * speed_bound_km_s +
                          kEarthRotationRate * kEarthRotationRate * highest_radius_km,
                      std::sqrt(seen) / spacing_s);
  // With the acceleration bounded, the radius between two samples is bounded more tightly:
  // its second derivative, (v² + r·a)/r − (r·v)²/r³, lies between −A and v²/r + A, so it
  // dips below the lower of the two samples by at most A h²/8 and rises above the higher by
  // at most (v²/r + A) h²/8 (h the spacing): a few kilometres in LEO.
  const double eighth = spacing_s * spacing_s / 8.0;
  lowest_radius_km = std::max(lowest_radius_km, std::sqrt(lowest) - accel_bound_km_s2 * eighth);
  highest_radius_km = std::min(
      highest_radius_km,
      std::sqrt(highest) +
          (speed_bound_km_s * speed_bound_km_s / lowest_radius_km + accel_bound_km_s2) * eighth);
  angular_step_rad = speed_bound_km_s / lowest_radius_km * spacing_s;
  return true;
}

}  // namespace jingkai::orbit::pass_detail
