// Station and LookAngles: where a satellite appears from a ground station — azimuth,
// elevation, range and range-rate — and the Doppler shift of its carrier.
#pragma once

#include <expected>

#include "orbit/geodetic.hpp"
#include "orbit/range_error.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/vector3.hpp"

namespace jingkai::orbit {

inline constexpr double kSpeedOfLightKmS = 299792.458;

struct LookAngles {
  double azimuth_deg = 0.0;      // from north, clockwise (east = 90), [0, 360)
  double elevation_deg = 0.0;    // above the plane normal to the ellipsoid normal; geometric
                                 // (no refraction)
  double range_km = 0.0;         // station to satellite
  double range_rate_km_s = 0.0;  // d(range)/dt: positive while the satellite recedes
};

// A fixed point on the Earth (it moves with the ITRF). Build once, look often.
class Station {
 public:
  // Fails for a latitude outside ±90° ("station_latitude"), a longitude outside ±360°
  // ("station_longitude"), a height outside −12 km .. 100 km ("station_height": a ground
  // station is near the ellipsoid) or any value that is not finite. The longitude is kept
  // as given.
  static std::expected<Station, RangeError> create(const Geodetic& location);

  // Of a satellite's ITRF state (position and Earth-relative velocity).
  LookAngles look_angles(const StateVector& satellite_itrf) const;

  // East, north and up components (km) of an ITRF position relative to the station.
  Vector3 east_north_up(const Vector3& itrf_km) const;

  // Elevation above the horizon of an ITRF position, degrees.
  double elevation_deg(const Vector3& itrf_km) const;

  const Geodetic& location() const { return location_; }
  const Vector3& position_itrf_km() const { return position_; }
  // The ellipsoid normal at the station (unit, ITRF): elevation ≥ e ⇔ up·d ≥ sin(e)|d| for d
  // the station-to-satellite vector.
  const Vector3& up() const { return up_; }

 private:
  Station() = default;

  Geodetic location_;
  Vector3 position_{};
  Vector3 east_{};  // unit vectors of the local horizon frame, in ITRF
  Vector3 north_{};
  Vector3 up_{};
};

// Doppler, first order in v/c (the second-order terms are below 1e-9 relative for any Earth
// orbit: below 3 Hz at 3 GHz): the frequency received at one end when the other transmits
// `carrier_hz`, received = carrier (1 − range_rate / c). An approaching satellite
// (range_rate < 0) is heard higher, a receding one lower; the same holds for the uplink
// as the satellite receives it. Two-way (transponder) paths double the shift.
double doppler_received_hz(double carrier_hz, double range_rate_km_s);

// received − carrier: −carrier · range_rate / c.
double doppler_shift_hz(double carrier_hz, double range_rate_km_s);

}  // namespace jingkai::orbit
