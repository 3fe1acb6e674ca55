// Sgp4: the SGP4/SDP4 propagator of NORAD element sets, as revised by Vallado, Crawford,
// Hujsak & Kelso, "Revisiting Spacetrack Report #3" (AIAA 2006-6753): near-earth drag and
// zonal terms, and for periods of 225 minutes or more lunar-solar perturbations and the
// 12 h and 24 h resonances. Output is in TEME (true equator, mean equinox of date).
//
// Initialise once per element set (Sgp4::create), then propagate as often as needed:
// propagate() is const, allocates nothing and may run on many threads at once.
#pragma once

#include <array>
#include <expected>
#include <string_view>

#include "orbit/gravity.hpp"
#include "orbit/julian_date.hpp"
#include "orbit/sgp4_terms.hpp"
#include "orbit/tle.hpp"

namespace jingkai::orbit {

// The reference's error codes, with its numbers (Sgp4Error's value is the code).
enum class Sgp4Error {
  // Mean eccentricity out of range: e >= 1 or e < -0.001 (drag can drive it there). The
  // reference also names "a < 0.95 earth radii" but has that test commented out, and the
  // verification output depends on it staying out; so does this code.
  kMeanElements = 1,
  kMeanMotion = 2,             // mean motion <= 0 (at epoch, or after resonance effects)
  kPerturbedEccentricity = 3,  // eccentricity after lunar-solar periodics outside [0, 1]
  kSemiLatusRectum = 4,        // semi-latus rectum < 0
  // "Epoch elements are sub-orbital": defined by the reference, never raised any more
  // (the decay test, code 6, covers those orbits); kept so that every code has a name.
  kSubOrbital = 5,
  kDecayed = 6,  // the computed radius is below one earth radius
};

int code(Sgp4Error error);
std::string_view describe(Sgp4Error error);

enum class OperationMode {
  kAfspc,     // 'a': as AFSPC's operational code (older sidereal time, node quadrant)
  kImproved,  // 'i': the improved form; what Vallado's verification uses
};

struct Sgp4Options {
  GravityModel gravity = GravityModel::kWgs72;
  OperationMode mode = OperationMode::kImproved;
};

// Mean elements as SGP4 takes them (the units of its equations, not of the TLE).
struct MeanElements {
  JulianDate epoch;
  double bstar = 0.0;                // 1/earth radii
  double eccentricity = 0.0;         // [0, 1)
  double inclination = 0.0;          // rad
  double right_ascension = 0.0;      // of the ascending node, rad
  double argument_of_perigee = 0.0;  // rad
  double mean_anomaly = 0.0;         // rad
  double mean_motion = 0.0;          // Kozai mean motion, rad/min
};

MeanElements mean_elements(const Tle& tle);

struct StateVector {
  std::array<double, 3> position_km{};    // TEME
  std::array<double, 3> velocity_km_s{};  // TEME
};

class Sgp4 {
 public:
  // Fails with kMeanElements for an eccentricity outside [0, 1) or a value that is not
  // finite, with kMeanMotion for a mean motion <= 0. Other failures show when propagating.
  static std::expected<Sgp4, Sgp4Error> create(const MeanElements& elements,
                                               const Sgp4Options& options = {});
  static std::expected<Sgp4, Sgp4Error> create(const Tle& tle, const Sgp4Options& options = {});

  // State at `minutes` after the epoch (negative before it).
  std::expected<StateVector, Sgp4Error> propagate(double minutes) const;

  const JulianDate& epoch() const { return epoch_; }
  bool is_deep_space() const { return terms_.deep_space; }
  const sgp4_detail::Sgp4Terms& terms() const { return terms_; }

 private:
  Sgp4() = default;

  JulianDate epoch_;
  sgp4_detail::Sgp4Terms terms_;
};

}  // namespace jingkai::orbit
