// Tle: a two-line element set (with its optional name line), parsed strictly by columns
// and written back to the same text.
//
// The format (columns are 1-based, as in the published description):
//   line 1: 1 NNNNNC YYLLLPPP YYDDD.DDDDDDDD SX.XXXXXXXX SXXXXXSE SXXXXXSE E NNNN#
//   line 2: 2 NNNNN III.IIII RRR.RRRR EEEEEEE WWW.WWWW MMM.MMMM NN.NNNNNNNNRRRRR#
// Every line has exactly 69 columns; column 69 is a mod-10 checksum of columns 1-68 (digits
// count their value, '-' counts 1, everything else 0).
#pragma once

#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orbit/julian_date.hpp"
#include "orbit/parse_error.hpp"

namespace jingkai::orbit {

// Values are kept in the units the format prints, so that writing them back gives the
// same text; SGP4 converts them when it initialises.
struct Tle {
  std::string name;           // the name line of a 3-line set, blanks trimmed; empty for 2 lines
  int catalog_number = 0;     // 1..339999; from 100000 written in Alpha-5 (A0000..Z9999)
  char classification = 'U';  // U unclassified, C classified, S secret
  std::string international_designator;  // "58002B" (columns 10-17, blanks trimmed)
  JulianDate epoch;                      // UTC
  double mean_motion_dot = 0.0;          // as printed: half the first derivative, rev/day²
  double mean_motion_ddot = 0.0;         // as printed: a sixth of the second derivative, rev/day³
  double bstar = 0.0;                    // drag term, 1/earth radii
  int ephemeris_type = 0;                // 0 in distributed sets (SGP4); blank reads as 0
  int element_set_number = 0;            // 0..9999
  double inclination_deg = 0.0;          // 0..180
  double right_ascension_deg = 0.0;      // of the ascending node, 0..360
  double eccentricity = 0.0;             // 0..0.9999999
  double argument_of_perigee_deg = 0.0;  // 0..360
  double mean_anomaly_deg = 0.0;         // 0..360
  double mean_motion = 0.0;              // rev/day, > 0
  int revolution_number = 0;             // at epoch, 0..99999

  friend bool operator==(const Tle&, const Tle&) = default;
};

// Real files sometimes carry wrong checksums (Vallado's verification set does, on
// purpose); kIgnore still requires a digit in column 69.
enum class ChecksumPolicy { kVerify, kIgnore };

struct TleParseOptions {
  ChecksumPolicy checksums = ChecksumPolicy::kVerify;
  // Line number of line 1 in the caller's text, so that errors name lines of a file.
  int first_line_number = 1;
};

// One element set from its two lines (no line terminators; a trailing '\r' is an error).
std::expected<Tle, ParseError> parse_tle(std::string_view line1, std::string_view line2,
                                         const TleParseOptions& options = {});

// Every element set of a file: 2-line and 3-line sets, mixed, separated by any number of
// blank lines. A name line is any line that does not start with "1 " or "2 "; a leading
// "0 " (Space-Track's 3LE) is dropped, and it has at most 24 characters. LF or CRLF.
std::expected<std::vector<Tle>, ParseError> parse_tle_file(std::string_view text,
                                                           const TleParseOptions& options = {});

// Mod-10 checksum of the first 68 columns of a line (fewer if the line is shorter).
int tle_checksum(std::string_view line);

// Catalogue number as columns 3-7 write it: "00005", "99999", "A0000" (100000), "Z9999".
// Fails beyond 339999 or below 0 (the 9-digit catalogue does not fit a TLE).
std::expected<std::string, ParseError> format_catalog_number(int catalog_number);

struct TleText {
  std::string line1;
  std::string line2;
};

// The two lines of an element set, checksums included. Fails (naming the line and first
// column of the field) when a value cannot be written in its columns.
std::expected<TleText, ParseError> format_tle(const Tle& tle);

// A file of 3-line sets where a name is given and 2-line sets where not, "\n" after each.
std::expected<std::string, ParseError> format_tle_file(std::span<const Tle> tles);

}  // namespace jingkai::orbit
