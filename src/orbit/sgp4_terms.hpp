// The constants SGP4/SDP4 computes once per satellite, read by every propagation.
// Internal to the orbit library (the batch propagator will lay them out as arrays); callers
// use Sgp4 (sgp4.hpp).
//
// Names follow Hoots & Roehrich, Spacetrack Report #3 (1980) and Vallado et al., "Revisiting
// Spacetrack Report #3" (AIAA 2006-6753), so that each term can be checked against them.
#pragma once

#include "orbit/gravity.hpp"

namespace jingkai::orbit::sgp4_detail {

// Lunar (x…, e3, ee2, zmol) and solar (s…, zmos) long-period periodic coefficients.
struct LunarSolarPeriodics {
  double e3 = 0, ee2 = 0, se2 = 0, se3 = 0, sgh2 = 0, sgh3 = 0, sgh4 = 0, sh2 = 0, sh3 = 0;
  double si2 = 0, si3 = 0, sl2 = 0, sl3 = 0, sl4 = 0;
  double xgh2 = 0, xgh3 = 0, xgh4 = 0, xh2 = 0, xh3 = 0, xi2 = 0, xi3 = 0;
  double xl2 = 0, xl3 = 0, xl4 = 0;
  double zmol = 0, zmos = 0;  // lunar and solar mean anomalies at epoch
};

enum class Resonance {
  kNone,
  kOneDay,   // geosynchronous: period near 24 h (irez = 1)
  kHalfDay,  // Molniya-like: period near 12 h, e >= 0.5 (irez = 2)
};

// Secular lunar-solar rates and the resonance integrator's constants (irez, d…, del…).
struct DeepSpaceTerms {
  LunarSolarPeriodics periodics;
  double dedt = 0, didt = 0, dmdt = 0, dnodt = 0, domdt = 0;
  Resonance resonance = Resonance::kNone;
  double d2201 = 0, d2211 = 0, d3210 = 0, d3222 = 0, d4410 = 0, d4422 = 0;
  double d5220 = 0, d5232 = 0, d5421 = 0, d5433 = 0;
  double del1 = 0, del2 = 0, del3 = 0;
  double xfact = 0, xlamo = 0;
};

struct Sgp4Terms {
  GravityConstants gravity;
  bool afspc_mode = false;  // operation mode 'a' rather than 'i'
  bool deep_space = false;  // SDP4: period of 225 minutes or more
  bool simplified = false;  // isimp: perigee below 220 km (or deep space) drops drag terms

  // Mean elements at epoch: radians, radians per minute.
  double ecco = 0, inclo = 0, nodeo = 0, argpo = 0, mo = 0, bstar = 0;
  double no_unkozai = 0;  // Brouwer mean motion recovered from the Kozai one in the set

  double gsto = 0;  // Greenwich sidereal angle at epoch
  double aycof = 0, con41 = 0, cc1 = 0, cc4 = 0, cc5 = 0, d2 = 0, d3 = 0, d4 = 0;
  double delmo = 0, eta = 0, argpdot = 0, omgcof = 0, sinmao = 0;
  double t2cof = 0, t3cof = 0, t4cof = 0, t5cof = 0;
  double x1mth2 = 0, x7thm1 = 0, mdot = 0, nodedot = 0, xlcof = 0, xmcof = 0, nodecf = 0;

  DeepSpaceTerms deep;
};

}  // namespace jingkai::orbit::sgp4_detail
