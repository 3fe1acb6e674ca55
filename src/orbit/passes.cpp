#include "orbit/passes.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "orbit/batch.hpp"
#include "orbit/frames.hpp"
#include "orbit/time_scales.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kEventToleranceS = 1e-4;        // AOS and LOS, well inside the 1 ms promised
constexpr double kCulminationToleranceS = 0.01;  // TCA, well inside the 0.05 s promised
constexpr double kFailureToleranceS = 1e-3;
// The interpolated track's root search stops at steps of this, before SGP4's Newton step.
constexpr double kFastStepS = 1e-3;
// Below the horizon by less than this on the interpolated track, a peak is settled with SGP4
// (the track is within ~1e-5° of it).
constexpr double kNearHorizonDeg = 1e-3;
constexpr double kSecondsPerMinute = 60.0;
// The WGS-84 polar radius, less 1 km: nothing SGP4 gives and no station lies below it.
constexpr double kEarthMinRadiusKm = 6355.75;

// The satellite seen from the station at `t` seconds after the interval's start.
constexpr double kLowest = -std::numeric_limits<double>::infinity();
constexpr std::size_t kNotOnGrid = std::numeric_limits<std::size_t>::max();

struct Sample {
  double t = 0.0;
  // Elevation − horizon there, degrees: in view when > 0. On the shared search's grid and
  // track, over a flat horizon, sin(elevation) − sin(minimum) instead: the same sign.
  double margin = 0.0;
  double elevation = 0.0;  // degrees; NaN on a grid sample whose angles are left for later
  double azimuth = 0.0;    // degrees; likewise
  // Proven out of view from the sample before to the one after (so nothing can happen
  // around it); its other fields may then be left unevaluated, reading as out of view.
  bool quiet = false;
  // sin(elevation): what heights are compared by (the same order as the elevation, no
  // arctangent needed to know it).
  double height = kLowest;
  // The grid instant the sample is (its margin then in the track's units, and its angles
  // perhaps left for later: complete()).
  std::size_t grid_index = kNotOnGrid;
};

bool in_view(const Sample& sample) { return sample.margin > 0.0; }
double height_of(const Sample& sample) { return sample.height; }
double margin_of(const Sample& sample) { return sample.margin; }

// The satellite's ITRF state `t` seconds after `start`, `start_minutes` being `start` in
// minutes after its epoch. The one place both searches compute positions, so that they agree
// to the bit.
std::expected<StateVector, Sgp4Error> itrf_at(const Sgp4& satellite, const JulianDate& start,
                                              double start_minutes, double t,
                                              const EarthOrientation& earth_orientation) {
  const auto teme = satellite.propagate(start_minutes + t / kSecondsPerMinute);
  if (!teme) return std::unexpected(teme.error());
  return teme_to_itrf(*teme, add_seconds(start, t), earth_orientation);
}

// floor(x) as an index: 0 below 0 (or for NaN), at most 1e15; truncation, where std::floor
// is a library call on processors without SSE4.1's rounding instruction.
std::size_t whole_part(double x) {
  return x > 0.0 ? static_cast<std::size_t>(std::min(x, 1e15)) : 0;
}

// The k-th of `steps` + 1 instants spread evenly over [0, span_s] (the last exactly span_s).
double grid_time(double span_s, std::size_t steps, std::size_t k) {
  return k == steps ? span_s : span_s * static_cast<double>(k) / static_cast<double>(steps);
}

std::size_t grid_steps(const Sgp4& satellite, double span_s, const PassSearchOptions& options) {
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
            const EarthOrientation& earth_orientation, const PassSearchOptions& options) {
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

class PassSearch {
 public:
  PassSearch(const Sgp4& satellite, const Station& station, const Horizon& horizon,
             const JulianDate& start, const EarthOrientation& earth_orientation,
             const SatelliteGrid* grid = nullptr)
      : grid_(grid),
        sin_min_elevation_(std::sin(horizon.lowest_deg() * std::numbers::pi / 180.0)),
        fast_slope_scale_(horizon.mask().empty()
                              ? 1.0 / std::cos(horizon.lowest_deg() * std::numbers::pi / 180.0)
                              : 1.0),
        satellite_(satellite),
        station_(station),
        horizon_(horizon),
        start_(start),
        earth_orientation_(earth_orientation),
        start_minutes_(minutes_between(satellite.epoch(), start)) {}

  std::expected<Sample, Sgp4Error> look(double t) const {
    if (grid_) {
      // The grid's propagator (the vector kernel, one lane of four used); where it flags the
      // instant, the scalar path below says why.
      const double minutes = start_minutes_ + t / kSecondsPerMinute;
      StateVector teme;
      if (grid_->track->propagate(std::span(&minutes, 1), std::span(&teme, 1))) {
        return look_at(t, grid_->itrf_between(teme, t, start_, earth_orientation_));
      }
    }
    const auto itrf = itrf_at(satellite_, start_, start_minutes_, t, earth_orientation_);
    if (!itrf) return std::unexpected(itrf.error());
    return look_at(t, *itrf);
  }

  // look_or_remember at two instants, in one call of the vector kernel where there is one.
  std::pair<Sample, Sample> look_or_remember(double ta, double tb) {
    if (grid_) {
      const double minutes[2] = {start_minutes_ + ta / kSecondsPerMinute,
                                 start_minutes_ + tb / kSecondsPerMinute};
      StateVector teme[2];
      if (grid_->track->propagate(minutes, teme)) {
        return {look_at(ta, grid_->itrf_between(teme[0], ta, start_, earth_orientation_)),
                look_at(tb, grid_->itrf_between(teme[1], tb, start_, earth_orientation_))};
      }
    }
    const Sample a = look_or_remember(ta);
    return {a, look_or_remember(tb)};
  }

  // The satellite's ITRF states at `count` (≤ 4) instants in one call of the vector kernel;
  // false where there is no grid or the kernel flags one of them.
  bool states_at(const double* times, std::size_t count, StateVector* out) const {
    if (!grid_) return false;
    double minutes[4];
    for (std::size_t i = 0; i < count; ++i)
      minutes[i] = start_minutes_ + times[i] / kSecondsPerMinute;
    if (!grid_->track->propagate(std::span(minutes, count), std::span(out, count))) return false;
    grid_->itrf_between(out, times, count, out, start_, earth_orientation_);
    return true;
  }

  // What the interpolated track's samples are (look_fast), from an exact state: over a flat
  // horizon margin and elevation in sine units, the same sign and order as in degrees, no
  // arctangent; over a mask the sample itself.
  Sample probe(double t, const StateVector& itrf) const {
    if (!horizon_.mask().empty()) return look_at(t, itrf);
    return sine_sample(t, itrf.position_km);
  }

  // As look_at, but over a flat horizon a sample out of view gets its elevation and margin
  // only (the same bits: Station::elevation_deg is look_angles's arithmetic), no azimuth,
  // which nothing reads there.
  //
  // Out of view its margin (and elevation) is sin(elevation) − sin(minimum) in radians read as
  // degrees, as on the interpolated track (look_fast): the same sign and the same order as
  // the margin in degrees, which is all the search reads of a sample out of view (whether it
  // peaks between its neighbours), and no arctangent to take.
  //
  // In view its angles are left for later too (complete()): a pass reads the heights of its
  // samples, and the angles only of those that become events.
  Sample look_at_grid(double t, std::size_t k) const {
    const StateVector& itrf = grid_->itrf[k];
    Sample sample;
    if (!horizon_.mask().empty()) {
      sample = look_at(t, itrf);
    } else {
      sample = sine_sample(t, itrf.position_km);
      if (in_view(sample)) {
        sample.elevation = std::numeric_limits<double>::quiet_NaN();
        sample.azimuth = std::numeric_limits<double>::quiet_NaN();
      }
    }
    sample.grid_index = k;  // its margin is then in the track's units (look_fast)
    return sample;
  }

  // The sample with its angles, where they were left for later.
  Sample complete(Sample sample) const {
    if (sample.grid_index == kNotOnGrid || !std::isnan(sample.elevation)) return sample;
    const LookAngles look = station_.look_angles(grid_->itrf[sample.grid_index]);
    sample.elevation = look.elevation_deg;
    sample.azimuth = look.azimuth_deg;
    return sample;
  }

  // The sample at `t` from the satellite's ITRF state there (as itrf_at gives it).
  Sample look_at(double t, const StateVector& itrf) const {
    const LookAngles look = station_.look_angles(itrf);
    const Vector3 d = itrf.position_km - station_.position_itrf_km();
    return Sample{.t = t,
                  .margin = look.elevation_deg - horizon_.min_elevation_deg(look.azimuth_deg),
                  .elevation = look.elevation_deg,
                  .azimuth = look.azimuth_deg,
                  .height = dot(d, station_.up()) / std::sqrt(dot(d, d))};
  }

  // For the refinements between samples that worked: SGP4 failing there (nothing promises its
  // failures are monotonic in time) is remembered, and the instant read as out of view and as
  // low as can be, so that no search lands on it.
  Sample look_or_remember(double t) {
    auto sample = look(t);
    if (sample) return *sample;
    if (!failure_) failure_ = PassSearchFailure{sample.error(), at(t)};
    return Sample{t, kLowest, kLowest, 0.0};
  }

  // The in-view end of the AOS or LOS between two samples on either side of the horizon.
  Sample crossing(Sample a, Sample b) {
    if (grid_ && fast_slope_scale_ > 0.0) {
      // Where the interpolated track crosses, by secant steps kept inside the bracket (a few
      // looks at the track where bisection took a dozen); then SGP4 around it: three brackets
      // of the tolerance in one call of the vector kernel, which hold the crossing when the
      // track is right to ±1.35e-4 s (most often); else one Newton step on SGP4's margin from
      // there (the track's slope, which differs from SGP4's by parts in a million) and a
      // bracket of the tolerance around where it lands. Either way the answer bisecting with
      // SGP4 all the way gives, to within the tolerance, for one or three calls instead of
      // twenty propagations.
      const auto track = track_crossing(a, b);
      if (track && track->slope != 0.0 && std::isfinite(track->slope)) {
        const bool rising = !in_view(a);
        // The in-view end of the first of `count` looks' brackets that has the crossing.
        auto bracketed = [&](const Sample* looks, int count) -> std::optional<Sample> {
          for (int i = 0; i + 1 < count; ++i) {
            if (in_view(looks[i]) != rising && in_view(looks[i + 1]) == rising) {
              return rising ? looks[i + 1] : looks[i];
            }
          }
          return std::nullopt;
        };
        // Most often the track is right to within a bracket: three brackets of the
        // tolerance around where it crosses, in one call of the vector kernel.
        const double width = 0.9 * kEventToleranceS;
        const double t0 = track->t;
        const double times[4] = {t0 - 1.5 * width, t0 - 0.5 * width, t0 + 0.5 * width,
                                 t0 + 1.5 * width};
        StateVector states[4];
        double t1 = t0;
        if (times[0] > a.t && times[3] < b.t && states_at(times, 4, states)) {
          // Which side each is on, in the track's units; the full look only for the answer.
          Sample probes[4];
          for (int i = 0; i < 4; ++i) probes[i] = probe(times[i], states[i]);
          for (int i = 0; i + 1 < 4; ++i) {
            if (in_view(probes[i]) != rising && in_view(probes[i + 1]) == rising) {
              const int end = rising ? i + 1 : i;
              return look_at(times[end], states[end]);
            }
          }
          t1 = probes[1].t - probes[1].margin / track->slope;
        } else {
          const Sample there = look_or_remember(t0);
          t1 = t0 - there.margin / (track->slope * fast_slope_scale_);
        }
        // Else one Newton step on SGP4's margin, and a bracket of the tolerance around it.
        const double half = 0.5 * width;
        if (t1 - half > a.t && t1 + half < b.t) {
          const auto [exact_a, exact_b] = look_or_remember(t1 - half, t1 + half);
          const Sample pair[2] = {exact_a, exact_b};
          if (auto found = bracketed(pair, 2)) return *found;
        }
      }
    }
    return exact_crossing(a, b);
  }

  // Where the interpolated track's margin crosses zero between `ta` and `tb`, and its slope
  // there; nothing when the track does not change sides between them.
  struct TrackCrossing {
    double t;
    double slope;
  };
  std::optional<TrackCrossing> track_crossing(const Sample& a, const Sample& b) const {
    // A grid sample is where the track passes through: its margin is the track's there.
    double ta = a.t, tb = b.t;
    double fa = a.grid_index != kNotOnGrid ? a.margin : look_fast(ta).margin;
    double fb = b.grid_index != kNotOnGrid ? b.margin : look_fast(tb).margin;
    if ((fa > 0.0) == (fb > 0.0)) return std::nullopt;
    // The last two looks, for the secant.
    double t_prev = ta, f_prev = fa, t_last = tb, f_last = fb;
    double width_before = tb - ta;
    for (int i = 1; i <= 64; ++i) {
      double t = t_last - f_last * (t_last - t_prev) / (f_last - f_prev);
      // Outside the bracket (or not a number), or the bracket not halved in three steps:
      // bisect, so that it ends within 64 looks whatever the track does.
      const bool slow = i % 3 == 0 && tb - ta > 0.5 * width_before;
      if (i % 3 == 0) width_before = tb - ta;
      if (!(t > ta && t < tb) || slow) t = 0.5 * (ta + tb);
      const double f = look_fast(t).margin;
      const double step = t - t_last;
      t_prev = t_last;
      f_prev = f_last;
      t_last = t;
      f_last = f;
      ((f > 0.0) == (fb > 0.0) ? tb : ta) = t;
      ((f > 0.0) == (fb > 0.0) ? fb : fa) = f;
      if (std::abs(step) < kFastStepS || tb - ta < kFastStepS) break;
    }
    if (f_last == f_prev) return std::nullopt;
    const double slope = (f_last - f_prev) / (t_last - t_prev);
    const double t = t_last - f_last / slope;
    if (!(t >= ta && t <= tb)) return TrackCrossing{0.5 * (ta + tb), slope};
    return TrackCrossing{t, slope};
  }

  Sample exact_crossing(Sample a, Sample b) {
    const bool rising = !in_view(a);
    while (b.t - a.t > kEventToleranceS) {
      const Sample middle = look_or_remember(0.5 * (a.t + b.t));
      (in_view(middle) == rising ? b : a) = middle;
    }
    return rising ? b : a;
  }

  // Golden-section search for the highest `value` over [a, b]. With a grid it searches the
  // interpolated track (Brent's method) and looks with SGP4 at the instant found.
  template <typename Value>
  Sample highest(double a, double b, Value value) {
    if (!grid_) return exact_highest(a, b, value, false);
    return settle_highest(a, b, track_highest(a, b, value).t);
  }

  // The highest `value` near `t`, the track's answer, settled with SGP4: the vertex of the
  // parabola through SGP4 at t − h, t and t + h (one call of the vector kernel), then a look
  // there when it is more than half the tolerance away. On an orbit the track follows less
  // closely (a perigee near 100 km) its culmination can be a tenth of a second off; the
  // parabola brings it to about a millisecond.
  Sample settle_highest(double a, double b, double t) {
    constexpr double kHalfWidthS = 0.5;
    const double times[3] = {t - kHalfWidthS, t, t + kHalfWidthS};
    StateVector states[3];
    if (!(times[0] > a && times[2] < b) || !states_at(times, 3, states)) {
      return look_or_remember(t);
    }
    // The parabola in the track's units (a monotonic function of elevation: the same vertex).
    const double before = probe(times[0], states[0]).height;
    const double centre = probe(times[1], states[1]).height;
    const double after = probe(times[2], states[2]).height;
    const Sample middle = look_at(t, states[1]);
    const double curvature = before - 2.0 * centre + after;
    if (!(curvature < 0.0)) return middle;  // flat to the last bit (or not a number)
    const double offset = 0.5 * kHalfWidthS * (before - after) / curvature;
    // Within half the tolerance (most often): the track was right.
    if (!(std::abs(offset) > 0.5 * kCulminationToleranceS)) return middle;
    if (!(std::abs(offset) <= 2.0 * kHalfWidthS) || !(t + offset > a && t + offset < b)) {
      return middle;
    }
    const Sample vertex = look_or_remember(t + offset);
    return vertex.height >= middle.height ? vertex : middle;
  }

  // The highest margin over [a, b], for whether a short pass hides there. With a grid, a peak
  // of the interpolated track out of view by more than kNearHorizonDeg is taken as it is (out
  // of view); a nearer one is settled by searching again with SGP4.
  Sample highest_margin(double a, double b) {
    if (!grid_) return exact_highest(a, b, margin_of, false);
    const Sample fast = track_highest(a, b, margin_of);
    if (fast.margin < -kNearHorizonDeg) return fast;
    return exact_highest(a, b, margin_of, false);
  }

  // The highest `value` of the interpolated track over [a, b], to within a quarter of the
  // culmination tolerance: Brent's minimisation (parabolic steps, golden sections where they
  // fail; Brent 1973, ch. 5), which on a smooth culmination takes about half the looks of
  // golden sections alone.
  template <typename Value>
  Sample track_highest(double a, double b, Value value) const {
    constexpr double kGolden = 0.3819660112501051;  // (3 - √5) / 2
    constexpr double kTolerance = kCulminationToleranceS / 4;
    double x = a + kGolden * (b - a);
    Sample best = look_fast(x);
    double fx = -value(best);
    double w = x, v = x, fw = fx, fv = fx;
    double d = 0.0, e = 0.0;
    for (int i = 0; i < 100; ++i) {
      const double middle = 0.5 * (a + b);
      if (std::abs(x - middle) <= 2 * kTolerance - 0.5 * (b - a)) break;
      bool golden = true;
      if (std::abs(e) > kTolerance) {
        const double r = (x - w) * (fx - fv);
        double q = (x - v) * (fx - fw);
        double p = (x - v) * q - (x - w) * r;
        q = 2.0 * (q - r);
        if (q > 0.0) p = -p;
        q = std::abs(q);
        const double e_before = e;
        e = d;
        if (std::abs(p) < std::abs(0.5 * q * e_before) && p > q * (a - x) && p < q * (b - x)) {
          d = p / q;
          const double u = x + d;
          if (u - a < 2 * kTolerance || b - u < 2 * kTolerance) {
            d = middle >= x ? kTolerance : -kTolerance;
          }
          golden = false;
        }
      }
      if (golden) {
        e = x >= middle ? a - x : b - x;
        d = kGolden * e;
      }
      const double u = std::abs(d) >= kTolerance ? x + d : x + (d > 0.0 ? kTolerance : -kTolerance);
      const Sample at_u = look_fast(u);
      const double fu = -value(at_u);
      if (fu <= fx) {
        (u >= x ? a : b) = x;
        v = w;
        fv = fw;
        w = x;
        fw = fx;
        x = u;
        fx = fu;
        best = at_u;
      } else {
        (u < x ? a : b) = u;
        if (fu <= fw || w == x) {
          v = w;
          fv = fw;
          w = u;
          fw = fu;
        } else if (fu <= fv || v == x || v == w) {
          v = u;
          fv = fu;
        }
      }
    }
    return best;
  }

  template <typename Value>
  Sample exact_highest(double a, double b, Value value, bool fast) {
    auto look_at_t = [&](double t) { return fast ? look_fast(t) : look_or_remember(t); };
    constexpr double kInverseGolden = 0.6180339887498949;
    double x1 = b - kInverseGolden * (b - a);
    double x2 = a + kInverseGolden * (b - a);
    Sample s1 = look_at_t(x1);
    Sample s2 = look_at_t(x2);
    while (b - a > kCulminationToleranceS) {
      if (value(s1) < value(s2)) {
        a = x1;
        x1 = x2;
        s1 = s2;
        x2 = a + kInverseGolden * (b - a);
        s2 = look_at_t(x2);
      } else {
        b = x2;
        x2 = x1;
        s2 = s1;
        x1 = b - kInverseGolden * (b - a);
        s1 = look_at_t(x1);
      }
    }
    return value(s1) < value(s2) ? s2 : s1;
  }

  JulianDate at(double t) const { return add_seconds(start_, t); }
  const std::optional<PassSearchFailure>& failure() const { return failure_; }

 private:
  // The sample at `t` on the grid's interpolated track. Over a flat horizon its margin and
  // elevation are sin(elevation) − sin(minimum) in radians read as degrees: the same sign, the
  // same order, within 1e-9° of the margin where that is near 0, no larger elsewhere, and no
  // arctangent to take.
  Sample look_fast(double t) const {
    const Vector3 position = grid_->position_at(t);
    if (!horizon_.mask().empty()) {
      return look_at(t, StateVector{.position_km = position, .velocity_km_s = {}});
    }
    return sine_sample(t, position);
  }

  // Over a flat horizon: margin and elevation both sin(elevation) − sin(minimum), in radians
  // read as degrees.
  Sample sine_sample(double t, const Vector3& position) const {
    const Vector3 d = position - station_.position_itrf_km();
    const double sine = dot(d, station_.up()) / std::sqrt(dot(d, d));
    const double margin = (sine - sin_min_elevation_) * (180.0 / std::numbers::pi);
    return Sample{.t = t, .margin = margin, .elevation = margin, .azimuth = 0.0, .height = sine};
  }

  const SatelliteGrid* grid_;
  double sin_min_elevation_;  // of a flat horizon
  // d(margin)/dt over d(fast margin)/dt at a crossing: 1 / cos(minimum elevation) over a flat
  // horizon (see look_fast); ≤ 0 or not finite where that cannot be used (a horizon at 90°).
  double fast_slope_scale_;
  const Sgp4& satellite_;
  const Station& station_;
  const Horizon& horizon_;
  JulianDate start_;
  const EarthOrientation& earth_orientation_;
  double start_minutes_;
  std::optional<PassSearchFailure> failure_;
};

PassEvent event_at(const PassSearch& search, const Sample& sample) {
  const Sample complete = search.complete(sample);
  return PassEvent{search.at(complete.t), complete.azimuth, complete.elevation};
}

// One pass, from its AOS through the samples inside it to its LOS, keeping only the last two
// points: every local maximum of their elevations is refined as it goes by, so that of two
// culminations the higher is kept whichever sample was higher, and a satellite in view for
// years needs no more memory than one in view for minutes.
class PassBuilder {
 public:
  PassBuilder(PassSearch& search, const Sample& aos, bool aos_clipped)
      : search_(search), aos_(aos), aos_clipped_(aos_clipped), last_(aos), tca_(aos) {}

  void add(const Sample& point) {
    consider(before_last_ ? &*before_last_ : nullptr, last_, &point);
    before_last_ = last_;
    last_ = point;
  }

  // The last point added is the LOS.
  Pass finish(bool los_clipped) {
    consider(before_last_ ? &*before_last_ : nullptr, last_, nullptr);
    Pass pass;
    pass.aos = event_at(search_, aos_);
    pass.tca = event_at(search_, tca_);
    pass.los = event_at(search_, last_);
    pass.max_elevation_deg = pass.tca.elevation_deg;
    pass.duration_s = last_.t - aos_.t;
    pass.aos_clipped = aos_clipped_;
    pass.los_clipped = los_clipped;
    return pass;
  }

 private:
  void consider(const Sample* before, const Sample& point, const Sample* after) {
    if (before && point.height < before->height) return;
    if (after && point.height < after->height) return;
    const double from = before ? before->t : point.t;
    const double to = after ? after->t : point.t;
    Sample peak = to - from > kCulminationToleranceS ? search_.highest(from, to, height_of) : point;
    if (point.height > peak.height) peak = point;  // a culmination at an end
    if (peak.height > tca_.height) tca_ = peak;
  }

  PassSearch& search_;
  Sample aos_;
  bool aos_clipped_;
  std::optional<Sample> before_last_;
  Sample last_;
  Sample tca_;
};

// The samples of the search, one at a time: `steps` + 1 instants spread evenly over the
// interval, ending early where SGP4 stops.
class Sampler {
 public:
  Sampler(const PassSearch& search, double span_s, std::size_t steps)
      : search_(search), span_s_(span_s), steps_(steps) {}

  std::optional<Sample> next() {
    if (ended_ || index_ > steps_) return std::nullopt;
    const double t = grid_time(span_s_, steps_, index_);
    ++index_;
    auto sample = search_.look(t);
    if (sample) {
      last_ = *sample;
      return *sample;
    }
    ended_ = true;
    if (!last_) {
      failure_ = PassSearchFailure{sample.error(), search_.at(t)};
      return std::nullopt;
    }
    // Narrow down where SGP4 stops, and let the search end at the last instant that works.
    Sample good = *last_;
    double bad = t;
    Sgp4Error error = sample.error();
    while (bad - good.t > kFailureToleranceS) {
      const double middle = 0.5 * (good.t + bad);
      auto look = search_.look(middle);
      if (look) {
        good = *look;
      } else {
        bad = middle;
        error = look.error();
      }
    }
    failure_ = PassSearchFailure{error, search_.at(bad)};
    if (good.t > last_->t) return good;
    return std::nullopt;
  }

  const std::optional<PassSearchFailure>& failure() const { return failure_; }

 private:
  const PassSearch& search_;
  double span_s_;
  std::size_t steps_;
  std::size_t index_ = 0;
  bool ended_ = false;
  std::optional<Sample> last_;
  std::optional<PassSearchFailure> failure_;
};

// The search over the samples `samples` gives one by one (next(): std::optional<Sample>;
// failure(): where they stopped early), refining with `search`.
template <typename Samples>
PassPrediction sweep(PassSearch& search, Samples& samples) {
  PassPrediction prediction;
  std::optional<PassBuilder> pass;
  // Ends the pass in progress, its LOS last added; false when SGP4 failed while refining it.
  auto close_pass = [&](bool los_clipped) {
    const Pass finished = pass->finish(los_clipped);
    pass.reset();
    if (search.failure()) return false;
    prediction.passes.push_back(finished);
    return true;
  };

  std::optional<Sample> before = samples.next();
  if (before && in_view(*before)) pass.emplace(search, *before, true);
  std::optional<Sample> now = before ? samples.next() : std::nullopt;
  while (now && !search.failure()) {
    std::optional<Sample> after = samples.next();
    if (now->quiet) {
      // Nothing in view from `before` to `after`: no pass is open, none can start or hide.
    } else if (pass) {
      if (in_view(*now)) {
        pass->add(*now);
      } else {
        pass->add(search.crossing(*before, *now));
        if (!close_pass(false)) break;
      }
    } else if (in_view(*now)) {
      pass.emplace(search, search.crossing(*before, *now), false);
      pass->add(*now);
    } else if (after && before->margin < now->margin && now->margin >= after->margin) {
      // Below the horizon at three samples but rising then falling: a pass shorter than the
      // step may peak in between.
      const Sample peak = search.highest_margin(before->t, after->t);
      if (in_view(peak)) {
        pass.emplace(search, search.crossing(*before, peak), false);
        pass->add(peak);
        pass->add(search.crossing(peak, *after));
        if (!close_pass(false)) break;
      }
    }
    before = now;
    now = after;
  }
  // The last sample, already added, is the LOS.
  if (pass && !search.failure()) close_pass(true);
  prediction.failure = samples.failure();
  // A failure while refining lies between samples that worked, so before the sampler's.
  if (search.failure()) prediction.failure = search.failure();
  return prediction;
}

std::unexpected<RangeError> interval_error(const std::string& message) {
  return std::unexpected(RangeError{"pass_interval", "stop", message});
}

}  // namespace

double pass_search_step_s(const Sgp4& satellite) {
  const double period_s = 2.0 * std::numbers::pi / satellite.terms().no_unkozai * kSecondsPerMinute;
  return std::min(kMaxPassSearchStepS, period_s / kPassSearchStepsPerOrbit);
}

namespace {

// The interval's length in seconds, or why the arguments are refused.
std::expected<double, RangeError> checked_span_s(const JulianDate& start, const JulianDate& stop,
                                                 const PassSearchOptions& options) {
  if (!std::isfinite(start.day) || !std::isfinite(start.fraction) || !std::isfinite(stop.day) ||
      !std::isfinite(stop.fraction)) {
    return interval_error("pass search interval has a time that is not finite");
  }
  const double span_s = seconds_between(start, stop);
  if (!(span_s > 0.0)) {
    return interval_error("pass search interval stops before it starts (or at its start)");
  }
  if (!std::isfinite(options.step_s) || options.step_s < 0.0) {
    return std::unexpected(
        RangeError{"pass_step", "step_s", "pass search step must be 0 (automatic) or positive"});
  }
  return span_s;
}

// The grid's samples as one station sees them, leaving out what the bound proves quiet.
class GridSamples {
 public:
  GridSamples(const PassSearch& search, const SatelliteGrid& grid, const PassSite& site,
              std::vector<std::uint64_t>& cone)
      : search_(search),
        grid_(grid),
        station_(site.station.position_itrf_km()),
        up_(site.station.up()),
        sin_lowest_(std::sin(site.horizon.lowest_deg() * std::numbers::pi / 180.0)),
        reach_km_(grid.speed_bound_km_s * (1.0 + std::abs(sin_lowest_)) * grid.spacing_s) {
    // In view means up·d ≥ sin(e_lowest)|d|, so up·d ≥ height_floor_km_: |d| is at least the
    // orbit's lowest radius less the station's, at most its highest plus the station's.
    const double station_radius = std::sqrt(dot(station_, station_));
    // The single-precision positions are within 2^-24 of the radius per axis (1e-3 km in
    // LEO): allow ten times that.
    rounding_km_ = 1e-6 * (grid.highest_radius_km + station_radius);
    height_floor_km_ = sin_lowest_ >= 0.0
                           ? sin_lowest_ * std::max(0.0, grid.lowest_radius_km - station_radius)
                           : sin_lowest_ * (grid.highest_radius_km + station_radius);
    mark_cone(cone);
  }

  std::optional<Sample> next() {
    if (index_ > grid_.steps) return std::nullopt;
    const std::size_t k = index_++;
    const double t = grid_.times_s[k];
    const bool quiet_before = k == 0 || quiet_;
    quiet_ = k == 0 ? is_quiet(0) : quiet_after_;
    quiet_after_ = k == grid_.steps || is_quiet(k + 1);
    // A quiet sample is read by the search only as a neighbour of one that is not.
    if (quiet_ && quiet_before && quiet_after_) {
      // Samples known quiet with quiet neighbours are nothing to the search: go on from the
      // last of them, so that the one after it finds it as its neighbour.
      index_ = std::max(index_, std::min(quiet_until_, grid_.steps + 1) - 1);
      return Sample{t, kLowest, kLowest, 0.0, true};
    }
    Sample sample = search_.look_at_grid(t, k);
    sample.quiet = quiet_;
    return sample;
  }

  // The samples all work: the grid was filled.
  std::optional<PassSearchFailure> failure() const { return std::nullopt; }

 private:
  // Whether the satellite is proven out of view from sample k − 1 to k + 1, and how far past
  // k that proof goes (quiet_until_). Asked about each k once, in order. Two bounds, the
  // further-reaching one wins:
  //   * first order: g = up·d − sin(e_lowest)|d| < 0 means out of view, and g changes by at
  //     most reach_km_ from one sample to the next;
  //   * second order: the height above the station's horizon plane, y = up·d, must reach
  //     height_floor_km_ for the satellite to be in view; y's rate at the sample is up·v
  //     (the grid's ITRF velocity) and its second derivative up·a is bounded by the grid's
  //     acceleration bound A, so y(t_k + τ) ≤ y + (up·v + δ)τ + Aτ²/2 — which proves far
  //     more samples quiet while the satellite is sinking away than the first order does.
  bool is_quiet(std::size_t k) {
    if (k < quiet_until_) return true;
    if (cone_quiet(k)) {
      quiet_until_ = cone_end(k);
      return true;
    }
    const std::array<float, 6>& state = grid_.compact[k];
    const Vector3 d = Vector3{state[0], state[1], state[2]} - station_;
    const double y = dot(d, up_) + rounding_km_;
    const double g = y - sin_lowest_ * std::sqrt(dot(d, d)) + rounding_km_;
    // Sample k + j is quiet when g + (j + 1) reach < 0.
    double clear = -g * inverse_reach_ - 1.0;
    const double room = height_floor_km_ - y;
    if (room > 0.0) {
      const double h = grid_.spacing_s;
      const double a = grid_.accel_bound_km_s2;
      // The velocity is SGP4's own, not the derivative of its positions: allow for the
      // difference (metres per second at most) generously.
      const double slack = 0.01 + 1e-3 * grid_.speed_bound_km_s;
      const double rate = dot(Vector3{state[3], state[4], state[5]}, up_);
      // Backwards to the sample before: y + (−rate + slack)h + Ah²/2 below the floor.
      if ((-rate + slack) * h + 0.5 * a * h * h < room) {
        // Forwards: the largest τ with (rate + slack)τ + Aτ²/2 < room.
        const double b = rate + slack;
        const double reach_s = 2.0 * room / (b + std::sqrt(b * b + 2.0 * a * room));
        clear = std::max(clear, reach_s * inverse_spacing_ - 1.0);
      }
    }
    if (!(clear > 0.0)) return false;
    quiet_until_ = k + 1 + whole_part(clear - 1e-9);
    return true;
  }

  // The cone test, for every sample at once (a loop the compiler vectorises): in view means
  // up·d ≥ height_floor_km_, i.e. r (up·u) ≥ up·S + height_floor_km_ for the satellite's
  // direction u and radius r, so up·u ≥ c = (up·S + height_floor_km_) / r at the radius that
  // makes c least. Sample k is quiet when its direction is further than acos(c) plus one
  // step's turn (angular_step_rad) from up: no instant from the sample before to the one
  // after can then be in view. A millionth is allowed for the single precision.
  void mark_cone(std::vector<std::uint64_t>& cone) {
    const std::size_t count = grid_.steps + 1;
    cone.assign((count + 63) / 64, 0);
    cone_ = std::span<const std::uint64_t>(cone);
    const double along = dot(up_, station_) + height_floor_km_;
    const double least =
        along >= 0.0 ? along / grid_.highest_radius_km : along / grid_.lowest_radius_km;
    const double angle = std::acos(std::clamp(least, -1.0, 1.0)) + grid_.angular_step_rad + 1e-5;
    if (!(angle < std::numbers::pi)) return;
    const auto threshold = static_cast<float>(std::cos(angle) - 1e-6);
    const auto up_x = static_cast<float>(up_[0]);
    const auto up_y = static_cast<float>(up_[1]);
    const auto up_z = static_cast<float>(up_[2]);
    const float* x = grid_.direction_x.data();
    const float* y = grid_.direction_y.data();
    const float* z = grid_.direction_z.data();
    std::size_t k = 0;
#if defined(__SSE2__)
    const __m128 ux = _mm_set1_ps(up_x), uy = _mm_set1_ps(up_y), uz = _mm_set1_ps(up_z);
    const __m128 limit = _mm_set1_ps(threshold);
    for (; k + 4 <= count; k += 4) {
      const __m128 along_up = _mm_add_ps(
          _mm_add_ps(_mm_mul_ps(ux, _mm_loadu_ps(x + k)), _mm_mul_ps(uy, _mm_loadu_ps(y + k))),
          _mm_mul_ps(uz, _mm_loadu_ps(z + k)));
      const auto bits = static_cast<std::uint64_t>(_mm_movemask_ps(_mm_cmplt_ps(along_up, limit)));
      cone[k / 64] |= bits << (k % 64);
    }
#endif
    for (; k < count; ++k) {
      if (up_x * x[k] + up_y * y[k] + up_z * z[k] < threshold) {
        cone[k / 64] |= std::uint64_t{1} << (k % 64);
      }
    }
  }

  bool cone_quiet(std::size_t k) const { return ((cone_[k / 64] >> (k % 64)) & 1U) != 0; }

  // The first sample from k on that the cone test does not prove quiet (steps + 1 if none).
  std::size_t cone_end(std::size_t k) const {
    const std::size_t count = grid_.steps + 1;
    std::size_t word = k / 64;
    const std::uint64_t open = ~cone_[word] >> (k % 64);
    if (open != 0) return std::min(count, k + static_cast<std::size_t>(std::countr_zero(open)));
    for (++word; word < cone_.size(); ++word) {
      if (~cone_[word] != 0) {
        return std::min(count,
                        word * 64 + static_cast<std::size_t>(std::countr_zero(~cone_[word])));
      }
    }
    return count;
  }

  const PassSearch& search_;
  const SatelliteGrid& grid_;
  std::span<const std::uint64_t> cone_;  // bit k set where the cone test proves k quiet
  Vector3 station_;
  Vector3 up_;
  double sin_lowest_;
  double reach_km_;
  double inverse_reach_ = 1.0 / reach_km_;
  double inverse_spacing_ = 1.0 / grid_.spacing_s;
  double height_floor_km_ = 0.0;
  double rounding_km_ = 0.0;  // of the single-precision copy, on y and on g
  std::size_t index_ = 0;
  bool quiet_ = false;           // of the sample last given
  bool quiet_after_ = false;     // of the one after it
  std::size_t quiet_until_ = 0;  // the samples from the last computed up to here are quiet
};

// Every site for one satellite: shared grid where it can be, predict_passes where not.
void predict_for_satellite(const Sgp4& satellite, std::span<const PassSite> sites,
                           const JulianDate& start, double span_s, const JulianDate& stop,
                           const EarthOrientation& earth_orientation,
                           const PassSearchOptions& options, SatelliteGrid& grid,
                           std::span<PassPrediction> out) {
  bool shared = grid.fill(satellite, start, span_s, earth_orientation, options);
  for (std::size_t i = 0; shared && i < sites.size(); ++i) {
    PassSearch search(satellite, sites[i].station, sites[i].horizon, start, earth_orientation,
                      &grid);
    GridSamples samples(search, grid, sites[i], grid.cone);
    out[i] = sweep(search, samples);
    shared = !search.failure();
  }
  if (shared) return;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    out[i] = *predict_passes(satellite, sites[i].station, sites[i].horizon, start, stop,
                             earth_orientation, options);
  }
}

}  // namespace

std::expected<PassPrediction, RangeError> predict_passes(
    const Sgp4& satellite, const Station& station, const Horizon& horizon, const JulianDate& start,
    const JulianDate& stop, const EarthOrientation& earth_orientation,
    const PassSearchOptions& options) {
  const auto span_s = checked_span_s(start, stop, options);
  if (!span_s) return std::unexpected(span_s.error());
  const std::size_t steps = grid_steps(satellite, *span_s, options);
  PassSearch search(satellite, station, horizon, start, earth_orientation);
  Sampler sampler(search, *span_s, steps);
  return sweep(search, sampler);
}

std::expected<PassNetworkPrediction, RangeError> predict_network_passes(
    std::span<const Sgp4> satellites, std::span<const PassSite> sites, const JulianDate& start,
    const JulianDate& stop, const EarthOrientation& earth_orientation,
    const PassNetworkOptions& options) {
  const auto span_s = checked_span_s(start, stop, options.search);
  if (!span_s) return std::unexpected(span_s.error());
  PassNetworkPrediction result;
  result.satellites = satellites.size();
  result.sites = sites.size();
  result.predictions.resize(satellites.size() * sites.size());
  if (result.predictions.empty()) return result;

  unsigned threads = options.threads > 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<unsigned>(threads, 1, static_cast<unsigned>(satellites.size()));
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    SatelliteGrid grid;
    for (std::size_t s = next++; s < satellites.size(); s = next++) {
      predict_for_satellite(satellites[s], sites, start, *span_s, stop, earth_orientation,
                            options.search, grid,
                            std::span(result.predictions).subspan(s * sites.size(), sites.size()));
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  return result;
}

}  // namespace jingkai::orbit
