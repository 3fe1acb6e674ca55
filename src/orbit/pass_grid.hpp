// The pass search's sampling grid (internal to the orbit library): the instants a search
// samples, and one satellite's ITRF states on them, propagated once and read by every station
// of a network search (pass_network.cpp) and by its refinements (pass_search_detail.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <optional>
#include <vector>

#include "orbit/batch.hpp"
#include "orbit/earth_orientation.hpp"
#include "orbit/frames.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/pass_search.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/time_scales.hpp"
#include "orbit/vector3.hpp"

namespace jingkai::orbit::pass_detail {

inline constexpr double kSecondsPerMinute = 60.0;

// floor(x) as an index: 0 below 0 (or for NaN), at most 1e15; truncation, where std::floor
// is a library call on processors without SSE4.1's rounding instruction.
inline std::size_t whole_part(double x) {
  return x > 0.0 ? static_cast<std::size_t>(std::min(x, 1e15)) : 0;
}

// The k-th of `steps` + 1 instants spread evenly over [0, span_s] (the last exactly span_s).
inline double grid_time(double span_s, std::size_t steps, std::size_t k) {
  return k == steps ? span_s : span_s * static_cast<double>(k) / static_cast<double>(steps);
}

inline std::size_t grid_steps(const Sgp4& satellite, double span_s,
                              const PassSearchOptions& options) {
  const double step_s = options.step_s > 0.0 ? options.step_s : pass_search_step_s(satellite);
  return static_cast<std::size_t>(std::max(1.0, std::ceil(span_s / step_s)));
}

// One satellite's ITRF states on its grid, shared by every station. Reused from satellite to
// satellite by one thread.
struct SatelliteGrid {
  std::size_t steps = 0;
  double spacing_s = 0.0;
  std::vector<StateVector> itrf;  // steps + 1
  double speed_bound_km_s = 0.0;

  // Cubic Hermite between the two samples around `t` (positions and their rates): for an
  // orbit sampled a hundredth of a period apart (at most 60 s) it is within a metre or so of
  // SGP4, i.e. well under a millisecond of an event's time. Used only to find where to look
  // with SGP4 itself.
  Vector3 position_at(double t) const {
    const double x = t / spacing_s;
    const auto k = std::min(whole_part(x), steps - 1);
    const double u = x - static_cast<double>(k);
    const double u2 = u * u;
    const double u3 = u2 * u;
    const double h00 = 2 * u3 - 3 * u2 + 1;
    const double h10 = (u3 - 2 * u2 + u) * spacing_s;
    const double h01 = -2 * u3 + 3 * u2;
    const double h11 = (u3 - u2) * spacing_s;
    const StateVector& a = itrf[k];
    const StateVector& b = itrf[k + 1];
    return h00 * a.position_km + h10 * a.velocity_km_s + h01 * b.position_km +
           h11 * b.velocity_km_s;
  }

  // False where SGP4 fails at some instant of the grid.
  bool fill(const Sgp4& satellite, const JulianDate& start, double span_s,
            const EarthOrientation& earth_orientation, const PassSearchOptions& options);

  // The grid's ITRF states in single precision (position km, velocity km/s): what the bounds
  // below read for every station, small enough to stay in the processor's cache where the
  // states themselves (twice the size) do not. Within 1e-3 km of the states.
  std::vector<std::array<float, 6>> compact;
  // The satellite's direction from the Earth's centre at each instant (unit ITRF vectors in
  // single precision, within 1e-7 of the states'), and a bound on how far it turns between
  // two samples (the speed bound over the lowest radius, times the spacing).
  std::vector<float> direction_x, direction_y, direction_z;
  std::vector<std::uint64_t> cone;  // a station's cone test (GridSamples), reused
  double angular_step_rad = 0.0;
  // Bounds on the orbit between samples, for proving it out of a station's view.
  double lowest_radius_km = 0.0;
  double highest_radius_km = 0.0;
  double accel_bound_km_s2 = 0.0;

  // The satellite's TEME state at `t` (seconds after the start) in ITRF, the Earth's angle
  // interpolated between the grid's instants around `t` (GMST is linear in time to 1e-19
  // rad over a minute) and the rest of the Earth's orientation taken from the one before:
  // within 1e-15 of teme_to_itrf, for a sine and a cosine instead of the sidereal time's
  // polynomial and the date arithmetic. Where the angle did not move as the Earth turns
  // (a table's leap second), teme_to_itrf itself.
  StateVector itrf_between(const StateVector& teme, double t, const JulianDate& start,
                           const EarthOrientation& earth_orientation) const {
    StateVector out;
    itrf_between(&teme, &t, 1, &out, start, earth_orientation);
    return out;
  }

  // As above for `count` instants close together (a refinement's looks, at most a second or
  // so apart): one sine and cosine for all, the others' by the angle-sum formulas with the
  // small angle's series (its first omitted term below 1e-20 there).
  void itrf_between(const StateVector* teme, const double* t, std::size_t count, StateVector* out,
                    const JulianDate& start, const EarthOrientation& earth_orientation) const {
    double c0 = 0.0, s0 = 0.0, theta0 = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
      const double x = t[i] / spacing_s;
      const auto k = std::min(whole_part(x), steps - 1);
      double turned = theta[k + 1] - theta[k];
      if (turned < 0.0) turned += 2.0 * std::numbers::pi;
      const double expected = kEarthRotationRate * spacing_s;
      if (!(std::abs(turned - expected) < 1e-6)) {
        out[i] = teme_to_itrf(teme[i], add_seconds(start, t[i]), earth_orientation);
        continue;
      }
      const double angle = theta[k] + (x - static_cast<double>(k)) * turned;
      double c, s;
      const double delta = angle - theta0;
      if (i > 0 && std::abs(delta) < 1e-3 && c0 != 0.0) {
        const double delta2 = delta * delta;
        const double cos_delta = 1.0 - 0.5 * delta2;
        const double sin_delta = delta * (1.0 - delta2 / 6.0);
        c = c0 * cos_delta - s0 * sin_delta;
        s = s0 * cos_delta + c0 * sin_delta;
      } else {
        c = std::cos(angle);
        s = std::sin(angle);
        c0 = c;
        s0 = s;
        theta0 = angle;
      }
      out[i] = rotate_to_itrf(teme[i], c, s, orientation[k]);
    }
  }

  // TEME to ITRF by the Earth's angle (GMST of UT1; its cosine and sine) and its orientation
  // `p`: the arithmetic of frames.cpp's teme_to_itrf.
  static StateVector rotate_to_itrf(const StateVector& teme, double c, double s,
                                    const EarthOrientationParameters& p) {
    const Vector3& r = teme.position_km;
    const Vector3& v = teme.velocity_km_s;
    const double omega = earth_rotation_rate(p.length_of_day_excess_s);
    StateVector pef;
    pef.position_km = {c * r[0] + s * r[1], -s * r[0] + c * r[1], r[2]};
    pef.velocity_km_s = Vector3{c * v[0] + s * v[1], -s * v[0] + c * v[1], v[2]} -
                        Vector3{-omega * pef.position_km[1], omega * pef.position_km[0], 0.0};
    if (p.polar_motion_x_arcsec == 0.0 && p.polar_motion_y_arcsec == 0.0) return pef;
    return pef_to_itrf(pef, p.polar_motion_x_arcsec, p.polar_motion_y_arcsec);
  }

  std::vector<double> theta;                            // GMST of UT1 at each instant
  std::vector<EarthOrientationParameters> orientation;  // at each instant

  // The satellite's propagator for the refinements (the vector kernel where it runs).
  std::optional<TrackPropagator> track;
  std::vector<double> minutes;  // of the grid's instants, after the satellite's epoch
  std::vector<double> times_s;  // the grid's instants, seconds after the start
};

}  // namespace jingkai::orbit::pass_detail
