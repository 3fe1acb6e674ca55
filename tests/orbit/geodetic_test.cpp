// WGS-84 geodetic coordinates from ITRF positions and back.
#include "orbit/geodetic.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace jingkai::orbit {
namespace {

constexpr double kPolarRadiusKm = kWgs84EquatorialRadiusKm * (1.0 - kWgs84Flattening);

TEST(Geodetic, GreenwichOnTheEquatorIsOneEquatorialRadiusAlongX) {
  const Vector3 r = itrf_from_geodetic({0.0, 0.0, 0.0});
  EXPECT_DOUBLE_EQ(r[0], kWgs84EquatorialRadiusKm);
  EXPECT_EQ(r[1], 0.0);
  EXPECT_EQ(r[2], 0.0);
}

TEST(Geodetic, ThePolesAreOnePolarRadiusAlongZ) {
  EXPECT_NEAR(itrf_from_geodetic({90.0, 0.0, 0.0})[2], kPolarRadiusKm, 1e-9);
  const Geodetic north = geodetic_from_itrf({0.0, 0.0, kPolarRadiusKm + 1.0});
  EXPECT_EQ(north.latitude_deg, 90.0);
  EXPECT_NEAR(north.height_km, 1.0, 1e-12);
  const Geodetic south = geodetic_from_itrf({0.0, 0.0, -kPolarRadiusKm - 2.0});
  EXPECT_EQ(south.latitude_deg, -90.0);
  EXPECT_NEAR(south.height_km, 2.0, 1e-12);
}

TEST(Geodetic, MatchesValladoExample3_3) {
  // Vallado, "Fundamentals of Astrodynamics and Applications", example 3-3: φgd = 34.352496°,
  // λ = 46.4464°, h = 5085.22 km (as printed).
  const Geodetic g = geodetic_from_itrf({6524.834, 6862.875, 6448.296});
  EXPECT_NEAR(g.latitude_deg, 34.352496, 1e-6);
  EXPECT_NEAR(g.longitude_deg, 46.4464, 1e-4);
  EXPECT_NEAR(g.height_km, 5085.22, 0.005);
}

TEST(Geodetic, RoundTripsFromTheGroundToBeyondGeostationary) {
  // Below 1 µm anywhere: the goal is 1 mm.
  for (double height : {-0.5, 0.0, 0.05, 1.2, 400.0, 1500.0, 20200.0, 35786.0, 100000.0}) {
    for (double latitude = -90.0; latitude <= 90.0; latitude += 7.5) {
      for (double longitude = -180.0; longitude < 180.0; longitude += 37.0) {
        const Geodetic in{latitude, longitude, height};
        const Vector3 r = itrf_from_geodetic(in);
        const Geodetic out = geodetic_from_itrf(r);
        ASSERT_LT(norm(itrf_from_geodetic(out) - r), 1e-9) << latitude << " " << height;
        ASSERT_NEAR(out.latitude_deg, latitude, 1e-11) << latitude << " " << height;
        ASSERT_NEAR(out.height_km, height, 1e-9) << latitude << " " << height;
        if (std::abs(latitude) < 90.0) {
          ASSERT_NEAR(out.longitude_deg, longitude, 1e-11) << latitude << " " << height;
        }
      }
    }
  }
}

TEST(Geodetic, NearThePolesTheHeightStaysExact) {
  const Geodetic in{89.9999999, 12.0, 0.3};
  const Geodetic out = geodetic_from_itrf(itrf_from_geodetic(in));
  EXPECT_NEAR(out.latitude_deg, in.latitude_deg, 1e-12);
  EXPECT_NEAR(out.height_km, in.height_km, 1e-9);
}

TEST(Geodetic, GeodeticLatitudeExceedsGeocentricAwayFromThePolesAndEquator) {
  const Vector3 r = itrf_from_geodetic({45.0, 0.0, 0.0});
  const double geocentric = std::atan2(r[2], r[0]) * 180.0 / std::numbers::pi;
  // The difference peaks near 45° at ~0.19° (11.5').
  EXPECT_NEAR(45.0 - geocentric, 0.1924, 1e-3);
}

TEST(Geodetic, LongitudeComesBackInTheHalfOpenRangeToPlus180) {
  EXPECT_DOUBLE_EQ(geodetic_from_itrf({-7000.0, 0.0, 0.0}).longitude_deg, 180.0);
  EXPECT_NEAR(geodetic_from_itrf(itrf_from_geodetic({10.0, 270.0, 0.0})).longitude_deg, -90.0,
              1e-12);
}

TEST(Geodetic, TheEarthsCentreIsOnePolarRadiusBelowThePole) {
  const Geodetic g = geodetic_from_itrf({0.0, 0.0, 0.0});
  EXPECT_NEAR(g.height_km, -kPolarRadiusKm, 1e-12);
}

}  // namespace
}  // namespace jingkai::orbit
