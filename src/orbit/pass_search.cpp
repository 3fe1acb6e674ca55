// One station's pass search: the refinements between samples (PassSearch, declared in
// pass_search_detail.hpp) and predict_passes, which samples the interval itself with SGP4.
#include "orbit/pass_search.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "orbit/frames.hpp"
#include "orbit/pass_search_detail.hpp"
#include "orbit/time_scales.hpp"

namespace jingkai::orbit {
namespace pass_detail {
namespace {

constexpr double kEventToleranceS = 1e-4;  // AOS and LOS, well inside the 1 ms promised
constexpr double kFailureToleranceS = 1e-3;
// The interpolated track's root search stops at steps of this, before SGP4's Newton step.
constexpr double kFastStepS = 1e-3;
// Below the horizon by less than this on the interpolated track, a peak is settled with SGP4
// (the track is within ~1e-5° of it).
constexpr double kNearHorizonDeg = 1e-3;

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

std::unexpected<RangeError> interval_error(const std::string& message) {
  return std::unexpected(RangeError{"pass_interval", "stop", message});
}

}  // namespace

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

std::expected<Sample, Sgp4Error> PassSearch::look(double t) const {
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

std::pair<Sample, Sample> PassSearch::look_or_remember(double ta, double tb) {
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

bool PassSearch::states_at(const double* times, std::size_t count, StateVector* out) const {
  if (!grid_) return false;
  double minutes[4];
  for (std::size_t i = 0; i < count; ++i)
    minutes[i] = start_minutes_ + times[i] / kSecondsPerMinute;
  if (!grid_->track->propagate(std::span(minutes, count), std::span(out, count))) return false;
  grid_->itrf_between(out, times, count, out, start_, earth_orientation_);
  return true;
}

Sample PassSearch::look_or_remember(double t) {
  auto sample = look(t);
  if (sample) return *sample;
  if (!failure_) failure_ = PassSearchFailure{sample.error(), at(t)};
  return Sample{t, kLowest, kLowest, 0.0};
}

Sample PassSearch::crossing(Sample a, Sample b) {
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

std::optional<PassSearch::TrackCrossing> PassSearch::track_crossing(const Sample& a,
                                                                    const Sample& b) const {
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

Sample PassSearch::exact_crossing(Sample a, Sample b) {
  const bool rising = !in_view(a);
  while (b.t - a.t > kEventToleranceS) {
    const Sample middle = look_or_remember(0.5 * (a.t + b.t));
    (in_view(middle) == rising ? b : a) = middle;
  }
  return rising ? b : a;
}

template <typename Value>
Sample PassSearch::track_highest(double a, double b, Value value) const {
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
Sample PassSearch::exact_highest(double a, double b, Value value, bool fast) {
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

Sample PassSearch::culmination(double a, double b) {
  if (!grid_) return exact_highest(a, b, height_of, false);
  return settle_highest(a, b, track_highest(a, b, height_of).t);
}

Sample PassSearch::settle_highest(double a, double b, double t) {
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

Sample PassSearch::highest_margin(double a, double b) {
  if (!grid_) return exact_highest(a, b, margin_of, false);
  const Sample fast = track_highest(a, b, margin_of);
  if (fast.margin < -kNearHorizonDeg) return fast;
  return exact_highest(a, b, margin_of, false);
}

namespace {

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

}  // namespace
}  // namespace pass_detail

using pass_detail::kSecondsPerMinute;

double pass_search_step_s(const Sgp4& satellite) {
  const double period_s = 2.0 * std::numbers::pi / satellite.terms().no_unkozai * kSecondsPerMinute;
  return std::min(kMaxPassSearchStepS, period_s / kPassSearchStepsPerOrbit);
}

std::expected<PassPrediction, RangeError> predict_passes(
    const Sgp4& satellite, const Station& station, const Horizon& horizon, const JulianDate& start,
    const JulianDate& stop, const EarthOrientation& earth_orientation,
    const PassSearchOptions& options) {
  const auto span_s = pass_detail::checked_span_s(start, stop, options);
  if (!span_s) return std::unexpected(span_s.error());
  const std::size_t steps = pass_detail::grid_steps(satellite, *span_s, options);
  pass_detail::PassSearch search(satellite, station, horizon, start, earth_orientation);
  pass_detail::Sampler sampler(search, *span_s, steps);
  return pass_detail::sweep(search, sampler);
}

}  // namespace jingkai::orbit
