// SDP4's deep-space terms (internal to the orbit library): lunar-solar secular rates and
// periodics and the 12 h / 24 h resonance integration, after Hujsak (1979) as revised in
// AIAA 2006-6753. The reference's dscom and dsinit become init_deep_space; dspace and dpper
// become the two apply_ functions.
#pragma once

#include <vector>

#include "orbit/sgp4_terms.hpp"

namespace jingkai::orbit::sgp4_detail {

// `near` holds the epoch elements and the near-earth rates; `epoch` is in days since
// 1949 December 31 0h UT (the reference's epoch argument).
DeepSpaceTerms init_deep_space(const Sgp4Terms& near, double epoch);

// Mean elements while propagating: eccentricity, argument of perigee, inclination, mean
// anomaly, node (radians) and mean motion (rad/min).
struct MeanState {
  double em, argpm, inclm, mm, nodem, nm;
};

// One step of the resonance integrator: mean longitude and motion, and their derivatives.
struct ResonanceStep {
  double xli, xni, xndt, xldot, xnddt;
};

// The integrator's steps from the epoch (forward: t > 0; backward: t <= 0), step m at
// m × 720 minutes, as far as they were needed so far. For one satellite only.
struct ResonanceCache {
  std::vector<ResonanceStep> forward;
  std::vector<ResonanceStep> backward;
};

// Lunar-solar secular drift and, for resonant orbits, the numerically integrated mean
// motion and longitude at `t` minutes (the reference's dspace). Without a cache the
// integration restarts from the epoch on every call, which gives the reference's numbers (its
// cached state is only a shortcut along the same 720-minute grid) and keeps propagation free
// of state; with one, steps taken once are read back: the same numbers, to the bit, without
// the sines and cosines of every step for every time.
void apply_deep_space_secular(const Sgp4Terms& terms, double t, MeanState& state,
                              ResonanceCache* cache = nullptr);

struct PerturbedElements {
  double ep, inclp, nodep, argpp, mp;
};

// Lunar-solar long-period periodics at `t` minutes (the reference's dpper after
// initialisation), with Lyddane's form below 0.2 rad of inclination.
void apply_lunar_solar_periodics(const Sgp4Terms& terms, double t, PerturbedElements& elements);

}  // namespace jingkai::orbit::sgp4_detail
