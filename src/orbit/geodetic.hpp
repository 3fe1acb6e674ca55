// Geodetic: WGS-84 latitude, longitude and height of an Earth-fixed (ITRF) position, and back.
#pragma once

#include "orbit/vector3.hpp"

namespace jingkai::orbit {

// WGS-84 ellipsoid (NIMA TR8350.2).
inline constexpr double kWgs84EquatorialRadiusKm = 6378.137;
inline constexpr double kWgs84Flattening = 1.0 / 298.257223563;

struct Geodetic {
  double latitude_deg = 0.0;   // geodetic: the ellipsoid normal's angle to the equator, ±90
  double longitude_deg = 0.0;  // east of Greenwich; (−180, 180] when computed
  double height_km = 0.0;      // along the normal, above the ellipsoid
};

// Bowring's iteration on the reduced latitude, run until it stops moving: well below 1 µm
// from the Earth's surface out past geostationary radius. At the poles (no distance from the
// axis) the longitude is 0.
Geodetic geodetic_from_itrf(const Vector3& itrf_km);

Vector3 itrf_from_geodetic(const Geodetic& geodetic);

}  // namespace jingkai::orbit
