// Look angles from a ground station, range-rate and Doppler.
#include "orbit/topocentric.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace jingkai::orbit {
namespace {

Station station_at(double latitude, double longitude, double height_km) {
  auto station = Station::create({latitude, longitude, height_km});
  EXPECT_TRUE(station) << station.error().message;
  return *station;
}

// A point `east`, `north` and `up` km from the station in its horizon frame, at rest.
StateVector offset_from(const Station& station, double east, double north, double up) {
  const Geodetic& at = station.location();
  const double lat = at.latitude_deg * std::numbers::pi / 180.0;
  const double lon = at.longitude_deg * std::numbers::pi / 180.0;
  const Vector3 e{-std::sin(lon), std::cos(lon), 0.0};
  const Vector3 n{-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon), std::cos(lat)};
  const Vector3 u{std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
  return StateVector{station.position_itrf_km() + east * e + north * n + up * u, {}};
}

// ---- stations ----

TEST(Station, RefusesALatitudeOf91Degrees) {
  auto station = Station::create({91.0, 0.0, 0.0});
  ASSERT_FALSE(station);
  EXPECT_EQ(station.error().code, "station_latitude");
  EXPECT_EQ(station.error().field, "latitude_deg");
  EXPECT_FALSE(Station::create({-90.0001, 0.0, 0.0}));
  EXPECT_FALSE(Station::create({std::nan(""), 0.0, 0.0}));
}

TEST(Station, RefusesALongitudeBeyondAWholeTurn) {
  auto station = Station::create({0.0, 361.0, 0.0});
  ASSERT_FALSE(station);
  EXPECT_EQ(station.error().code, "station_longitude");
  EXPECT_FALSE(Station::create({0.0, INFINITY, 0.0}));
}

TEST(Station, RefusesAHeightGivenInMetres) {
  auto station = Station::create({40.0, 116.0, 1415.0});
  ASSERT_FALSE(station);
  EXPECT_EQ(station.error().code, "station_height");
  EXPECT_NE(station.error().message.find("metres"), std::string::npos);
  EXPECT_FALSE(Station::create({40.0, 116.0, -13.0}));
}

TEST(Station, AcceptsThePolesAndEasternLongitudesPast180) {
  EXPECT_TRUE(Station::create({90.0, 0.0, 0.0}));
  EXPECT_TRUE(Station::create({-90.0, 0.0, 2.8}));
  EXPECT_TRUE(Station::create({-33.15, 289.33, 0.723}));
}

// ---- look angles ----

TEST(LookAngles, AzimuthRunsClockwiseFromNorth) {
  const Station s = station_at(40.0663, 116.2274, 0.055);
  EXPECT_NEAR(s.look_angles(offset_from(s, 0.0, 1000.0, 0.0)).azimuth_deg, 0.0, 1e-9);
  EXPECT_NEAR(s.look_angles(offset_from(s, 1000.0, 0.0, 0.0)).azimuth_deg, 90.0, 1e-9);
  EXPECT_NEAR(s.look_angles(offset_from(s, 0.0, -1000.0, 0.0)).azimuth_deg, 180.0, 1e-9);
  EXPECT_NEAR(s.look_angles(offset_from(s, -1000.0, 0.0, 0.0)).azimuth_deg, 270.0, 1e-9);
  EXPECT_NEAR(s.look_angles(offset_from(s, 1000.0, 1000.0, 0.0)).azimuth_deg, 45.0, 1e-9);
}

TEST(LookAngles, AzimuthStaysBelow360) {
  const Station s = station_at(0.0, 0.0, 0.0);
  const double azimuth = s.look_angles(offset_from(s, -1e-13, 1000.0, 0.0)).azimuth_deg;
  EXPECT_GE(azimuth, 0.0);
  EXPECT_LT(azimuth, 360.0);
}

TEST(LookAngles, ElevationIsMeasuredFromTheEllipsoidNormal) {
  const Station s = station_at(67.8571, 20.9643, 0.402);
  EXPECT_NEAR(s.look_angles(offset_from(s, 0.0, 0.0, 500.0)).elevation_deg, 90.0, 1e-9);
  EXPECT_NEAR(s.look_angles(offset_from(s, 0.0, 1000.0, 1000.0)).elevation_deg, 45.0, 1e-9);
  EXPECT_NEAR(s.look_angles(offset_from(s, 300.0, 0.0, -300.0)).elevation_deg, -45.0, 1e-9);
  EXPECT_NEAR(s.look_angles(offset_from(s, 0.0, 1000.0, 0.0)).elevation_deg, 0.0, 1e-9);
}

TEST(LookAngles, RangeIsTheDistanceFromTheStation) {
  const Station s = station_at(-25.887, 27.7073, 1.415);
  EXPECT_NEAR(s.look_angles(offset_from(s, 300.0, 400.0, 1200.0)).range_km, 1300.0, 1e-9);
}

TEST(LookAngles, RangeRateIsPositiveWhileReceding) {
  const Station s = station_at(0.0, 0.0, 0.0);
  StateVector sat = offset_from(s, 0.0, 0.0, 1000.0);
  sat.velocity_km_s = {1.0, 0.0, 0.0};  // straight up at Greenwich on the equator is +x
  EXPECT_NEAR(s.look_angles(sat).range_rate_km_s, 1.0, 1e-12);
  sat.velocity_km_s = {-2.0, 0.0, 0.0};
  EXPECT_NEAR(s.look_angles(sat).range_rate_km_s, -2.0, 1e-12);
  sat.velocity_km_s = {0.0, 7.5, 0.0};  // across the line of sight
  EXPECT_NEAR(s.look_angles(sat).range_rate_km_s, 0.0, 1e-12);
}

TEST(LookAngles, ElevationHelperAgrees) {
  const Station s = station_at(40.0, -105.0, 1.6);
  const StateVector p = offset_from(s, 100.0, -200.0, 300.0);
  EXPECT_DOUBLE_EQ(s.elevation_deg(p.position_km), s.look_angles(p).elevation_deg);
  const Vector3 enu = s.east_north_up(p.position_km);
  EXPECT_NEAR(enu[0], 100.0, 1e-9);
  EXPECT_NEAR(enu[1], -200.0, 1e-9);
  EXPECT_NEAR(enu[2], 300.0, 1e-9);
}

// ---- Doppler ----

TEST(Doppler, AnApproachingSatelliteIsHeardHigher) {
  // 437 MHz from a LEO satellite closing at 7 km/s: +10.2 kHz.
  EXPECT_NEAR(doppler_shift_hz(437e6, -7.0), 437e6 * 7.0 / 299792.458, 1e-6);
  EXPECT_NEAR(doppler_shift_hz(437e6, -7.0), 10203.8, 0.1);
  EXPECT_NEAR(doppler_received_hz(437e6, -7.0), 437e6 + 10203.8, 0.1);
}

TEST(Doppler, ARecedingSatelliteIsHeardLower) {
  EXPECT_LT(doppler_received_hz(2.2e9, 3.0), 2.2e9);
  EXPECT_NEAR(doppler_received_hz(2.2e9, 3.0) - 2.2e9, doppler_shift_hz(2.2e9, 3.0), 1e-6);
}

TEST(Doppler, NoRangeRateNoShift) {
  EXPECT_EQ(doppler_shift_hz(8.4e9, 0.0), 0.0);
  EXPECT_EQ(doppler_received_hz(8.4e9, 0.0), 8.4e9);
}

}  // namespace
}  // namespace jingkai::orbit
