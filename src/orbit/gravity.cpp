#include "orbit/gravity.hpp"

#include <cmath>

namespace jingkai::orbit {

GravityConstants gravity_constants(GravityModel model) {
  GravityConstants g;
  switch (model) {
    case GravityModel::kWgs72Old:
      g.mu = 398600.79964;
      g.radius_km = 6378.135;
      g.xke = 0.0743669161;
      g.j2 = 0.001082616;
      g.j3 = -0.00000253881;
      g.j4 = -0.00000165597;
      break;
    case GravityModel::kWgs72:
      g.mu = 398600.8;
      g.radius_km = 6378.135;
      g.xke = 60.0 / std::sqrt(g.radius_km * g.radius_km * g.radius_km / g.mu);
      g.j2 = 0.001082616;
      g.j3 = -0.00000253881;
      g.j4 = -0.00000165597;
      break;
    case GravityModel::kWgs84:
      g.mu = 398600.5;
      g.radius_km = 6378.137;
      g.xke = 60.0 / std::sqrt(g.radius_km * g.radius_km * g.radius_km / g.mu);
      g.j2 = 0.00108262998905;
      g.j3 = -0.00000253215306;
      g.j4 = -0.00000161098761;
      break;
  }
  g.tumin = 1.0 / g.xke;
  g.j3oj2 = g.j3 / g.j2;
  return g;
}

}  // namespace jingkai::orbit
