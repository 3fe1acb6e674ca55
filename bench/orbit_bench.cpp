// SGP4 propagations per second: the scalar Sgp4::propagate against the batch propagator
// (1 and 2 threads) on a catalogue of 2,000 satellites (Vallado's verification set,
// perturbed with a fixed seed, mostly LEO) × 1,440 one-minute steps. Prints the
// batch/scalar ratios after Google Benchmark's table.
//
//   orbit_bench [benchmark flags]
//   orbit_bench --write-tle FILE     the catalogue as a TLE file (for bench/orbit-vs-satellitejs)
//   orbit_bench --count PATH N STEPS one run of N satellites × STEPS, PATH scalar|batch, for
//                                    counting instructions under callgrind
// The verification set is read from $JINGKAI_SGP4_DATA_DIR or Debian's python3-sgp4.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "orbit/batch.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/tle.hpp"

namespace {

using namespace jingkai::orbit;

constexpr std::size_t kSatellites = 2000;
constexpr std::size_t kSteps = 1440;

std::string verification_file() {
  const char* dir = std::getenv("JINGKAI_SGP4_DATA_DIR");
  return std::string(dir != nullptr ? dir : "/usr/lib/python3/dist-packages/sgp4") +
         "/SGP4-VER.TLE";
}

// The verification set's element sets (lines cut to 69 columns, checksums ignored).
std::vector<Tle> verification_tles() {
  std::ifstream in(verification_file());
  if (!in) {
    std::fprintf(stderr, "cannot read %s (install python3-sgp4)\n", verification_file().c_str());
    std::exit(2);
  }
  std::vector<Tle> out;
  std::string line, line1;
  while (std::getline(in, line)) {
    if (line.rfind("1 ", 0) == 0) line1 = line.substr(0, 69);
    if (line.rfind("2 ", 0) == 0 && !line1.empty()) {
      auto tle = parse_tle(line1, line.substr(0, 69), {.checksums = ChecksumPolicy::kIgnore});
      if (tle) out.push_back(*tle);
      line1.clear();
    }
  }
  return out;
}

// Nine in ten near-earth (LEO mostly), one in ten deep space; written to TLE text and read
// back, so that the C++ side and satellite.js see the same rounded elements.
std::vector<Tle> make_catalogue(std::size_t count) {
  const auto base = verification_tles();
  std::mt19937_64 random(20261127);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<Tle> near, deep;
  for (const auto& tle : base) {
    auto sgp4 = Sgp4::create(tle);
    if (!sgp4) continue;
    (sgp4->is_deep_space() ? deep : near).push_back(tle);
  }
  std::vector<Tle> out;
  while (out.size() < count) {
    const bool want_deep = out.size() % 10 == 9;
    Tle tle = want_deep ? deep[random() % deep.size()] : near[random() % near.size()];
    if (!want_deep) {
      tle.mean_motion = 14.0 + 2.0 * unit(random);  // LEO: 90-103 minute periods
      tle.eccentricity = 0.02 * unit(random);
      tle.bstar = 1e-4 * unit(random);
    }
    tle.mean_anomaly_deg = 360.0 * unit(random);
    tle.right_ascension_deg = 360.0 * unit(random);
    tle.argument_of_perigee_deg = 360.0 * unit(random);
    tle.inclination_deg = std::fmod(tle.inclination_deg + 10.0 * unit(random), 180.0);
    tle.catalog_number = static_cast<int>(out.size()) + 1;
    tle.name = "SAT " + std::to_string(out.size() + 1);
    // One epoch for all, so that satellite.js's bulk propagator (which takes dates, not
    // minutes since each epoch) runs the same minutes since epoch as the other paths.
    tle.epoch = JulianDate{.day = julian_day_at_midnight(2026, 11, 27), .fraction = 0.25};
    tle.mean_motion_dot = 0.0;
    tle.mean_motion_ddot = 0.0;
    auto text = format_tle(tle);
    if (!text) continue;
    auto parsed = parse_tle(text->line1, text->line2);
    if (!parsed || !Sgp4::create(*parsed)) continue;
    parsed->name = tle.name;
    out.push_back(*parsed);
  }
  return out;
}

struct Fixture {
  std::vector<Sgp4> satellites;
  std::vector<double> minutes;
};

Fixture make_fixture(std::size_t satellites, std::size_t steps) {
  Fixture f;
  for (const auto& tle : make_catalogue(satellites)) f.satellites.push_back(*Sgp4::create(tle));
  for (std::size_t k = 0; k < steps; ++k) f.minutes.push_back(static_cast<double>(k));
  return f;
}

const Fixture& fixture() {
  static const Fixture f = make_fixture(kSatellites, kSteps);
  return f;
}

// The catalogue's near-earth satellites alone (nine in ten): the vector kernel's own rate.
const Fixture& near_earth_fixture() {
  static const Fixture f = [] {
    Fixture near{.satellites = {}, .minutes = fixture().minutes};
    for (const auto& sat : fixture().satellites) {
      if (!sat.is_deep_space()) near.satellites.push_back(sat);
    }
    return near;
  }();
  return f;
}

double propagate_scalar(const Fixture& f, std::vector<StateVector>& out) {
  double sum = 0.0;
  std::size_t i = 0;
  for (const auto& sat : f.satellites) {
    for (double t : f.minutes) {
      auto state = sat.propagate(t);
      if (state) out[i] = *state;
      ++i;
    }
  }
  return sum + out.back().position_km[0];
}

void BM_Scalar(benchmark::State& state) {
  const Fixture& f = fixture();
  std::vector<StateVector> out(f.satellites.size() * f.minutes.size());
  for (auto _ : state) benchmark::DoNotOptimize(propagate_scalar(f, out));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(out.size()));
}

void BM_Batch(benchmark::State& state) {
  const Fixture& f = fixture();
  const BatchPropagator batch(f.satellites);
  const BatchOptions options{.threads = static_cast<unsigned>(state.range(0))};
  // The output (2,000 × 1,440 states, 138 MB) is allocated once, as a caller would.
  BatchResult result;
  batch.propagate(f.minutes, options, result);
  for (auto _ : state) {
    batch.propagate(f.minutes, options, result);
    benchmark::DoNotOptimize(result.states.data());
  }
  const std::size_t failures = result.failures.size();
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(f.satellites.size() * f.minutes.size()));
  state.counters["failed_satellites"] = static_cast<double>(failures);
  state.SetLabel(batch_avx2_available() ? "AVX2+FMA" : "portable");
}

void BM_BatchPortable(benchmark::State& state) {
  const Fixture& f = fixture();
  const BatchPropagator batch(f.satellites);
  const BatchOptions options{.threads = 1, .kernel = BatchKernel::kPortable};
  BatchResult result;
  batch.propagate(f.minutes, options, result);
  for (auto _ : state) {
    batch.propagate(f.minutes, options, result);
    benchmark::DoNotOptimize(result.states.data());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(f.satellites.size() * f.minutes.size()));
}

void BM_ScalarNearEarth(benchmark::State& state) {
  const Fixture& f = near_earth_fixture();
  std::vector<StateVector> out(f.satellites.size() * f.minutes.size());
  for (auto _ : state) benchmark::DoNotOptimize(propagate_scalar(f, out));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(out.size()));
}

void BM_BatchNearEarth(benchmark::State& state) {
  const Fixture& f = near_earth_fixture();
  const BatchPropagator batch(f.satellites);
  const BatchOptions options{.threads = static_cast<unsigned>(state.range(0))};
  BatchResult result;
  batch.propagate(f.minutes, options, result);
  for (auto _ : state) {
    batch.propagate(f.minutes, options, result);
    benchmark::DoNotOptimize(result.states.data());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(f.satellites.size() * f.minutes.size()));
}

BENCHMARK(BM_Scalar)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BatchPortable)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Batch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ScalarNearEarth)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BatchNearEarth)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Keeps each run's propagations per second for the ratios printed at the end.
class RateReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates[run.benchmark_name()] = it->second.value;
    }
  }
  std::map<std::string, double> rates;
};

int count_run(const char* path, std::size_t satellites, std::size_t steps) {
  const Fixture f = make_fixture(satellites, steps);
  std::vector<StateVector> out(f.satellites.size() * f.minutes.size());
  if (std::strcmp(path, "scalar") == 0) {
    std::printf("%f\n", propagate_scalar(f, out));
  } else {
    const BatchPropagator batch(f.satellites);
    auto result = batch.propagate(f.minutes, {.threads = 1});
    std::printf("%f\n", result.states.back().position_km[0]);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--write-tle") == 0) {
    auto text = format_tle_file(make_catalogue(kSatellites));
    if (!text) return 2;
    std::ofstream(argv[2]) << *text;
    return 0;
  }
  if (argc == 5 && std::strcmp(argv[1], "--count") == 0) {
    return count_run(argv[2], std::stoul(argv[3]), std::stoul(argv[4]));
  }
  benchmark::Initialize(&argc, argv);
  RateReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const double scalar = reporter.rates["BM_Scalar/real_time"];
  std::printf("\n%zu satellites x %zu one-minute steps; kernel: %s\n", kSatellites, kSteps,
              batch_avx2_available() ? "AVX2+FMA" : "portable");
  const double scalar_near = reporter.rates["BM_ScalarNearEarth/real_time"];
  for (const auto& [name, rate] : reporter.rates) {
    // Near-earth-only runs are compared with the scalar path on the same satellites.
    const double base = name.find("NearEarth") != std::string::npos ? scalar_near : scalar;
    std::printf("%-32s %14.0f propagations/s  ratio to scalar %.2f\n", name.c_str(), rate,
                base > 0 ? rate / base : 0.0);
  }
  std::printf("scalar_propagations_per_second: %.0f\n", scalar);
  std::printf("batch_1_thread_propagations_per_second: %.0f\n",
              reporter.rates["BM_Batch/1/real_time"]);
  std::printf("batch_2_threads_propagations_per_second: %.0f\n",
              reporter.rates["BM_Batch/2/real_time"]);
  benchmark::Shutdown();
  return 0;
}
