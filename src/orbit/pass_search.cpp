// predict_passes: one satellite over one station, its samples taken with SGP4 one by one and
// swept by the search of pass_search_detail.hpp.
#include "orbit/pass_search.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <optional>
#include <string>

#include "orbit/pass_search_detail.hpp"
#include "orbit/time_scales.hpp"
#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace pass_detail {
namespace {

constexpr double kFailureToleranceS = 1e-3;

std::unexpected<RangeError> interval_error(const std::string& message) {
  return std::unexpected(RangeError{"pass_interval", "stop", message});
}

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

}  // namespace pass_detail

double pass_search_step_s(const Sgp4& satellite) {
  const double period_s =
      2.0 * std::numbers::pi / satellite.terms().no_unkozai * pass_detail::kSecondsPerMinute;
  return std::min(kMaxPassSearchStepS, period_s / kPassSearchStepsPerOrbit);
}

std::expected<PassPrediction, RangeError> predict_passes(
    const Sgp4& satellite, const Station& station, const Horizon& horizon, const JulianDate& start,
    const JulianDate& stop, const EarthOrientation& earth_orientation,
    const PassSearchOptions& options) {
  const auto span_s = ORBIT_TRY(pass_detail::checked_span_s(start, stop, options));
  const std::size_t steps = pass_detail::grid_steps(satellite, span_s, options);
  pass_detail::PassSearch search(satellite, station, horizon, start, earth_orientation);
  pass_detail::Sampler sampler(search, span_s, steps);
  return pass_detail::sweep(search, sampler);
}

}  // namespace jingkai::orbit
