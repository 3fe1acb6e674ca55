#include "orbit/sgp4_deep_space.hpp"

#include <cmath>
#include <numbers>

// The expressions keep the operand order of the published equations: results are compared
// with the reference to 2e-7 km, and reassociating a sum moves the last bits.

namespace jingkai::orbit::sgp4_detail {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kTwoThirds = 2.0 / 3.0;

// Solar and lunar mean motions (rad/min) and eccentricities.
constexpr double kZns = 1.19459e-5;
constexpr double kZes = 0.01675;
constexpr double kZnl = 1.5835218e-4;
constexpr double kZel = 0.05490;

// Earth rotation rate in rad/min (7.29211514668855e-5 rad/s).
constexpr double kRptim = 4.37526908801129966e-3;

// Below 3 degrees (or above 177) the node rate's 1/sin(i) terms are dropped.
constexpr double kSmallInclination = 5.2359877e-2;

// Where each body stands relative to the satellite's orbit: the terms dscom computes once
// for the sun and once for the moon.
struct BodyCoefficients {
  double s1, s2, s3, s4, s5, s6, s7;
  double z1, z2, z3, z11, z12, z13, z21, z22, z23, z31, z32, z33;
};

struct OrbitGeometry {
  double sinim, cosim, sinomm, cosomm, em, emsq, betasq, rtemsq, xnoi;
};

struct BodyGeometry {
  double zcosg, zsing, zcosi, zsini, zcosh, zsinh, cc;
};

BodyCoefficients body_coefficients(const OrbitGeometry& o, const BodyGeometry& b) {
  const double a1 = b.zcosg * b.zcosh + b.zsing * b.zcosi * b.zsinh;
  const double a3 = -b.zsing * b.zcosh + b.zcosg * b.zcosi * b.zsinh;
  const double a7 = -b.zcosg * b.zsinh + b.zsing * b.zcosi * b.zcosh;
  const double a8 = b.zsing * b.zsini;
  const double a9 = b.zsing * b.zsinh + b.zcosg * b.zcosi * b.zcosh;
  const double a10 = b.zcosg * b.zsini;
  const double a2 = o.cosim * a7 + o.sinim * a8;
  const double a4 = o.cosim * a9 + o.sinim * a10;
  const double a5 = -o.sinim * a7 + o.cosim * a8;
  const double a6 = -o.sinim * a9 + o.cosim * a10;

  const double x1 = a1 * o.cosomm + a2 * o.sinomm;
  const double x2 = a3 * o.cosomm + a4 * o.sinomm;
  const double x3 = -a1 * o.sinomm + a2 * o.cosomm;
  const double x4 = -a3 * o.sinomm + a4 * o.cosomm;
  const double x5 = a5 * o.sinomm;
  const double x6 = a6 * o.sinomm;
  const double x7 = a5 * o.cosomm;
  const double x8 = a6 * o.cosomm;

  const double emsq = o.emsq;
  BodyCoefficients c;
  c.z31 = 12.0 * x1 * x1 - 3.0 * x3 * x3;
  c.z32 = 24.0 * x1 * x2 - 6.0 * x3 * x4;
  c.z33 = 12.0 * x2 * x2 - 3.0 * x4 * x4;
  c.z1 = 3.0 * (a1 * a1 + a2 * a2) + c.z31 * emsq;
  c.z2 = 6.0 * (a1 * a3 + a2 * a4) + c.z32 * emsq;
  c.z3 = 3.0 * (a3 * a3 + a4 * a4) + c.z33 * emsq;
  c.z11 = -6.0 * a1 * a5 + emsq * (-24.0 * x1 * x7 - 6.0 * x3 * x5);
  c.z12 =
      -6.0 * (a1 * a6 + a3 * a5) + emsq * (-24.0 * (x2 * x7 + x1 * x8) - 6.0 * (x3 * x6 + x4 * x5));
  c.z13 = -6.0 * a3 * a6 + emsq * (-24.0 * x2 * x8 - 6.0 * x4 * x6);
  c.z21 = 6.0 * a2 * a5 + emsq * (24.0 * x1 * x5 - 6.0 * x3 * x7);
  c.z22 =
      6.0 * (a4 * a5 + a2 * a6) + emsq * (24.0 * (x2 * x5 + x1 * x6) - 6.0 * (x4 * x7 + x3 * x8));
  c.z23 = 6.0 * a4 * a6 + emsq * (24.0 * x2 * x6 - 6.0 * x4 * x8);
  c.z1 = c.z1 + c.z1 + o.betasq * c.z31;
  c.z2 = c.z2 + c.z2 + o.betasq * c.z32;
  c.z3 = c.z3 + c.z3 + o.betasq * c.z33;
  c.s3 = b.cc * o.xnoi;
  c.s2 = -0.5 * c.s3 / o.rtemsq;
  c.s4 = c.s3 * o.rtemsq;
  c.s1 = -15.0 * o.em * c.s4;
  c.s5 = x1 * x3 + x2 * x4;
  c.s6 = x2 * x3 + x1 * x4;
  c.s7 = x2 * x4 - x1 * x3;
  return c;
}

// The reference's dscom: lunar-solar geometry at epoch and the periodic coefficients.
struct CommonTerms {
  OrbitGeometry orbit;
  BodyCoefficients sun;
  BodyCoefficients moon;
  LunarSolarPeriodics periodics;
};

CommonTerms common_terms(double epoch, double ep, double argpp, double inclp, double nodep,
                         double np) {
  constexpr double kC1ss = 2.9864797e-6;
  constexpr double kC1l = 4.7968065e-7;
  constexpr double kZsinis = 0.39785416;
  constexpr double kZcosis = 0.91744867;
  constexpr double kZcosgs = 0.1945905;
  constexpr double kZsings = -0.98088458;

  CommonTerms out;
  OrbitGeometry& o = out.orbit;
  const double snodm = std::sin(nodep);
  const double cnodm = std::cos(nodep);
  o.sinomm = std::sin(argpp);
  o.cosomm = std::cos(argpp);
  o.sinim = std::sin(inclp);
  o.cosim = std::cos(inclp);
  o.em = ep;
  o.emsq = ep * ep;
  o.betasq = 1.0 - o.emsq;
  o.rtemsq = std::sqrt(o.betasq);
  o.xnoi = 1.0 / np;

  // The moon's orbit at epoch: node, inclination and argument of latitude.
  // Days from 1900 January 0.5 (the epoch of the lunar series); the reference adds the
  // propagation time here, which is always 0 at initialisation.
  const double day = epoch + 18261.5;
  const double xnodce = std::fmod(4.5236020 - 9.2422029e-4 * day, kTwoPi);
  const double stem = std::sin(xnodce);
  const double ctem = std::cos(xnodce);
  const double zcosil = 0.91375164 - 0.03568096 * ctem;
  const double zsinil = std::sqrt(1.0 - zcosil * zcosil);
  const double zsinhl = 0.089683511 * stem / zsinil;
  const double zcoshl = std::sqrt(1.0 - zsinhl * zsinhl);
  const double gam = 5.8351514 + 0.0019443680 * day;
  double zx = 0.39785416 * stem / zsinil;
  const double zy = zcoshl * ctem + 0.91744867 * zsinhl * stem;
  zx = std::atan2(zx, zy);
  zx = gam + zx - xnodce;
  const double zcosgl = std::cos(zx);
  const double zsingl = std::sin(zx);

  out.sun =
      body_coefficients(o, BodyGeometry{kZcosgs, kZsings, kZcosis, kZsinis, cnodm, snodm, kC1ss});
  out.moon = body_coefficients(
      o, BodyGeometry{zcosgl, zsingl, zcosil, zsinil, zcoshl * cnodm + zsinhl * snodm,
                      snodm * zcoshl - cnodm * zsinhl, kC1l});

  LunarSolarPeriodics& p = out.periodics;
  p.zmol = std::fmod(4.7199672 + 0.22997150 * day - gam, kTwoPi);
  p.zmos = std::fmod(6.2565837 + 0.017201977 * day, kTwoPi);

  const BodyCoefficients& s = out.sun;
  p.se2 = 2.0 * s.s1 * s.s6;
  p.se3 = 2.0 * s.s1 * s.s7;
  p.si2 = 2.0 * s.s2 * s.z12;
  p.si3 = 2.0 * s.s2 * (s.z13 - s.z11);
  p.sl2 = -2.0 * s.s3 * s.z2;
  p.sl3 = -2.0 * s.s3 * (s.z3 - s.z1);
  p.sl4 = -2.0 * s.s3 * (-21.0 - 9.0 * o.emsq) * kZes;
  p.sgh2 = 2.0 * s.s4 * s.z32;
  p.sgh3 = 2.0 * s.s4 * (s.z33 - s.z31);
  p.sgh4 = -18.0 * s.s4 * kZes;
  p.sh2 = -2.0 * s.s2 * s.z22;
  p.sh3 = -2.0 * s.s2 * (s.z23 - s.z21);

  const BodyCoefficients& m = out.moon;
  p.ee2 = 2.0 * m.s1 * m.s6;
  p.e3 = 2.0 * m.s1 * m.s7;
  p.xi2 = 2.0 * m.s2 * m.z12;
  p.xi3 = 2.0 * m.s2 * (m.z13 - m.z11);
  p.xl2 = -2.0 * m.s3 * m.z2;
  p.xl3 = -2.0 * m.s3 * (m.z3 - m.z1);
  p.xl4 = -2.0 * m.s3 * (-21.0 - 9.0 * o.emsq) * kZel;
  p.xgh2 = 2.0 * m.s4 * m.z32;
  p.xgh3 = 2.0 * m.s4 * (m.z33 - m.z31);
  p.xgh4 = -18.0 * m.s4 * kZel;
  p.xh2 = -2.0 * m.s2 * m.z22;
  p.xh3 = -2.0 * m.s2 * (m.z23 - m.z21);
  return out;
}

// The 12-hour resonance: coefficients of the tesseral harmonics (Hujsak's G and F
// functions of eccentricity and inclination).
void init_half_day_resonance(const Sgp4Terms& near, const OrbitGeometry& o, double aonv, double nm,
                             DeepSpaceTerms& d) {
  constexpr double kRoot22 = 1.7891679e-6;
  constexpr double kRoot32 = 3.7393792e-7;
  constexpr double kRoot44 = 7.3636953e-9;
  constexpr double kRoot52 = 1.1428639e-7;
  constexpr double kRoot54 = 2.1765803e-9;

  const double cosim = o.cosim;
  const double sinim = o.sinim;
  const double cosisq = cosim * cosim;
  const double em = near.ecco;
  const double emsq = near.ecco * near.ecco;
  const double eoc = em * emsq;
  const double g201 = -0.306 - (em - 0.64) * 0.440;
  double g211, g310, g322, g410, g422, g520, g521, g532, g533;
  if (em <= 0.65) {
    g211 = 3.616 - 13.2470 * em + 16.2900 * emsq;
    g310 = -19.302 + 117.3900 * em - 228.4190 * emsq + 156.5910 * eoc;
    g322 = -18.9068 + 109.7927 * em - 214.6334 * emsq + 146.5816 * eoc;
    g410 = -41.122 + 242.6940 * em - 471.0940 * emsq + 313.9530 * eoc;
    g422 = -146.407 + 841.8800 * em - 1629.014 * emsq + 1083.4350 * eoc;
    g520 = -532.114 + 3017.977 * em - 5740.032 * emsq + 3708.2760 * eoc;
  } else {
    g211 = -72.099 + 331.819 * em - 508.738 * emsq + 266.724 * eoc;
    g310 = -346.844 + 1582.851 * em - 2415.925 * emsq + 1246.113 * eoc;
    g322 = -342.585 + 1554.908 * em - 2366.899 * emsq + 1215.972 * eoc;
    g410 = -1052.797 + 4758.686 * em - 7193.992 * emsq + 3651.957 * eoc;
    g422 = -3581.690 + 16178.110 * em - 24462.770 * emsq + 12422.520 * eoc;
    if (em > 0.715) {
      g520 = -5149.66 + 29936.92 * em - 54087.36 * emsq + 31324.56 * eoc;
    } else {
      g520 = 1464.74 - 4664.75 * em + 3763.64 * emsq;
    }
  }
  if (em < 0.7) {
    g533 = -919.22770 + 4988.6100 * em - 9064.7700 * emsq + 5542.21 * eoc;
    g521 = -822.71072 + 4568.6173 * em - 8491.4146 * emsq + 5337.524 * eoc;
    g532 = -853.66600 + 4690.2500 * em - 8624.7700 * emsq + 5341.4 * eoc;
  } else {
    g533 = -37995.780 + 161616.52 * em - 229838.20 * emsq + 109377.94 * eoc;
    g521 = -51752.104 + 218913.95 * em - 309468.16 * emsq + 146349.42 * eoc;
    g532 = -40023.880 + 170470.89 * em - 242699.48 * emsq + 115605.82 * eoc;
  }

  const double sini2 = sinim * sinim;
  const double f220 = 0.75 * (1.0 + 2.0 * cosim + cosisq);
  const double f221 = 1.5 * sini2;
  const double f321 = 1.875 * sinim * (1.0 - 2.0 * cosim - 3.0 * cosisq);
  const double f322 = -1.875 * sinim * (1.0 + 2.0 * cosim - 3.0 * cosisq);
  const double f441 = 35.0 * sini2 * f220;
  const double f442 = 39.3750 * sini2 * sini2;
  const double f522 = 9.84375 * sinim *
                      (sini2 * (1.0 - 2.0 * cosim - 5.0 * cosisq) +
                       0.33333333 * (-2.0 + 4.0 * cosim + 6.0 * cosisq));
  const double f523 = sinim * (4.92187512 * sini2 * (-2.0 - 4.0 * cosim + 10.0 * cosisq) +
                               6.56250012 * (1.0 + 2.0 * cosim - 3.0 * cosisq));
  const double f542 =
      29.53125 * sinim * (2.0 - 8.0 * cosim + cosisq * (-12.0 + 8.0 * cosim + 10.0 * cosisq));
  const double f543 =
      29.53125 * sinim * (-2.0 - 8.0 * cosim + cosisq * (12.0 + 8.0 * cosim - 10.0 * cosisq));

  const double xno2 = nm * nm;
  const double ainv2 = aonv * aonv;
  double temp1 = 3.0 * xno2 * ainv2;
  double temp = temp1 * kRoot22;
  d.d2201 = temp * f220 * g201;
  d.d2211 = temp * f221 * g211;
  temp1 = temp1 * aonv;
  temp = temp1 * kRoot32;
  d.d3210 = temp * f321 * g310;
  d.d3222 = temp * f322 * g322;
  temp1 = temp1 * aonv;
  temp = 2.0 * temp1 * kRoot44;
  d.d4410 = temp * f441 * g410;
  d.d4422 = temp * f442 * g422;
  temp1 = temp1 * aonv;
  temp = temp1 * kRoot52;
  d.d5220 = temp * f522 * g520;
  d.d5232 = temp * f523 * g532;
  temp = 2.0 * temp1 * kRoot54;
  d.d5421 = temp * f542 * g521;
  d.d5433 = temp * f543 * g533;
}

// The 24-hour (geosynchronous) resonance.
void init_one_day_resonance(const OrbitGeometry& o, double aonv, double nm, double emsq,
                            DeepSpaceTerms& d) {
  constexpr double kQ22 = 1.7891679e-6;
  constexpr double kQ31 = 2.1460748e-6;
  constexpr double kQ33 = 2.2123015e-7;

  const double cosim = o.cosim;
  const double sinim = o.sinim;
  const double g200 = 1.0 + emsq * (-2.5 + 0.8125 * emsq);
  const double g310 = 1.0 + 2.0 * emsq;
  const double g300 = 1.0 + emsq * (-6.0 + 6.60937 * emsq);
  const double f220 = 0.75 * (1.0 + cosim) * (1.0 + cosim);
  const double f311 = 0.9375 * sinim * sinim * (1.0 + 3.0 * cosim) - 0.75 * (1.0 + cosim);
  double f330 = 1.0 + cosim;
  f330 = 1.875 * f330 * f330 * f330;
  const double del1 = 3.0 * nm * nm * aonv * aonv;
  d.del2 = 2.0 * del1 * f220 * g200 * kQ22;
  d.del3 = 3.0 * del1 * f330 * g300 * kQ33 * aonv;
  d.del1 = del1 * f311 * g310 * kQ31 * aonv;
}

}  // namespace

DeepSpaceTerms init_deep_space(const Sgp4Terms& near, double epoch) {
  const CommonTerms common =
      common_terms(epoch, near.ecco, near.argpo, near.inclo, near.nodeo, near.no_unkozai);
  const OrbitGeometry& o = common.orbit;
  const BodyCoefficients& s = common.sun;
  const BodyCoefficients& m = common.moon;

  DeepSpaceTerms d;
  d.periodics = common.periodics;

  // The reference applies the periodics once here as well, but with its "init" flag set
  // they change nothing (peo ... pho stay zero), so that step is left out.

  const double nm = near.no_unkozai;
  const double em = near.ecco;
  const double emsq = o.emsq;
  const double inclm = near.inclo;
  const double sinim = o.sinim;
  const double cosim = o.cosim;

  if (0.0034906585 < nm && nm < 0.0052359877) d.resonance = Resonance::kOneDay;
  if (8.26e-3 <= nm && nm <= 9.24e-3 && em >= 0.5) d.resonance = Resonance::kHalfDay;

  // Solar secular rates.
  const double ses = s.s1 * kZns * s.s5;
  const double sis = s.s2 * kZns * (s.z11 + s.z13);
  const double sls = -kZns * s.s3 * (s.z1 + s.z3 - 14.0 - 6.0 * emsq);
  const double sghs = s.s4 * kZns * (s.z31 + s.z33 - 6.0);
  double shs = -kZns * s.s2 * (s.z21 + s.z23);
  const bool near_equatorial = inclm < kSmallInclination || inclm > kPi - kSmallInclination;
  if (near_equatorial) shs = 0.0;
  if (sinim != 0.0) shs = shs / sinim;
  const double sgs = sghs - cosim * shs;

  // Lunar secular rates.
  d.dedt = ses + m.s1 * kZnl * m.s5;
  d.didt = sis + m.s2 * kZnl * (m.z11 + m.z13);
  d.dmdt = sls - kZnl * m.s3 * (m.z1 + m.z3 - 14.0 - 6.0 * emsq);
  const double sghl = m.s4 * kZnl * (m.z31 + m.z33 - 6.0);
  double shll = -kZnl * m.s2 * (m.z21 + m.z23);
  if (near_equatorial) shll = 0.0;
  d.domdt = sgs + sghl;
  d.dnodt = shs;
  if (sinim != 0.0) {
    d.domdt = d.domdt - cosim / sinim * shll;
    d.dnodt = d.dnodt + shll / sinim;
  }

  if (d.resonance == Resonance::kNone) return d;

  const double theta = std::fmod(near.gsto, kTwoPi);
  const double aonv = std::pow(nm / near.gravity.xke, kTwoThirds);
  if (d.resonance == Resonance::kHalfDay) {
    init_half_day_resonance(near, o, aonv, nm, d);
    d.xlamo = std::fmod(near.mo + near.nodeo + near.nodeo - theta - theta, kTwoPi);
    d.xfact = near.mdot + d.dmdt + 2.0 * (near.nodedot + d.dnodt - kRptim) - near.no_unkozai;
  } else {
    init_one_day_resonance(o, aonv, nm, emsq, d);
    const double xpidot = near.argpdot + near.nodedot;
    d.xlamo = std::fmod(near.mo + near.nodeo + near.argpo - theta, kTwoPi);
    d.xfact = near.mdot + xpidot - kRptim + d.dmdt + d.domdt + d.dnodt - near.no_unkozai;
  }
  return d;
}

namespace {

// The resonance integrator's derivatives at one of its steps (the reference's dspace).
ResonanceStep with_derivatives(const Sgp4Terms& terms, double atime, double xli, double xni) {
  constexpr double kFasx2 = 0.13130908;
  constexpr double kFasx4 = 2.8843198;
  constexpr double kFasx6 = 0.37448087;
  constexpr double kG22 = 5.7686396;
  constexpr double kG32 = 0.95240898;
  constexpr double kG44 = 1.8014998;
  constexpr double kG52 = 1.0508330;
  constexpr double kG54 = 4.4108898;
  const DeepSpaceTerms& d = terms.deep;
  double xndt = 0.0, xldot = 0.0, xnddt = 0.0;
  if (d.resonance == Resonance::kOneDay) {
    xndt = d.del1 * std::sin(xli - kFasx2) + d.del2 * std::sin(2.0 * (xli - kFasx4)) +
           d.del3 * std::sin(3.0 * (xli - kFasx6));
    xldot = xni + d.xfact;
    xnddt = d.del1 * std::cos(xli - kFasx2) + 2.0 * d.del2 * std::cos(2.0 * (xli - kFasx4)) +
            3.0 * d.del3 * std::cos(3.0 * (xli - kFasx6));
    xnddt = xnddt * xldot;
  } else {
    const double xomi = terms.argpo + terms.argpdot * atime;
    const double x2omi = xomi + xomi;
    const double x2li = xli + xli;
    xndt = d.d2201 * std::sin(x2omi + xli - kG22) + d.d2211 * std::sin(xli - kG22) +
           d.d3210 * std::sin(xomi + xli - kG32) + d.d3222 * std::sin(-xomi + xli - kG32) +
           d.d4410 * std::sin(x2omi + x2li - kG44) + d.d4422 * std::sin(x2li - kG44) +
           d.d5220 * std::sin(xomi + xli - kG52) + d.d5232 * std::sin(-xomi + xli - kG52) +
           d.d5421 * std::sin(xomi + x2li - kG54) + d.d5433 * std::sin(-xomi + x2li - kG54);
    xldot = xni + d.xfact;
    xnddt =
        d.d2201 * std::cos(x2omi + xli - kG22) + d.d2211 * std::cos(xli - kG22) +
        d.d3210 * std::cos(xomi + xli - kG32) + d.d3222 * std::cos(-xomi + xli - kG32) +
        d.d5220 * std::cos(xomi + xli - kG52) + d.d5232 * std::cos(-xomi + xli - kG52) +
        2.0 * (d.d4410 * std::cos(x2omi + x2li - kG44) + d.d4422 * std::cos(x2li - kG44) +
               d.d5421 * std::cos(xomi + x2li - kG54) + d.d5433 * std::cos(-xomi + x2li - kG54));
    xnddt = xnddt * xldot;
  }
  return ResonanceStep{.xli = xli, .xni = xni, .xndt = xndt, .xldot = xldot, .xnddt = xnddt};
}

constexpr double kStep = 720.0;      // minutes per integration step
constexpr double kStep2 = 259200.0;  // kStep² / 2

// The integrator's state at step m + 1 from its state at step m (atime = m·delt).
ResonanceStep next_step(const Sgp4Terms& terms, const ResonanceStep& at, double delt,
                        double atime) {
  const double xli = at.xli + at.xldot * delt + at.xndt * kStep2;
  const double xni = at.xni + at.xndt * delt + at.xnddt * kStep2;
  return with_derivatives(terms, atime + delt, xli, xni);
}

}  // namespace

void apply_deep_space_secular(const Sgp4Terms& terms, double t, MeanState& state,
                              ResonanceCache* cache) {
  const DeepSpaceTerms& d = terms.deep;
  const double theta = std::fmod(terms.gsto + t * kRptim, kTwoPi);
  state.em = state.em + d.dedt * t;
  state.inclm = state.inclm + d.didt * t;
  state.argpm = state.argpm + d.domdt * t;
  state.nodem = state.nodem + d.dnodt * t;
  state.mm = state.mm + d.dmdt * t;
  if (d.resonance == Resonance::kNone) return;

  // Euler-Maclaurin integration of the resonant mean longitude (xli) and mean motion
  // (xni) from the epoch in 720-minute steps, up to the first step within 720 minutes of t,
  // then a Taylor step for the remainder. With a cache, the steps already taken are read
  // back (the same numbers: each step depends only on the one before).
  const double delt = t > 0.0 ? kStep : -kStep;
  ResonanceStep at;
  double atime = 0.0;
  if (cache == nullptr) {
    at = with_derivatives(terms, 0.0, d.xlamo, terms.no_unkozai);
    while (!(std::fabs(t - atime) < kStep)) {
      at = next_step(terms, at, delt, atime);
      atime = atime + delt;
    }
  } else {
    std::vector<ResonanceStep>& steps = t > 0.0 ? cache->forward : cache->backward;
    if (steps.empty()) steps.push_back(with_derivatives(terms, 0.0, d.xlamo, terms.no_unkozai));
    // The first m with |t − m·delt| < 720: floor(|t| / 720), give or take the rounding.
    double m = std::floor(std::fabs(t) / kStep);
    if (m > 0.0 && std::fabs(t - (m - 1.0) * delt) < kStep) m -= 1.0;
    if (!(std::fabs(t - m * delt) < kStep)) m += 1.0;
    const auto index = static_cast<std::size_t>(m);
    while (steps.size() <= index) {
      const double from = static_cast<double>(steps.size() - 1) * delt;
      steps.push_back(next_step(terms, steps.back(), delt, from));
    }
    at = steps[index];
    atime = m * delt;
  }
  const double ft = t - atime;

  const double nm = at.xni + at.xndt * ft + at.xnddt * ft * ft * 0.5;
  const double xl = at.xli + at.xldot * ft + at.xndt * ft * ft * 0.5;
  if (d.resonance == Resonance::kOneDay) {
    state.mm = xl - state.nodem - state.argpm + theta;
  } else {
    state.mm = xl - 2.0 * state.nodem + 2.0 * theta;
  }
  const double dndt = nm - terms.no_unkozai;
  state.nm = terms.no_unkozai + dndt;
}

void apply_lunar_solar_periodics(const Sgp4Terms& terms, double t, PerturbedElements& e) {
  const LunarSolarPeriodics& p = terms.deep.periodics;

  // Solar terms.
  double zm = p.zmos + kZns * t;
  double zf = zm + 2.0 * kZes * std::sin(zm);
  double sinzf = std::sin(zf);
  double f2 = 0.5 * sinzf * sinzf - 0.25;
  double f3 = -0.5 * sinzf * std::cos(zf);
  const double ses = p.se2 * f2 + p.se3 * f3;
  const double sis = p.si2 * f2 + p.si3 * f3;
  const double sls = p.sl2 * f2 + p.sl3 * f3 + p.sl4 * sinzf;
  const double sghs = p.sgh2 * f2 + p.sgh3 * f3 + p.sgh4 * sinzf;
  const double shs = p.sh2 * f2 + p.sh3 * f3;

  // Lunar terms.
  zm = p.zmol + kZnl * t;
  zf = zm + 2.0 * kZel * std::sin(zm);
  sinzf = std::sin(zf);
  f2 = 0.5 * sinzf * sinzf - 0.25;
  f3 = -0.5 * sinzf * std::cos(zf);
  const double sel = p.ee2 * f2 + p.e3 * f3;
  const double sil = p.xi2 * f2 + p.xi3 * f3;
  const double sll = p.xl2 * f2 + p.xl3 * f3 + p.xl4 * sinzf;
  const double sghl = p.xgh2 * f2 + p.xgh3 * f3 + p.xgh4 * sinzf;
  const double shll = p.xh2 * f2 + p.xh3 * f3;

  const double pe = ses + sel;
  const double pinc = sis + sil;
  const double pl = sls + sll;
  double pgh = sghs + sghl;
  double ph = shs + shll;

  e.inclp = e.inclp + pinc;
  e.ep = e.ep + pe;
  const double sinip = std::sin(e.inclp);
  const double cosip = std::cos(e.inclp);

  if (e.inclp >= 0.2) {
    ph = ph / sinip;
    pgh = pgh - cosip * ph;
    e.argpp = e.argpp + pgh;
    e.nodep = e.nodep + ph;
    e.mp = e.mp + pl;
    return;
  }

  // Lyddane's form: near zero inclination 1/sin(i) blows up, so perturb the node through
  // the components sin(i)·sin(node) and sin(i)·cos(node) instead.
  const double sinop = std::sin(e.nodep);
  const double cosop = std::cos(e.nodep);
  double alfdp = sinip * sinop;
  double betdp = sinip * cosop;
  const double dalf = ph * cosop + pinc * cosip * sinop;
  const double dbet = -ph * sinop + pinc * cosip * cosop;
  alfdp = alfdp + dalf;
  betdp = betdp + dbet;
  e.nodep = std::fmod(e.nodep, kTwoPi);
  // AFSPC's code keeps the node in [0, 2π) here; the improved mode does not.
  if (e.nodep < 0.0 && terms.afspc_mode) e.nodep = e.nodep + kTwoPi;
  const double xls = e.mp + e.argpp + pl + pgh + (cosip - pinc * sinip) * e.nodep;
  const double xnoh = e.nodep;
  e.nodep = std::atan2(alfdp, betdp);
  if (e.nodep < 0.0 && terms.afspc_mode) e.nodep = e.nodep + kTwoPi;
  if (std::fabs(xnoh - e.nodep) > kPi) {
    if (e.nodep < xnoh) {
      e.nodep = e.nodep + kTwoPi;
    } else {
      e.nodep = e.nodep - kTwoPi;
    }
  }
  e.mp = e.mp + pl;
  e.argpp = xls - e.mp - cosip * e.nodep;
}

}  // namespace jingkai::orbit::sgp4_detail
