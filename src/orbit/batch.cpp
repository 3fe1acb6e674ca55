#include "orbit/batch.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <optional>
#include <thread>

#include "orbit/sgp4_stages.hpp"

namespace jingkai::orbit {

using batch_detail::Field;

struct BatchPropagator::Layout {
  // Indices (into satellites_) of the near-earth satellites, in lane order; the deep-space
  // ones go through the scalar propagator.
  std::vector<std::size_t> near_earth;
  std::vector<std::size_t> deep_space;
  std::size_t stride = 0;         // near_earth.size() rounded up to a multiple of 4
  std::vector<double> constants;  // Field-major, stride lanes each
};

namespace {

constexpr std::size_t kLanes = 4;
// Work items handed to a thread at once: groups of four near-earth satellites or single
// deep-space satellites.
constexpr std::size_t kItemsPerClaim = 4;

double field_value(const sgp4_detail::Sgp4Terms& c, Field f) {
  // Simplified (low-perigee) satellites skip the higher drag terms; zeros make the kernel's
  // expressions for them vanish exactly.
  const bool full = !c.simplified;
  switch (f) {
    case batch_detail::kMo:
      return c.mo;
    case batch_detail::kMdot:
      return c.mdot;
    case batch_detail::kArgpo:
      return c.argpo;
    case batch_detail::kArgpdot:
      return c.argpdot;
    case batch_detail::kNodeo:
      return c.nodeo;
    case batch_detail::kNodedot:
      return c.nodedot;
    case batch_detail::kNodecf:
      return c.nodecf;
    case batch_detail::kCc1:
      return c.cc1;
    case batch_detail::kBstarCc4:
      return c.bstar * c.cc4;
    case batch_detail::kT2cof:
      return c.t2cof;
    case batch_detail::kOmgcof:
      return full ? c.omgcof : 0.0;
    case batch_detail::kEta:
      return c.eta;
    case batch_detail::kXmcof:
      return full ? c.xmcof : 0.0;
    case batch_detail::kDelmo:
      return c.delmo;
    case batch_detail::kD2:
      return full ? c.d2 : 0.0;
    case batch_detail::kD3:
      return full ? c.d3 : 0.0;
    case batch_detail::kD4:
      return full ? c.d4 : 0.0;
    case batch_detail::kBstarCc5:
      return full ? c.bstar * c.cc5 : 0.0;
    case batch_detail::kSinmao:
      return c.sinmao;
    case batch_detail::kT3cof:
      return full ? c.t3cof : 0.0;
    case batch_detail::kT4cof:
      return full ? c.t4cof : 0.0;
    case batch_detail::kT5cof:
      return full ? c.t5cof : 0.0;
    case batch_detail::kAmFactor:
      return std::pow(c.gravity.xke / c.no_unkozai, 2.0 / 3.0);
    case batch_detail::kNoUnkozai:
      return c.no_unkozai;
    case batch_detail::kEcco:
      return c.ecco;
    case batch_detail::kInclo:
      return c.inclo;
    case batch_detail::kSinio:
      return std::sin(c.inclo);
    case batch_detail::kCosio:
      return std::cos(c.inclo);
    case batch_detail::kAycof:
      return c.aycof;
    case batch_detail::kXlcof:
      return c.xlcof;
    case batch_detail::kCon41:
      return c.con41;
    case batch_detail::kX1mth2:
      return c.x1mth2;
    case batch_detail::kX7thm1:
      return c.x7thm1;
    case batch_detail::kXke:
      return c.gravity.xke;
    case batch_detail::kJ2:
      return c.gravity.j2;
    case batch_detail::kRadius:
      return c.gravity.radius_km;
    case batch_detail::kFieldCount:
      break;
  }
  return 0.0;
}

// One satellite's row with the scalar propagator; the first failure ends the valid part.
std::optional<BatchFailure> propagate_row(const Sgp4& sgp4, std::size_t satellite, double offset,
                                          std::span<const double> minutes, StateVector* row) {
  constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t k = 0; k < minutes.size(); ++k) {
    const double t = minutes[k] + offset;
    auto state = sgp4.propagate(t);
    if (!state) {
      std::fill(
          row + k, row + minutes.size(),
          StateVector{.position_km = {kNan, kNan, kNan}, .velocity_km_s = {kNan, kNan, kNan}});
      return BatchFailure{
          .satellite = satellite, .time_index = k, .minutes = t, .error = state.error()};
    }
    row[k] = *state;
  }
  return std::nullopt;
}

// A deep-space satellite's row: Sgp4's first half instant by instant (its resonance steps
// taken once for the row), the second half four instants at a time in the vector kernel.
// Where anything fails, the scalar propagator redoes the row and says what and when.
std::optional<BatchFailure> propagate_deep_row(const Sgp4& sgp4, std::size_t satellite,
                                               double offset, std::span<const double> minutes,
                                               StateVector* row) {
  const sgp4_detail::Sgp4Terms& terms = sgp4.terms();
  sgp4_detail::ResonanceCache cache;
  alignas(32) double fields[batch_detail::kLaneFieldCount * kLanes];
  for (std::size_t k = 0; k < minutes.size(); k += kLanes) {
    const std::size_t count = std::min(kLanes, minutes.size() - k);
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      const double t = minutes[k + std::min(lane, count - 1)] + offset;
      const auto e = sgp4_detail::perturbed_at(terms, t, &cache);
      if (!e) return propagate_row(sgp4, satellite, offset, minutes, row);
      const double values[batch_detail::kLaneFieldCount] = {
          e->am,    e->nm,    e->p.ep,  e->p.argpp, e->p.nodep, e->p.mp,   e->p.inclp,
          e->sinip, e->cosip, e->aycof, e->xlcof,   e->con41,   e->x1mth2, e->x7thm1};
      for (int f = 0; f < batch_detail::kLaneFieldCount; ++f) {
        fields[static_cast<std::size_t>(f) * kLanes + lane] = values[f];
      }
    }
    if (!batch_detail::finish_lanes_avx2(fields, terms.gravity.xke, terms.gravity.radius_km,
                                         terms.gravity.j2, count, row + k)) {
      return propagate_row(sgp4, satellite, offset, minutes, row);
    }
  }
  return std::nullopt;
}

}  // namespace

bool batch_avx2_available() {
#if defined(__x86_64__) || defined(__i386__)
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return false;
#endif
}

BatchPropagator::BatchPropagator(std::span<const Sgp4> satellites)
    : satellites_(satellites.begin(), satellites.end()), layout_(std::make_unique<Layout>()) {
  Layout& layout = *layout_;
  for (std::size_t i = 0; i < satellites_.size(); ++i) {
    (satellites_[i].is_deep_space() ? layout.deep_space : layout.near_earth).push_back(i);
  }
  const std::size_t count = layout.near_earth.size();
  layout.stride = (count + kLanes - 1) / kLanes * kLanes;
  layout.constants.assign(static_cast<std::size_t>(batch_detail::kFieldCount) * layout.stride, 0.0);
  for (std::size_t lane = 0; lane < layout.stride; ++lane) {
    // Padding lanes repeat the last satellite, so that they compute something harmless.
    const Sgp4& sgp4 = satellites_[layout.near_earth[std::min(lane, count - 1)]];
    for (int f = 0; f < batch_detail::kFieldCount; ++f) {
      layout.constants[static_cast<std::size_t>(f) * layout.stride + lane] =
          field_value(sgp4.terms(), static_cast<Field>(f));
    }
  }
}

TrackPropagator::TrackPropagator(const Sgp4& satellite, BatchKernel kernel)
    : satellite_(&satellite) {
  if (kernel == BatchKernel::kPortable || satellite.is_deep_space() || !batch_avx2_available()) {
    return;
  }
  constants_.resize(static_cast<std::size_t>(batch_detail::kFieldCount) * kLanes);
  for (int f = 0; f < batch_detail::kFieldCount; ++f) {
    const double value = field_value(satellite.terms(), static_cast<Field>(f));
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      constants_[static_cast<std::size_t>(f) * kLanes + lane] = value;
    }
  }
}

bool TrackPropagator::propagate(std::span<const double> minutes, std::span<StateVector> out) const {
  if (vectorised() && batch_detail::propagate_times_avx2(constants_.data(), minutes, out.data())) {
    return true;
  }
  // The scalar path, also for a track the kernel flagged (an error or a value not finite
  // somewhere): the reference decides.
  for (std::size_t k = 0; k < minutes.size(); ++k) {
    auto state = satellite_->propagate(minutes[k]);
    if (!state) return false;
    out[k] = *state;
  }
  return true;
}

BatchPropagator::~BatchPropagator() = default;
BatchPropagator::BatchPropagator(BatchPropagator&&) noexcept = default;
BatchPropagator& BatchPropagator::operator=(BatchPropagator&&) noexcept = default;

std::size_t BatchPropagator::size() const { return satellites_.size(); }
std::size_t BatchPropagator::near_earth_count() const { return layout_->near_earth.size(); }

BatchResult BatchPropagator::propagate(std::span<const double> minutes,
                                       const BatchOptions& options) const {
  BatchResult result;
  run(minutes, false, JulianDate{}, options, result);
  return result;
}

void BatchPropagator::propagate(std::span<const double> minutes, const BatchOptions& options,
                                BatchResult& result) const {
  run(minutes, false, JulianDate{}, options, result);
}

BatchResult BatchPropagator::propagate_from(const JulianDate& start,
                                            std::span<const double> minutes_after_start,
                                            const BatchOptions& options) const {
  BatchResult result;
  run(minutes_after_start, true, start, options, result);
  return result;
}

void BatchPropagator::run(std::span<const double> minutes, bool common_instant,
                          const JulianDate& start, const BatchOptions& options,
                          BatchResult& result) const {
  const Layout& layout = *layout_;
  result.failures.clear();
  result.satellites = satellites_.size();
  result.times = minutes.size();
  result.states.resize(result.satellites * result.times);
  const bool vector_kernel = options.kernel != BatchKernel::kPortable && batch_avx2_available();
  result.used_avx2 = vector_kernel && !layout.near_earth.empty();
  const bool vector_deep_space = vector_kernel;
  if (result.states.empty()) return;

  auto offset_of = [&](std::size_t satellite) {
    return common_instant ? minutes_between(satellites_[satellite].epoch(), start) : 0.0;
  };
  auto row_of = [&](std::size_t satellite) {
    return result.states.data() + satellite * result.times;
  };

  // Work items: near-earth groups first (as vectors, or one by one on the portable path),
  // then the deep-space satellites.
  const std::size_t groups = layout.stride / kLanes;
  const std::size_t items = groups + layout.deep_space.size();
  std::atomic<std::size_t> next{0};
  std::vector<std::vector<BatchFailure>> failures_by_item(items);

  auto scalar = [&](std::size_t satellite, std::vector<BatchFailure>& failures) {
    if (auto failure = propagate_row(satellites_[satellite], satellite, offset_of(satellite),
                                     minutes, row_of(satellite))) {
      failures.push_back(*failure);
    }
  };

  auto work = [&] {
    for (;;) {
      const std::size_t first = next.fetch_add(kItemsPerClaim, std::memory_order_relaxed);
      if (first >= items) return;
      const std::size_t last = std::min(items, first + kItemsPerClaim);
      for (std::size_t item = first; item < last; ++item) {
        std::vector<BatchFailure>& failures = failures_by_item[item];
        if (item >= groups) {
          const std::size_t satellite = layout.deep_space[item - groups];
          if (!vector_deep_space) {
            scalar(satellite, failures);
          } else if (auto failure =
                         propagate_deep_row(satellites_[satellite], satellite, offset_of(satellite),
                                            minutes, row_of(satellite))) {
            failures.push_back(*failure);
          }
          continue;
        }
        const std::size_t first_lane = item * kLanes;
        const std::size_t lanes = std::min(kLanes, layout.near_earth.size() - first_lane);
        if (!result.used_avx2) {
          for (std::size_t lane = 0; lane < lanes; ++lane) {
            scalar(layout.near_earth[first_lane + lane], failures);
          }
          continue;
        }
        batch_detail::GroupArgs args;
        args.constants = layout.constants.data() + first_lane;
        args.stride = layout.stride;
        args.minutes = minutes;
        for (std::size_t lane = 0; lane < kLanes; ++lane) {
          if (lane < lanes) {
            const std::size_t satellite = layout.near_earth[first_lane + lane];
            args.offsets[lane] = offset_of(satellite);
            args.rows[lane] = row_of(satellite);
          } else {
            args.offsets[lane] = args.offsets[0];
          }
        }
        const unsigned bad = batch_detail::propagate_group_avx2(args);
        // A lane that met an error (or anything not finite) is redone by the scalar
        // propagator, which finds the error code and its first time as the reference does.
        for (std::size_t lane = 0; lane < lanes; ++lane) {
          if ((bad >> lane) & 1U) scalar(layout.near_earth[first_lane + lane], failures);
        }
      }
    }
  };

  unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::max(
      1U, std::min<unsigned>(threads,
                             static_cast<unsigned>((items + kItemsPerClaim - 1) / kItemsPerClaim)));
  if (threads == 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back(work);
    work();
  }

  for (auto& failures : failures_by_item) {
    result.failures.insert(result.failures.end(), failures.begin(), failures.end());
  }
  std::sort(result.failures.begin(), result.failures.end(),
            [](const BatchFailure& a, const BatchFailure& b) { return a.satellite < b.satellite; });
}

}  // namespace jingkai::orbit
