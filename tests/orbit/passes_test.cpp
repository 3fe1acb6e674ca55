// Pass prediction: checked against a brute-force search written here, which steps through
// the interval and then through each event in 5 ms steps.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <vector>

#include "orbit/frames.hpp"
#include "orbit/geodetic.hpp"
#include "orbit/pass_search.hpp"
#include "orbit/time_scales.hpp"
#include "synthetic_orbits.hpp"

namespace jingkai::orbit {
namespace {

using synthetic::kDegree;
using synthetic::kEpoch;
using synthetic::Orbit;
using synthetic::satellite;
constexpr double kFineStepS = 0.005;
constexpr double kEventToleranceS = 0.010;  // AOS and LOS, as promised
constexpr double kTcaToleranceS = 0.1;
constexpr double kDay = 86400.0;

const Orbit kIssLike{15.50, 0.0005, 51.6, 30.0, 90.0, 10.0};
const Orbit kSunSynchronous{14.30, 0.0012, 98.6, 200.0, 45.0, 300.0};
const Orbit kShellAt550Km{15.06, 0.0001, 53.0, 120.0, 0.0, 180.0};
const Orbit kLowEccentric{14.00, 0.03, 70.0, 310.0, 200.0, 50.0};  // 350 km by 1,160 km
const Orbit kMolniya{2.006, 0.72, 63.4, 40.0, 270.0, 0.0};

Station station_at(double latitude, double longitude, double height_km) {
  auto station = Station::create({latitude, longitude, height_km});
  EXPECT_TRUE(station);
  return *station;
}

const Station kBeijing = station_at(40.0663, 116.2274, 0.055);
const Station kKiruna = station_at(67.8571, 20.9643, 0.402);
const Station kHartebeesthoek = station_at(-25.887, 27.7073, 1.415);
const Station kSantiago = station_at(-33.15, -70.67, 0.723);

Horizon flat(double min_elevation_deg) { return *Horizon::flat(min_elevation_deg); }

double seconds_after(const JulianDate& start, const JulianDate& time) {
  return seconds_between(start, time);
}

// ---- the brute-force reference ----

struct ReferencePass {
  double aos = 0.0;  // seconds after the start
  double tca = 0.0;
  double los = 0.0;
  double max_elevation = 0.0;
  bool aos_clipped = false;
  bool los_clipped = false;
};

class Reference {
 public:
  Reference(const Sgp4& satellite, const Station& station, const Horizon& horizon,
            const JulianDate& start)
      : satellite_(satellite), station_(station), horizon_(horizon), start_(start) {}

  LookAngles look(double t) const {
    const JulianDate utc = add_seconds(start_, t);
    auto teme = satellite_.propagate(minutes_between(satellite_.epoch(), utc));
    EXPECT_TRUE(teme);
    return station_.look_angles(teme_to_itrf(*teme, utc));
  }

  double margin(double t) const {
    const LookAngles angles = look(t);
    return angles.elevation_deg - horizon_.min_elevation_deg(angles.azimuth_deg);
  }

  // Every `step_s`, then in kFineStepS steps through each step where the view changes and
  // around the highest sample of each pass. AOS is the first fine step in view, LOS the last.
  std::vector<ReferencePass> passes(double span_s, double step_s) const {
    std::vector<ReferencePass> passes;
    std::optional<ReferencePass> pass;
    double best_sample = 0.0;
    double best_elevation = -90.0;
    double before = 0.0;
    bool was_in_view = false;
    for (double t = 0.0;; t = std::min(t + step_s, span_s)) {
      const LookAngles angles = look(t);
      const bool in_view = angles.elevation_deg > horizon_.min_elevation_deg(angles.azimuth_deg);
      if (in_view && !pass) {
        pass = ReferencePass{};
        if (t == 0.0) {
          pass->aos_clipped = true;
        } else {
          double fine = before;
          while (margin(fine) <= 0.0) fine += kFineStepS;
          pass->aos = fine;
        }
        best_elevation = -90.0;
      }
      if (in_view && angles.elevation_deg > best_elevation) {
        best_elevation = angles.elevation_deg;
        best_sample = t;
      }
      const bool last = t == span_s;
      if (pass && (!in_view || last)) {
        if (in_view) {
          pass->los = span_s;
          pass->los_clipped = true;
        } else {
          double fine = t;
          while (margin(fine) <= 0.0) fine -= kFineStepS;
          pass->los = fine;
        }
        pass->max_elevation = -90.0;
        const double from = std::max(pass->aos, best_sample - step_s);
        const double to = std::min(pass->los, best_sample + step_s);
        for (double fine = from; fine <= to; fine += kFineStepS) {
          const double elevation = look(fine).elevation_deg;
          if (elevation > pass->max_elevation) {
            pass->max_elevation = elevation;
            pass->tca = fine;
          }
        }
        passes.push_back(*pass);
        pass.reset();
      }
      (void)was_in_view;
      was_in_view = in_view;
      before = t;
      if (last) break;
    }
    return passes;
  }

 private:
  const Sgp4& satellite_;
  const Station& station_;
  const Horizon& horizon_;
  JulianDate start_;
};

PassPrediction predict(const Sgp4& satellite, const Station& station, const Horizon& horizon,
                       const JulianDate& start, double span_s) {
  auto prediction = predict_passes(satellite, station, horizon, start, add_seconds(start, span_s));
  EXPECT_TRUE(prediction) << prediction.error().message;
  EXPECT_FALSE(prediction->failure);
  return *prediction;
}

// The passes predicted and the brute-force ones agree: every reference pass longer than the
// guaranteed shortest is predicted, every predicted pass is a reference pass (or shorter than
// the reference's step, which it may miss), with AOS, LOS and TCA within the tolerances.
void expect_agreement(const Sgp4& sgp4, const Station& station, const Horizon& horizon,
                      double span_s, double reference_step_s) {
  const PassPrediction prediction = predict(sgp4, station, horizon, kEpoch, span_s);
  const auto reference = Reference(sgp4, station, horizon, kEpoch).passes(span_s, reference_step_s);
  const double guaranteed_s = pass_search_step_s(sgp4);
  std::size_t matched = 0;
  for (const ReferencePass& expected : reference) {
    const Pass* found = nullptr;
    for (const Pass& pass : prediction.passes) {
      if (std::abs(seconds_after(kEpoch, pass.aos.time) - expected.aos) < 1.0) found = &pass;
    }
    if (!found) {
      EXPECT_LT(expected.los - expected.aos, guaranteed_s) << "missed the pass at " << expected.aos;
      continue;
    }
    ++matched;
    SCOPED_TRACE(testing::Message() << "pass at " << expected.aos << " s");
    EXPECT_NEAR(seconds_after(kEpoch, found->aos.time), expected.aos, kEventToleranceS);
    EXPECT_NEAR(seconds_after(kEpoch, found->los.time), expected.los, kEventToleranceS);
    EXPECT_NEAR(seconds_after(kEpoch, found->tca.time), expected.tca, kTcaToleranceS);
    EXPECT_NEAR(found->max_elevation_deg, expected.max_elevation, 1e-3);
    EXPECT_EQ(found->aos_clipped, expected.aos_clipped);
    EXPECT_EQ(found->los_clipped, expected.los_clipped);
    EXPECT_NEAR(found->duration_s, expected.los - expected.aos, 2 * kEventToleranceS);
  }
  for (const Pass& pass : prediction.passes) {
    if (pass.duration_s >= reference_step_s) continue;  // the reference may step over it
    bool known = false;
    for (const ReferencePass& expected : reference) {
      known = known || std::abs(seconds_after(kEpoch, pass.aos.time) - expected.aos) < 1.0;
    }
    EXPECT_TRUE(known) << "a pass at " << seconds_after(kEpoch, pass.aos.time) << " s";
  }
  EXPECT_GT(matched, 0u);
}

// ---- against the brute force ----

TEST(Passes, AgreeWithBruteForceForLeoSatellitesOverADay) {
  const Horizon horizon = flat(0.0);
  for (const Orbit& orbit : {kIssLike, kSunSynchronous, kShellAt550Km}) {
    const Sgp4 sgp4 = satellite(orbit);
    for (const Station* station : {&kBeijing, &kKiruna, &kSantiago}) {
      SCOPED_TRACE(testing::Message() << orbit.revolutions_per_day << " rev/day from "
                                      << station->location().latitude_deg);
      expect_agreement(sgp4, *station, horizon, kDay, 2.0);
    }
  }
}

TEST(Passes, AgreeWithBruteForceOverTwoDaysAboveTenDegrees) {
  expect_agreement(satellite(kLowEccentric), kHartebeesthoek, flat(10.0), 2 * kDay, 2.0);
}

TEST(Passes, EventsLieOnTheHorizonAndTcaIsTheHighestElevation) {
  const Sgp4 sgp4 = satellite(kSunSynchronous);
  const Horizon horizon = flat(5.0);
  const PassPrediction prediction = predict(sgp4, kKiruna, horizon, kEpoch, kDay);
  ASSERT_GT(prediction.passes.size(), 5u);
  const Reference reference(sgp4, kKiruna, horizon, kEpoch);
  for (const Pass& pass : prediction.passes) {
    EXPECT_NEAR(pass.aos.elevation_deg, 5.0, 1e-3);
    EXPECT_NEAR(pass.los.elevation_deg, 5.0, 1e-3);
    EXPECT_EQ(pass.max_elevation_deg, pass.tca.elevation_deg);
    const double tca = seconds_after(kEpoch, pass.tca.time);
    EXPECT_LE(reference.look(tca - 1.0).elevation_deg, pass.max_elevation_deg);
    EXPECT_LE(reference.look(tca + 1.0).elevation_deg, pass.max_elevation_deg);
    EXPECT_NEAR(reference.look(tca).azimuth_deg, pass.tca.azimuth_deg, 1e-9);
    EXPECT_LT(pass.aos.time.day + pass.aos.time.fraction,
              pass.los.time.day + pass.los.time.fraction);
  }
}

// ---- the horizon mask ----

TEST(Passes, FollowAHorizonMask) {
  const Horizon horizon =
      *Horizon::masked(0.0, {{0.0, 2.0}, {90.0, 25.0}, {180.0, 5.0}, {270.0, 15.0}});
  const Sgp4 sgp4 = satellite(kSunSynchronous);
  expect_agreement(sgp4, kKiruna, horizon, kDay, 2.0);
  const PassPrediction masked = predict(sgp4, kKiruna, horizon, kEpoch, kDay);
  const PassPrediction open = predict(sgp4, kKiruna, flat(0.0), kEpoch, kDay);
  ASSERT_FALSE(masked.passes.empty());
  double masked_time = 0.0;
  double open_time = 0.0;
  for (const Pass& pass : masked.passes) {
    masked_time += pass.duration_s;
    // At AOS and LOS the satellite is on the mask, wherever that is.
    EXPECT_NEAR(pass.aos.elevation_deg, horizon.min_elevation_deg(pass.aos.azimuth_deg), 1e-3);
    EXPECT_NEAR(pass.los.elevation_deg, horizon.min_elevation_deg(pass.los.azimuth_deg), 1e-3);
  }
  for (const Pass& pass : open.passes) open_time += pass.duration_s;
  EXPECT_LT(masked_time, open_time - 600.0);
}

// ---- the stated guarantee ----

// The ISS-like satellite's highest pass over Beijing in the first day, cut down by raising the
// minimum elevation to `fraction` of the search step; then searched for with the interval's
// start moved through one step in sixteenths, so that the samples fall everywhere in it.
void expect_found_cut_to(double fraction) {
  const Sgp4 sgp4 = satellite(kIssLike);
  const double step = pass_search_step_s(sgp4);
  const Horizon open = flat(0.0);
  const Reference profile(sgp4, kBeijing, open, kEpoch);
  const auto passes = profile.passes(kDay, 2.0);
  ASSERT_FALSE(passes.empty());
  const ReferencePass& highest = *std::max_element(
      passes.begin(), passes.end(),
      [](const auto& a, const auto& b) { return a.max_elevation < b.max_elevation; });
  const double wanted = fraction * step;
  const double cut = std::min(profile.look(highest.tca - wanted / 2).elevation_deg,
                              profile.look(highest.tca + wanted / 2).elevation_deg);
  const Horizon horizon = flat(cut);
  const auto short_pass =
      Reference(sgp4, kBeijing, horizon, kEpoch).passes(highest.los + 60.0, 1.0);
  ASSERT_EQ(short_pass.size(), 1u);
  const double length = short_pass[0].los - short_pass[0].aos;
  ASSERT_GT(length, wanted - 2 * kFineStepS);  // the reference's AOS late, its LOS early
  ASSERT_LT(length, 1.05 * wanted);

  for (int phase = 0; phase < 16; ++phase) {
    SCOPED_TRACE(testing::Message() << "phase " << phase);
    const double offset = highest.aos - 600.0 + phase * step / 16;
    const JulianDate start = add_seconds(kEpoch, offset);
    const PassPrediction prediction = predict(sgp4, kBeijing, horizon, start, 1200.0);
    ASSERT_EQ(prediction.passes.size(), 1u);
    const Pass& pass = prediction.passes[0];
    EXPECT_NEAR(seconds_after(kEpoch, pass.aos.time), short_pass[0].aos, kEventToleranceS);
    EXPECT_NEAR(seconds_after(kEpoch, pass.los.time), short_pass[0].los, kEventToleranceS);
    EXPECT_NEAR(seconds_after(kEpoch, pass.tca.time), short_pass[0].tca, kTcaToleranceS);
  }
}

TEST(Passes, SearchStepIsAHundredthOfTheOrbitAtMostAMinute) {
  EXPECT_NEAR(pass_search_step_s(satellite(kIssLike)), 86400.0 / 15.5 / 100.0, 0.5);
  EXPECT_EQ(pass_search_step_s(satellite(kMolniya)), kMaxPassSearchStepS);
}

TEST(Passes, FindEveryPassJustLongerThanTheGuaranteedShortest) {
  // 5 % longer than the step: some sample always falls inside it.
  expect_found_cut_to(1.05);
}

TEST(Passes, UsuallyFindAPassShorterThanTheGuarantee) {
  // A quarter of the step (13 s, culminating 0.3° above the horizon): found between samples
  // by the search for peaks below the horizon. Not guaranteed for every geometry.
  expect_found_cut_to(0.25);
}

TEST(Passes, ALargerStepIsTheCallersChoice) {
  const Sgp4 sgp4 = satellite(kIssLike);
  auto coarse = predict_passes(sgp4, kBeijing, flat(0.0), kEpoch, add_seconds(kEpoch, kDay), {},
                               PassSearchOptions{120.0});
  ASSERT_TRUE(coarse);
  const PassPrediction fine = predict(sgp4, kBeijing, flat(0.0), kEpoch, kDay);
  // Every pass of these is longer than two minutes: the same passes either way.
  ASSERT_EQ(coarse->passes.size(), fine.passes.size());
  for (std::size_t i = 0; i < fine.passes.size(); ++i) {
    EXPECT_NEAR(seconds_between(fine.passes[i].aos.time, coarse->passes[i].aos.time), 0.0, 1e-3);
  }
}

// ---- passes cut by the interval ----

TEST(Passes, APassInProgressAtTheStartIsClippedThere) {
  const Sgp4 sgp4 = satellite(kIssLike);
  const PassPrediction day = predict(sgp4, kBeijing, flat(0.0), kEpoch, kDay);
  ASSERT_GE(day.passes.size(), 3u);
  const Pass& whole = day.passes[1];
  const JulianDate start = add_seconds(whole.aos.time, 0.25 * whole.duration_s);
  const PassPrediction later = predict(sgp4, kBeijing, flat(0.0), start, 6 * 3600.0);
  ASSERT_FALSE(later.passes.empty());
  const Pass& clipped = later.passes[0];
  EXPECT_TRUE(clipped.aos_clipped);
  EXPECT_FALSE(clipped.los_clipped);
  EXPECT_EQ(clipped.aos.time, start);
  EXPECT_NEAR(seconds_between(whole.los.time, clipped.los.time), 0.0, 1e-3);
  EXPECT_NEAR(seconds_between(whole.tca.time, clipped.tca.time), 0.0, kTcaToleranceS);
  EXPECT_NEAR(clipped.duration_s, 0.75 * whole.duration_s, 1e-3);
  EXPECT_GT(clipped.aos.elevation_deg, 0.0);
  EXPECT_FALSE(later.passes[1].aos_clipped);
}

TEST(Passes, APassInProgressAtTheStopIsClippedThere) {
  const Sgp4 sgp4 = satellite(kIssLike);
  const PassPrediction day = predict(sgp4, kBeijing, flat(0.0), kEpoch, kDay);
  ASSERT_GE(day.passes.size(), 3u);
  const Pass& whole = day.passes[2];
  // Stopping before the culmination: the highest point is the stop itself.
  const double span = seconds_between(kEpoch, whole.tca.time) - 30.0;
  const PassPrediction earlier = predict(sgp4, kBeijing, flat(0.0), kEpoch, span);
  ASSERT_EQ(earlier.passes.size(), 3u);
  const Pass& clipped = earlier.passes[2];
  EXPECT_FALSE(clipped.aos_clipped);
  EXPECT_TRUE(clipped.los_clipped);
  EXPECT_EQ(clipped.los.time, add_seconds(kEpoch, span));
  EXPECT_NEAR(seconds_between(whole.aos.time, clipped.aos.time), 0.0, 1e-3);
  EXPECT_NEAR(seconds_between(clipped.tca.time, clipped.los.time), 0.0, kTcaToleranceS);
  EXPECT_FALSE(earlier.passes[1].los_clipped);
}

// ---- always or never in view ----

// Over longitude `longitude` of the equator, drifting less than a degree a day.
Sgp4 geostationary_satellite(double* longitude) {
  const Sgp4 sgp4 = satellite({1.00273791, 0.0002, 0.05, 80.0, 0.0, 0.0});
  const StateVector itrf = teme_to_itrf(*sgp4.propagate(0.0), kEpoch);
  *longitude = geodetic_from_itrf(itrf.position_km).longitude_deg;
  return sgp4;
}

TEST(Passes, AGeostationarySatelliteInViewGivesOnePassClippedAtBothEnds) {
  double longitude = 0.0;
  const Sgp4 sgp4 = geostationary_satellite(&longitude);
  const Station below = station_at(30.0, longitude + 10.0, 0.0);
  const PassPrediction prediction = predict(sgp4, below, flat(5.0), kEpoch, 3 * kDay);
  ASSERT_EQ(prediction.passes.size(), 1u);
  const Pass& pass = prediction.passes[0];
  EXPECT_TRUE(pass.aos_clipped);
  EXPECT_TRUE(pass.los_clipped);
  EXPECT_EQ(pass.aos.time, kEpoch);
  EXPECT_EQ(pass.los.time, add_seconds(kEpoch, 3 * kDay));
  EXPECT_NEAR(pass.duration_s, 3 * kDay, 1e-6);
  EXPECT_GT(pass.max_elevation_deg, 45.0);
  // The highest of three days of a slow nod, to the reference's precision.
  const auto reference = Reference(sgp4, below, flat(5.0), kEpoch).passes(3 * kDay, 60.0);
  ASSERT_EQ(reference.size(), 1u);
  EXPECT_NEAR(pass.max_elevation_deg, reference[0].max_elevation, 1e-6);
}

TEST(Passes, AGeostationarySatelliteOutOfViewGivesNoPass) {
  double longitude = 0.0;
  const Sgp4 sgp4 = geostationary_satellite(&longitude);
  const Station antipode = station_at(30.0, longitude + 180.0, 0.0);
  const PassPrediction prediction = predict(sgp4, antipode, flat(0.0), kEpoch, 3 * kDay);
  EXPECT_TRUE(prediction.passes.empty());
  EXPECT_FALSE(prediction.failure);
}

// ---- high eccentricity ----

TEST(Passes, AMolniyaPassWithTwoCulminationsIsOnePassWithTheHigherAsTca) {
  const Sgp4 sgp4 = satellite(kMolniya);
  const Station station = station_at(55.0, 0.0, 0.1);
  const Horizon horizon = flat(0.0);
  const PassPrediction prediction = predict(sgp4, station, horizon, kEpoch, 2 * kDay);
  const Reference reference(sgp4, station, horizon, kEpoch);
  int passes_with_two_culminations = 0;
  for (const Pass& pass : prediction.passes) {
    if (pass.aos_clipped || pass.los_clipped) continue;
    const double aos = seconds_after(kEpoch, pass.aos.time);
    const double los = seconds_after(kEpoch, pass.los.time);
    int culminations = 0;
    double before = -90.0;
    double now = -90.0;
    for (double t = aos; t <= los; t += 10.0) {
      const double next = reference.look(t).elevation_deg;
      if (now > before && now > next) ++culminations;
      before = now;
      now = next;
    }
    if (culminations >= 2) ++passes_with_two_culminations;
  }
  EXPECT_GE(passes_with_two_culminations, 2);
  // Ten-hour passes, not split at the dip between culminations.
  expect_agreement(sgp4, station, horizon, 2 * kDay, 10.0);
}

// ---- SGP4 failing ----

const Orbit kDecaying{16.2, 0.001, 51.6, 0.0, 0.0, 0.0, 0.03};  // gone within a day

TEST(Passes, StopAtDecayWithThePassesBeforeAndTheError) {
  const Sgp4 sgp4 = satellite(kDecaying);
  const Station station = station_at(20.0, 30.0, 0.0);
  auto prediction = predict_passes(sgp4, station, flat(0.0), kEpoch, add_seconds(kEpoch, kDay));
  ASSERT_TRUE(prediction);
  ASSERT_TRUE(prediction->failure);
  const PassSearchFailure& failure = *prediction->failure;
  const double failed_at = seconds_after(kEpoch, failure.time);
  EXPECT_GT(failed_at, 0.0);
  EXPECT_LT(failed_at, kDay);
  auto at_failure = sgp4.propagate(minutes_between(kEpoch, failure.time));
  ASSERT_FALSE(at_failure);
  EXPECT_EQ(at_failure.error(), failure.error);
  EXPECT_TRUE(sgp4.propagate(minutes_between(kEpoch, add_seconds(failure.time, -1e-3))));

  // The same passes as a search that stops just before.
  const PassPrediction before = predict(sgp4, station, flat(0.0), kEpoch, failed_at - 2.0);
  ASSERT_FALSE(before.passes.empty());
  std::size_t complete = 0;
  for (const Pass& pass : before.passes) complete += pass.los_clipped ? 0 : 1;
  ASSERT_GE(prediction->passes.size(), complete);
  for (std::size_t i = 0; i < complete; ++i) {
    // Sampled on another grid, refined to the same 0.1 ms.
    EXPECT_NEAR(seconds_between(before.passes[i].aos.time, prediction->passes[i].aos.time), 0.0,
                1e-3);
    EXPECT_NEAR(seconds_between(before.passes[i].los.time, prediction->passes[i].los.time), 0.0,
                1e-3);
  }
  for (const Pass& pass : prediction->passes) {
    EXPECT_LE(seconds_after(kEpoch, pass.los.time), failed_at);
    EXPECT_TRUE(std::isfinite(pass.max_elevation_deg));
  }
}

TEST(Passes, APassInProgressWhenSgp4FailsEndsThereClipped) {
  const Sgp4 sgp4 = satellite(kDecaying);
  const Station somewhere = station_at(20.0, 30.0, 0.0);
  auto first = predict_passes(sgp4, somewhere, flat(0.0), kEpoch, add_seconds(kEpoch, kDay));
  ASSERT_TRUE(first && first->failure);
  // A station under the satellite a minute before it fails.
  const JulianDate overhead = add_seconds(first->failure->time, -60.0);
  const StateVector state =
      teme_to_itrf(*sgp4.propagate(minutes_between(kEpoch, overhead)), overhead);
  const Geodetic below = geodetic_from_itrf(state.position_km);
  const Station under = station_at(below.latitude_deg, below.longitude_deg, 0.0);

  auto prediction = predict_passes(sgp4, under, flat(0.0), kEpoch, add_seconds(kEpoch, kDay));
  ASSERT_TRUE(prediction);
  ASSERT_TRUE(prediction->failure);
  ASSERT_FALSE(prediction->passes.empty());
  const Pass& last = prediction->passes.back();
  EXPECT_TRUE(last.los_clipped);
  EXPECT_FALSE(last.aos_clipped);
  EXPECT_NEAR(seconds_between(last.los.time, prediction->failure->time), 0.0, 1e-3);
  EXPECT_GT(last.max_elevation_deg, 80.0);
  EXPECT_TRUE(std::isfinite(last.los.azimuth_deg));
  EXPECT_TRUE(std::isfinite(last.los.elevation_deg));
}

TEST(Passes, AfterDecayThereAreNoPassesAndTheErrorAtTheStart) {
  const Sgp4 sgp4 = satellite(kDecaying);
  const JulianDate start = add_seconds(kEpoch, 2 * kDay);
  auto prediction = predict_passes(sgp4, kBeijing, flat(0.0), start, add_seconds(start, kDay));
  ASSERT_TRUE(prediction);
  EXPECT_TRUE(prediction->passes.empty());
  ASSERT_TRUE(prediction->failure);
  EXPECT_EQ(prediction->failure->time, start);
}

// ---- bad input ----

TEST(Passes, RefuseAStopBeforeTheStart) {
  const Sgp4 sgp4 = satellite(kIssLike);
  auto result = predict_passes(sgp4, kBeijing, flat(0.0), kEpoch, add_seconds(kEpoch, -60.0));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "pass_interval");
  EXPECT_EQ(result.error().field, "stop");
  EXPECT_FALSE(predict_passes(sgp4, kBeijing, flat(0.0), kEpoch, kEpoch));
  EXPECT_FALSE(
      predict_passes(sgp4, kBeijing, flat(0.0), kEpoch, JulianDate{kEpoch.day, std::nan("")}));
}

TEST(Passes, RefuseANegativeStep) {
  const Sgp4 sgp4 = satellite(kIssLike);
  auto result = predict_passes(sgp4, kBeijing, flat(0.0), kEpoch, add_seconds(kEpoch, 60.0), {},
                               PassSearchOptions{-1.0});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "pass_step");
}

}  // namespace
}  // namespace jingkai::orbit
