// Horizon: the elevation a satellite must exceed, seen from one station, to be in view: a
// minimum elevation everywhere, raised where an azimuth-dependent mask (terrain, buildings,
// the antenna's own limits) says so.
#pragma once

#include <expected>
#include <vector>

#include "orbit/range_error.hpp"

namespace jingkai::orbit {

// One point of a horizon mask: at `azimuth_deg` (from north, clockwise) nothing below
// `min_elevation_deg` is in view.
struct HorizonMaskPoint {
  double azimuth_deg = 0.0;        // [0, 360)
  double min_elevation_deg = 0.0;  // [-90, 90]
};

class Horizon {
 public:
  // The same minimum elevation at every azimuth. Fails ("horizon_min_elevation") outside
  // [-90°, 90°] or when not finite.
  static std::expected<Horizon, RangeError> flat(double min_elevation_deg);

  // `min_elevation_deg` everywhere, and the mask above it where the mask is higher. The mask
  // is interpolated linearly in azimuth between its points, in any order, across north
  // (359° → 0°) too; one point is a constant. Fails for an azimuth outside [0°, 360°) or
  // given twice ("horizon_mask_azimuth") or an elevation outside [-90°, 90°]
  // ("horizon_mask_elevation"); an empty mask is a flat horizon.
  static std::expected<Horizon, RangeError> masked(double min_elevation_deg,
                                                   std::vector<HorizonMaskPoint> mask);

  // The elevation a satellite at `azimuth_deg` (any value; taken modulo 360°) must exceed.
  double min_elevation_deg(double azimuth_deg) const;

  // The lowest and highest values min_elevation_deg() takes over all azimuths.
  double lowest_deg() const;
  double highest_deg() const;

  const std::vector<HorizonMaskPoint>& mask() const { return mask_; }

 private:
  Horizon() = default;

  double min_elevation_deg_ = 0.0;
  std::vector<HorizonMaskPoint> mask_;  // sorted by azimuth, azimuths distinct
};

}  // namespace jingkai::orbit
