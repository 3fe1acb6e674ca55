// Pass prediction for a network (issue 5, item 7): a synthetic LEO catalogue × ground stations
// × days with predict_network_passes, against predict_passes pair by pair (the baseline)
// measured in the same run on the first satellites of the catalogue. Prints the times, the
// ratio per satellite-station pair on one thread, and the whole run against the baseline
// scaled up to it.
//
//   orbit_passes_bench [--satellites N] [--stations M] [--days D] [--threads K]
//                      [--baseline-satellites B]           defaults 5000 50 7 0 20
//   orbit_passes_bench --write FOLDER                      the catalogue as FOLDER/leo.tle and
//                                                          the stations as FOLDER/stations.csv,
//                                                          for timing `jingkai orbit passes`
//
// The catalogue is made here, with a fixed seed, so that no data need be shipped: mean motion
// 14–16 rev/day (280–890 km), eccentricity below 0.01, inclinations drawn from the common
// shells (53°, 43°, 70°, 87°, 97.6°) and uniform ones, drag terms of quiet years; it is written
// to TLE text and read back so that the command sees the same rounded elements. The stations
// are spread over latitudes ±70° (uniform in sine), a few towards the poles, minimum
// elevations of 0°, 5° and 10°.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <numbers>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "orbit/passes.hpp"
#include "orbit/time_scales.hpp"
#include "orbit/tle.hpp"

namespace {

using namespace jingkai::orbit;
using Clock = std::chrono::steady_clock;

struct NamedSite {
  std::string name;
  double latitude_deg, longitude_deg, height_m, min_elevation_deg;
};

const JulianDate kStart{julian_day_at_midnight(2026, 11, 27), 0.0};

std::vector<Tle> make_catalogue(std::size_t count) {
  std::mt19937_64 random(20261127);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  constexpr double kShells[] = {53.0, 43.0, 70.0, 87.0, 97.6};
  std::vector<Tle> out;
  while (out.size() < count) {
    Tle tle;
    tle.catalog_number = 70000 + static_cast<int>(out.size());
    tle.name = "LEO " + std::to_string(out.size() + 1);
    tle.international_designator = "26001A";
    tle.epoch = JulianDate{kStart.day, 0.5 * unit(random)};  // within half a day of the start
    tle.mean_motion = 14.0 + 2.0 * unit(random);
    tle.eccentricity = 0.01 * unit(random);
    const double pick = unit(random);
    tle.inclination_deg = pick < 0.75 ? kShells[static_cast<int>(pick / 0.15)] + 0.2 * unit(random)
                                      : 180.0 * unit(random);
    tle.right_ascension_deg = 360.0 * unit(random);
    tle.argument_of_perigee_deg = 360.0 * unit(random);
    tle.mean_anomaly_deg = 360.0 * unit(random);
    tle.bstar = 1e-4 * unit(random);
    auto text = format_tle(tle);
    if (!text) continue;
    auto parsed = parse_tle(text->line1, text->line2);
    if (!parsed || !Sgp4::create(*parsed)) continue;
    parsed->name = tle.name;
    out.push_back(*parsed);
  }
  return out;
}

std::vector<NamedSite> make_sites(std::size_t count) {
  std::mt19937_64 random(27112026);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  constexpr double kMinElevations[] = {0.0, 5.0, 10.0};
  std::vector<NamedSite> out;
  for (std::size_t i = 0; i < count; ++i) {
    constexpr double kDegree = std::numbers::pi / 180.0;
    const double latitude =
        i % 10 == 9 ? (unit(random) < 0.5 ? -1.0 : 1.0) * (70.0 + 19.0 * unit(random))
                    : std::asin(std::sin(70.0 * kDegree) * (2.0 * unit(random) - 1.0)) / kDegree;
    out.push_back({"GS" + std::to_string(i + 1), latitude, 360.0 * unit(random) - 180.0,
                   2000.0 * unit(random), kMinElevations[i % 3]});
  }
  return out;
}

// Processor time of the whole process (all threads): on a machine shared with other work the
// wall clock says as much about the neighbours as about the code.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::size_t count_passes(const PassNetworkPrediction& network) {
  std::size_t passes = 0;
  for (const PassPrediction& prediction : network.predictions) passes += prediction.passes.size();
  return passes;
}

int write_files(const std::string& folder, std::size_t satellites, std::size_t stations) {
  const auto catalogue = make_catalogue(satellites);
  auto text = format_tle_file(catalogue);
  if (!text) return 2;
  std::ofstream(folder + "/leo.tle") << *text;
  std::ofstream csv(folder + "/stations.csv");
  csv << "# name,latitude_deg,longitude_deg,height_m,min_elevation_deg\n";
  char line[160];
  for (const NamedSite& s : make_sites(stations)) {
    std::snprintf(line, sizeof line, "%s,%.6f,%.6f,%.1f,%.1f\n", s.name.c_str(), s.latitude_deg,
                  s.longitude_deg, s.height_m, s.min_elevation_deg);
    csv << line;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t satellites = 5000, stations = 50, baseline_satellites = 20;
  double days = 7.0;
  unsigned threads = 0;
  std::string write_folder;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--satellites")
      satellites = std::strtoul(value, nullptr, 10);
    else if (flag == "--stations")
      stations = std::strtoul(value, nullptr, 10);
    else if (flag == "--days")
      days = std::strtod(value, nullptr);
    else if (flag == "--threads")
      threads = static_cast<unsigned>(std::strtoul(value, nullptr, 10));
    else if (flag == "--baseline-satellites")
      baseline_satellites = std::strtoul(value, nullptr, 10);
    else if (flag == "--write")
      write_folder = value;
    else {
      std::fprintf(stderr, "orbit_passes_bench: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (!write_folder.empty()) return write_files(write_folder, satellites, stations);
  baseline_satellites = std::min(baseline_satellites, satellites);

  std::vector<Sgp4> catalogue;
  for (const Tle& tle : make_catalogue(satellites)) catalogue.push_back(*Sgp4::create(tle));
  std::vector<PassSite> sites;
  for (const NamedSite& s : make_sites(stations)) {
    sites.push_back({*Station::create({s.latitude_deg, s.longitude_deg, s.height_m / 1000.0}),
                     *Horizon::flat(s.min_elevation_deg)});
  }
  const JulianDate stop = add_seconds(kStart, days * 86400.0);
  std::printf("catalogue: %zu LEO satellites × %zu stations × %.3g days\n", satellites, stations,
              days);

  // The baseline: predict_passes pair by pair on the first satellites, one thread.
  const std::span<const Sgp4> subset(catalogue.data(), baseline_satellites);
  auto clock = Clock::now();
  double cpu = cpu_seconds();
  std::size_t baseline_passes = 0;
  std::vector<std::size_t> baseline_counts;
  for (const Sgp4& satellite : subset) {
    for (const PassSite& site : sites) {
      auto found = predict_passes(satellite, site.station, site.horizon, kStart, stop);
      baseline_counts.push_back(found->passes.size());
      baseline_passes += found->passes.size();
    }
  }
  const double baseline_s = seconds_since(clock);
  const double baseline_cpu_s = cpu_seconds() - cpu;
  const double pairs_subset = static_cast<double>(subset.size() * sites.size());
  std::printf(
      "predict_passes pair by pair, 1 thread, %zu satellites: %.2f s (cpu %.2f s), %zu "
      "passes, %.3f ms cpu a pair\n",
      subset.size(), baseline_s, baseline_cpu_s, baseline_passes,
      1e3 * baseline_cpu_s / pairs_subset);

  // The same subset with the shared search on one thread: the like-for-like ratio.
  clock = Clock::now();
  cpu = cpu_seconds();
  auto small = predict_network_passes(subset, sites, kStart, stop, {}, {.threads = 1});
  const double small_s = seconds_since(clock);
  const double small_cpu_s = cpu_seconds() - cpu;
  std::size_t differing = 0;
  for (std::size_t k = 0; k < baseline_counts.size(); ++k) {
    differing += small->predictions[k].passes.size() != baseline_counts[k] ? 1 : 0;
  }
  std::printf(
      "predict_network_passes, 1 thread, the same satellites: %.2f s (cpu %.2f s), %zu "
      "passes, %.3f ms cpu a pair; pairs with another pass count: %zu\n",
      small_s, small_cpu_s, count_passes(*small), 1e3 * small_cpu_s / pairs_subset, differing);
  std::printf("ratio per pair (cpu): %.1fx\n", baseline_cpu_s / small_cpu_s);

  // The whole catalogue.
  clock = Clock::now();
  cpu = cpu_seconds();
  auto all = predict_network_passes(catalogue, sites, kStart, stop, {}, {.threads = threads});
  const double all_s = seconds_since(clock);
  const double all_cpu_s = cpu_seconds() - cpu;
  const double pairs = static_cast<double>(catalogue.size() * sites.size());
  const double baseline_all_cpu_s = baseline_cpu_s / pairs_subset * pairs;
  std::printf(
      "predict_network_passes, threads %u (0: one per core), %zu satellites: %.2f s "
      "(cpu %.2f s), %zu passes, %.1f us cpu a pair\n",
      threads, catalogue.size(), all_s, all_cpu_s, count_passes(*all), 1e6 * all_cpu_s / pairs);
  std::printf("baseline scaled to the whole catalogue: cpu %.0f s; cpu ratio %.1fx\n",
              baseline_all_cpu_s, baseline_all_cpu_s / all_cpu_s);
  std::printf("seconds: %.2f\n", all_s);
  return 0;
}
