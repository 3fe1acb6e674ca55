#include "app/cli_orbit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <expected>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "orbit/batch.hpp"
#include "orbit/frames.hpp"
#include "orbit/geodetic.hpp"
#include "orbit/iso8601.hpp"
#include "orbit/passes.hpp"
#include "orbit/time_scales.hpp"
#include "orbit/verification_output.hpp"

namespace jingkai::app {
namespace {

// A usage error of the orbit tools: said on stderr, exit code 2.
void bad_input(const Console& c, std::string_view message) {
  c.err << "jingkai: " << message << "\n";
  c.status = kBadInput;
}

// The element sets in `path`; nothing, the usage error said, when it cannot be read or parsed.
std::optional<std::vector<orbit::Tle>> read_element_sets(const std::string& path,
                                                         const Console& c) {
  auto text = read_text(path);
  if (!text) {
    bad_input(c, "cannot read " + path);
    return std::nullopt;
  }
  auto sets = orbit::parse_tle_file(*text);
  if (!sets) {
    bad_input(c, path + ": " + sets.error().to_string());
    return std::nullopt;
  }
  return std::move(*sets);
}

struct PropagateOptions {
  std::string tle_file, tsince, gravity = "wgs72", mode = "i", start, stop;
  std::string frame = "teme", format = "csv";
  double step_seconds = 60;
  bool ignore_checksums = false;
};

// The SGP4 settings --gravity, --mode and --ignore-checksums ask for; empty when they are
// valid, else why not.
std::string read_sgp4_settings(const PropagateOptions& o, orbit::StateListingOptions& options) {
  if (o.gravity == "wgs72old") {
    options.sgp4.gravity = orbit::GravityModel::kWgs72Old;
  } else if (o.gravity == "wgs84") {
    options.sgp4.gravity = orbit::GravityModel::kWgs84;
  } else if (o.gravity != "wgs72") {
    return "--gravity must be wgs72old, wgs72 or wgs84";
  }
  if (o.mode == "a") {
    options.sgp4.mode = orbit::OperationMode::kAfspc;
  } else if (o.mode != "i") {
    return "--mode must be a or i";
  }
  if (o.ignore_checksums) options.checksums = orbit::ChecksumPolicy::kIgnore;
  return {};
}

// A table of states at UTC times, row by row, as CSV or as a JSON array.
class StateTable {
 public:
  StateTable(std::ostream& out, bool json, bool geodetic)
      : out_(out),
        json_(json),
        columns_(geodetic ? "satellite,time,latitude_deg,longitude_deg,height_km"
                          : "satellite,time,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s") {
    if (json_) {
      out_ << "[";
    } else {
      out_ << columns_ << "\n";
    }
  }

  void add_row(int satellite, const std::string& time, const std::vector<double>& values) {
    if (json_) {
      out_ << (first_ ? "\n" : ",\n") << "{\"satellite\":" << satellite << ",\"time\":\"" << time
           << "\"";
      std::string_view names(columns_);
      names.remove_prefix(std::string_view("satellite,time,").size());
      for (double value : values) {
        const auto comma = names.find(',');
        out_ << ",\"" << names.substr(0, comma) << "\":" << fmt::format("{:.9f}", value);
        names.remove_prefix(comma == std::string_view::npos ? names.size() : comma + 1);
      }
      out_ << "}";
    } else {
      out_ << satellite << "," << time;
      for (double value : values) out_ << "," << fmt::format("{:.9f}", value);
      out_ << "\n";
    }
    first_ = false;
  }

  void finish() {
    if (json_) out_ << "\n]\n";
  }

 private:
  std::ostream& out_;
  bool json_;
  const char* columns_;
  bool first_ = true;
};

// Each satellite's states from `start` every --step seconds over `span` seconds, in --frame;
// how many satellites stopped on an SGP4 error.
int write_states(const PropagateOptions& o, const std::vector<orbit::Tle>& sets,
                 const orbit::JulianDate& start, double span,
                 const orbit::StateListingOptions& options, const Console& c) {
  const bool geodetic = o.frame == "geodetic";
  StateTable table(c.out, o.format == "json", geodetic);
  int failures = 0;
  for (const orbit::Tle& tle : sets) {
    auto sgp4 = orbit::Sgp4::create(tle, options.sgp4);
    const long steps = static_cast<long>(span / o.step_seconds);
    for (long i = 0; i <= steps; ++i) {
      const orbit::JulianDate utc = orbit::add_seconds(start, i * o.step_seconds);
      std::expected<orbit::StateVector, orbit::Sgp4Error> state =
          sgp4 ? sgp4->propagate(orbit::minutes_between(tle.epoch, utc))
               : std::unexpected(sgp4.error());
      if (!state) {
        // Reported and the satellite skipped from here on: never a silently wrong orbit.
        c.err << "jingkai: satellite " << tle.catalog_number << " stops at "
              << orbit::format_iso8601_utc(utc) << ": SGP4 error " << orbit::code(state.error())
              << " (" << orbit::describe(state.error()) << ")\n";
        ++failures;
        break;
      }
      const orbit::StateVector s = o.frame == "teme" ? *state : orbit::teme_to_itrf(*state, utc);
      std::vector<double> values;
      if (geodetic) {
        const auto g =
            orbit::geodetic_from_itrf({s.position_km[0], s.position_km[1], s.position_km[2]});
        values = {g.latitude_deg, g.longitude_deg, g.height_km};
      } else {
        values = {s.position_km[0],   s.position_km[1],   s.position_km[2],
                  s.velocity_km_s[0], s.velocity_km_s[1], s.velocity_km_s[2]};
      }
      table.add_row(tle.catalog_number, orbit::format_iso8601_utc(utc), values);
    }
  }
  table.finish();
  return failures;
}

void propagate(const PropagateOptions& o, const Console& c) {
  orbit::StateListingOptions options;
  if (auto why = read_sgp4_settings(o, options); !why.empty()) return bad_input(c, why);
  auto text = read_text(o.tle_file);
  if (!text) return bad_input(c, "cannot read " + o.tle_file);

  if (!o.tsince.empty()) {
    auto range = orbit::parse_tsince_range(o.tsince);
    if (!range) return bad_input(c, "--tsince: " + range.error().to_string());
    auto listing = orbit::list_states(*text, *range, options);
    if (!listing) return bad_input(c, o.tle_file + ": " + listing.error().to_string());
    c.out << listing->text;
    return;
  }
  if (o.start.empty() || o.stop.empty()) {
    return bad_input(c, "give --tsince START:STOP:STEP, or --start and --stop (ISO 8601 UTC)");
  }
  auto start = orbit::parse_iso8601_utc(o.start);
  if (!start) return bad_input(c, "--start: " + start.error().to_string());
  auto stop = orbit::parse_iso8601_utc(o.stop);
  if (!stop) return bad_input(c, "--stop: " + stop.error().to_string());
  const double span = orbit::seconds_between(*start, *stop);
  if (span < 0) return bad_input(c, "--stop is before --start");
  if (!(o.step_seconds > 0)) return bad_input(c, "--step must be a positive number of seconds");
  if (span / o.step_seconds > 10'000'000) {
    return bad_input(c, "more than 10 million times: widen --step");
  }
  if (o.frame != "teme" && o.frame != "itrf" && o.frame != "geodetic") {
    return bad_input(c, "--frame must be teme, itrf or geodetic");
  }
  if (o.format != "csv" && o.format != "json") return bad_input(c, "--format must be csv or json");
  orbit::TleParseOptions parse_options;
  parse_options.checksums = options.checksums;
  auto sets = orbit::parse_tle_file(*text, parse_options);
  if (!sets) return bad_input(c, o.tle_file + ": " + sets.error().to_string());
  if (write_states(o, *sets, *start, span, options, c) > 0) c.status = kFailed;
}

void add_propagate_command(CLI::App* orbit, const Console& c) {
  auto o = std::make_shared<PropagateOptions>();
  auto* command = orbit->add_subcommand(
      "propagate",
      "SGP4/SDP4 states: with --tsince in the layout of Vallado's tcppver.out (TEME); with "
      "--start/--stop/--step as CSV or JSON in TEME, ITRF or geodetic coordinates");
  command->add_option("--tle", o->tle_file, "file of 2- or 3-line element sets")->required();
  auto* tsince_option =
      command->add_option("--tsince", o->tsince, "START:STOP:STEP in minutes since each epoch");
  auto* start_option = command->add_option("--start", o->start, "first time, ISO 8601 UTC (…Z)");
  command->add_option("--stop", o->stop, "last time, ISO 8601 UTC");
  command->add_option("--step", o->step_seconds, "seconds between times")->capture_default_str();
  command->add_option("--frame", o->frame, "teme | itrf | geodetic")->capture_default_str();
  command->add_option("--format", o->format, "csv | json")->capture_default_str();
  tsince_option->excludes(start_option);
  command->add_option("--gravity", o->gravity, "wgs72old | wgs72 | wgs84")->capture_default_str();
  command->add_option("--mode", o->mode, "a (AFSPC) | i (improved)")->capture_default_str();
  command->add_flag("--ignore-checksums", o->ignore_checksums,
                    "accept lines whose mod-10 checksum is wrong (as in SGP4-VER.TLE)");
  command->callback([o, c] { propagate(*o, c); });
}

struct PassesOptions {
  std::string tle, start, stop, format = "csv", stations_file;
  std::vector<std::string> station_specs;
  unsigned threads = 0;
};

// The ground stations passes are searched over, with their names.
struct StationList {
  std::vector<std::string> names;
  std::vector<orbit::PassSite> sites;

  // Adds the station `spec` (NAME,LAT,LON,HEIGHT_M[,MIN_EL_DEG]); empty when added, else why
  // not.
  std::string add(const std::string& spec) {
    std::vector<std::string> parts;
    std::stringstream fields(spec);
    for (std::string part; std::getline(fields, part, ',');) parts.push_back(part);
    double numbers[4] = {0, 0, 0, 0};
    bool numbers_ok = parts.size() == 4 || parts.size() == 5;
    for (std::size_t i = 1; numbers_ok && i < parts.size(); ++i) {
      const char* begin = parts[i].data();
      const char* end = begin + parts[i].size();
      auto [stop, ec] = std::from_chars(begin, end, numbers[i - 1]);
      numbers_ok = ec == std::errc() && stop == end;
    }
    if (!numbers_ok || parts[0].empty()) return "expected NAME,LAT,LON,HEIGHT_M[,MIN_EL_DEG]";
    auto station = orbit::Station::create({numbers[0], numbers[1], numbers[2] / 1000.0});
    if (!station) return station.error().message;
    auto horizon = orbit::Horizon::flat(numbers[3]);
    if (!horizon) return horizon.error().message;
    names.push_back(parts[0]);
    sites.push_back({*station, *horizon});
    return {};
  }
};

// The stations of --station and --stations; empty when they all are, else the message.
std::string read_stations(const PassesOptions& o, StationList& stations) {
  for (const std::string& spec : o.station_specs) {
    if (auto why = stations.add(spec); !why.empty()) return "--station " + spec + ": " + why;
  }
  if (o.stations_file.empty()) return {};
  std::ifstream list(o.stations_file, std::ios::binary);
  if (!list) return "cannot read " + o.stations_file;
  int line_number = 0;
  for (std::string line; std::getline(list, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    if (auto why = stations.add(line); !why.empty()) {
      return fmt::format("{}:{}: {}", o.stations_file, line_number, why);
    }
  }
  return {};
}

// One satellite's rows for out and its errors for err.
struct SatelliteText {
  std::string out, err;
  int failures = 0;
};

// The passes found, and how to write them.
struct PassListing {
  const std::vector<orbit::Tle>& sets;
  // Per element set, its row in `network`, or why SGP4 refused it.
  const std::vector<std::expected<std::size_t, orbit::Sgp4Error>>& row_of;
  const StationList& stations;
  const orbit::PassNetworkPrediction& network;
  bool json = false;
};

void append_pass(const PassListing& listing, const orbit::Tle& tle, const std::string& station_name,
                 const orbit::Pass& pass, std::string& text) {
  if (listing.json) {
    const std::string aos = orbit::format_iso8601_utc(pass.aos.time);
    const std::string tca = orbit::format_iso8601_utc(pass.tca.time);
    const std::string los = orbit::format_iso8601_utc(pass.los.time);
    // Each row after a comma; the comma before the first row of all is dropped when written.
    fmt::format_to(std::back_inserter(text),
                   ",\n{{\"satellite\":{},\"station\":{},\"aos\":\"{}\",\"tca\":\"{}\","
                   "\"los\":\"{}\",\"max_elevation\":{:.4f},\"aos_azimuth\":{:.4f},"
                   "\"los_azimuth\":{:.4f},\"aos_clipped\":{},\"los_clipped\":{}}}",
                   tle.catalog_number, boost::json::serialize(boost::json::value(station_name)),
                   aos, tca, los, pass.max_elevation_deg, pass.aos.azimuth_deg,
                   pass.los.azimuth_deg, pass.aos_clipped, pass.los_clipped);
    return;
  }
  // The timestamps appended in place: three strings fewer a row, of millions.
  fmt::format_to(std::back_inserter(text), "{},{},", tle.catalog_number, station_name);
  orbit::append_iso8601_utc(text, pass.aos.time);
  text += ',';
  orbit::append_iso8601_utc(text, pass.tca.time);
  text += ',';
  orbit::append_iso8601_utc(text, pass.los.time);
  fmt::format_to(std::back_inserter(text), ",{:.4f},{:.4f},{:.4f}\n", pass.max_elevation_deg,
                 pass.aos.azimuth_deg, pass.los.azimuth_deg);
}

void format_satellite(const PassListing& listing, std::size_t n, SatelliteText& text) {
  text.out.clear();
  text.err.clear();
  text.failures = 0;
  const orbit::Tle& tle = listing.sets[n];
  const auto& row = listing.row_of[n];
  if (!row) {
    text.err += fmt::format("jingkai: satellite {}: SGP4 error {} ({})\n", tle.catalog_number,
                            orbit::code(row.error()), orbit::describe(row.error()));
    ++text.failures;
    return;
  }
  for (std::size_t i = 0; i < listing.stations.sites.size(); ++i) {
    const orbit::PassPrediction& found = listing.network.at(*row, i);
    for (const orbit::Pass& pass : found.passes) {
      append_pass(listing, tle, listing.stations.names[i], pass, text.out);
    }
    if (found.failure) {
      text.err +=
          fmt::format("jingkai: satellite {} stops at {}: SGP4 error {} ({})\n", tle.catalog_number,
                      orbit::format_iso8601_utc(found.failure->time),
                      orbit::code(found.failure->error), orbit::describe(found.failure->error));
      ++text.failures;
      break;
    }
  }
}

// Writes every satellite's passes in the file's order; how many satellites failed. The rows
// are formatted on worker threads, a block of satellites at a time: at 5,000 satellites × 50
// stations × 7 days (8.5 million passes) formatting on one thread takes about as long as the
// search.
int write_passes(const PassListing& listing, unsigned threads, const Console& c) {
  const std::size_t satellites = listing.sets.size();
  unsigned workers = threads > 0 ? threads : std::thread::hardware_concurrency();
  workers = std::max(1U, workers);
  constexpr std::size_t kBlock = 64;
  std::vector<SatelliteText> texts(std::min(kBlock, satellites));
  bool first = true;
  int failures = 0;
  for (std::size_t block = 0; block < satellites; block += kBlock) {
    const std::size_t count = std::min(kBlock, satellites - block);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k = next++; k < count; k = next++) {
        format_satellite(listing, block + k, texts[k]);
      }
    };
    {
      std::vector<std::jthread> pool;
      for (unsigned w = 1; w < workers && w < count; ++w) pool.emplace_back(work);
      work();
    }
    for (std::size_t k = 0; k < count; ++k) {
      const SatelliteText& text = texts[k];
      if (first && !text.out.empty()) {
        c.out << std::string_view(text.out).substr(listing.json ? 1 : 0);
        first = false;
      } else {
        c.out << text.out;
      }
      c.err << text.err;
      failures += text.failures;
    }
  }
  return failures;
}

void passes(const PassesOptions& o, const Console& c) {
  if (o.format != "csv" && o.format != "json") return bad_input(c, "--format must be csv or json");
  StationList stations;
  if (auto why = read_stations(o, stations); !why.empty()) return bad_input(c, why);
  if (stations.sites.empty()) return bad_input(c, "no station: give --station or --stations");
  auto start = orbit::parse_iso8601_utc(o.start);
  if (!start) return bad_input(c, "--start: " + start.error().to_string());
  auto stop = orbit::parse_iso8601_utc(o.stop);
  if (!stop) return bad_input(c, "--stop: " + stop.error().to_string());
  if (orbit::seconds_between(*start, *stop) <= 0)
    return bad_input(c, "--stop is not after --start");
  auto sets = read_element_sets(o.tle, c);
  if (!sets) return;

  const bool json = o.format == "json";
  c.out << (json ? "[" : "satellite,station,aos,tca,los,max_elevation,aos_azimuth,los_azimuth\n");
  // Every satellite is searched over every station at once (threads over satellites), then
  // printed in the file's order.
  std::vector<orbit::Sgp4> satellites;
  std::vector<std::expected<std::size_t, orbit::Sgp4Error>> row_of;
  for (const orbit::Tle& tle : *sets) {
    auto sgp4 = orbit::Sgp4::create(tle);
    if (!sgp4) {
      row_of.push_back(std::unexpected(sgp4.error()));
      continue;
    }
    row_of.push_back(satellites.size());
    satellites.push_back(*sgp4);
  }
  auto network = orbit::predict_network_passes(satellites, stations.sites, *start, *stop, {},
                                               {.threads = o.threads});
  if (!network) return bad_input(c, network.error().message);
  const int failures = write_passes({*sets, row_of, stations, *network, json}, o.threads, c);
  if (json) c.out << "\n]\n";
  if (failures > 0) c.status = kFailed;
}

void add_passes_command(CLI::App* orbit, const Console& c) {
  auto o = std::make_shared<PassesOptions>();
  auto* command = orbit->add_subcommand("passes", "passes of every satellite over stations");
  command->add_option("--tle", o->tle, "file of 2- or 3-line element sets")->required();
  command->add_option("--station", o->station_specs,
                      "NAME,LAT,LON,HEIGHT_M[,MIN_EL_DEG] (repeatable)");
  command->add_option(
      "--stations", o->stations_file,
      "CSV file, a station a line: NAME,LAT,LON,HEIGHT_M[,MIN_EL_DEG] ('#' comments)");
  command->add_option("--threads", o->threads, "threads over satellites (0: one per core)");
  command->add_option("--start", o->start, "ISO 8601 UTC (…Z)")->required();
  command->add_option("--stop", o->stop, "ISO 8601 UTC")->required();
  command->add_option("--format", o->format, "csv | json")->capture_default_str();
  command->callback([o, c] { passes(*o, c); });
}

struct BenchOptions {
  std::string tle;
  long steps = 1440;
  unsigned threads = 0;
};

void bench(const BenchOptions& o, const Console& c) {
  if (o.steps < 1 || o.steps > 10'000'000) return bad_input(c, "--steps must be 1 to 10000000");
  auto sets = read_element_sets(o.tle, c);
  if (!sets) return;
  std::vector<orbit::Sgp4> satellites;
  for (const orbit::Tle& tle : *sets) {
    auto sgp4 = orbit::Sgp4::create(tle);
    if (sgp4) satellites.push_back(*sgp4);
  }
  std::vector<double> minutes(static_cast<std::size_t>(o.steps));
  for (std::size_t i = 0; i < minutes.size(); ++i) minutes[i] = double(i);
  const orbit::BatchPropagator batch(satellites);
  orbit::BatchOptions batch_options;
  batch_options.threads = o.threads;
  // One untimed run first: it allocates and first touches the output (138 MB for 2,000
  // satellites over a day), which is the operating system's work, not propagation's. The
  // timed run reuses that storage, as a tracking loop does.
  orbit::BatchResult result;
  batch.propagate(minutes, batch_options, result);
  const auto began = std::chrono::steady_clock::now();
  batch.propagate(minutes, batch_options, result);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  const double count = double(satellites.size()) * double(minutes.size());
  c.out << "satellites: " << satellites.size() << " (" << batch.near_earth_count()
        << " near-earth)\nsteps: " << minutes.size()
        << "\nfailed satellites: " << result.failures.size()
        << "\nseconds: " << fmt::format("{:.3f}", seconds)
        << "\npropagations_per_second: " << fmt::format("{:.0f}", count / seconds) << "\n";
}

void add_bench_command(CLI::App* orbit, const Console& c) {
  auto o = std::make_shared<BenchOptions>();
  auto* command = orbit->add_subcommand(
      "bench", "propagate every satellite over N one-minute steps with the batch path");
  command->add_option("--tle", o->tle, "file of 2- or 3-line element sets")->required();
  command->add_option("--steps", o->steps, "one-minute steps")->capture_default_str();
  command->add_option("--threads", o->threads, "threads (0: one per core)");
  command->callback([o, c] { bench(*o, c); });
}

}  // namespace

void add_orbit_commands(CLI::App& cli, const Console& console) {
  auto* orbit = cli.add_subcommand("orbit", "orbit tools: propagation of element sets");
  orbit->require_subcommand(1);
  add_propagate_command(orbit, console);
  add_passes_command(orbit, console);
  add_bench_command(orbit, console);
}

}  // namespace jingkai::app
