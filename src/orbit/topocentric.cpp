#include "orbit/topocentric.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

namespace jingkai::orbit {
namespace {

constexpr double kRadiansToDegrees = 180.0 / std::numbers::pi;
constexpr double kDegreesToRadians = std::numbers::pi / 180.0;
constexpr double kLowestStationKm = -12.0;   // below the deepest ocean floor
constexpr double kHighestStationKm = 100.0;  // the Kármán line

}  // namespace

std::expected<Station, RangeError> Station::create(const Geodetic& location) {
  if (!std::isfinite(location.latitude_deg) || std::abs(location.latitude_deg) > 90.0) {
    return std::unexpected(RangeError{
        "station_latitude", "latitude_deg",
        fmt::format("station latitude {}° is outside -90°..90°", location.latitude_deg)});
  }
  if (!std::isfinite(location.longitude_deg) || std::abs(location.longitude_deg) > 360.0) {
    return std::unexpected(RangeError{
        "station_longitude", "longitude_deg",
        fmt::format("station longitude {}° is outside -360°..360°", location.longitude_deg)});
  }
  if (!std::isfinite(location.height_km) || location.height_km < kLowestStationKm ||
      location.height_km > kHighestStationKm) {
    return std::unexpected(RangeError{
        "station_height", "height_km",
        fmt::format("station height {} km is outside {} km..{} km (a ground station is near "
                    "the ellipsoid; is it in metres?)",
                    location.height_km, kLowestStationKm, kHighestStationKm)});
  }
  Station station;
  station.location_ = location;
  station.position_ = itrf_from_geodetic(location);
  const double latitude = location.latitude_deg * kDegreesToRadians;
  const double longitude = location.longitude_deg * kDegreesToRadians;
  const double sin_lat = std::sin(latitude);
  const double cos_lat = std::cos(latitude);
  const double sin_lon = std::sin(longitude);
  const double cos_lon = std::cos(longitude);
  station.east_ = {-sin_lon, cos_lon, 0.0};
  station.north_ = {-sin_lat * cos_lon, -sin_lat * sin_lon, cos_lat};
  station.up_ = {cos_lat * cos_lon, cos_lat * sin_lon, sin_lat};
  return station;
}

Vector3 Station::east_north_up(const Vector3& itrf_km) const {
  const Vector3 d = itrf_km - position_;
  return {dot(d, east_), dot(d, north_), dot(d, up_)};
}

double Station::elevation_deg(const Vector3& itrf_km) const {
  const Vector3 enu = east_north_up(itrf_km);
  return std::atan2(enu[2], std::hypot(enu[0], enu[1])) * kRadiansToDegrees;
}

LookAngles Station::look_angles(const StateVector& satellite_itrf) const {
  const Vector3 d = satellite_itrf.position_km - position_;
  const double east = dot(d, east_);
  const double north = dot(d, north_);
  const double up = dot(d, up_);
  const double range = norm(d);
  LookAngles look;
  double azimuth = std::atan2(east, north) * kRadiansToDegrees;
  if (azimuth < 0.0) azimuth += 360.0;
  // -0.0 + 360 would give 360, outside [0, 360).
  look.azimuth_deg = azimuth >= 360.0 ? 0.0 : azimuth;
  // atan2 keeps full precision near the zenith, where asin(up / range) loses it.
  look.elevation_deg = std::atan2(up, std::hypot(east, north)) * kRadiansToDegrees;
  look.range_km = range;
  // The station is fixed in ITRF, so the satellite's ITRF velocity is the relative one.
  look.range_rate_km_s = range > 0.0 ? dot(d, satellite_itrf.velocity_km_s) / range : 0.0;
  return look;
}

double doppler_received_hz(double carrier_hz, double range_rate_km_s) {
  return carrier_hz * (1.0 - range_rate_km_s / kSpeedOfLightKmS);
}

double doppler_shift_hz(double carrier_hz, double range_rate_km_s) {
  return -carrier_hz * range_rate_km_s / kSpeedOfLightKmS;
}

}  // namespace jingkai::orbit
