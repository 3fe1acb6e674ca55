// EarthOrientation: the Earth's rotation as IERS measures and predicts it — ΔUT1 = UT1 − UTC,
// polar motion (xp, yp) and the excess length of day — read from an IERS "finals" file and
// interpolated linearly between its daily rows.
//
// Without a file (EarthOrientation{}) every parameter is zero. That is what SGP4 users
// commonly do, and it costs:
//   ΔUT1 = 0: |ΔUT1| is kept below 0.9 s by leap seconds, and 0.9 s of rotation is 13.5" of
//     Earth-fixed longitude: up to ~420 m east-west on the equator, ~450 m for a LEO
//     satellite's ITRF position, ~2.8 km at geostationary radius (and the matching ~13" in
//     a station's azimuth/elevation of the satellite).
//   xp = yp = 0: polar motion stays under ~0.6" and is typically ~0.3": ~10 m on the ground,
//     ~10 m for LEO, ~60 m at geostationary radius.
//   LOD = 0: the excess length of day (a few ms) changes the Earth's rotation rate by ~3e-8
//     relative: ~0.02 mm/s in ITRF velocity, negligible.
//
// File format: IERS Rapid Service "finals2000A.all", "finals2000A.data", "finals.all" or
// "finals.data" (https://datacenter.iers.org, readme.finals2000A), one UTC day a line in
// fixed columns (1-based); only the Bulletin A values are read:
//   1-2 year (2 digits), 3-4 month, 5-6 day, 8-15 MJD (UTC, ".00"),
//   19-27 xp (arcsec), 38-46 yp (arcsec), 59-68 UT1−UTC (s), 80-86 LOD (ms; may be blank).
// Rows whose polar motion or UT1−UTC is blank (the file's future days, beyond the
// predictions) are skipped; rows must be in increasing date order. The file's 2-digit year
// must agree with its MJD, which catches a column shifted by one.
#pragma once

#include <expected>
#include <string_view>
#include <vector>

#include "orbit/julian_date.hpp"
#include "orbit/parse_error.hpp"

namespace jingkai::orbit {

struct EarthOrientationParameters {
  double ut1_minus_utc_s = 0.0;         // ΔUT1, seconds of time
  double polar_motion_x_arcsec = 0.0;   // xp, the pole towards Greenwich
  double polar_motion_y_arcsec = 0.0;   // yp, the pole towards 90° west
  double length_of_day_excess_s = 0.0;  // LOD − 86400 s (the file gives milliseconds)
};

class EarthOrientation {
 public:
  // No data: every parameter zero at every date (see above for the error that causes).
  EarthOrientation() = default;

  static std::expected<EarthOrientation, ParseError> parse_finals(std::string_view text);

  // Parameters at a UTC instant, linear between the daily rows. ΔUT1 steps by one second at
  // a leap second; the step is taken at 0h UTC of the row after it, never smeared over the
  // day. Before the first row or after the last the end row's values hold (predictions
  // run a year ahead; keep the file fresh rather than rely on that).
  EarthOrientationParameters at(const JulianDate& utc) const;

  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }
  // Modified Julian dates (UTC) of the first and last rows; 0 when empty.
  double first_mjd() const { return rows_.empty() ? 0.0 : rows_.front().mjd; }
  double last_mjd() const { return rows_.empty() ? 0.0 : rows_.back().mjd; }

 private:
  struct Row {
    double mjd = 0.0;
    EarthOrientationParameters parameters;
  };

  std::vector<Row> rows_;
};

}  // namespace jingkai::orbit
