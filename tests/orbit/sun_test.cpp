// The Sun's position, satellite illumination and station darkness.
#include "orbit/sun.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "orbit/frames.hpp"
#include "orbit/iso8601.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kDegrees = 180.0 / std::numbers::pi;

JulianDate utc(std::string_view text) {
  auto date = parse_iso8601_utc(text);
  EXPECT_TRUE(date) << text;
  return date.value_or(JulianDate{});
}

double right_ascension_deg(const Vector3& r) {
  const double ra = std::atan2(r[1], r[0]) * kDegrees;
  return ra < 0.0 ? ra + 360.0 : ra;
}

double declination_deg(const Vector3& r) { return std::asin(r[2] / norm(r)) * kDegrees; }

Station station_at(double latitude, double longitude, double height_km = 0.0) {
  auto station = Station::create({latitude, longitude, height_km});
  EXPECT_TRUE(station);
  return *station;
}

// ---- position: against published instants of 2024 (to the minute) ----

TEST(SunPosition, CrossesTheEquatorNorthwardAtTheMarchEquinox) {
  // 2024-03-20 03:06 UTC.
  const Vector3 sun = sun_position_teme_km(utc("2024-03-20T03:06:00Z"));
  EXPECT_NEAR(declination_deg(sun), 0.0, 0.01);
  EXPECT_NEAR(std::remainder(right_ascension_deg(sun), 360.0), 0.0, 0.01);
  EXPECT_LT(declination_deg(sun_position_teme_km(utc("2024-03-19T03:06:00Z"))), -0.39);
}

TEST(SunPosition, StandsAtTheObliquityAtTheJuneSolstice) {
  // 2024-06-20 20:51 UTC; obliquity 23.436°.
  const Vector3 sun = sun_position_teme_km(utc("2024-06-20T20:51:00Z"));
  EXPECT_NEAR(declination_deg(sun), 23.436, 0.01);
  EXPECT_NEAR(right_ascension_deg(sun), 90.0, 0.01);
}

TEST(SunPosition, StandsAtMinusTheObliquityAtTheDecemberSolstice) {
  // 2024-12-21 09:21 UTC.
  const Vector3 sun = sun_position_teme_km(utc("2024-12-21T09:21:00Z"));
  EXPECT_NEAR(declination_deg(sun), -23.436, 0.01);
  EXPECT_NEAR(right_ascension_deg(sun), 270.0, 0.01);
}

TEST(SunPosition, DistanceIsLeastAtPerihelionAndMostAtAphelion) {
  // 2024-01-03 00:39 UTC at 0.983307 AU; 2024-07-05 05:06 UTC at 1.016729 AU.
  EXPECT_NEAR(norm(sun_position_teme_km(utc("2024-01-03T00:39:00Z"))) / kAstronomicalUnitKm,
              0.983307, 1e-4);
  EXPECT_NEAR(norm(sun_position_teme_km(utc("2024-07-05T05:06:00Z"))) / kAstronomicalUnitKm,
              1.016729, 1e-4);
}

TEST(SunPosition, ItrfIsTemeTurnedBySiderealTime) {
  const JulianDate when = utc("2026-11-27T12:00:00Z");
  const Vector3 teme = sun_position_teme_km(when);
  const Vector3 itrf = sun_position_itrf_km(when);
  EXPECT_NEAR(norm(itrf), norm(teme), 1e-6);
  EXPECT_NEAR(itrf[2], teme[2], 1e-6);
  const double turned =
      std::remainder(right_ascension_deg(teme) - right_ascension_deg(itrf), 360.0);
  EXPECT_NEAR(turned, std::remainder(gmst_1982(when) * kDegrees, 360.0), 1e-9);
}

// ---- illumination ----

TEST(Illumination, TheSunwardSideIsSunlit) {
  const Vector3 sun{kAstronomicalUnitKm, 0.0, 0.0};
  EXPECT_EQ(illumination({7000.0, 0.0, 0.0}, sun), Illumination::kSunlit);
  EXPECT_EQ(sunlit_fraction({7000.0, 0.0, 0.0}, sun), 1.0);
  EXPECT_EQ(illumination({0.0, 7000.0, 0.0}, sun), Illumination::kSunlit);  // over the terminator
}

TEST(Illumination, BehindTheEarthIsUmbra) {
  const Vector3 sun{kAstronomicalUnitKm, 0.0, 0.0};
  EXPECT_EQ(illumination({-7000.0, 0.0, 0.0}, sun), Illumination::kUmbra);
  EXPECT_EQ(sunlit_fraction({-7000.0, 0.0, 0.0}, sun), 0.0);
  EXPECT_EQ(illumination({-42164.0, 0.0, 0.0}, sun), Illumination::kUmbra);
}

TEST(Illumination, LeavingTheShadowGoesUmbraPenumbraSunlit) {
  // At 7000 km, 2900 km behind the terminator plane, step outwards across the shadow edge:
  // the penumbra is ~2900 km × 0.53° ≈ 27 km wide.
  const Vector3 sun{kAstronomicalUnitKm, 0.0, 0.0};
  double previous = 0.0;
  double first_penumbra = 0.0;
  double first_sunlit = 0.0;
  for (double y = 6200.0; y <= 6600.0; y += 0.5) {
    const double fraction = sunlit_fraction({-2900.0, y, 0.0}, sun);
    ASSERT_GE(fraction, previous) << y;
    if (fraction > 0.0 && first_penumbra == 0.0) first_penumbra = y;
    if (fraction == 1.0 && first_sunlit == 0.0) first_sunlit = y;
    previous = fraction;
  }
  EXPECT_GT(first_penumbra, 6300.0);
  EXPECT_NEAR(first_sunlit - first_penumbra, 2900.0 * 0.533 * std::numbers::pi / 180.0, 3.0);
  EXPECT_EQ(illumination({-2900.0, (first_penumbra + first_sunlit) / 2, 0.0}, sun),
            Illumination::kPenumbra);
}

TEST(Illumination, GeostationarySatellitesAreEclipsedAtEquinoxNotAtSolstice) {
  // At local midnight a GEO satellite sits opposite the Sun in longitude, on the equator.
  for (const char* when : {"2024-03-20T03:06:00Z", "2024-06-20T20:51:00Z"}) {
    const Vector3 sun = sun_position_teme_km(utc(when));
    const Vector3 anti_sun{-sun[0], -sun[1], 0.0};
    const Vector3 geo = (42164.0 / norm(anti_sun)) * anti_sun;
    const bool equinox = std::string_view(when).starts_with("2024-03");
    EXPECT_EQ(illumination(geo, sun), equinox ? Illumination::kUmbra : Illumination::kSunlit)
        << when;
  }
}

TEST(Illumination, FarBeyondTheUmbraTheEarthOnlyDimsTheSun) {
  // Past ~1.4 million km the Earth's disc fits inside the Sun's: an annular eclipse.
  const Vector3 sun{kAstronomicalUnitKm, 0.0, 0.0};
  const double fraction = sunlit_fraction({-3.0e6, 0.0, 0.0}, sun);
  EXPECT_GT(fraction, 0.0);
  EXPECT_LT(fraction, 1.0);
  EXPECT_EQ(illumination({-3.0e6, 0.0, 0.0}, sun), Illumination::kPenumbra);
}

// ---- darkness at a station ----

TEST(Twilight, ThresholdsBelongToTheDarkerSide) {
  EXPECT_EQ(twilight(10.0), Twilight::kDaylight);
  EXPECT_EQ(twilight(-0.5), Twilight::kDaylight);
  EXPECT_EQ(twilight(-0.833), Twilight::kCivil);
  EXPECT_EQ(twilight(-3.0), Twilight::kCivil);
  EXPECT_EQ(twilight(-6.0), Twilight::kNautical);
  EXPECT_EQ(twilight(-11.9), Twilight::kNautical);
  EXPECT_EQ(twilight(-12.0), Twilight::kAstronomical);
  EXPECT_EQ(twilight(-18.0), Twilight::kNight);
  EXPECT_EQ(twilight(-60.0), Twilight::kNight);
}

TEST(StationDarkness, TheSunIsHighAtLocalNoonOnTheEquatorAtEquinox) {
  // Solar noon at Greenwich on 2024-03-20 is at ~12:07 UTC (the equation of time).
  const Station greenwich_equator = station_at(0.0, 0.0);
  EXPECT_GT(sun_elevation_deg(greenwich_equator, utc("2024-03-20T12:07:00Z")), 89.5);
  EXPECT_LT(sun_elevation_deg(greenwich_equator, utc("2024-03-20T00:07:00Z")), -89.5);
  EXPECT_EQ(twilight(sun_elevation_deg(greenwich_equator, utc("2024-03-20T00:07:00Z"))),
            Twilight::kNight);
}

TEST(StationDarkness, TheSunSetsAtSixOnTheEquatorAtEquinox) {
  const Station greenwich_equator = station_at(0.0, 0.0);
  EXPECT_NEAR(sun_elevation_deg(greenwich_equator, utc("2024-03-20T18:07:00Z")), 0.0, 0.2);
  // 15° an hour: at 18:31 the Sun is ~6° down.
  EXPECT_NEAR(sun_elevation_deg(greenwich_equator, utc("2024-03-20T18:31:00Z")), -6.0, 0.2);
}

TEST(StationDarkness, AWinterNightInBeijingIsDarkEnoughForOptics) {
  const Station beijing = station_at(40.0663, 116.2274, 0.055);
  const JulianDate late_evening = utc("2024-12-21T14:00:00Z");  // 22:00 local time
  EXPECT_TRUE(is_dark(beijing, late_evening, kAstronomicalDuskDeg));
  const JulianDate noon = utc("2024-12-21T04:15:00Z");
  EXPECT_FALSE(is_dark(beijing, noon, kCivilDuskDeg));
  // Winter noon at 40° N: 90 − 40.07 − 23.44 ≈ 26.5°.
  EXPECT_NEAR(sun_elevation_deg(beijing, noon), 26.5, 0.3);
}

TEST(StationDarkness, MidsummerNightAtKirunaNeverGetsDark) {
  const Station kiruna = station_at(67.8571, 20.9643, 0.402);
  for (int hour = 0; hour < 24; ++hour) {
    const JulianDate when{utc("2024-06-21T00:00:00Z").day, hour / 24.0};
    EXPECT_FALSE(is_dark(kiruna, when, kCivilDuskDeg)) << hour;
  }
}

}  // namespace
}  // namespace jingkai::orbit
