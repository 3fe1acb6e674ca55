// BatchPropagator: SGP4 for many satellites at many times. The near-earth satellites'
// constants are laid out as arrays (one per constant, a lane per satellite) and propagated
// four at a time with AVX2+FMA where the processor has it. A deep-space satellite (SDP4) runs
// Sgp4's first half (secular, resonance and lunar-solar terms; sgp4_stages.hpp) time by time
// in scalar code, its resonance steps taken once for the whole row, and the second half
// (periodics, Kepler, orientation) four times at a time in the same vector kernel.
// Processors without AVX2 use the scalar Sgp4::propagate. Work is shared over threads by
// satellite.
//
// Results agree with Sgp4::propagate to 1e-9 km in position (tested; a few 1e-9 km on
// orbits whose perigee is below ~190 km): the vector kernel uses fused multiply-adds and its
// own sine and cosine, which move the last bits. Failures are found by the scalar path, so
// their codes and times are the reference's.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "orbit/julian_date.hpp"
#include "orbit/sgp4.hpp"

namespace jingkai::orbit {

enum class BatchKernel {
  kAuto,      // AVX2+FMA when the processor has both, else portable
  kAvx2,      // as kAuto (falls back to portable where the processor lacks AVX2 or FMA)
  kPortable,  // the scalar propagator for every satellite
};

// Whether this processor runs the AVX2+FMA kernel.
bool batch_avx2_available();

struct BatchOptions {
  unsigned threads = 0;  // 0: std::thread::hardware_concurrency()
  BatchKernel kernel = BatchKernel::kAuto;
};

// A satellite whose propagation failed: its first failing time (an index into the times
// given) and the reference's error code there. Its states from that index on are NaN;
// those before it are valid.
struct BatchFailure {
  std::size_t satellite = 0;
  std::size_t time_index = 0;
  double minutes = 0.0;  // since the satellite's epoch, at time_index
  Sgp4Error error = Sgp4Error::kDecayed;

  friend bool operator==(const BatchFailure&, const BatchFailure&) = default;
};

struct BatchResult {
  std::size_t satellites = 0;
  std::size_t times = 0;
  // Row-major: states[satellite * times + time_index].
  std::vector<StateVector> states;
  // One entry per failed satellite, ordered by satellite.
  std::vector<BatchFailure> failures;
  bool used_avx2 = false;  // which kernel ran the near-earth (and deep-space) satellites

  std::span<const StateVector> row(std::size_t satellite) const {
    return std::span<const StateVector>(states).subspan(satellite * times, times);
  }
};

class BatchPropagator {
 public:
  explicit BatchPropagator(std::span<const Sgp4> satellites);
  ~BatchPropagator();
  BatchPropagator(BatchPropagator&&) noexcept;
  BatchPropagator& operator=(BatchPropagator&&) noexcept;

  std::size_t size() const;
  std::size_t near_earth_count() const;

  // Each satellite at each of `minutes` after its own epoch.
  BatchResult propagate(std::span<const double> minutes, const BatchOptions& options = {}) const;

  // As above into `result`, reusing its storage (no allocation when the sizes repeat).
  void propagate(std::span<const double> minutes, const BatchOptions& options,
                 BatchResult& result) const;

  // Each satellite at `start` + minutes_after_start[k] (one instant for all satellites).
  BatchResult propagate_from(const JulianDate& start, std::span<const double> minutes_after_start,
                             const BatchOptions& options = {}) const;

  struct Layout;  // the arrays; defined in batch.cpp

 private:
  void run(std::span<const double> minutes, bool common_instant, const JulianDate& start,
           const BatchOptions& options, BatchResult& result) const;

  std::vector<Sgp4> satellites_;
  std::unique_ptr<Layout> layout_;
};

// One satellite at many instants (a dense track of one orbit, as a pass search samples it):
// the AVX2 kernel four instants at a time for a near-earth satellite where the processor
// has it, else the scalar propagator. Agrees with Sgp4::propagate as BatchPropagator does.
class TrackPropagator {
 public:
  explicit TrackPropagator(const Sgp4& satellite, BatchKernel kernel = BatchKernel::kAuto);

  bool vectorised() const { return !constants_.empty(); }

  // The states at each of `minutes` after the epoch into `out` (the same size). False where
  // SGP4 fails at one of them (Sgp4::propagate says which and why); `out` is then
  // unspecified.
  bool propagate(std::span<const double> minutes, std::span<StateVector> out) const;

 private:
  const Sgp4* satellite_;
  std::vector<double> constants_;  // four lanes per field; empty on the scalar path
};

namespace batch_detail {

// The near-earth constants, one array per field, a lane per satellite: field f of lane i
// at constants[f * stride + i]. Lanes come in groups of four (the last group padded).
enum Field : int {
  kMo,
  kMdot,
  kArgpo,
  kArgpdot,
  kNodeo,
  kNodedot,
  kNodecf,
  kCc1,
  kBstarCc4,
  kT2cof,
  kOmgcof,
  kEta,
  kXmcof,
  kDelmo,
  kD2,
  kD3,
  kD4,
  kBstarCc5,
  kSinmao,
  kT3cof,
  kT4cof,
  kT5cof,
  kAmFactor,  // pow(xke / no_unkozai, 2/3)
  kNoUnkozai,
  kEcco,
  kInclo,
  kSinio,
  kCosio,
  kAycof,
  kXlcof,
  kCon41,
  kX1mth2,
  kX7thm1,
  kXke,
  kJ2,
  kRadius,
  kFieldCount
};

struct GroupArgs {
  const double* constants = nullptr;  // at the group's first lane
  std::size_t stride = 0;
  std::span<const double> minutes;
  double offsets[4] = {};     // added to minutes[k], per lane
  StateVector* rows[4] = {};  // each lane's output row (times entries)
};

// Propagates one group of four; returns a bit per lane that hit an error or a value that
// is not finite (those rows are then recomputed by the scalar propagator).
unsigned propagate_group_avx2(const GroupArgs& args);

// One satellite at each of `minutes`, four instants at a time: `constants` holds the
// satellite's fields replicated in four lanes (field f at constants[f * 4 .. f * 4 + 3]).
// False when some instant met an error or a value that is not finite.
bool propagate_times_avx2(const double* constants, std::span<const double> minutes,
                          StateVector* out);

// Sgp4's second half (sgp4_stages.hpp's state_from) for four lanes whose first halves were
// computed apart (a deep-space satellite at four instants): `fields` holds field f of lane i
// at fields[f * 4 + i]. Writes the first `count` (≤ 4) lanes; false when one of them met an
// error or a value that is not finite. Padding lanes should repeat a real one.
enum PerturbedField : int {
  kLaneAm,
  kLaneNm,
  kLaneEm,
  kLaneArgp,
  kLaneNode,
  kLaneMeanAnomaly,
  kLaneIncl,
  kLaneSinIncl,
  kLaneCosIncl,
  kLaneAycof,
  kLaneXlcof,
  kLaneCon41,
  kLaneX1mth2,
  kLaneX7thm1,
  kLaneFieldCount
};
bool finish_lanes_avx2(const double* fields, double xke, double radius_km, double j2,
                       std::size_t count, StateVector* out);

}  // namespace batch_detail

}  // namespace jingkai::orbit
