#include "orbit/pass_horizon.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace jingkai::orbit {
namespace {

bool is_elevation(double degrees) { return std::isfinite(degrees) && std::abs(degrees) <= 90.0; }

}  // namespace

std::expected<Horizon, RangeError> Horizon::flat(double min_elevation_deg) {
  return masked(min_elevation_deg, {});
}

std::expected<Horizon, RangeError> Horizon::masked(double min_elevation_deg,
                                                   std::vector<HorizonMaskPoint> mask) {
  if (!is_elevation(min_elevation_deg)) {
    return std::unexpected(
        RangeError{"horizon_min_elevation", "min_elevation_deg",
                   fmt::format("minimum elevation {}° is outside -90°..90°", min_elevation_deg)});
  }
  for (const HorizonMaskPoint& point : mask) {
    if (!std::isfinite(point.azimuth_deg) || point.azimuth_deg < 0.0 ||
        point.azimuth_deg >= 360.0) {
      return std::unexpected(RangeError{
          "horizon_mask_azimuth", "azimuth_deg",
          fmt::format("horizon mask azimuth {}° is outside 0°..360°", point.azimuth_deg)});
    }
    if (!is_elevation(point.min_elevation_deg)) {
      return std::unexpected(
          RangeError{"horizon_mask_elevation", "min_elevation_deg",
                     fmt::format("horizon mask elevation {}° at azimuth {}° is outside -90°..90°",
                                 point.min_elevation_deg, point.azimuth_deg)});
    }
  }
  std::sort(mask.begin(), mask.end(), [](const HorizonMaskPoint& a, const HorizonMaskPoint& b) {
    return a.azimuth_deg < b.azimuth_deg;
  });
  for (std::size_t i = 1; i < mask.size(); ++i) {
    // Two elevations at one azimuth would make the mask a step whose side is a guess.
    if (mask[i].azimuth_deg == mask[i - 1].azimuth_deg) {
      return std::unexpected(
          RangeError{"horizon_mask_azimuth", "azimuth_deg",
                     fmt::format("horizon mask gives azimuth {}° twice", mask[i].azimuth_deg)});
    }
  }
  Horizon horizon;
  horizon.min_elevation_deg_ = min_elevation_deg;
  horizon.mask_ = std::move(mask);
  return horizon;
}

double Horizon::min_elevation_deg(double azimuth_deg) const {
  if (mask_.empty()) return min_elevation_deg_;
  double azimuth = std::fmod(azimuth_deg, 360.0);
  if (azimuth < 0.0) azimuth += 360.0;
  // The first point at or after `azimuth`, and the one before it, both taken round north.
  const auto after = std::lower_bound(
      mask_.begin(), mask_.end(), azimuth,
      [](const HorizonMaskPoint& point, double value) { return point.azimuth_deg < value; });
  const HorizonMaskPoint& high = after == mask_.end() ? mask_.front() : *after;
  const HorizonMaskPoint& low = after == mask_.begin() ? mask_.back() : *(after - 1);
  double span = high.azimuth_deg - low.azimuth_deg;
  double offset = azimuth - low.azimuth_deg;
  if (span <= 0.0) span += 360.0;  // across north, or a single point (span 360°)
  if (offset < 0.0) offset += 360.0;
  const double fraction = std::clamp(offset / span, 0.0, 1.0);
  const double masked =
      low.min_elevation_deg + fraction * (high.min_elevation_deg - low.min_elevation_deg);
  return std::max(min_elevation_deg_, masked);
}

double Horizon::lowest_deg() const {
  double lowest = 90.0;
  for (const HorizonMaskPoint& point : mask_) {
    lowest = std::min(lowest, point.min_elevation_deg);
  }
  // Linear pieces take their extremes at the points.
  return std::max(min_elevation_deg_, mask_.empty() ? min_elevation_deg_ : lowest);
}

double Horizon::highest_deg() const {
  double highest = min_elevation_deg_;
  for (const HorizonMaskPoint& point : mask_) {
    highest = std::max(highest, point.min_elevation_deg);
  }
  return highest;
}

}  // namespace jingkai::orbit
