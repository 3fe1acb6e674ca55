#include "orbit/passes.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <optional>
#include <string>

#include "orbit/frames.hpp"
#include "orbit/time_scales.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kEventToleranceS = 1e-4;        // AOS and LOS, well inside the 1 ms promised
constexpr double kCulminationToleranceS = 0.01;  // TCA, well inside the 0.05 s promised
constexpr double kFailureToleranceS = 1e-3;
constexpr double kSecondsPerMinute = 60.0;

// The satellite seen from the station at `t` seconds after the interval's start.
struct Sample {
  double t = 0.0;
  double margin = 0.0;  // elevation − horizon there, degrees: in view when > 0
  double elevation = 0.0;
  double azimuth = 0.0;
};

bool in_view(const Sample& sample) { return sample.margin > 0.0; }

class PassSearch {
 public:
  PassSearch(const Sgp4& satellite, const Station& station, const Horizon& horizon,
             const JulianDate& start, const EarthOrientation& earth_orientation)
      : satellite_(satellite),
        station_(station),
        horizon_(horizon),
        start_(start),
        earth_orientation_(earth_orientation),
        start_minutes_(minutes_between(satellite.epoch(), start)) {}

  std::expected<Sample, Sgp4Error> look(double t) const {
    const auto teme = satellite_.propagate(start_minutes_ + t / kSecondsPerMinute);
    if (!teme) return std::unexpected(teme.error());
    const StateVector itrf = teme_to_itrf(*teme, at(t), earth_orientation_);
    const LookAngles look = station_.look_angles(itrf);
    return Sample{t, look.elevation_deg - horizon_.min_elevation_deg(look.azimuth_deg),
                  look.elevation_deg, look.azimuth_deg};
  }

  // For the refinements between samples that worked: SGP4 failing there (nothing promises its
  // failures are monotonic in time) is remembered, and the instant read as out of view and as
  // low as can be, so that no search lands on it.
  Sample look_or_remember(double t) {
    auto sample = look(t);
    if (sample) return *sample;
    if (!failure_) failure_ = PassSearchFailure{sample.error(), at(t)};
    constexpr double kLowest = -std::numeric_limits<double>::infinity();
    return Sample{t, kLowest, kLowest, 0.0};
  }

  // The in-view end of the AOS or LOS between two samples on either side of the horizon.
  Sample crossing(Sample a, Sample b) {
    const bool rising = !in_view(a);
    while (b.t - a.t > kEventToleranceS) {
      const Sample middle = look_or_remember(0.5 * (a.t + b.t));
      (in_view(middle) == rising ? b : a) = middle;
    }
    return rising ? b : a;
  }

  // Golden-section search for the highest `value` over [a, b].
  template <typename Value>
  Sample highest(double a, double b, Value value) {
    constexpr double kInverseGolden = 0.6180339887498949;
    double x1 = b - kInverseGolden * (b - a);
    double x2 = a + kInverseGolden * (b - a);
    Sample s1 = look_or_remember(x1);
    Sample s2 = look_or_remember(x2);
    while (b - a > kCulminationToleranceS) {
      if (value(s1) < value(s2)) {
        a = x1;
        x1 = x2;
        s1 = s2;
        x2 = a + kInverseGolden * (b - a);
        s2 = look_or_remember(x2);
      } else {
        b = x2;
        x2 = x1;
        s2 = s1;
        x1 = b - kInverseGolden * (b - a);
        s1 = look_or_remember(x1);
      }
    }
    return value(s1) < value(s2) ? s2 : s1;
  }

  JulianDate at(double t) const { return add_seconds(start_, t); }
  const std::optional<PassSearchFailure>& failure() const { return failure_; }

 private:
  const Sgp4& satellite_;
  const Station& station_;
  const Horizon& horizon_;
  JulianDate start_;
  const EarthOrientation& earth_orientation_;
  double start_minutes_;
  std::optional<PassSearchFailure> failure_;
};

double elevation_of(const Sample& sample) { return sample.elevation; }
double margin_of(const Sample& sample) { return sample.margin; }

PassEvent event_at(const PassSearch& search, const Sample& sample) {
  return PassEvent{search.at(sample.t), sample.azimuth, sample.elevation};
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
    pass.max_elevation_deg = tca_.elevation;
    pass.duration_s = last_.t - aos_.t;
    pass.aos_clipped = aos_clipped_;
    pass.los_clipped = los_clipped;
    return pass;
  }

 private:
  void consider(const Sample* before, const Sample& point, const Sample* after) {
    if (before && point.elevation < before->elevation) return;
    if (after && point.elevation < after->elevation) return;
    const double from = before ? before->t : point.t;
    const double to = after ? after->t : point.t;
    Sample peak =
        to - from > kCulminationToleranceS ? search_.highest(from, to, elevation_of) : point;
    if (point.elevation > peak.elevation) peak = point;  // a culmination at an end
    if (peak.elevation > tca_.elevation) tca_ = peak;
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
    const double t = index_ == steps_ ? span_s_ : span_s_ * static_cast<double>(index_) / steps_;
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

std::unexpected<RangeError> interval_error(const std::string& message) {
  return std::unexpected(RangeError{"pass_interval", "stop", message});
}

}  // namespace

double pass_search_step_s(const Sgp4& satellite) {
  const double period_s = 2.0 * std::numbers::pi / satellite.terms().no_unkozai * kSecondsPerMinute;
  return std::min(kMaxPassSearchStepS, period_s / kPassSearchStepsPerOrbit);
}

std::expected<PassPrediction, RangeError> predict_passes(
    const Sgp4& satellite, const Station& station, const Horizon& horizon, const JulianDate& start,
    const JulianDate& stop, const EarthOrientation& earth_orientation,
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
  const double step_s = options.step_s > 0.0 ? options.step_s : pass_search_step_s(satellite);
  const auto steps = static_cast<std::size_t>(std::max(1.0, std::ceil(span_s / step_s)));

  PassSearch search(satellite, station, horizon, start, earth_orientation);
  Sampler sampler(search, span_s, steps);
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

  std::optional<Sample> before = sampler.next();
  if (before && in_view(*before)) pass.emplace(search, *before, true);
  std::optional<Sample> now = before ? sampler.next() : std::nullopt;
  while (now && !search.failure()) {
    std::optional<Sample> after = sampler.next();
    if (pass) {
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
      const Sample peak = search.highest(before->t, after->t, margin_of);
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
  prediction.failure = sampler.failure();
  // A failure while refining lies between samples that worked, so before the sampler's.
  if (search.failure()) prediction.failure = search.failure();
  return prediction;
}

}  // namespace jingkai::orbit
