// Passes of many satellites over many ground stations: what predict_passes (pass_search.hpp)
// gives for every pair, with one propagation per satellite for all the stations.
//
// The same search, shared: each satellite is propagated once on its sampling grid (the
// instants predict_passes samples) with the batch propagator's vector kernel (TrackPropagator,
// batch.hpp: within 1e-9 km of Sgp4::propagate, so the samples agree with predict_passes's to
// about 1e-8°, not to the bit) and turned to ITRF once per instant. Each station then reads
// those positions:
//   * Where a bound proves the satellite below the station's lowest horizon from one sample to
//     the next, nothing is evaluated: predict_passes finds nothing there either. First a cone
//     test of every sample at once: in view needs the satellite's direction from the Earth's
//     centre within acos((up·S + floor) / r) of the station's up (S the station, r the radius
//     that makes it widest, floor as in (2) below), and between two samples the direction
//     turns by at most the speed bound over the lowest radius times the spacing. Where that
//     does not decide, two bounds, whichever reaches further: (1) g = up·d − sin(e_lowest)|d| < 0,
//     with |dg/dt| ≤ (1 + |sin e_lowest|) times the satellite's speed, the speed bounded by the
//     largest ITRF speed on the grid × 1.2 + 0.5 km/s (SGP4's speed changes by far less than that
//     between two samples a hundredth of an orbit apart); (2) the height above the station's
//     horizon plane, y = up·d, which must reach sin(e_lowest) times the least (or, below a negative
//     horizon, the largest) possible range for the satellite to be in view, grows from a
//     sample at most as y + (up·v + δ)τ + Aτ²/2, with A 1.25 times a bound on the ITRF
//     acceleration (gravity at the lowest radius the orbit can reach between samples, plus 1 %
//     for J2, plus Coriolis and centrifugal terms; and no less than the grid's own largest
//     change of velocity between samples over their spacing) and δ = 0.01 km/s + 0.1 % of the speed
//     bound for SGP4's velocity not being exactly the rate of its positions. The radius between
//     samples lies within A h²/8 below and (v²/r + A) h²/8 above the samples' (h the spacing).
//     The bounds read the grid in single precision, with an allowance ten times its rounding.
//   * Elsewhere the samples are read and acted on as predict_passes does (out of view and over
//     a flat horizon compared by the sine of elevation, which orders them the same way);
//     only the refinements between samples differ: they search a cubic Hermite track through
//     the grid's positions and velocities (within a metre or so of SGP4) — AOS and LOS by
//     secant steps, TCA by Brent's method — and then settle with SGP4 through the vector
//     kernel: AOS and LOS by checking three 0.09 ms brackets around the track's crossing in one
//     call (else one Newton step and a check that the crossing lies inside a 0.09 ms bracket
//     there), TCA by the vertex of a parabola through SGP4 at the track's culmination and half
//     a second either side (one call; one more look at the vertex when it is more than 5 ms
//     away, as on a LEO whose perigee is near 100 km, where the track's culmination can be a
//     tenth of a second off), a peak near the horizon (within 1e-3°) by predict_passes's own
//     search. Angles are computed only for the samples that become events.
// So the passes are the same as predict_passes gives pair by pair, with AOS and LOS within
// 0.1 ms of its, TCA within its 10 ms search tolerance (tested; a deep-space satellite's flat
// culmination may move by seconds at the same elevation) and the same guarantee on the
// shortest pass. Two exceptions: a pass whose only evidence is a sample within ~1e-8° of the
// horizon may be seen by one search and not the other; and SGP4 failing between two samples
// where it works and inside a stretch the bound skipped goes unseen (predict_passes sees it
// only if one of its refinements happens to land there). A satellite whose propagation fails
// anywhere on its grid, or during any station's refinement, is searched station by station
// with predict_passes.
#pragma once

#include <cstddef>
#include <expected>
#include <span>
#include <vector>

#include "orbit/earth_orientation.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/pass_horizon.hpp"
#include "orbit/pass_search.hpp"
#include "orbit/range_error.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/topocentric.hpp"

namespace jingkai::orbit {

// One ground station and the horizon it sees above.
struct PassSite {
  Station station;
  Horizon horizon;
};

struct PassNetworkOptions {
  PassSearchOptions search;
  unsigned threads = 0;  // over satellites; 0: std::thread::hardware_concurrency()
};

// The predictions of every satellite over every site: at(satellite, site).
struct PassNetworkPrediction {
  std::size_t satellites = 0;
  std::size_t sites = 0;
  std::vector<PassPrediction> predictions;  // row-major: [satellite * sites + site]

  const PassPrediction& at(std::size_t satellite, std::size_t site) const {
    return predictions[satellite * sites + site];
  }
};

// predict_passes for each satellite and each site (see above); the same errors.
std::expected<PassNetworkPrediction, RangeError> predict_network_passes(
    std::span<const Sgp4> satellites, std::span<const PassSite> sites, const JulianDate& start,
    const JulianDate& stop, const EarthOrientation& earth_orientation = {},
    const PassNetworkOptions& options = {});

}  // namespace jingkai::orbit
