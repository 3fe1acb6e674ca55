#include "orbit/sgp4.hpp"

#include <cmath>
#include <numbers>

#include "orbit/sgp4_deep_space.hpp"
#include "orbit/sgp4_stages.hpp"

// Equations of Vallado et al., AIAA 2006-6753 (sgp4init, initl, sgp4), with operand order
// kept as published: the verification compares with the reference to 2e-7 km.

namespace jingkai::orbit {
namespace {

using sgp4_detail::MeanState;
using sgp4_detail::Perturbed;
using sgp4_detail::PerturbedElements;
using sgp4_detail::ResonanceCache;
using sgp4_detail::Sgp4Terms;

constexpr double kPi = std::numbers::pi;
constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kTwoThirds = 2.0 / 3.0;
constexpr double kDegreesToRadians = std::numbers::pi / 180.0;
constexpr double kMinutesPerDay = 1440.0;
// Julian date of 1949 December 31 0h UT, from which the reference counts its epoch.
constexpr double kJulianDate1950 = 2433281.5;
// Guards a division by 1 + cos(i) for retrograde equatorial orbits.
constexpr double kTemp4 = 1.5e-12;

// Greenwich mean sidereal time (IAU 1982) of a UT1 Julian date, in [0, 2π).
double greenwich_sidereal_angle(double jdut1) {
  const double tut1 = (jdut1 - 2451545.0) / 36525.0;
  double temp = -6.2e-6 * tut1 * tut1 * tut1 + 0.093104 * tut1 * tut1 +
                (876600.0 * 3600 + 8640184.812866) * tut1 + 67310.54841;  // seconds
  temp = std::fmod(temp * kDegreesToRadians / 240.0, kTwoPi);  // 360° / 86400 s = 1 / 240
  if (temp < 0.0) temp += kTwoPi;
  return temp;
}

// AFSPC's sidereal time at epoch, from its own 1970 reference (operation mode 'a').
double afspc_sidereal_angle(double epoch) {
  const double ts70 = epoch - 7305.0;
  const double ds70 = std::floor(ts70 + 1.0e-8);
  const double tfrac = ts70 - ds70;
  constexpr double kC1 = 1.72027916940703639e-2;
  constexpr double kThgr70 = 1.7321343856509374;
  constexpr double kFk5r = 5.07551419432269442e-15;
  constexpr double kC1p2p = kC1 + kTwoPi;
  double gsto = std::fmod(kThgr70 + kC1 * ds70 + kC1p2p * tfrac + ts70 * ts70 * kFk5r, kTwoPi);
  if (gsto < 0.0) gsto += kTwoPi;
  return gsto;
}

bool finite(const MeanElements& e) {
  return std::isfinite(e.epoch.day) && std::isfinite(e.epoch.fraction) && std::isfinite(e.bstar) &&
         std::isfinite(e.eccentricity) && std::isfinite(e.inclination) &&
         std::isfinite(e.right_ascension) && std::isfinite(e.argument_of_perigee) &&
         std::isfinite(e.mean_anomaly) && std::isfinite(e.mean_motion);
}

// The drag terms of third to fifth order in time (d2-d4, t3cof-t5cof) that sgp4init adds for
// a near-earth orbit whose perigee is 220 km or more; `ao` the semi-major axis, `tsi` and
// `sfour` the atmosphere's terms as initialise computes them.
void set_higher_order_drag(Sgp4Terms& c, double ao, double tsi, double sfour) {
  const double cc1sq = c.cc1 * c.cc1;
  c.d2 = 4.0 * ao * tsi * cc1sq;
  const double temp = c.d2 * tsi * c.cc1 / 3.0;
  c.d3 = (17.0 * ao + sfour) * temp;
  c.d4 = 0.5 * temp * ao * tsi * (221.0 * ao + 31.0 * sfour) * c.cc1;
  c.t3cof = c.d2 + 2.0 * cc1sq;
  c.t4cof = 0.25 * (3.0 * c.d3 + c.cc1 * (12.0 * c.d2 + 10.0 * cc1sq));
  c.t5cof = 0.2 * (3.0 * c.d4 + 12.0 * c.cc1 * c.d3 + 6.0 * c.d2 * c.d2 +
                   15.0 * cc1sq * (2.0 * c.d2 + cc1sq));
}

// Everything sgp4init computes; `epoch` in days since 1949 December 31 0h UT.
Sgp4Terms initialise(const MeanElements& elements, double epoch, const Sgp4Options& options) {
  Sgp4Terms c;
  c.gravity = gravity_constants(options.gravity);
  c.afspc_mode = options.mode == OperationMode::kAfspc;
  c.bstar = elements.bstar;
  c.ecco = elements.eccentricity;
  c.argpo = elements.argument_of_perigee;
  c.inclo = elements.inclination;
  c.mo = elements.mean_anomaly;
  c.nodeo = elements.right_ascension;
  const GravityConstants& g = c.gravity;
  const double no_kozai = elements.mean_motion;

  // Atmosphere: density function parameters s and (q0 - s)^4 for the 78 km and 120 km
  // altitudes of the model, in earth radii.
  const double ss = 78.0 / g.radius_km + 1.0;
  const double qzms2ttemp = (120.0 - 78.0) / g.radius_km;
  const double qzms2t = qzms2ttemp * qzms2ttemp * qzms2ttemp * qzms2ttemp;

  // initl: recover the Brouwer mean motion and semi-major axis from the Kozai mean motion.
  const double eccsq = c.ecco * c.ecco;
  const double omeosq = 1.0 - eccsq;
  const double rteosq = std::sqrt(omeosq);
  const double cosio = std::cos(c.inclo);
  const double cosio2 = cosio * cosio;
  const double ak = std::pow(g.xke / no_kozai, kTwoThirds);
  const double d1 = 0.75 * g.j2 * (3.0 * cosio2 - 1.0) / (rteosq * omeosq);
  double del = d1 / (ak * ak);
  const double adel = ak * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0));
  del = d1 / (adel * adel);
  c.no_unkozai = no_kozai / (1.0 + del);
  const double ao = std::pow(g.xke / c.no_unkozai, kTwoThirds);
  const double sinio = std::sin(c.inclo);
  const double po = ao * omeosq;
  const double con42 = 1.0 - 5.0 * cosio2;
  c.con41 = -con42 - cosio2 - cosio2;
  const double posq = po * po;
  const double rp = ao * (1.0 - c.ecco);
  // The reference passes the epoch as one double to the sidereal time; so does this.
  c.gsto = c.afspc_mode ? afspc_sidereal_angle(epoch)
                        : greenwich_sidereal_angle(epoch + kJulianDate1950);

  c.simplified = rp < 220.0 / g.radius_km + 1.0;
  double sfour = ss;
  double qzms24 = qzms2t;
  const double perige = (rp - 1.0) * g.radius_km;
  // Below 156 km the atmosphere's s parameter follows the perigee (20 km floor at 98 km).
  if (perige < 156.0) {
    sfour = perige - 78.0;
    if (perige < 98.0) sfour = 20.0;
    const double qzms24temp = (120.0 - sfour) / g.radius_km;
    qzms24 = qzms24temp * qzms24temp * qzms24temp * qzms24temp;
    sfour = sfour / g.radius_km + 1.0;
  }
  const double pinvsq = 1.0 / posq;

  const double tsi = 1.0 / (ao - sfour);
  c.eta = ao * c.ecco * tsi;
  const double etasq = c.eta * c.eta;
  const double eeta = c.ecco * c.eta;
  const double psisq = std::fabs(1.0 - etasq);
  const double coef = qzms24 * std::pow(tsi, 4.0);
  const double coef1 = coef / std::pow(psisq, 3.5);
  const double cc2 = coef1 * c.no_unkozai *
                     (ao * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq)) +
                      0.375 * g.j2 * tsi / psisq * c.con41 * (8.0 + 3.0 * etasq * (8.0 + etasq)));
  c.cc1 = c.bstar * cc2;
  double cc3 = 0.0;
  if (c.ecco > 1.0e-4) cc3 = -2.0 * coef * tsi * g.j3oj2 * c.no_unkozai * sinio / c.ecco;
  c.x1mth2 = 1.0 - cosio2;
  c.cc4 = 2.0 * c.no_unkozai * coef1 * ao * omeosq *
          (c.eta * (2.0 + 0.5 * etasq) + c.ecco * (0.5 + 2.0 * etasq) -
           g.j2 * tsi / (ao * psisq) *
               (-3.0 * c.con41 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta)) +
                0.75 * c.x1mth2 * (2.0 * etasq - eeta * (1.0 + etasq)) * std::cos(2.0 * c.argpo)));
  c.cc5 = 2.0 * coef1 * ao * omeosq * (1.0 + 2.75 * (etasq + eeta) + eeta * etasq);

  // Secular rates of mean anomaly, perigee and node from J2 and J4.
  const double cosio4 = cosio2 * cosio2;
  const double temp1 = 1.5 * g.j2 * pinvsq * c.no_unkozai;
  const double temp2 = 0.5 * temp1 * g.j2 * pinvsq;
  const double temp3 = -0.46875 * g.j4 * pinvsq * pinvsq * c.no_unkozai;
  c.mdot = c.no_unkozai + 0.5 * temp1 * rteosq * c.con41 +
           0.0625 * temp2 * rteosq * (13.0 - 78.0 * cosio2 + 137.0 * cosio4);
  c.argpdot = (-0.5 * temp1 * con42 + 0.0625 * temp2 * (7.0 - 114.0 * cosio2 + 395.0 * cosio4) +
               temp3 * (3.0 - 36.0 * cosio2 + 49.0 * cosio4));
  const double xhdot1 = -temp1 * cosio;
  c.nodedot =
      xhdot1 + (0.5 * temp2 * (4.0 - 19.0 * cosio2) + 2.0 * temp3 * (3.0 - 7.0 * cosio2)) * cosio;
  c.omgcof = c.bstar * cc3 * std::cos(c.argpo);
  c.xmcof = 0.0;
  if (c.ecco > 1.0e-4) c.xmcof = -kTwoThirds * coef * c.bstar / eeta;
  c.nodecf = 3.5 * omeosq * xhdot1 * c.cc1;
  c.t2cof = 1.5 * c.cc1;
  if (std::fabs(cosio + 1.0) > 1.5e-12) {
    c.xlcof = -0.25 * g.j3oj2 * sinio * (3.0 + 5.0 * cosio) / (1.0 + cosio);
  } else {
    c.xlcof = -0.25 * g.j3oj2 * sinio * (3.0 + 5.0 * cosio) / kTemp4;
  }
  c.aycof = -0.5 * g.j3oj2 * sinio;
  const double delmotemp = 1.0 + c.eta * std::cos(c.mo);
  c.delmo = delmotemp * delmotemp * delmotemp;
  c.sinmao = std::sin(c.mo);
  c.x7thm1 = 7.0 * cosio2 - 1.0;

  if (kTwoPi / c.no_unkozai >= 225.0) {
    c.deep_space = true;
    c.simplified = true;
    c.deep = sgp4_detail::init_deep_space(c, epoch);
  }

  if (!c.simplified) set_higher_order_drag(c, ao, tsi, sfour);
  return c;
}

}  // namespace

int code(Sgp4Error error) { return static_cast<int>(error); }

std::string_view describe(Sgp4Error error) {
  switch (error) {
    case Sgp4Error::kMeanElements:
      return "mean elements out of range: eccentricity >= 1 or < -0.001";
    case Sgp4Error::kMeanMotion:
      return "mean motion is zero or negative";
    case Sgp4Error::kPerturbedEccentricity:
      return "perturbed eccentricity is outside 0-1";
    case Sgp4Error::kSemiLatusRectum:
      return "semi-latus rectum is negative";
    case Sgp4Error::kSubOrbital:
      return "epoch elements are sub-orbital";
    case Sgp4Error::kDecayed:
      return "satellite has decayed: radius below one earth radius";
  }
  return "unknown SGP4 error";
}

MeanElements mean_elements(const Tle& tle) {
  // Revolutions per day to radians per minute as the reference converts them (dividing by
  // 1440 / 2π), so that the last bits agree.
  constexpr double kRevPerDayPerRadPerMin = kMinutesPerDay / (2.0 * std::numbers::pi);
  return MeanElements{
      .epoch = tle.epoch,
      .bstar = tle.bstar,
      .eccentricity = tle.eccentricity,
      .inclination = tle.inclination_deg * kDegreesToRadians,
      .right_ascension = tle.right_ascension_deg * kDegreesToRadians,
      .argument_of_perigee = tle.argument_of_perigee_deg * kDegreesToRadians,
      .mean_anomaly = tle.mean_anomaly_deg * kDegreesToRadians,
      .mean_motion = tle.mean_motion / kRevPerDayPerRadPerMin,
  };
}

std::expected<Sgp4, Sgp4Error> Sgp4::create(const MeanElements& elements,
                                            const Sgp4Options& options) {
  if (!finite(elements) || elements.eccentricity < 0.0 || elements.eccentricity >= 1.0) {
    return std::unexpected(Sgp4Error::kMeanElements);
  }
  if (!(elements.mean_motion > 0.0)) return std::unexpected(Sgp4Error::kMeanMotion);
  Sgp4 sgp4;
  sgp4.epoch_ = elements.epoch;
  // The reference adds the Julian date's two parts into one double before subtracting
  // (rounding the epoch to a 40 µs grid), and its verification output depends on that:
  // WIND (e = 0.97) moves by 4e-6 km if the exact epoch is used. The epoch kept for
  // callers (epoch()) stays exact.
  const double epoch = (elements.epoch.day + elements.epoch.fraction) - kJulianDate1950;
  sgp4.terms_ = initialise(elements, epoch, options);
  return sgp4;
}

std::expected<Sgp4, Sgp4Error> Sgp4::create(const Tle& tle, const Sgp4Options& options) {
  return create(mean_elements(tle), options);
}

namespace {

// The two halves, inlined into Sgp4::propagate (a call between them costs it ~3 %), and called
// through sgp4_detail's functions by the batch propagator.
// 0, or the error's code; `out` then unspecified. (An out-parameter rather than
// std::expected: Sgp4::propagate stays as fast as in one piece.)
[[gnu::always_inline]] inline int first_half(const Sgp4Terms& c, double t, ResonanceCache* cache,
                                             Perturbed& out) {
  const GravityConstants& g = c.gravity;

  // Secular gravity and atmospheric drag.
  const double xmdf = c.mo + c.mdot * t;
  const double argpdf = c.argpo + c.argpdot * t;
  const double nodedf = c.nodeo + c.nodedot * t;
  const double t2 = t * t;
  MeanState s{.em = c.ecco,
              .argpm = argpdf,
              .inclm = c.inclo,
              .mm = xmdf,
              .nodem = nodedf + c.nodecf * t2,
              .nm = c.no_unkozai};
  double tempa = 1.0 - c.cc1 * t;
  double tempe = c.bstar * c.cc4 * t;
  double templ = c.t2cof * t2;
  if (!c.simplified) {
    const double delomg = c.omgcof * t;
    const double delmtemp = 1.0 + c.eta * std::cos(xmdf);
    const double delm = c.xmcof * (delmtemp * delmtemp * delmtemp - c.delmo);
    const double temp = delomg + delm;
    s.mm = xmdf + temp;
    s.argpm = argpdf - temp;
    const double t3 = t2 * t;
    const double t4 = t3 * t;
    tempa = tempa - c.d2 * t2 - c.d3 * t3 - c.d4 * t4;
    tempe = tempe + c.bstar * c.cc5 * (std::sin(s.mm) - c.sinmao);
    templ = templ + c.t3cof * t3 + t4 * (c.t4cof + t * c.t5cof);
  }
  if (c.deep_space) apply_deep_space_secular(c, t, s, cache);

  if (s.nm <= 0.0) return code(Sgp4Error::kMeanMotion);
  const double am = std::pow(g.xke / s.nm, kTwoThirds) * tempa * tempa;
  const double nm = g.xke / std::pow(am, 1.5);
  double em = s.em - tempe;
  if (em >= 1.0 || em < -0.001) return code(Sgp4Error::kMeanElements);
  // A tiny eccentricity keeps the equations below away from 0/0.
  if (em < 1.0e-6) em = 1.0e-6;
  double mm = s.mm + c.no_unkozai * templ;
  double xlm = mm + s.argpm + s.nodem;
  const double nodem = std::fmod(s.nodem, kTwoPi);
  const double argpm = std::fmod(s.argpm, kTwoPi);
  xlm = std::fmod(xlm, kTwoPi);
  mm = std::fmod(xlm - argpm - nodem, kTwoPi);

  // Lunar-solar periodics.
  PerturbedElements p{.ep = em, .inclp = s.inclm, .nodep = nodem, .argpp = argpm, .mp = mm};
  double sinip = std::sin(s.inclm);
  double cosip = std::cos(s.inclm);
  double aycof = c.aycof;
  double xlcof = c.xlcof;
  double con41 = c.con41;
  double x1mth2 = c.x1mth2;
  double x7thm1 = c.x7thm1;
  if (c.deep_space) {
    apply_lunar_solar_periodics(c, t, p);
    if (p.inclp < 0.0) {
      p.inclp = -p.inclp;
      p.nodep = p.nodep + kPi;
      p.argpp = p.argpp - kPi;
    }
    if (p.ep < 0.0 || p.ep > 1.0) return code(Sgp4Error::kPerturbedEccentricity);
    // The periodics moved the inclination: redo the terms that depend on it.
    sinip = std::sin(p.inclp);
    cosip = std::cos(p.inclp);
    aycof = -0.5 * g.j3oj2 * sinip;
    if (std::fabs(cosip + 1.0) > 1.5e-12) {
      xlcof = -0.25 * g.j3oj2 * sinip * (3.0 + 5.0 * cosip) / (1.0 + cosip);
    } else {
      xlcof = -0.25 * g.j3oj2 * sinip * (3.0 + 5.0 * cosip) / kTemp4;
    }
    const double cosisq = cosip * cosip;
    con41 = 3.0 * cosisq - 1.0;
    x1mth2 = 1.0 - cosisq;
    x7thm1 = 7.0 * cosisq - 1.0;
  }

  out = Perturbed{.am = am,
                  .nm = nm,
                  .p = p,
                  .sinip = sinip,
                  .cosip = cosip,
                  .aycof = aycof,
                  .xlcof = xlcof,
                  .con41 = con41,
                  .x1mth2 = x1mth2,
                  .x7thm1 = x7thm1};
  return 0;
}

[[gnu::always_inline]] inline std::expected<StateVector, Sgp4Error> second_half(
    const Sgp4Terms& c, const Perturbed& e) {
  const GravityConstants& g = c.gravity;
  const PerturbedElements& p = e.p;
  const double am = e.am;
  const double nm = e.nm;
  const double sinip = e.sinip;
  const double cosip = e.cosip;
  const double aycof = e.aycof;
  const double xlcof = e.xlcof;
  const double con41 = e.con41;
  const double x1mth2 = e.x1mth2;
  const double x7thm1 = e.x7thm1;

  // Long-period periodics.
  const double axnl = p.ep * std::cos(p.argpp);
  double temp = 1.0 / (am * (1.0 - p.ep * p.ep));
  const double aynl = p.ep * std::sin(p.argpp) + temp * aycof;
  const double xl = p.mp + p.argpp + p.nodep + temp * xlcof * axnl;

  // Kepler's equation for the eccentric longitude, Newton steps clamped to 0.95 rad. The
  // sine and cosine used afterwards are those of the last iterate before its final step,
  // as in the reference.
  const double u = std::fmod(xl - p.nodep, kTwoPi);
  double eo1 = u;
  double tem5 = 9999.9;
  double sineo1 = 0.0;
  double coseo1 = 0.0;
  for (int ktr = 1; std::fabs(tem5) >= 1.0e-12 && ktr <= 10; ++ktr) {
    sineo1 = std::sin(eo1);
    coseo1 = std::cos(eo1);
    tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl;
    tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
    if (std::fabs(tem5) >= 0.95) tem5 = tem5 > 0.0 ? 0.95 : -0.95;
    eo1 = eo1 + tem5;
  }

  // Short-period periodics.
  const double ecose = axnl * coseo1 + aynl * sineo1;
  const double esine = axnl * sineo1 - aynl * coseo1;
  const double el2 = axnl * axnl + aynl * aynl;
  const double pl = am * (1.0 - el2);
  if (pl < 0.0) return std::unexpected(Sgp4Error::kSemiLatusRectum);
  const double rl = am * (1.0 - ecose);
  const double rdotl = std::sqrt(am) * esine / rl;
  const double rvdotl = std::sqrt(pl) / rl;
  const double betal = std::sqrt(1.0 - el2);
  temp = esine / (1.0 + betal);
  const double sinu = am / rl * (sineo1 - aynl - axnl * temp);
  const double cosu = am / rl * (coseo1 - axnl + aynl * temp);
  double su = std::atan2(sinu, cosu);
  const double sin2u = (cosu + cosu) * sinu;
  const double cos2u = 1.0 - 2.0 * sinu * sinu;
  temp = 1.0 / pl;
  const double temp1 = 0.5 * g.j2 * temp;
  const double temp2 = temp1 * temp;

  const double mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
  su = su - 0.25 * temp2 * x7thm1 * sin2u;
  const double xnode = p.nodep + 1.5 * temp2 * cosip * sin2u;
  const double xinc = p.inclp + 1.5 * temp2 * cosip * sinip * cos2u;
  const double mvt = rdotl - nm * temp1 * x1mth2 * sin2u / g.xke;
  const double rvdot = rvdotl + nm * temp1 * (x1mth2 * cos2u + 1.5 * con41) / g.xke;

  // Orientation: unit vectors along the radius (u) and in the orbit plane ahead of it (v).
  const double sinsu = std::sin(su);
  const double cossu = std::cos(su);
  const double snod = std::sin(xnode);
  const double cnod = std::cos(xnode);
  const double sini = std::sin(xinc);
  const double cosi = std::cos(xinc);
  const double xmx = -snod * cosi;
  const double xmy = cnod * cosi;
  const double ux = xmx * sinsu + cnod * cossu;
  const double uy = xmy * sinsu + snod * cossu;
  const double uz = sini * sinsu;
  const double vx = xmx * cossu - cnod * sinsu;
  const double vy = xmy * cossu - snod * sinsu;
  const double vz = sini * cossu;

  if (mrt < 1.0) return std::unexpected(Sgp4Error::kDecayed);

  const double mr = mrt * g.radius_km;
  const double vkmpersec = g.radius_km * g.xke / 60.0;
  return StateVector{
      .position_km = {mr * ux, mr * uy, mr * uz},
      .velocity_km_s = {(mvt * ux + rvdot * vx) * vkmpersec, (mvt * uy + rvdot * vy) * vkmpersec,
                        (mvt * uz + rvdot * vz) * vkmpersec},
  };
}

}  // namespace

namespace sgp4_detail {

std::expected<Perturbed, Sgp4Error> perturbed_at(const Sgp4Terms& terms, double t,
                                                 ResonanceCache* cache) {
  Perturbed out;
  if (const int error = first_half(terms, t, cache, out)) {
    return std::unexpected(static_cast<Sgp4Error>(error));
  }
  return out;
}

std::expected<StateVector, Sgp4Error> state_from(const Sgp4Terms& terms,
                                                 const Perturbed& elements) {
  return second_half(terms, elements);
}

}  // namespace sgp4_detail

std::expected<StateVector, Sgp4Error> Sgp4::propagate(double t) const {
  Perturbed perturbed;
  if (const int error = first_half(terms_, t, nullptr, perturbed)) {
    return std::unexpected(static_cast<Sgp4Error>(error));
  }
  return second_half(terms_, perturbed);
}

}  // namespace jingkai::orbit
