#include "orbit/geodetic.hpp"

#include <cmath>
#include <numbers>

namespace jingkai::orbit {
namespace {

constexpr double kRadiansToDegrees = 180.0 / std::numbers::pi;
constexpr double kDegreesToRadians = std::numbers::pi / 180.0;
constexpr double kA = kWgs84EquatorialRadiusKm;
constexpr double kB = kA * (1.0 - kWgs84Flattening);                 // polar radius
constexpr double kE2 = kWgs84Flattening * (2.0 - kWgs84Flattening);  // e²
constexpr double kEp2 = kE2 / ((1.0 - kWgs84Flattening) * (1.0 - kWgs84Flattening));  // e′²
// Bowring's iteration gains ~3 digits a step from its starting guess; this stops it once the
// reduced latitude has settled to the last bits (a few steps at most).
constexpr int kMaxIterations = 10;
constexpr double kConverged = 1e-15;

}  // namespace

Geodetic geodetic_from_itrf(const Vector3& itrf_km) {
  const auto [x, y, z] = itrf_km;
  const double p = std::hypot(x, y);
  if (p == 0.0) {
    return Geodetic{.latitude_deg = z >= 0.0 ? 90.0 : -90.0,
                    .longitude_deg = 0.0,
                    .height_km = std::abs(z) - kB};
  }
  // Iterate on the reduced (parametric) latitude β, tan β = (1 − f) tan φ.
  double beta = std::atan2(z, (1.0 - kWgs84Flattening) * p);
  double latitude = 0.0;
  for (int i = 0; i < kMaxIterations; ++i) {
    const double sin_beta = std::sin(beta);
    const double cos_beta = std::cos(beta);
    latitude = std::atan2(z + kEp2 * kB * sin_beta * sin_beta * sin_beta,
                          p - kE2 * kA * cos_beta * cos_beta * cos_beta);
    const double next =
        std::atan2((1.0 - kWgs84Flattening) * std::sin(latitude), std::cos(latitude));
    const bool settled = std::abs(next - beta) < kConverged;
    beta = next;
    if (settled) break;
  }
  const double sin_lat = std::sin(latitude);
  const double cos_lat = std::cos(latitude);
  // Well conditioned at every latitude (unlike p / cos φ − N near the poles).
  const double height = p * cos_lat + z * sin_lat - kA * std::sqrt(1.0 - kE2 * sin_lat * sin_lat);
  return Geodetic{.latitude_deg = latitude * kRadiansToDegrees,
                  .longitude_deg = std::atan2(y, x) * kRadiansToDegrees,
                  .height_km = height};
}

Vector3 itrf_from_geodetic(const Geodetic& geodetic) {
  const double latitude = geodetic.latitude_deg * kDegreesToRadians;
  const double longitude = geodetic.longitude_deg * kDegreesToRadians;
  const double sin_lat = std::sin(latitude);
  const double cos_lat = std::cos(latitude);
  const double n = kA / std::sqrt(1.0 - kE2 * sin_lat * sin_lat);  // prime vertical radius
  const double r = (n + geodetic.height_km) * cos_lat;
  return {r * std::cos(longitude), r * std::sin(longitude),
          (n * (1.0 - kE2) + geodetic.height_km) * sin_lat};
}

}  // namespace jingkai::orbit
