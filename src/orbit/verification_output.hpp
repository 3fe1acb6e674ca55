// State listings in the layout of Vallado's verification output (tcppver.out, its first
// seven columns): what `jingkai orbit propagate --tle FILE --tsince START:STOP:STEP` prints.
//
//   5 xx
//          0.00000000    7022.46529266   -1400.08296755       0.03995155  1.893841015 ...
//        360.00000000   -7154.03120202   -3783.17682504   -3536.19412294  4.741887409 ...
//
// One header per element set (catalogue number, then "xx"), then rows of minutes since
// epoch, TEME position (km) and velocity (km/s).
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orbit/parse_error.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/tle.hpp"

namespace jingkai::orbit {

// Minutes since each element set's epoch.
struct TsinceRange {
  double start = 0.0;
  double stop = 0.0;
  double step = 0.0;
};

// "START:STOP:STEP" in minutes, e.g. "0:1440:360" or "-5184:-4896:120"; stop >= start,
// step > 0. Errors name the column (1-based) in `text`.
std::expected<TsinceRange, ParseError> parse_tsince_range(std::string_view text);

// The times the reference driver visits: 0 first (always), then start (unless it is 0),
// start + step, ... with the last step shortened to end exactly at stop. The sum is
// accumulated as the driver does, so the times agree with its output to the last bit.
std::vector<double> tsince_times(const TsinceRange& range);

// Where propagation of one element set stopped early.
struct PropagationStop {
  int catalog_number = 0;
  double tsince = 0.0;
  Sgp4Error error = Sgp4Error::kDecayed;
};

struct StateListingOptions {
  Sgp4Options sgp4;
  ChecksumPolicy checksums = ChecksumPolicy::kVerify;
  // After the last row of an element set that stopped early, the driver's console line
  // "# *** error: t:= 50.000000 *** code =   6". Off, the text holds only the layout of
  // tcppver.out.
  bool error_lines = true;
};

struct StateListing {
  std::string text;
  std::vector<PropagationStop> stops;  // in file order; empty when all ran to stop
};

// One row: " %16.8f %16.8f %16.8f %16.8f %12.9f %12.9f %12.9f\n".
std::string format_state_row(double tsince, const StateVector& state);

// The header and rows of one element set; the stop, if propagation failed.
std::optional<PropagationStop> append_state_rows(const Sgp4& sgp4, int catalog_number,
                                                 const TsinceRange& range,
                                                 const StateListingOptions& options,
                                                 std::string& out);

// Every element set of a TLE file (2- or 3-line sets). An element set whose mean elements
// SGP4 rejects outright appears with its header and a stop at 0.
std::expected<StateListing, ParseError> list_states(std::string_view tle_text,
                                                    const TsinceRange& range,
                                                    const StateListingOptions& options = {});

}  // namespace jingkai::orbit
