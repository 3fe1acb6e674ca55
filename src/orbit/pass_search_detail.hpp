// One station's pass search, internal to the orbit library: the samples, the refinements
// between them (PassSearch: where the horizon is crossed, where the elevation culminates)
// and the sweep that turns a sequence of samples into passes. predict_passes
// (pass_search.cpp) sweeps the samples it takes with SGP4; predict_network_passes
// (pass_network.cpp) those of a satellite's shared grid (pass_grid.hpp).
//
// Why the whole search is here, in an anonymous namespace, rather than in a .cpp: the network
// search's speed rests on the compiler inlining the refinements' helpers into one another and
// the grid's looks into its sweep, as it did when one file held both searches with internal
// linkage. Declared here and defined in pass_search.cpp, the refinements ran 5 % slower in
// bench/orbit_passes_bench: with external linkage GCC 12 stops inlining a function called from
// several places at max-inline-insns-single, where it inlined the same function with internal
// linkage. So each search's file compiles its own copy of what it uses.
#pragma once

#include <cmath>
#include <cstddef>
#include <expected>
#include <limits>
#include <numbers>
#include <optional>
#include <span>
#include <utility>

#include "orbit/earth_orientation.hpp"
#include "orbit/frames.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/pass_grid.hpp"
#include "orbit/pass_horizon.hpp"
#include "orbit/pass_search.hpp"
#include "orbit/range_error.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/time_scales.hpp"
#include "orbit/topocentric.hpp"
#include "orbit/try.hpp"
#include "orbit/vector3.hpp"

namespace jingkai::orbit::pass_detail {

// The interval's length in seconds, or why the arguments are refused.
std::expected<double, RangeError> checked_span_s(const JulianDate& start, const JulianDate& stop,
                                                 const PassSearchOptions& options);

namespace {

constexpr double kEventToleranceS = 1e-4;        // AOS and LOS, well inside the 1 ms promised
constexpr double kCulminationToleranceS = 0.01;  // TCA, well inside the 0.05 s promised
// The interpolated track's root search stops at steps of this, before SGP4's Newton step.
constexpr double kFastStepS = 1e-3;
// Below the horizon by less than this on the interpolated track, a peak is settled with SGP4
// (the track is within ~1e-5° of it).
constexpr double kNearHorizonDeg = 1e-3;

constexpr double kLowest = -std::numeric_limits<double>::infinity();
constexpr std::size_t kNotOnGrid = std::numeric_limits<std::size_t>::max();

// The satellite seen from the station at `t` seconds after the interval's start.
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

inline bool in_view(const Sample& sample) { return sample.margin > 0.0; }
inline double height_of(const Sample& sample) { return sample.height; }
inline double margin_of(const Sample& sample) { return sample.margin; }

// The satellite's ITRF state `t` seconds after `start`, `start_minutes` being `start` in
// minutes after its epoch. The one place both searches compute positions, so that they agree
// to the bit.
inline std::expected<StateVector, Sgp4Error> itrf_at(const Sgp4& satellite, const JulianDate& start,
                                                     double start_minutes, double t,
                                                     const EarthOrientation& earth_orientation) {
  const auto teme = ORBIT_TRY(satellite.propagate(start_minutes + t / kSecondsPerMinute));
  return teme_to_itrf(teme, add_seconds(start, t), earth_orientation);
}

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
    const auto itrf = ORBIT_TRY(itrf_at(satellite_, start_, start_minutes_, t, earth_orientation_));
    return look_at(t, itrf);
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

inline PassEvent event_at(const PassSearch& search, const Sample& sample) {
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

}  // namespace
}  // namespace jingkai::orbit::pass_detail
