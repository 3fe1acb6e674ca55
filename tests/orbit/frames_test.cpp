// TEME → PEF → ITRF: sidereal time, Earth rotation in the velocity, polar motion, and ΔUT1.
#include "orbit/frames.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "orbit/iso8601.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kDegrees = 180.0 / std::numbers::pi;
constexpr double kArcsecond = std::numbers::pi / (180.0 * 3600.0);

JulianDate utc(std::string_view text) {
  auto date = parse_iso8601_utc(text);
  EXPECT_TRUE(date) << text;
  return date.value_or(JulianDate{});
}

void expect_near(const Vector3& actual, const Vector3& expected, double tolerance) {
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(actual[i], expected[i], tolerance) << "[" << i << "]";
}

// Vallado, Crawford, Hujsak & Kelso (AIAA 2006-6753), the TEME example: 2004-04-06
// 07:51:28.386009 UTC, ΔUT1 = −0.4399619 s, xp = −0.140682", yp = 0.333309",
// LOD = 1.5563 ms.
const StateVector kValladoTeme{{5094.18016210, 6127.64465950, 6380.34453270},
                               {-4.746131487, 0.785818041, 5.531931288}};
const StateVector kValladoItrf{{-1033.4793830, 7901.2952754, 6380.3565958},
                               {-3.225636520, -2.872451450, 5.531924446}};
const EarthOrientationParameters kValladoEop{.ut1_minus_utc_s = -0.4399619,
                                             .polar_motion_x_arcsec = -0.140682,
                                             .polar_motion_y_arcsec = 0.333309,
                                             .length_of_day_excess_s = 0.0015563};

// ---- sidereal time ----

TEST(Gmst1982, IsTheAngleOfTheMeanEquinoxAtJ2000) {
  // 67310.54841 s of sidereal time at 2000-01-01 12h UT1: 280.46061837°.
  EXPECT_NEAR(gmst_1982(JulianDate{2451544.5, 0.5}) * kDegrees, 280.46061837, 1e-8);
}

TEST(Gmst1982, MatchesValladoExample3_5) {
  // 1992-08-20 12:14 UT1: 152.578787810° as printed.
  EXPECT_NEAR(gmst_1982(utc("1992-08-20T12:14:00Z")) * kDegrees, 152.578787810, 1e-6);
}

TEST(Gmst1982, AdvancesOneTurnPerSiderealDay) {
  const JulianDate t0 = utc("2026-11-27T00:00:00Z");
  const double one_day = gmst_1982(JulianDate{t0.day + 1.0, 0.0}) - gmst_1982(t0);
  // 360.9856473...° per day of UT1: 0.98564736° beyond a whole turn.
  EXPECT_NEAR(std::remainder(one_day, 2.0 * std::numbers::pi) * kDegrees, 0.98564736, 1e-7);
}

TEST(Gmst1982, StaysInOneTurn) {
  for (int hour = 0; hour < 48; ++hour) {
    const double theta = gmst_1982(JulianDate{2461371.5, hour / 48.0});
    ASSERT_GE(theta, 0.0);
    ASSERT_LT(theta, 2.0 * std::numbers::pi);
  }
}

TEST(Gmst1982, ResolvesAMicrosecondOfUt1) {
  // 1e-13 rad is 1.4 ns of rotation, 4 µm at geostationary radius.
  const JulianDate t = utc("2026-11-27T12:00:00Z");
  const double delta = gmst_1982(JulianDate{t.day, t.fraction + 1e-6 / 86400.0}) - gmst_1982(t);
  EXPECT_NEAR(delta, 7.2921158e-5 * 1e-6, 1e-13);
}

// ---- the whole chain ----

TEST(TemeToItrf, MatchesValladosExampleToACentimetre) {
  // The published ITRF state came through the full FK5 reduction, the TEME one from it; the
  // GMST route agrees to ~1 cm and 3e-9 km/s.
  const StateVector itrf =
      teme_to_itrf(kValladoTeme, utc("2004-04-06T07:51:28.386009Z"), kValladoEop);
  expect_near(itrf.position_km, kValladoItrf.position_km, 1e-5);
  expect_near(itrf.velocity_km_s, kValladoItrf.velocity_km_s, 1e-8);
}

TEST(TemeToItrf, RoundTripsThroughItrfAndBack) {
  const JulianDate when = utc("2004-04-06T07:51:28.386009Z");
  const StateVector back =
      itrf_to_teme(teme_to_itrf(kValladoTeme, when, kValladoEop), when, kValladoEop);
  expect_near(back.position_km, kValladoTeme.position_km, 1e-9);
  expect_near(back.velocity_km_s, kValladoTeme.velocity_km_s, 1e-12);
}

TEST(TemeToItrf, APointFixedOnTheEarthMovesWithItsRotationInTeme) {
  const JulianDate when = utc("2026-11-27T12:00:00Z");
  const StateVector ground{{6378.137, 0.0, 0.0}, {0.0, 0.0, 0.0}};
  const StateVector teme = itrf_to_teme(ground, when);
  EXPECT_NEAR(norm(teme.velocity_km_s), kEarthRotationRate * 6378.137, 1e-12);
  EXPECT_NEAR(dot(teme.velocity_km_s, teme.position_km), 0.0, 1e-9);
  // Eastward: the angular momentum points north.
  EXPECT_GT(cross(teme.position_km, teme.velocity_km_s)[2], 0.0);
}

TEST(TemeToItrf, WithoutEopTheEarthTurnsByGmstOfUtc) {
  const JulianDate when = utc("2026-11-27T12:00:00Z");
  const StateVector teme{{7000.0, 0.0, 0.0}, {0.0, 7.5, 0.0}};
  const StateVector itrf = teme_to_itrf(teme, when);
  const double theta = gmst_1982(when);
  expect_near(itrf.position_km, {7000.0 * std::cos(theta), -7000.0 * std::sin(theta), 0.0}, 1e-9);
  // v_ITRF = R v_TEME − ω × r_ITRF: the satellite's speed over the ground is less than inertial.
  EXPECT_NEAR(norm(itrf.velocity_km_s), 7.5 - kEarthRotationRate * 7000.0, 1e-12);
}

TEST(TemeToItrf, PositiveDeltaUt1TurnsTheEarthFurtherEast) {
  // UT1 ahead of UTC: the Earth has turned further, so the satellite sits further west of it.
  const JulianDate when = utc("2026-11-27T12:00:00Z");
  const StateVector teme{{7000.0, 0.0, 0.0}, {0.0, 7.5, 0.0}};
  const StateVector zero = teme_to_itrf(teme, when, EarthOrientationParameters{});
  const StateVector late =
      teme_to_itrf(teme, when, EarthOrientationParameters{.ut1_minus_utc_s = 0.9});
  const double shift = std::atan2(late.position_km[1], late.position_km[0]) -
                       std::atan2(zero.position_km[1], zero.position_km[0]);
  EXPECT_NEAR(shift, -7.2921158e-5 * 0.9, 1e-10);
  // The error a missing ΔUT1 makes, as earth_orientation.hpp documents it: ~460 m at LEO.
  EXPECT_NEAR(norm(late.position_km - zero.position_km), 0.459, 0.001);
}

TEST(TemeToItrf, PolarMotionPutsTheRotationPoleAtXpMinusYp) {
  const StateVector pole{{0.0, 0.0, 6356.752}, {0.0, 0.0, 0.0}};
  const StateVector itrf = pef_to_itrf(pole, 0.3, 0.4);
  expect_near(itrf.position_km,
              {6356.752 * 0.3 * kArcsecond, -6356.752 * 0.4 * kArcsecond, 6356.752},
              1e-7);  // first order in the angles: z drops by ~2e-8 km
  // ~0.5" of polar motion is ~15 m at the pole.
  EXPECT_NEAR(norm(itrf.position_km - pole.position_km), 6356.752 * 0.5 * kArcsecond, 1e-9);
}

TEST(TemeToItrf, PolarMotionRoundTrips) {
  const StateVector state{{-1033.0, 7901.0, 6380.0}, {-3.2, -2.8, 5.5}};
  const StateVector back =
      itrf_to_pef(pef_to_itrf(state, -0.140682, 0.333309), -0.140682, 0.333309);
  expect_near(back.position_km, state.position_km, 1e-10);
  expect_near(back.velocity_km_s, state.velocity_km_s, 1e-14);
}

TEST(TemeToItrf, LengthOfDayOnlySlowsTheRotationTerm) {
  const JulianDate ut1 = utc("2026-11-27T12:00:00Z");
  const StateVector teme{{42164.0, 0.0, 0.0}, {0.0, 3.0747, 0.0}};
  const StateVector nominal = teme_to_pef(teme, ut1);
  const StateVector slow = teme_to_pef(teme, ut1, 0.002);
  expect_near(slow.position_km, nominal.position_km, 0.0);
  // 2 ms of excess day: ω × r changes by 2.3e-8 relative, 0.07 mm/s at GEO.
  EXPECT_NEAR(norm(slow.velocity_km_s - nominal.velocity_km_s),
              kEarthRotationRate * 42164.0 * 0.002 / 86400.0, 1e-12);
  EXPECT_DOUBLE_EQ(earth_rotation_rate(0.0), kEarthRotationRate);
}

TEST(TemeToItrf, EopFileValuesAreLookedUpAtTheInstant) {
  auto eop = EarthOrientation::parse_finals(
      "261127 61371.00 P  0.100000 0.005000  0.300000 0.005000  P 0.1234567 0.0100000\n");
  ASSERT_TRUE(eop);
  const JulianDate when = utc("2026-11-27T12:00:00Z");
  const StateVector teme{{7000.0, 100.0, 500.0}, {0.1, 7.5, 1.0}};
  const StateVector from_file = teme_to_itrf(teme, when, *eop);
  const StateVector direct = teme_to_itrf(teme, when, eop->at(when));
  expect_near(from_file.position_km, direct.position_km, 0.0);
  expect_near(from_file.velocity_km_s, direct.velocity_km_s, 0.0);
  expect_near(teme_to_itrf_position(teme.position_km, when, *eop), direct.position_km, 1e-9);
}

}  // namespace
}  // namespace jingkai::orbit
