// The network search: each satellite propagated once on its grid (pass_grid.hpp) and read by
// every station, the stretches a bound proves out of a station's view skipped; satellites
// spread over threads.
#include "orbit/pass_network.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include "orbit/try.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "orbit/pass_grid.hpp"
#include "orbit/pass_search_detail.hpp"

namespace jingkai::orbit {
namespace {

using pass_detail::checked_span_s;
using pass_detail::kLowest;
using pass_detail::PassSearch;
using pass_detail::Sample;
using pass_detail::SatelliteGrid;
using pass_detail::sweep;
using pass_detail::whole_part;

// The grid's samples as one station sees them, leaving out what the bound proves quiet.
class GridSamples {
 public:
  GridSamples(const PassSearch& search, const SatelliteGrid& grid, const PassSite& site,
              std::vector<std::uint64_t>& cone)
      : search_(search),
        grid_(grid),
        station_(site.station.position_itrf_km()),
        up_(site.station.up()),
        sin_lowest_(std::sin(site.horizon.lowest_deg() * std::numbers::pi / 180.0)),
        reach_km_(grid.speed_bound_km_s * (1.0 + std::abs(sin_lowest_)) * grid.spacing_s) {
    // In view means up·d ≥ sin(e_lowest)|d|, so up·d ≥ height_floor_km_: |d| is at least the
    // orbit's lowest radius less the station's, at most its highest plus the station's.
    const double station_radius = std::sqrt(dot(station_, station_));
    // The single-precision positions are within 2^-24 of the radius per axis (1e-3 km in
    // LEO): allow ten times that.
    rounding_km_ = 1e-6 * (grid.highest_radius_km + station_radius);
    height_floor_km_ = sin_lowest_ >= 0.0
                           ? sin_lowest_ * std::max(0.0, grid.lowest_radius_km - station_radius)
                           : sin_lowest_ * (grid.highest_radius_km + station_radius);
    mark_cone(cone);
  }

  std::optional<Sample> next() {
    if (index_ > grid_.steps) return std::nullopt;
    const std::size_t k = index_++;
    const double t = grid_.times_s[k];
    const bool quiet_before = k == 0 || quiet_;
    quiet_ = k == 0 ? is_quiet(0) : quiet_after_;
    quiet_after_ = k == grid_.steps || is_quiet(k + 1);
    // A quiet sample is read by the search only as a neighbour of one that is not.
    if (quiet_ && quiet_before && quiet_after_) {
      // Samples known quiet with quiet neighbours are nothing to the search: go on from the
      // last of them, so that the one after it finds it as its neighbour.
      index_ = std::max(index_, std::min(quiet_until_, grid_.steps + 1) - 1);
      return Sample{t, kLowest, kLowest, 0.0, true};
    }
    Sample sample = search_.look_at_grid(t, k);
    sample.quiet = quiet_;
    return sample;
  }

  // The samples all work: the grid was filled.
  std::optional<PassSearchFailure> failure() const { return std::nullopt; }

 private:
  // Whether the satellite is proven out of view from sample k − 1 to k + 1, and how far past
  // k that proof goes (quiet_until_). Asked about each k once, in order. Two bounds, the
  // further-reaching one wins:
  //   * first order: g = up·d − sin(e_lowest)|d| < 0 means out of view, and g changes by at
  //     most reach_km_ from one sample to the next;
  //   * second order: the height above the station's horizon plane, y = up·d, must reach
  //     height_floor_km_ for the satellite to be in view; y's rate at the sample is up·v
  //     (the grid's ITRF velocity) and its second derivative up·a is bounded by the grid's
  //     acceleration bound A, so y(t_k + τ) ≤ y + (up·v + δ)τ + Aτ²/2 — which proves far
  //     more samples quiet while the satellite is sinking away than the first order does.
  bool is_quiet(std::size_t k) {
    if (k < quiet_until_) return true;
    if (cone_quiet(k)) {
      quiet_until_ = cone_end(k);
      return true;
    }
    const std::array<float, 6>& state = grid_.compact[k];
    const Vector3 d = Vector3{state[0], state[1], state[2]} - station_;
    const double y = dot(d, up_) + rounding_km_;
    const double g = y - sin_lowest_ * std::sqrt(dot(d, d)) + rounding_km_;
    // Sample k + j is quiet when g + (j + 1) reach < 0.
    double clear = -g * inverse_reach_ - 1.0;
    const double room = height_floor_km_ - y;
    if (room > 0.0) {
      const double h = grid_.spacing_s;
      const double a = grid_.accel_bound_km_s2;
      // The velocity is SGP4's own, not the derivative of its positions: allow for the
      // difference (metres per second at most) generously.
      const double slack = 0.01 + 1e-3 * grid_.speed_bound_km_s;
      const double rate = dot(Vector3{state[3], state[4], state[5]}, up_);
      // Backwards to the sample before: y + (−rate + slack)h + Ah²/2 below the floor.
      if ((-rate + slack) * h + 0.5 * a * h * h < room) {
        // Forwards: the largest τ with (rate + slack)τ + Aτ²/2 < room.
        const double b = rate + slack;
        const double reach_s = 2.0 * room / (b + std::sqrt(b * b + 2.0 * a * room));
        clear = std::max(clear, reach_s * inverse_spacing_ - 1.0);
      }
    }
    if (!(clear > 0.0)) return false;
    quiet_until_ = k + 1 + whole_part(clear - 1e-9);
    return true;
  }

  // The cone test, for every sample at once (a loop the compiler vectorises): in view means
  // up·d ≥ height_floor_km_, i.e. r (up·u) ≥ up·S + height_floor_km_ for the satellite's
  // direction u and radius r, so up·u ≥ c = (up·S + height_floor_km_) / r at the radius that
  // makes c least. Sample k is quiet when its direction is further than acos(c) plus one
  // step's turn (angular_step_rad) from up: no instant from the sample before to the one
  // after can then be in view. A millionth is allowed for the single precision.
  void mark_cone(std::vector<std::uint64_t>& cone) {
    const std::size_t count = grid_.steps + 1;
    cone.assign((count + 63) / 64, 0);
    cone_ = std::span<const std::uint64_t>(cone);
    const double along = dot(up_, station_) + height_floor_km_;
    const double least =
        along >= 0.0 ? along / grid_.highest_radius_km : along / grid_.lowest_radius_km;
    const double angle = std::acos(std::clamp(least, -1.0, 1.0)) + grid_.angular_step_rad + 1e-5;
    if (!(angle < std::numbers::pi)) return;
    const auto threshold = static_cast<float>(std::cos(angle) - 1e-6);
    const auto up_x = static_cast<float>(up_[0]);
    const auto up_y = static_cast<float>(up_[1]);
    const auto up_z = static_cast<float>(up_[2]);
    const float* x = grid_.direction_x.data();
    const float* y = grid_.direction_y.data();
    const float* z = grid_.direction_z.data();
    std::size_t k = 0;
#if defined(__SSE2__)
    const __m128 ux = _mm_set1_ps(up_x), uy = _mm_set1_ps(up_y), uz = _mm_set1_ps(up_z);
    const __m128 limit = _mm_set1_ps(threshold);
    for (; k + 4 <= count; k += 4) {
      const __m128 along_up = _mm_add_ps(
          _mm_add_ps(_mm_mul_ps(ux, _mm_loadu_ps(x + k)), _mm_mul_ps(uy, _mm_loadu_ps(y + k))),
          _mm_mul_ps(uz, _mm_loadu_ps(z + k)));
      const auto bits = static_cast<std::uint64_t>(_mm_movemask_ps(_mm_cmplt_ps(along_up, limit)));
      cone[k / 64] |= bits << (k % 64);
    }
#endif
    for (; k < count; ++k) {
      if (up_x * x[k] + up_y * y[k] + up_z * z[k] < threshold) {
        cone[k / 64] |= std::uint64_t{1} << (k % 64);
      }
    }
  }

  bool cone_quiet(std::size_t k) const { return ((cone_[k / 64] >> (k % 64)) & 1U) != 0; }

  // The first sample from k on that the cone test does not prove quiet (steps + 1 if none).
  std::size_t cone_end(std::size_t k) const {
    const std::size_t count = grid_.steps + 1;
    std::size_t word = k / 64;
    const std::uint64_t open = ~cone_[word] >> (k % 64);
    if (open != 0) return std::min(count, k + static_cast<std::size_t>(std::countr_zero(open)));
    for (++word; word < cone_.size(); ++word) {
      if (~cone_[word] != 0) {
        return std::min(count,
                        word * 64 + static_cast<std::size_t>(std::countr_zero(~cone_[word])));
      }
    }
    return count;
  }

  const PassSearch& search_;
  const SatelliteGrid& grid_;
  std::span<const std::uint64_t> cone_;  // bit k set where the cone test proves k quiet
  Vector3 station_;
  Vector3 up_;
  double sin_lowest_;
  double reach_km_;
  double inverse_reach_ = 1.0 / reach_km_;
  double inverse_spacing_ = 1.0 / grid_.spacing_s;
  double height_floor_km_ = 0.0;
  double rounding_km_ = 0.0;  // of the single-precision copy, on y and on g
  std::size_t index_ = 0;
  bool quiet_ = false;           // of the sample last given
  bool quiet_after_ = false;     // of the one after it
  std::size_t quiet_until_ = 0;  // the samples from the last computed up to here are quiet
};

// Every site for one satellite: shared grid where it can be, predict_passes where not.
void predict_for_satellite(const Sgp4& satellite, std::span<const PassSite> sites,
                           const JulianDate& start, double span_s, const JulianDate& stop,
                           const EarthOrientation& earth_orientation,
                           const PassSearchOptions& options, SatelliteGrid& grid,
                           std::span<PassPrediction> out) {
  bool shared = grid.fill(satellite, start, span_s, earth_orientation, options);
  for (std::size_t i = 0; shared && i < sites.size(); ++i) {
    PassSearch search(satellite, sites[i].station, sites[i].horizon, start, earth_orientation,
                      &grid);
    GridSamples samples(search, grid, sites[i], grid.cone);
    out[i] = sweep(search, samples);
    shared = !search.failure();
  }
  if (shared) return;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    out[i] = *predict_passes(satellite, sites[i].station, sites[i].horizon, start, stop,
                             earth_orientation, options);
  }
}

}  // namespace

std::expected<PassNetworkPrediction, RangeError> predict_network_passes(
    std::span<const Sgp4> satellites, std::span<const PassSite> sites, const JulianDate& start,
    const JulianDate& stop, const EarthOrientation& earth_orientation,
    const PassNetworkOptions& options) {
  const auto span_s = ORBIT_TRY(checked_span_s(start, stop, options.search));
  PassNetworkPrediction result;
  result.satellites = satellites.size();
  result.sites = sites.size();
  result.predictions.resize(satellites.size() * sites.size());
  if (result.predictions.empty()) return result;

  unsigned threads = options.threads > 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<unsigned>(threads, 1, static_cast<unsigned>(satellites.size()));
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    SatelliteGrid grid;
    for (std::size_t s = next++; s < satellites.size(); s = next++) {
      predict_for_satellite(satellites[s], sites, start, span_s, stop, earth_orientation,
                            options.search, grid,
                            std::span(result.predictions).subspan(s * sites.size(), sites.size()));
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  return result;
}

}  // namespace jingkai::orbit
