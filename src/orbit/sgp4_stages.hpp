// Sgp4::propagate in two halves (internal to the orbit library): the mean elements at a time
// after the secular, deep-space and lunar-solar terms, then the long- and short-period
// periodics, Kepler's equation and the orientation. The batch propagator runs the first half
// of a deep-space satellite itself (with a resonance cache) and the second half four
// instants at a time in its vector kernel.
#pragma once

#include <expected>

#include "orbit/sgp4.hpp"
#include "orbit/sgp4_deep_space.hpp"
#include "orbit/sgp4_terms.hpp"

namespace jingkai::orbit::sgp4_detail {

// What the second half reads: the semi-major axis (earth radii) and mean motion (rad/min),
// the perturbed elements, and the inclination's terms (the epoch's for a near-earth
// satellite, recomputed from the perturbed inclination for a deep-space one).
struct Perturbed {
  double am, nm;
  PerturbedElements p;
  double sinip, cosip, aycof, xlcof, con41, x1mth2, x7thm1;
};

// The first half at `t` minutes after the epoch; `cache` (may be null) keeps a deep-space
// satellite's resonance steps between calls for the same satellite.
std::expected<Perturbed, Sgp4Error> perturbed_at(const Sgp4Terms& terms, double t,
                                                 ResonanceCache* cache);

// The second half: TEME position and velocity.
std::expected<StateVector, Sgp4Error> state_from(const Sgp4Terms& terms, const Perturbed& elements);

}  // namespace jingkai::orbit::sgp4_detail
