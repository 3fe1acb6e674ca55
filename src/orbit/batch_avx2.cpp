// The near-earth SGP4 kernel on four satellites at once (AVX2 + FMA). Compiled with
// -mavx2 -mfma; called only after batch_avx2_available() says the processor has both.
//
// It follows Sgp4::propagate (sgp4.cpp) step by step, with three departures that change
// only the last bits: fused multiply-adds, its own sine and cosine, and the argument of
// latitude turned by its short-period correction through the angle-sum formulas instead of
// atan2 followed by sine and cosine.
#include <immintrin.h>

#include <algorithm>
#include <cmath>

#include "orbit/batch.hpp"

namespace jingkai::orbit::batch_detail {
namespace {

using V = __m256d;

V set1(double x) { return _mm256_set1_pd(x); }
V add(V a, V b) { return _mm256_add_pd(a, b); }
V sub(V a, V b) { return _mm256_sub_pd(a, b); }
V mul(V a, V b) { return _mm256_mul_pd(a, b); }
V div(V a, V b) { return _mm256_div_pd(a, b); }
V fma(V a, V b, V c) { return _mm256_fmadd_pd(a, b, c); }    // a * b + c
V fnma(V a, V b, V c) { return _mm256_fnmadd_pd(a, b, c); }  // c - a * b
V vmin(V a, V b) { return _mm256_min_pd(a, b); }
V vmax(V a, V b) { return _mm256_max_pd(a, b); }
V vabs(V a) { return _mm256_andnot_pd(set1(-0.0), a); }
V blend(V if_false, V if_true, V mask) { return _mm256_blendv_pd(if_false, if_true, mask); }
V lt(V a, V b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
V ge(V a, V b) { return _mm256_cmp_pd(a, b, _CMP_GE_OQ); }
V vor(V a, V b) { return _mm256_or_pd(a, b); }
V vand(V a, V b) { return _mm256_and_pd(a, b); }
V vxor(V a, V b) { return _mm256_xor_pd(a, b); }

// π/2 and 2π each split into three doubles whose sum carries ~160 bits, so that the
// reductions below stay exact for the angles SGP4 meets (thousands of radians).
constexpr double kHalfPi1 = 1.5707963267948966;
constexpr double kHalfPi2 = 6.123233995736766e-17;
constexpr double kHalfPi3 = -1.4973849048591698e-33;
constexpr double kTwoPi1 = 6.283185307179586;
constexpr double kTwoPi2 = 2.4492935982947064e-16;
constexpr double kTwoPi3 = -5.989539619436679e-33;
constexpr double kTwoOverPi = 0.63661977236758134;
constexpr double kOneOverTwoPi = 0.15915494309189535;
// Adding 1.5 * 2^52 leaves an integer-valued double's low bits as a two's-complement integer.
constexpr double kIntegerShift = 6755399441055744.0;

struct SinCos {
  V sin;
  V cos;
};

// Taylor series to degree 17 (sine) and 16 (cosine) on |r| <= π/4, where the first omitted
// terms are below 1e-17 of the result; Horner's scheme in r².
[[gnu::always_inline]] inline SinCos sincos(V x) {
  const V k =
      _mm256_round_pd(mul(x, set1(kTwoOverPi)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  V r = fnma(k, set1(kHalfPi1), x);
  r = fnma(k, set1(kHalfPi2), r);
  r = fnma(k, set1(kHalfPi3), r);
  const V r2 = mul(r, r);

  V s = set1(1.0 / 355687428096000.0);           // 1/17!
  s = fma(s, r2, set1(-1.0 / 1307674368000.0));  // 1/15!
  s = fma(s, r2, set1(1.0 / 6227020800.0));      // 1/13!
  s = fma(s, r2, set1(-1.0 / 39916800.0));       // 1/11!
  s = fma(s, r2, set1(1.0 / 362880.0));          // 1/9!
  s = fma(s, r2, set1(-1.0 / 5040.0));           // 1/7!
  s = fma(s, r2, set1(1.0 / 120.0));             // 1/5!
  s = fma(s, r2, set1(-1.0 / 6.0));              // 1/3!
  s = fma(mul(s, r2), r, r);

  V c = set1(1.0 / 20922789888000.0);          // 1/16!
  c = fma(c, r2, set1(-1.0 / 87178291200.0));  // 1/14!
  c = fma(c, r2, set1(1.0 / 479001600.0));     // 1/12!
  c = fma(c, r2, set1(-1.0 / 3628800.0));      // 1/10!
  c = fma(c, r2, set1(1.0 / 40320.0));         // 1/8!
  c = fma(c, r2, set1(-1.0 / 720.0));          // 1/6!
  c = fma(c, r2, set1(1.0 / 24.0));            // 1/4!
  c = fma(c, r2, set1(-0.5));
  c = fma(c, r2, set1(1.0));

  // Quadrant q = k mod 4: sin x = (s, c, -s, -c)[q], cos x = (c, -s, -c, s)[q].
  const __m256i q = _mm256_castpd_si256(add(k, set1(kIntegerShift)));
  const V swap = _mm256_castsi256_pd(
      _mm256_cmpeq_epi64(_mm256_and_si256(q, _mm256_set1_epi64x(1)), _mm256_set1_epi64x(1)));
  const V sin_negative = _mm256_castsi256_pd(
      _mm256_slli_epi64(_mm256_and_si256(q, _mm256_set1_epi64x(2)), 62));  // bit 1 to the sign bit
  const V cos_negative = _mm256_castsi256_pd(_mm256_slli_epi64(
      _mm256_and_si256(_mm256_add_epi64(q, _mm256_set1_epi64x(1)), _mm256_set1_epi64x(2)), 62));
  const V sin_value = blend(s, c, swap);
  const V cos_value = blend(c, s, swap);
  return {vxor(sin_value, sin_negative), vxor(cos_value, cos_negative)};
}

// fmod(x, 2π): x less the whole turns toward zero, the sign of x kept.
[[gnu::always_inline]] inline V fmod_two_pi(V x) {
  const V k = _mm256_round_pd(mul(x, set1(kOneOverTwoPi)), _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
  V r = fnma(k, set1(kTwoPi1), x);
  r = fnma(k, set1(kTwoPi2), r);
  r = fnma(k, set1(kTwoPi3), r);
  // A quotient rounded up to the next integer leaves r just across zero: take it back.
  const V wrong_sign = _mm256_cmp_pd(_mm256_xor_pd(r, x), set1(0.0), _CMP_LT_OQ);
  const V crossed = vand(wrong_sign, _mm256_cmp_pd(r, set1(0.0), _CMP_NEQ_OQ));
  const V turn = _mm256_or_pd(_mm256_and_pd(x, set1(-0.0)), set1(kTwoPi1));
  return add(r, vand(crossed, turn));
}

// A group's constants, loaded once.
struct Constants {
  V mo, mdot, argpo, argpdot, nodeo, nodedot, nodecf, cc1, bstar_cc4, t2cof, omgcof, eta, xmcof;
  V delmo, d2, d3, d4, bstar_cc5, sinmao, t3cof, t4cof, t5cof, am_factor, no_unkozai, ecco;
  V inclo, sinio, cosio, aycof, xlcof, con41, x1mth2, x7thm1, xke, radius;
  V vkmpersec, half_j2;
};

[[gnu::always_inline]] inline Constants load_constants(const double* base, std::size_t stride) {
  auto load = [&](Field f) { return _mm256_loadu_pd(base + static_cast<std::size_t>(f) * stride); };
  Constants c;
  c.mo = load(kMo), c.mdot = load(kMdot), c.argpo = load(kArgpo), c.argpdot = load(kArgpdot);
  c.nodeo = load(kNodeo), c.nodedot = load(kNodedot), c.nodecf = load(kNodecf);
  c.cc1 = load(kCc1), c.bstar_cc4 = load(kBstarCc4), c.t2cof = load(kT2cof);
  c.omgcof = load(kOmgcof), c.eta = load(kEta), c.xmcof = load(kXmcof), c.delmo = load(kDelmo);
  c.d2 = load(kD2), c.d3 = load(kD3), c.d4 = load(kD4), c.bstar_cc5 = load(kBstarCc5);
  c.sinmao = load(kSinmao), c.t3cof = load(kT3cof), c.t4cof = load(kT4cof);
  c.t5cof = load(kT5cof), c.am_factor = load(kAmFactor), c.no_unkozai = load(kNoUnkozai);
  c.ecco = load(kEcco), c.inclo = load(kInclo), c.sinio = load(kSinio), c.cosio = load(kCosio);
  c.aycof = load(kAycof), c.xlcof = load(kXlcof), c.con41 = load(kCon41);
  c.x1mth2 = load(kX1mth2), c.x7thm1 = load(kX7thm1), c.xke = load(kXke);
  c.radius = load(kRadius);
  c.vkmpersec = div(mul(c.radius, c.xke), set1(60.0));
  c.half_j2 = mul(set1(0.5), load(kJ2));
  return c;
}

// Four states: position (km) and velocity (km/s), a lane each, and the lanes that went wrong.
struct States {
  V px, py, pz, wx, wy, wz;
  V bad;
};

// The mean elements of four lanes after the secular (and, for deep space, lunar-solar)
// terms, with the inclination's terms: what Sgp4's second half (state_from) reads.
struct Lanes {
  V am, nm, em, argpm, nodem, mm;
  V inclm, sinim, cosim, aycof, xlcof, con41, x1mth2, x7thm1;
};

// Sgp4's second half on four lanes: long- and short-period periodics, Kepler's equation and
// the orientation. `bad` carries the lanes already gone wrong.
[[gnu::always_inline]] inline States periodics4(V xke, V radius, V half_j2, V vkmpersec,
                                                const Lanes& l, V bad) {
  const V one = set1(1.0);
  // Long-period periodics.
  const SinCos argp_sc = sincos(l.argpm);
  const V axnl = mul(l.em, argp_sc.cos);
  V temp = div(one, mul(l.am, fnma(l.em, l.em, one)));
  const V aynl = fma(l.em, argp_sc.sin, mul(temp, l.aycof));
  const V xl = fma(mul(temp, l.xlcof), axnl, add(add(l.mm, l.argpm), l.nodem));

  // Kepler's equation, lane by lane as the scalar loop: a lane stops when its step
  // falls below 1e-12, keeping the sine and cosine of its last iterate.
  const V u = fmod_two_pi(sub(xl, l.nodem));
  V eo1 = u;
  V sineo1 = _mm256_setzero_pd();
  V coseo1 = _mm256_setzero_pd();
  V active = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
  for (int ktr = 1; ktr <= 10; ++ktr) {
    const SinCos sc = sincos(eo1);
    sineo1 = blend(sineo1, sc.sin, active);
    coseo1 = blend(coseo1, sc.cos, active);
    V tem5 = fnma(coseo1, axnl, fnma(sineo1, aynl, one));
    tem5 = div(sub(fma(axnl, sineo1, fnma(aynl, coseo1, u)), eo1), tem5);
    tem5 = vmin(vmax(tem5, set1(-0.95)), set1(0.95));
    eo1 = blend(eo1, add(eo1, tem5), active);
    active = vand(active, ge(vabs(tem5), set1(1.0e-12)));
    if (_mm256_movemask_pd(active) == 0) break;
  }

  // Short-period periodics.
  const V ecose = fma(axnl, coseo1, mul(aynl, sineo1));
  const V esine = fnma(aynl, coseo1, mul(axnl, sineo1));
  const V el2 = fma(axnl, axnl, mul(aynl, aynl));
  const V pl = mul(l.am, sub(one, el2));
  bad = vor(bad, lt(pl, _mm256_setzero_pd()));
  const V rl = mul(l.am, sub(one, ecose));
  const V rdotl = div(mul(_mm256_sqrt_pd(l.am), esine), rl);
  const V rvdotl = div(_mm256_sqrt_pd(pl), rl);
  const V betal = _mm256_sqrt_pd(sub(one, el2));
  temp = div(esine, add(one, betal));
  const V am_over_rl = div(l.am, rl);
  const V sinu = mul(am_over_rl, fnma(axnl, temp, sub(sineo1, aynl)));
  const V cosu = mul(am_over_rl, fma(aynl, temp, sub(coseo1, axnl)));
  const V sin2u = mul(add(cosu, cosu), sinu);
  const V cos2u = fnma(add(sinu, sinu), sinu, one);
  temp = div(one, pl);
  const V temp1 = mul(half_j2, temp);
  const V temp2 = mul(temp1, temp);

  const V mrt = fma(mul(mul(set1(0.5), temp1), l.x1mth2), cos2u,
                    mul(rl, fnma(mul(mul(set1(1.5), temp2), betal), l.con41, one)));
  const V dsu = mul(mul(mul(set1(0.25), temp2), l.x7thm1), sin2u);
  const V xnode = fma(mul(mul(set1(1.5), temp2), l.cosim), sin2u, l.nodem);
  const V xinc = fma(mul(mul(mul(set1(1.5), temp2), l.cosim), l.sinim), cos2u, l.inclm);
  const V nm_temp1 = mul(l.nm, temp1);
  const V mvt = sub(rdotl, div(mul(mul(nm_temp1, l.x1mth2), sin2u), xke));
  const V rvdot =
      add(rvdotl, div(mul(nm_temp1, fma(l.x1mth2, cos2u, mul(set1(1.5), l.con41))), xke));

  // su = atan2(sinu, cosu) - dsu, taken through its sine and cosine.
  const V inv_norm = div(one, _mm256_sqrt_pd(fma(sinu, sinu, mul(cosu, cosu))));
  const SinCos dsu_sc = sincos(dsu);
  const V su_sin0 = mul(sinu, inv_norm);
  const V su_cos0 = mul(cosu, inv_norm);
  const V sinsu = fnma(su_cos0, dsu_sc.sin, mul(su_sin0, dsu_sc.cos));
  const V cossu = fma(su_sin0, dsu_sc.sin, mul(su_cos0, dsu_sc.cos));
  const SinCos node_sc = sincos(xnode);
  const SinCos inc_sc = sincos(xinc);
  const V snod = node_sc.sin, cnod = node_sc.cos, sini = inc_sc.sin, cosi = inc_sc.cos;
  const V xmx = mul(vxor(snod, set1(-0.0)), cosi);
  const V xmy = mul(cnod, cosi);
  const V ux = fma(xmx, sinsu, mul(cnod, cossu));
  const V uy = fma(xmy, sinsu, mul(snod, cossu));
  const V uz = mul(sini, sinsu);
  const V vx = fnma(cnod, sinsu, mul(xmx, cossu));
  const V vy = fnma(snod, sinsu, mul(xmy, cossu));
  const V vz = mul(sini, cossu);

  bad = vor(bad, lt(mrt, one));
  const V mr = mul(mrt, radius);
  const V px = mul(mr, ux), py = mul(mr, uy), pz = mul(mr, uz);
  const V wx = mul(fma(mvt, ux, mul(rvdot, vx)), vkmpersec);
  const V wy = mul(fma(mvt, uy, mul(rvdot, vy)), vkmpersec);
  const V wz = mul(fma(mvt, uz, mul(rvdot, vz)), vkmpersec);
  // NaN or infinity anywhere (x - x is 0 only for finite x) also sends a lane back.
  const V check = add(add(add(px, py), add(pz, wx)), add(wy, wz));
  bad = vor(bad, _mm256_cmp_pd(sub(check, check), _mm256_setzero_pd(), _CMP_NEQ_UQ));
  return {px, py, pz, wx, wy, wz, bad};
}

// SGP4 for each lane at its `t` minutes after its epoch.
[[gnu::always_inline]] inline States propagate4(const Constants& c, V t) {
  const V one = set1(1.0);
  V bad = _mm256_setzero_pd();

  // Secular gravity and atmospheric drag.
  // The angles grow to hundreds of radians in days: round them as the scalar code does
  // (no fused multiply-add), so that their last bits, worth 1e-10 km, agree.
  const V xmdf = add(c.mo, mul(c.mdot, t));
  const V argpdf = add(c.argpo, mul(c.argpdot, t));
  const V nodedf = add(c.nodeo, mul(c.nodedot, t));
  const V t2 = mul(t, t);
  const V nodem0 = add(nodedf, mul(c.nodecf, t2));
  // Simplified (low-perigee) satellites carry zeros in omgcof, xmcof, d2-d4, t3cof-t5cof
  // and bstar*cc5, which makes these terms vanish exactly.
  const V delomg = mul(c.omgcof, t);
  const V delmtemp = fma(c.eta, sincos(xmdf).cos, one);
  const V delm = mul(c.xmcof, sub(mul(mul(delmtemp, delmtemp), delmtemp), c.delmo));
  const V temp0 = add(delomg, delm);
  const V mm0 = add(xmdf, temp0);
  const V argpm0 = sub(argpdf, temp0);
  const V t3 = mul(t2, t);
  const V t4 = mul(t3, t);
  V tempa = fnma(c.cc1, t, one);
  tempa = fnma(c.d2, t2, tempa);
  tempa = fnma(c.d3, t3, tempa);
  tempa = fnma(c.d4, t4, tempa);
  const V tempe = fma(c.bstar_cc5, sub(sincos(mm0).sin, c.sinmao), mul(c.bstar_cc4, t));
  const V templ =
      add(add(mul(c.t2cof, t2), mul(c.t3cof, t3)), mul(t4, add(c.t4cof, mul(t, c.t5cof))));

  const V am = mul(mul(c.am_factor, tempa), tempa);
  const V nm = div(c.xke, mul(am, _mm256_sqrt_pd(am)));
  V em = sub(c.ecco, tempe);
  bad = vor(bad, vor(ge(em, one), lt(em, set1(-0.001))));
  em = vmax(em, set1(1.0e-6));
  const V mm1 = add(mm0, mul(c.no_unkozai, templ));
  const V xlm = fmod_two_pi(add(add(mm1, argpm0), nodem0));
  const V nodem = fmod_two_pi(nodem0);
  const V argpm = fmod_two_pi(argpm0);
  const V mm = fmod_two_pi(sub(sub(xlm, argpm), nodem));

  const Lanes lanes{.am = am,
                    .nm = nm,
                    .em = em,
                    .argpm = argpm,
                    .nodem = nodem,
                    .mm = mm,
                    .inclm = c.inclo,
                    .sinim = c.sinio,
                    .cosim = c.cosio,
                    .aycof = c.aycof,
                    .xlcof = c.xlcof,
                    .con41 = c.con41,
                    .x1mth2 = c.x1mth2,
                    .x7thm1 = c.x7thm1};
  return periodics4(c.xke, c.radius, c.half_j2, c.vkmpersec, lanes, bad);
}

// The lanes of four states, stored to be read out as StateVectors.
struct Stored {
  alignas(32) double v[6][4];

  void store(const States& s) {
    _mm256_store_pd(v[0], s.px);
    _mm256_store_pd(v[1], s.py);
    _mm256_store_pd(v[2], s.pz);
    _mm256_store_pd(v[3], s.wx);
    _mm256_store_pd(v[4], s.wy);
    _mm256_store_pd(v[5], s.wz);
  }
  StateVector lane(std::size_t i) const {
    return StateVector{.position_km = {v[0][i], v[1][i], v[2][i]},
                       .velocity_km_s = {v[3][i], v[4][i], v[5][i]}};
  }
};

}  // namespace

unsigned propagate_group_avx2(const GroupArgs& args) {
  const Constants c = load_constants(args.constants, args.stride);
  const V offsets = _mm256_loadu_pd(args.offsets);
  V bad = _mm256_setzero_pd();
  Stored out;
  const std::size_t times = args.minutes.size();
  for (std::size_t k = 0; k < times; ++k) {
    const States s = propagate4(c, add(set1(args.minutes[k]), offsets));
    bad = vor(bad, s.bad);
    out.store(s);
    for (std::size_t lane = 0; lane < 4; ++lane) {
      StateVector* row = args.rows[lane];
      if (row != nullptr) row[k] = out.lane(lane);
    }
  }
  return static_cast<unsigned>(_mm256_movemask_pd(bad));
}

bool propagate_times_avx2(const double* constants, std::span<const double> minutes,
                          StateVector* out) {
  const Constants c = load_constants(constants, 4);
  V bad = _mm256_setzero_pd();
  Stored stored;
  const std::size_t count = minutes.size();
  std::size_t k = 0;
  for (; k + 4 <= count; k += 4) {
    const States s = propagate4(c, _mm256_loadu_pd(minutes.data() + k));
    bad = vor(bad, s.bad);
    stored.store(s);
    for (std::size_t lane = 0; lane < 4; ++lane) out[k + lane] = stored.lane(lane);
  }
  if (k < count) {
    alignas(32) double rest[4];
    for (std::size_t i = 0; i < 4; ++i) rest[i] = minutes[std::min(k + i, count - 1)];
    const States s = propagate4(c, _mm256_load_pd(rest));
    bad = vor(bad, s.bad);
    stored.store(s);
    for (std::size_t i = 0; k + i < count; ++i) out[k + i] = stored.lane(i);
  }
  return _mm256_movemask_pd(bad) == 0;
}

bool finish_lanes_avx2(const double* fields, double xke, double radius_km, double j2,
                       std::size_t count, StateVector* out) {
  auto load = [&](PerturbedField f) { return _mm256_loadu_pd(fields + 4 * f); };
  const Lanes lanes{.am = load(kLaneAm),
                    .nm = load(kLaneNm),
                    .em = load(kLaneEm),
                    .argpm = load(kLaneArgp),
                    .nodem = load(kLaneNode),
                    .mm = load(kLaneMeanAnomaly),
                    .inclm = load(kLaneIncl),
                    .sinim = load(kLaneSinIncl),
                    .cosim = load(kLaneCosIncl),
                    .aycof = load(kLaneAycof),
                    .xlcof = load(kLaneXlcof),
                    .con41 = load(kLaneCon41),
                    .x1mth2 = load(kLaneX1mth2),
                    .x7thm1 = load(kLaneX7thm1)};
  const V vxke = set1(xke);
  const V radius = set1(radius_km);
  const States s = periodics4(vxke, radius, mul(set1(0.5), set1(j2)),
                              div(mul(radius, vxke), set1(60.0)), lanes, _mm256_setzero_pd());
  Stored stored;
  stored.store(s);
  for (std::size_t i = 0; i < count; ++i) out[i] = stored.lane(i);
  const unsigned used = (1U << count) - 1U;
  return (static_cast<unsigned>(_mm256_movemask_pd(s.bad)) & used) == 0;
}

}  // namespace jingkai::orbit::batch_detail
