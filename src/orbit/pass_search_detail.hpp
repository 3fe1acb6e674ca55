// One station's pass search, shared by predict_passes (pass_search.cpp) and the network
// search (pass_network.cpp), internal to the orbit library: the samples, the refinements
// between them (PassSearch) and the sweep over a sequence of samples that turns them into
// passes. The sweep and what it calls for every sample are here, in the header, so that
// both searches' loops compile as one; the refinements, called once an event, are in
// pass_search.cpp.
#pragma once

#include <cmath>
#include <cstddef>
#include <expected>
#include <limits>
#include <numbers>
#include <optional>
#include <utility>

#include "orbit/earth_orientation.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/pass_grid.hpp"
#include "orbit/pass_horizon.hpp"
#include "orbit/pass_search.hpp"
#include "orbit/range_error.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/time_scales.hpp"
#include "orbit/topocentric.hpp"
#include "orbit/vector3.hpp"

namespace jingkai::orbit::pass_detail {

inline constexpr double kCulminationToleranceS = 0.01;  // TCA, well inside the 0.05 s promised

inline constexpr double kLowest = -std::numeric_limits<double>::infinity();
inline constexpr std::size_t kNotOnGrid = std::numeric_limits<std::size_t>::max();

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

// The interval's length in seconds, or why the arguments are refused.
std::expected<double, RangeError> checked_span_s(const JulianDate& start, const JulianDate& stop,
                                                 const PassSearchOptions& options);

// One satellite seen from one station: looks at it (with SGP4 or, given a SatelliteGrid, on
// the grid and its interpolated track) and the refinements between samples: where the
// horizon is crossed (AOS, LOS) and where the elevation culminates (TCA).
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

  // The sample at `t` from SGP4 (through the grid's vector kernel where there is a grid), or
  // why SGP4 fails there.
  std::expected<Sample, Sgp4Error> look(double t) const;

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

  // The in-view end of the AOS or LOS between two samples on either side of the horizon.
  Sample crossing(Sample a, Sample b);

  // The culmination over [a, b]: golden-section search for the highest elevation. With a
  // grid it searches the interpolated track (Brent's method) and settles with SGP4 there.
  Sample culmination(double a, double b);

  // The highest margin over [a, b], for whether a short pass hides there. With a grid, a peak
  // of the interpolated track out of view by more than kNearHorizonDeg is taken as it is (out
  // of view); a nearer one is settled by searching again with SGP4.
  Sample highest_margin(double a, double b);

  JulianDate at(double t) const { return add_seconds(start_, t); }
  const std::optional<PassSearchFailure>& failure() const { return failure_; }

 private:
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

  // What the interpolated track's samples are (look_fast), from an exact state: over a flat
  // horizon margin and elevation in sine units, the same sign and order as in degrees, no
  // arctangent; over a mask the sample itself.
  Sample probe(double t, const StateVector& itrf) const {
    if (!horizon_.mask().empty()) return look_at(t, itrf);
    return sine_sample(t, itrf.position_km);
  }

  // For the refinements between samples that worked: SGP4 failing there (nothing promises its
  // failures are monotonic in time) is remembered, and the instant read as out of view and as
  // low as can be, so that no search lands on it.
  Sample look_or_remember(double t);

  // look_or_remember at two instants, in one call of the vector kernel where there is one.
  std::pair<Sample, Sample> look_or_remember(double ta, double tb);

  // The satellite's ITRF states at `count` (≤ 4) instants in one call of the vector kernel;
  // false where there is no grid or the kernel flags one of them.
  bool states_at(const double* times, std::size_t count, StateVector* out) const;

  // Where the interpolated track's margin crosses zero between `ta` and `tb`, and its slope
  // there; nothing when the track does not change sides between them.
  struct TrackCrossing {
    double t;
    double slope;
  };
  std::optional<TrackCrossing> track_crossing(const Sample& a, const Sample& b) const;

  Sample exact_crossing(Sample a, Sample b);

  // The highest `value` near `t`, the track's answer, settled with SGP4: the vertex of the
  // parabola through SGP4 at t − h, t and t + h (one call of the vector kernel), then a look
  // there when it is more than half the tolerance away. On an orbit the track follows less
  // closely (a perigee near 100 km) its culmination can be a tenth of a second off; the
  // parabola brings it to about a millisecond.
  Sample settle_highest(double a, double b, double t);

  // The highest `value` of the interpolated track over [a, b], to within a quarter of the
  // culmination tolerance: Brent's minimisation (parabolic steps, golden sections where they
  // fail; Brent 1973, ch. 5), which on a smooth culmination takes about half the looks of
  // golden sections alone.
  template <typename Value>
  Sample track_highest(double a, double b, Value value) const;

  // Golden-section search for the highest `value` over [a, b], with SGP4.
  template <typename Value>
  Sample exact_highest(double a, double b, Value value, bool fast);

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
    Sample peak = to - from > kCulminationToleranceS ? search_.culmination(from, to) : point;
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

}  // namespace jingkai::orbit::pass_detail
