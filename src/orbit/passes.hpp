// Passes: when a satellite is in view of a ground station over an interval — each pass's
// acquisition of signal (AOS), time of closest approach (TCA: the highest elevation) and loss
// of signal (LOS), with the look angles there.
//
// "In view" means the geometric elevation (no refraction) is above the station's Horizon at
// the satellite's azimuth. Positions come from SGP4 through TEME → ITRF (frames.hpp) with the
// EarthOrientation given: none means ΔUT1 and polar motion zero. ΔUT1 < 0.9 s turns the Earth
// < 14″, moving the station < 0.45 km: of the order of 0.1 s on a LEO event's time.
//
// The search, and what it cannot miss:
//   1. It samples the interval uniformly with a step h of at most pass_search_step_s(): a
//      hundredth of the orbital period, never more than 60 s (52-60 s for LEO).
//   2. A pass is a stretch where elevation − horizon > 0. A sign change between two samples is
//      bracketed and AOS/LOS found by bisection to 0.1 ms.
//   3. Where three samples below the horizon peak in the middle, the peak is searched for
//      (golden section) in case a pass shorter than h hides between them.
//   4. TCA: every local maximum of the samples inside the pass (and its two ends) is refined
//      by golden section to 10 ms; the highest wins. A high-eccentricity orbit can culminate
//      more than once in one pass: still one pass, the highest culmination its TCA.
// Guarantee: every pass that stays above the horizon for longer than h (≤ 60 s) is found, as
// it must contain a sample. Put in elevation: the topocentric angular rate ω of a satellite
// is at most its speed relative to the station over its range (≈ 1.1°/s for a 400 km LEO
// overhead, far less near the horizon), and a pass culminating Δ above the horizon lasts at
// least 2Δ/ω; so every culmination higher than ω·h/2 above the horizon is found. Shorter
// passes are usually found by step 3 but are not guaranteed.
#pragma once

#include <cstddef>
#include <expected>
#include <optional>
#include <span>
#include <vector>

#include "orbit/earth_orientation.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/pass_horizon.hpp"
#include "orbit/range_error.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/topocentric.hpp"

namespace jingkai::orbit {

// Never more than this between two samples of the search.
inline constexpr double kMaxPassSearchStepS = 60.0;
// The step is at most this fraction of the orbital period.
inline constexpr double kPassSearchStepsPerOrbit = 100.0;

struct PassEvent {
  JulianDate time;  // UTC
  double azimuth_deg = 0.0;
  double elevation_deg = 0.0;
};

struct Pass {
  PassEvent aos;  // the interval's start when aos_clipped
  PassEvent tca;  // the highest elevation within [aos, los]
  PassEvent los;  // the interval's end (or the last instant SGP4 could give) when los_clipped
  double max_elevation_deg = 0.0;  // tca.elevation_deg
  double duration_s = 0.0;         // los − aos
  bool aos_clipped = false;        // already in view at the interval's start
  bool los_clipped = false;        // still in view at its end
};

// SGP4 stopped giving positions inside the interval (decay, most often).
struct PassSearchFailure {
  Sgp4Error error = Sgp4Error::kDecayed;
  JulianDate time;  // the first instant found to fail, within 1 ms of the last that works
};

struct PassPrediction {
  // In time order. With a failure, those before it; a pass in progress when SGP4 fails ends
  // there, los_clipped.
  std::vector<Pass> passes;
  std::optional<PassSearchFailure> failure;
};

struct PassSearchOptions {
  // The sampling step h of the search, seconds; 0 for pass_search_step_s(). A larger step is
  // faster and guarantees less (see above).
  double step_s = 0.0;
};

// h for a satellite: min(60 s, period / 100), the period from SGP4's mean motion.
double pass_search_step_s(const Sgp4& satellite);

// The passes of `satellite` over `station` between `start` and `stop` (UTC). A satellite
// always in view gives one pass clipped at both ends; one never in view, none. Fails
// ("pass_interval") when stop is not after start or either is not finite, and
// ("pass_step") for a step that is negative or not finite.
std::expected<PassPrediction, RangeError> predict_passes(
    const Sgp4& satellite, const Station& station, const Horizon& horizon, const JulianDate& start,
    const JulianDate& stop, const EarthOrientation& earth_orientation = {},
    const PassSearchOptions& options = {});

// ---- many satellites over many stations ----
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
