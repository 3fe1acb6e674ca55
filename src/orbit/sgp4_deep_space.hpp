// SDP4's deep-space terms (internal to the orbit library): lunar-solar secular rates and
// periodics and the 12 h / 24 h resonance integration, after Hujsak (1979) as revised in
// AIAA 2006-6753. The reference's dscom and dsinit become init_deep_space; dspace and dpper
// become the two apply_ functions.
#pragma once

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

// Lunar-solar secular drift and, for resonant orbits, the numerically integrated mean
// motion and longitude at `t` minutes (the reference's dspace). The integration restarts
// from the epoch on every call, which gives the reference's numbers (its cached state is
// only a shortcut along the same 720-minute grid) and keeps propagation free of state.
void apply_deep_space_secular(const Sgp4Terms& terms, double t, MeanState& state);

struct PerturbedElements {
  double ep, inclp, nodep, argpp, mp;
};

// Lunar-solar long-period periodics at `t` minutes (the reference's dpper after
// initialisation), with Lyddane's form below 0.2 rad of inclination.
void apply_lunar_solar_periodics(const Sgp4Terms& terms, double t, PerturbedElements& elements);

}  // namespace jingkai::orbit::sgp4_detail
