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

#include <expected>
#include <optional>
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

}  // namespace jingkai::orbit
