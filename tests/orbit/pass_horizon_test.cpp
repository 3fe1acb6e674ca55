// Horizon: the minimum elevation and the azimuth-dependent mask of a station.
#include "orbit/pass_horizon.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace jingkai::orbit {
namespace {

Horizon masked(double min_elevation, std::vector<HorizonMaskPoint> mask) {
  auto horizon = Horizon::masked(min_elevation, std::move(mask));
  EXPECT_TRUE(horizon) << horizon.error().message;
  return *horizon;
}

TEST(Horizon, FlatIsTheSameAtEveryAzimuth) {
  auto horizon = Horizon::flat(5.0);
  ASSERT_TRUE(horizon);
  for (double azimuth : {0.0, 90.0, 359.9, -10.0, 720.0}) {
    EXPECT_EQ(horizon->min_elevation_deg(azimuth), 5.0);
  }
  EXPECT_EQ(horizon->lowest_deg(), 5.0);
  EXPECT_EQ(horizon->highest_deg(), 5.0);
}

TEST(Horizon, MaskIsInterpolatedLinearlyBetweenItsPoints) {
  const Horizon horizon = masked(0.0, {{90.0, 10.0}, {180.0, 30.0}});
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(90.0), 10.0);
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(135.0), 20.0);
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(180.0), 30.0);
}

TEST(Horizon, MaskWrapsAcrossNorth) {
  // 350° → 10° is 20° wide: at 0° halfway between 2° and 6°.
  const Horizon horizon = masked(0.0, {{10.0, 6.0}, {350.0, 2.0}, {180.0, 40.0}});
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(0.0), 4.0);
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(355.0), 3.0);
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(5.0), 5.0);
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(-5.0), 3.0);
}

TEST(Horizon, PointsMayComeInAnyOrder) {
  const Horizon a = masked(0.0, {{0.0, 1.0}, {120.0, 7.0}, {240.0, 4.0}});
  const Horizon b = masked(0.0, {{240.0, 4.0}, {0.0, 1.0}, {120.0, 7.0}});
  for (double azimuth = 0.0; azimuth < 360.0; azimuth += 7.5) {
    EXPECT_EQ(a.min_elevation_deg(azimuth), b.min_elevation_deg(azimuth)) << azimuth;
  }
}

TEST(Horizon, OnePointIsAConstant) {
  const Horizon horizon = masked(0.0, {{45.0, 8.0}});
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(45.0), 8.0);
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(300.0), 8.0);
}

TEST(Horizon, TheMinimumElevationHoldsWhereTheMaskIsLower) {
  const Horizon horizon = masked(5.0, {{0.0, 0.0}, {180.0, 20.0}});
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(0.0), 5.0);
  EXPECT_DOUBLE_EQ(horizon.min_elevation_deg(90.0), 10.0);
  EXPECT_DOUBLE_EQ(horizon.lowest_deg(), 5.0);
  EXPECT_DOUBLE_EQ(horizon.highest_deg(), 20.0);
}

TEST(Horizon, AnEmptyMaskIsFlat) {
  const Horizon horizon = masked(3.0, {});
  EXPECT_EQ(horizon.min_elevation_deg(123.0), 3.0);
}

TEST(Horizon, RefusesAMinimumElevationBeyondTheZenith) {
  auto horizon = Horizon::flat(91.0);
  ASSERT_FALSE(horizon);
  EXPECT_EQ(horizon.error().code, "horizon_min_elevation");
  EXPECT_FALSE(Horizon::flat(std::nan("")));
}

TEST(Horizon, RefusesAMaskAzimuthOutsideOneTurn) {
  auto horizon = Horizon::masked(0.0, {{360.0, 5.0}});
  ASSERT_FALSE(horizon);
  EXPECT_EQ(horizon.error().code, "horizon_mask_azimuth");
  EXPECT_FALSE(Horizon::masked(0.0, {{-1.0, 5.0}}));
}

TEST(Horizon, RefusesAMaskAzimuthGivenTwice) {
  auto horizon = Horizon::masked(0.0, {{90.0, 5.0}, {10.0, 1.0}, {90.0, 9.0}});
  ASSERT_FALSE(horizon);
  EXPECT_EQ(horizon.error().code, "horizon_mask_azimuth");
  EXPECT_NE(horizon.error().message.find("twice"), std::string::npos);
}

TEST(Horizon, RefusesAMaskElevationBeyondTheZenith) {
  auto horizon = Horizon::masked(0.0, {{90.0, 95.0}});
  ASSERT_FALSE(horizon);
  EXPECT_EQ(horizon.error().code, "horizon_mask_elevation");
}

}  // namespace
}  // namespace jingkai::orbit
