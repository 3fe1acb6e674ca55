// The SGP4 propagator's contract: initialisation, error codes, gravity models, operation
// modes and state-free propagation. Its numbers are verified against Vallado's reference
// in sgp4_verification_test.cpp.
#include "orbit/sgp4.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <set>
#include <thread>

#include "orbit/tle.hpp"
#include "tle_samples.hpp"

namespace jingkai::orbit {
namespace {

using testing::kVanguardLine1;
using testing::kVanguardLine2;

Tle tle_of(std::string_view line1, std::string_view line2) {
  auto tle = parse_tle(line1, line2);
  EXPECT_TRUE(tle) << tle.error().to_string();
  return tle.value_or(Tle{});
}

Sgp4 sgp4_of(std::string_view line1, std::string_view line2, Sgp4Options options = {}) {
  auto sgp4 = Sgp4::create(tle_of(line1, line2), options);
  EXPECT_TRUE(sgp4);
  return *sgp4;
}

// MOLNIYA 1-36 (12 h resonance) and ITALSAT 2 (24 h resonance), from Vallado's set.
constexpr std::string_view kMolniyaLine1 =
    "1 09880U 77021A   06176.56157475  .00000421  00000-0  10000-3 0  9814";
constexpr std::string_view kMolniyaLine2 =
    "2 09880  64.5968 349.3786 7069051 270.0229  16.3320  2.00813614112380";
constexpr std::string_view kItalsatLine1 =
    "1 24208U 96044A   06177.04061740 -.00000094  00000-0  10000-3 0  1600";
constexpr std::string_view kItalsatLine2 =
    "2 24208   3.8536  80.0121 0026640 311.0977  48.3000  1.00778054 36119";
// INTELSAT 902: near-zero inclination, so the Lyddane form of the periodics applies.
constexpr std::string_view kIntelsatLine1 =
    "1 26900U 01039A   06106.74503247  .00000045  00000-0  10000-3 0  8290";
constexpr std::string_view kIntelsatLine2 =
    "2 26900   0.0164 266.5378 0003319  86.1794 182.2590  1.00273847 16981";

void expect_state_near(const StateVector& state, std::array<double, 3> r, std::array<double, 3> v,
                       double tolerance_km, double tolerance_km_s) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(state.position_km[i], r[i], tolerance_km) << "r[" << i << "]";
    EXPECT_NEAR(state.velocity_km_s[i], v[i], tolerance_km_s) << "v[" << i << "]";
  }
}

double norm(const std::array<double, 3>& x) { return std::hypot(x[0], x[1], x[2]); }

// ---- error codes ----

TEST(Sgp4Errors, CarryTheReferenceNumbers) {
  EXPECT_EQ(code(Sgp4Error::kMeanElements), 1);
  EXPECT_EQ(code(Sgp4Error::kMeanMotion), 2);
  EXPECT_EQ(code(Sgp4Error::kPerturbedEccentricity), 3);
  EXPECT_EQ(code(Sgp4Error::kSemiLatusRectum), 4);
  EXPECT_EQ(code(Sgp4Error::kSubOrbital), 5);
  EXPECT_EQ(code(Sgp4Error::kDecayed), 6);
}

TEST(Sgp4Errors, EachHasItsOwnDescription) {
  std::set<std::string_view> descriptions;
  for (int i = 1; i <= 6; ++i) {
    const auto text = describe(static_cast<Sgp4Error>(i));
    EXPECT_FALSE(text.empty());
    descriptions.insert(text);
  }
  EXPECT_EQ(descriptions.size(), 6u);
  EXPECT_NE(describe(Sgp4Error::kDecayed).find("decayed"), std::string_view::npos);
}

// ---- initialisation ----

TEST(Sgp4Create, ConvertsTleUnitsToRadiansAndRadiansPerMinute) {
  const MeanElements e = mean_elements(tle_of(kVanguardLine1, kVanguardLine2));
  EXPECT_DOUBLE_EQ(e.inclination, 34.2682 * std::numbers::pi / 180.0);
  EXPECT_DOUBLE_EQ(e.mean_motion, 10.82419157 * 2.0 * std::numbers::pi / 1440.0);
  EXPECT_DOUBLE_EQ(e.bstar, 2.8098e-5);
  EXPECT_EQ(e.eccentricity, 0.1859667);
  EXPECT_EQ(e.epoch, (JulianDate{2451722.5, 0.78495062}));
}

TEST(Sgp4Create, KeepsTheExactEpoch) {
  const Sgp4 sgp4 = sgp4_of(kVanguardLine1, kVanguardLine2);
  EXPECT_EQ(sgp4.epoch(), (JulianDate{2451722.5, 0.78495062}));
}

TEST(Sgp4Create, UsesNearEarthTermsBelowA225MinutePeriod) {
  EXPECT_FALSE(sgp4_of(kVanguardLine1, kVanguardLine2).is_deep_space());  // 133 minutes
}

TEST(Sgp4Create, UsesDeepSpaceTermsFromA225MinutePeriod) {
  EXPECT_TRUE(sgp4_of(kMolniyaLine1, kMolniyaLine2).is_deep_space());
  EXPECT_TRUE(sgp4_of(kItalsatLine1, kItalsatLine2).is_deep_space());
}

TEST(Sgp4Create, ClassifiesTheResonances) {
  using sgp4_detail::Resonance;
  EXPECT_EQ(sgp4_of(kMolniyaLine1, kMolniyaLine2).terms().deep.resonance, Resonance::kHalfDay);
  EXPECT_EQ(sgp4_of(kItalsatLine1, kItalsatLine2).terms().deep.resonance, Resonance::kOneDay);
  EXPECT_EQ(sgp4_of(kVanguardLine1, kVanguardLine2).terms().deep.resonance, Resonance::kNone);
}

TEST(Sgp4Create, RejectsAnEccentricityOfOneWithCode1) {
  MeanElements e = mean_elements(tle_of(kVanguardLine1, kVanguardLine2));
  e.eccentricity = 1.0;
  auto result = Sgp4::create(e);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error(), Sgp4Error::kMeanElements);
}

TEST(Sgp4Create, RejectsANegativeEccentricityWithCode1) {
  MeanElements e = mean_elements(tle_of(kVanguardLine1, kVanguardLine2));
  e.eccentricity = -0.01;
  EXPECT_EQ(Sgp4::create(e).error(), Sgp4Error::kMeanElements);
}

TEST(Sgp4Create, RejectsANegativeMeanMotionWithCode2) {
  MeanElements e = mean_elements(tle_of(kVanguardLine1, kVanguardLine2));
  e.mean_motion = -0.01;
  EXPECT_EQ(Sgp4::create(e).error(), Sgp4Error::kMeanMotion);
  e.mean_motion = 0.0;
  EXPECT_EQ(Sgp4::create(e).error(), Sgp4Error::kMeanMotion);
}

TEST(Sgp4Create, RejectsANonFiniteElementWithCode1) {
  MeanElements e = mean_elements(tle_of(kVanguardLine1, kVanguardLine2));
  e.bstar = std::nan("");
  EXPECT_EQ(Sgp4::create(e).error(), Sgp4Error::kMeanElements);
}

// ---- gravity models (values from Vallado's C++ code, as python-sgp4's tests quote them) ----

TEST(Sgp4Gravity, DefaultsToWgs72) {
  const Sgp4Options options;
  EXPECT_EQ(options.gravity, GravityModel::kWgs72);
  EXPECT_EQ(options.mode, OperationMode::kImproved);
}

TEST(Sgp4Gravity, HasThePublishedConstants) {
  const GravityConstants wgs72 = gravity_constants(GravityModel::kWgs72);
  EXPECT_EQ(wgs72.radius_km, 6378.135);
  EXPECT_EQ(wgs72.mu, 398600.8);
  EXPECT_NEAR(wgs72.xke, 0.07436691613317342, 1e-15);
  EXPECT_EQ(gravity_constants(GravityModel::kWgs72Old).xke, 0.0743669161);
  const GravityConstants wgs84 = gravity_constants(GravityModel::kWgs84);
  EXPECT_EQ(wgs84.radius_km, 6378.137);
  EXPECT_EQ(wgs84.j2, 0.00108262998905);
  EXPECT_DOUBLE_EQ(wgs84.tumin, 1.0 / wgs84.xke);
  EXPECT_DOUBLE_EQ(wgs84.j3oj2, wgs84.j3 / wgs84.j2);
}

constexpr double kVanguardMinutes = 309.67110720001529;

TEST(Sgp4Gravity, Wgs72OldGivesTheReferencePosition) {
  const auto state = sgp4_of(kVanguardLine1, kVanguardLine2, {GravityModel::kWgs72Old})
                         .propagate(kVanguardMinutes);
  ASSERT_TRUE(state);
  EXPECT_NEAR(state->position_km[0], -3754.251473242793, 1e-8);
  EXPECT_NEAR(state->position_km[1], 7876.346815095482, 1e-8);
  EXPECT_NEAR(state->position_km[2], 4719.220855042922, 1e-8);
}

TEST(Sgp4Gravity, Wgs72GivesTheReferencePosition) {
  const auto state =
      sgp4_of(kVanguardLine1, kVanguardLine2, {GravityModel::kWgs72}).propagate(kVanguardMinutes);
  ASSERT_TRUE(state);
  EXPECT_NEAR(state->position_km[0], -3754.2514743216166, 1e-8);
  EXPECT_NEAR(state->position_km[1], 7876.346817439062, 1e-8);
  EXPECT_NEAR(state->position_km[2], 4719.220856478582, 1e-8);
}

TEST(Sgp4Gravity, Wgs84GivesTheReferencePosition) {
  const auto state =
      sgp4_of(kVanguardLine1, kVanguardLine2, {GravityModel::kWgs84}).propagate(kVanguardMinutes);
  ASSERT_TRUE(state);
  EXPECT_NEAR(state->position_km[0], -3754.2437675772426, 1e-8);
  EXPECT_NEAR(state->position_km[1], 7876.3549956188945, 1e-8);
  EXPECT_NEAR(state->position_km[2], 4719.227897029576, 1e-8);
}

// ---- operation modes (values from python-sgp4's port of Vallado's code, opsmode 'a') ----

TEST(Sgp4Mode, AfspcModeUsesItsOwnSiderealTimeAtEpoch) {
  const Sgp4 afspc = sgp4_of(kIntelsatLine1, kIntelsatLine2, {.mode = OperationMode::kAfspc});
  const Sgp4 improved = sgp4_of(kIntelsatLine1, kIntelsatLine2);
  EXPECT_NE(afspc.terms().gsto, improved.terms().gsto);
  EXPECT_NEAR(afspc.terms().gsto, improved.terms().gsto, 1e-6);
}

TEST(Sgp4Mode, AfspcModeGivesTheReferenceStateForALowInclinationGeo) {
  const Sgp4 afspc = sgp4_of(kIntelsatLine1, kIntelsatLine2, {.mode = OperationMode::kAfspc});
  const auto at_9300 = afspc.propagate(9300.0);
  ASSERT_TRUE(at_9300);
  expect_state_near(*at_9300, {40968.681332979, -9905.991560861, 11.849468371},
                    {0.722756848124, 2.989645389045, -0.000161261069}, 2e-8, 2e-11);
  const auto at_9400 = afspc.propagate(9400.0);
  ASSERT_TRUE(at_9400);
  expect_state_near(*at_9400, {41304.751561324, 8398.277429439, 9.740062137},
                    {-0.612515134677, 3.014117469306, -0.000511574908}, 2e-8, 2e-11);
}

// ---- propagation ----

TEST(Sgp4Propagate, GivesTheEpochStateOfVanguardInTeme) {
  // tcppver.out's first row.
  const auto state = sgp4_of(kVanguardLine1, kVanguardLine2).propagate(0.0);
  ASSERT_TRUE(state);
  expect_state_near(*state, {7022.46529266, -1400.08296755, 0.03995155},
                    {1.893841015, 6.405893759, 4.534807250}, 1e-8, 1e-9);
}

TEST(Sgp4Propagate, PropagatesBackwardsFromEpoch) {
  const auto state = sgp4_of(kVanguardLine1, kVanguardLine2).propagate(-1440.0);
  ASSERT_TRUE(state);
  const double r = norm(state->position_km);
  EXPECT_GT(r, 6378.135 + 600.0);  // perigee about 650 km, apogee about 3800 km
  EXPECT_LT(r, 6378.135 + 3900.0);
}

TEST(Sgp4Propagate, GivesTheSameStateWhateverWasPropagatedBefore) {
  // The reference caches the resonance integrator between calls; here each call starts
  // afresh, and the numbers must not depend on the order of calls.
  const Sgp4 molniya = sgp4_of(kMolniyaLine1, kMolniyaLine2);
  const auto fresh = molniya.propagate(1440.0);
  ASSERT_TRUE(fresh);
  ASSERT_TRUE(molniya.propagate(2880.0));
  ASSERT_TRUE(molniya.propagate(-720.0));
  const auto again = molniya.propagate(1440.0);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->position_km, fresh->position_km);
  EXPECT_EQ(again->velocity_km_s, fresh->velocity_km_s);
}

TEST(Sgp4Propagate, IsSafeToCallFromManyThreadsAtOnce) {
  const Sgp4 italsat = sgp4_of(kItalsatLine1, kItalsatLine2);
  std::vector<StateVector> expected;
  for (int i = 0; i < 200; ++i) expected.push_back(*italsat.propagate(i * 37.0));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 199; i >= 0; --i) {
        const auto state = italsat.propagate(i * 37.0);
        if (!state || state->position_km != expected[i].position_km) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(Sgp4Propagate, KeepsANearGeostationaryOrbitBetweenItsPerigeeAndApogee) {
  const Tle tle = tle_of(kItalsatLine1, kItalsatLine2);
  const double n = tle.mean_motion * 2.0 * std::numbers::pi / 86400.0;  // rad/s
  const double a = std::cbrt(398600.8 / (n * n));                       // about 42023 km
  const double margin = 60.0;  // short-period and lunar-solar terms
  const Sgp4 italsat = sgp4_of(kItalsatLine1, kItalsatLine2);
  for (double t = 0.0; t <= 1440.0; t += 120.0) {
    const auto state = italsat.propagate(t);
    ASSERT_TRUE(state);
    EXPECT_GT(norm(state->position_km), a * (1.0 - tle.eccentricity) - margin) << t;
    EXPECT_LT(norm(state->position_km), a * (1.0 + tle.eccentricity) + margin) << t;
    EXPECT_NEAR(norm(state->velocity_km_s), 3.07, 0.02) << t;
  }
}

TEST(Sgp4Propagate, ReportsCode6WhenTheOrbitHasDecayed) {
  // MINOTAUR R/B from Vallado's set: perigee below the surface, "lost in 50 minutes".
  const Sgp4 minotaur =
      sgp4_of("1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534",
              "2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708");
  EXPECT_TRUE(minotaur.propagate(50.0));
  auto lost = minotaur.propagate(55.0);
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error(), Sgp4Error::kDecayed);
}

TEST(Sgp4Propagate, ReportsCode1WhenDragDrivesTheEccentricityNegative) {
  // COSMOS 2405 from Vallado's set (perigee 127 km).
  const Sgp4 cosmos =
      sgp4_of("1 28350U 04020A   06167.21788666  .16154492  76267-5  18678-3 0  8894",
              "2 28350  64.9977 345.6130 0024870 260.7578  99.9590 16.47856722116490");
  EXPECT_TRUE(cosmos.propagate(1440.0));
  EXPECT_EQ(cosmos.propagate(1560.0).error(), Sgp4Error::kMeanElements);
}

TEST(Sgp4Propagate, ReportsCode3WhenLunarSolarTermsPushTheEccentricityOutOfRange) {
  // Vallado's case 33334: a mean motion of 0.00001 rev/day puts the orbit out where the
  // lunar-solar periodics are larger than the orbit itself.
  TleParseOptions lenient;
  lenient.checksums = ChecksumPolicy::kIgnore;
  auto tle =
      parse_tle("1 33334U 78066F   06174.85818871  .00000620  00000-0  10000-3 0  6809",
                "2 33334  68.4714 236.1303 5602877 123.7484 302.5767  0.00001000 67521", lenient);
  ASSERT_TRUE(tle) << tle.error().to_string();
  auto sgp4 = Sgp4::create(*tle);
  ASSERT_TRUE(sgp4);
  EXPECT_EQ(sgp4->propagate(0.0).error(), Sgp4Error::kPerturbedEccentricity);
}

TEST(Sgp4Propagate, ReportsCode4WhenTheSemiLatusRectumTurnsNegative) {
  TleParseOptions lenient;
  lenient.checksums = ChecksumPolicy::kIgnore;
  auto tle =
      parse_tle("1 33333U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534",
                "2 33333  96.4736 157.9986 9950000 244.0492 110.6523  4.00004038 10708", lenient);
  ASSERT_TRUE(tle) << tle.error().to_string();
  auto sgp4 = Sgp4::create(*tle);
  ASSERT_TRUE(sgp4);
  EXPECT_TRUE(sgp4->propagate(20.0));
  EXPECT_EQ(sgp4->propagate(25.0).error(), Sgp4Error::kSemiLatusRectum);
}

TEST(Sgp4Propagate, IntegratesTheResonanceBackwardsAsWellAsForwards) {
  // Code 2 (mean motion <= 0 while propagating) needs elements no real set has; the
  // creation tests above cover it at epoch. Here: years either side of epoch stay bound.
  const Sgp4 italsat = sgp4_of(kItalsatLine1, kItalsatLine2);
  for (double t : {-1e6, -1e5, 1e5, 1e6}) {
    const auto state = italsat.propagate(t);
    ASSERT_TRUE(state) << t;
    EXPECT_NEAR(norm(state->position_km), 42023.0, 500.0) << t;
  }
}

TEST(Sgp4Propagate, MovesAtOrbitalSpeedForALowOrbit) {
  const auto state = sgp4_of(testing::kIssLine1, testing::kIssLine2).propagate(90.0);
  ASSERT_TRUE(state);
  EXPECT_NEAR(norm(state->position_km), 6378.0 + 350.0, 30.0);
  EXPECT_NEAR(norm(state->velocity_km_s), 7.7, 0.1);
}

}  // namespace
}  // namespace jingkai::orbit
