// Earth gravity constants for SGP4: the model the element sets were fitted with (WGS-72)
// and the alternatives the reference implementation offers.
#pragma once

namespace jingkai::orbit {

enum class GravityModel {
  kWgs72Old,  // WGS-72 with the rounded xke of the original Spacetrack Report #3 code
  kWgs72,     // the default: what element sets are generated with
  kWgs84,
};

struct GravityConstants {
  double mu = 0.0;         // km³/s²
  double radius_km = 0.0;  // equatorial radius
  double xke = 0.0;        // sqrt(mu / radius³) in 1/min (earth radii and minutes)
  double tumin = 0.0;      // minutes per time unit, 1 / xke
  double j2 = 0.0;
  double j3 = 0.0;
  double j4 = 0.0;
  double j3oj2 = 0.0;  // j3 / j2
};

GravityConstants gravity_constants(GravityModel model);

}  // namespace jingkai::orbit
