#include "orbit/verification_output.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace {

// Keeps one listing within reason (about 100 MB of text per element set).
constexpr double kMaxRowsPerElementSet = 1e6;

// Calls visit(tsince) for each time of the reference driver's loop after the row at 0,
// until visit returns false.
template <typename Visit>
void for_each_tsince_after_zero(const TsinceRange& range, Visit visit) {
  double tsince = range.start;
  // The driver steps back once so that its loop's first increment lands on start; a start
  // of 0 is skipped since the row at 0 is already written.
  if (std::fabs(tsince) > 1.0e-8) tsince = tsince - range.step;
  while (tsince < range.stop) {
    tsince = tsince + range.step;
    if (tsince > range.stop) tsince = range.stop;
    if (!visit(tsince)) return;
  }
}

std::expected<void, ParseError> check_range(const TsinceRange& range, int stop_column,
                                            int step_column) {
  if (!(range.step > 0.0)) {
    return std::unexpected(ParseError{0, step_column, "tsince_step",
                                      fmt::format("step {} must be greater than 0", range.step)});
  }
  if (range.stop < range.start) {
    return std::unexpected(
        ParseError{0, stop_column, "tsince_order",
                   fmt::format("stop {} is before start {}", range.stop, range.start)});
  }
  if ((range.stop - range.start) / range.step > kMaxRowsPerElementSet) {
    return std::unexpected(
        ParseError{0, step_column, "tsince_rows",
                   fmt::format("{}:{}:{} asks for more than {} rows per element set", range.start,
                               range.stop, range.step, kMaxRowsPerElementSet)});
  }
  return {};
}

}  // namespace

std::expected<TsinceRange, ParseError> parse_tsince_range(std::string_view text) {
  double values[3] = {};
  int columns[3] = {};
  static constexpr const char* kNames[3] = {"start", "stop", "step"};
  std::size_t position = 0;
  for (int i = 0; i < 3; ++i) {
    const std::size_t end = i < 2 ? text.find(':', position) : text.size();
    columns[i] = static_cast<int>(position) + 1;
    if (end == std::string_view::npos) {
      return std::unexpected(ParseError{
          0, static_cast<int>(text.size()) + 1, "tsince_format",
          fmt::format("expected START:STOP:STEP in minutes, e.g. 0:1440:360; {} is missing",
                      kNames[i + 1])});
    }
    const std::string_view part = text.substr(position, end - position);
    const char* first = part.data();
    const char* last = part.data() + part.size();
    const auto [ptr, ec] = std::from_chars(first, last, values[i]);
    if (part.empty() || ec != std::errc() || !std::isfinite(values[i])) {
      return std::unexpected(
          ParseError{0, columns[i], "tsince_format",
                     fmt::format("{} \"{}\" is not a number of minutes", kNames[i], part)});
    }
    if (ptr != last) {
      const int column = columns[i] + static_cast<int>(ptr - first);
      return std::unexpected(ParseError{
          0, column, "tsince_format",
          fmt::format("unexpected '{}' after the {} (expected START:STOP:STEP)", *ptr, kNames[i])});
    }
    position = end + 1;
  }
  const TsinceRange range{values[0], values[1], values[2]};
  ORBIT_TRY(check_range(range, columns[1], columns[2]));
  return range;
}

std::vector<double> tsince_times(const TsinceRange& range) {
  std::vector<double> times{0.0};
  if (!check_range(range, 0, 0)) return times;
  for_each_tsince_after_zero(range, [&](double tsince) {
    times.push_back(tsince);
    return true;
  });
  return times;
}

std::string format_state_row(double tsince, const StateVector& state) {
  const auto& r = state.position_km;
  const auto& v = state.velocity_km_s;
  return fmt::format(" {:16.8f} {:16.8f} {:16.8f} {:16.8f} {:12.9f} {:12.9f} {:12.9f}\n", tsince,
                     r[0], r[1], r[2], v[0], v[1], v[2]);
}

std::optional<PropagationStop> append_state_rows(const Sgp4& sgp4, int catalog_number,
                                                 const TsinceRange& range,
                                                 const StateListingOptions& options,
                                                 std::string& out) {
  out += fmt::format("{} xx\n", catalog_number);
  std::optional<PropagationStop> stop;
  auto row = [&](double tsince) {
    const auto state = sgp4.propagate(tsince);
    if (!state) {
      stop = PropagationStop{catalog_number, tsince, state.error()};
      if (options.error_lines) {
        out += fmt::format("# *** error: t:= {:f} *** code = {:3}\n", tsince, code(state.error()));
      }
      return false;
    }
    out += format_state_row(tsince, *state);
    return true;
  };
  if (!check_range(range, 0, 0)) return stop;
  if (row(0.0)) for_each_tsince_after_zero(range, row);
  return stop;
}

std::expected<StateListing, ParseError> list_states(std::string_view tle_text,
                                                    const TsinceRange& range,
                                                    const StateListingOptions& options) {
  ORBIT_TRY(check_range(range, 0, 0));
  TleParseOptions parse_options;
  parse_options.checksums = options.checksums;
  auto tles = ORBIT_TRY(parse_tle_file(tle_text, parse_options));

  StateListing listing;
  for (const Tle& tle : tles) {
    auto sgp4 = Sgp4::create(tle, options.sgp4);
    if (!sgp4) {
      listing.text += fmt::format("{} xx\n", tle.catalog_number);
      if (options.error_lines) {
        listing.text +=
            fmt::format("# *** error: t:= {:f} *** code = {:3}\n", 0.0, code(sgp4.error()));
      }
      listing.stops.push_back(PropagationStop{tle.catalog_number, 0.0, sgp4.error()});
      continue;
    }
    auto stop = append_state_rows(*sgp4, tle.catalog_number, range, options, listing.text);
    if (stop) listing.stops.push_back(*stop);
  }
  return listing;
}

}  // namespace jingkai::orbit
