// Omm: a CCSDS Orbit Mean-Elements Message (CCSDS 502.0-B-3) carrying an SGP4 element set,
// as the public catalogues publish it, read and written in its four encodings:
//   KVN   "KEY = value [unit]" lines, COMMENT lines, one message after another;
//   XML   <ndm><omm>…</omm>…</ndm> (or a lone <omm>), header / body / segment / metadata /
//         data / meanElements / tleParameters;
//   JSON  an array of flat objects with the OMM keywords (CelesTrak's form; a lone object
//         is read too);
//   CSV   a header row of OMM keywords, then one row per element set (CelesTrak's form).
// And converted to and from the library's Tle, so that an OMM propagates with Sgp4 and a
// TLE exports as an OMM.
//
// Only SGP4 element sets are read (MEAN_ELEMENT_THEORY SGP4 or SGP/SGP4, about EARTH, in
// TEME, on UTC); anything else is refused rather than propagated wrongly. Every value is
// checked once, when read: an eccentricity outside [0, 1), a mean motion <= 0 or a value
// that is not a finite number is an error that names the key, line and column.
#pragma once

#include <expected>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orbit/julian_date.hpp"
#include "orbit/parse_error.hpp"
#include "orbit/tle.hpp"

namespace jingkai::orbit {

// Field names follow the OMM keywords (EPOCH → epoch, RA_OF_ASC_NODE → ra_of_asc_node_deg)
// so that a reader of the standard finds them. Values are in the units the message uses.
struct Omm {
  // Header. creation_date is kept as written (a CCSDS time, checked when read).
  std::string version = "3.0";  // CCSDS_OMM_VERS: "2.0" or "3.0"
  std::string creation_date;
  std::string originator;
  // Every COMMENT of the message, in order; written back at the head of the header.
  std::vector<std::string> comments;

  // Metadata. OBJECT_NAME and OBJECT_ID are mandatory keys but may be empty (a TLE without
  // a name line, an analyst object without a designator).
  std::string object_name;
  std::string object_id;  // international designator, "1998-067A"
  std::string center_name = "EARTH";
  std::string ref_frame = "TEME";
  std::string time_system = "UTC";
  std::string mean_element_theory = "SGP4";

  // Mean elements (Kozai mean motion, as SGP4 takes it).
  JulianDate epoch;                    // UTC, to the microsecond the text gives
  double mean_motion = 0.0;            // rev/day, > 0
  double eccentricity = 0.0;           // [0, 1)
  double inclination_deg = 0.0;        // 0..180
  double ra_of_asc_node_deg = 0.0;     // right ascension of the ascending node
  double arg_of_pericenter_deg = 0.0;  // argument of perigee
  double mean_anomaly_deg = 0.0;

  // TLE parameters; the derivatives are the TLE's printed values (half and a sixth of
  // the derivatives proper), as the catalogues publish them.
  int ephemeris_type = 0;          // 0..9
  char classification_type = 'U';  // U, C or S
  int norad_cat_id = 0;            // 0..999999999 (the catalogue's 9-digit numbers)
  int element_set_no = 0;          // 0..9999
  int rev_at_epoch = 0;            // >= 0
  double bstar = 0.0;              // 1/earth radii
  double mean_motion_dot = 0.0;    // rev/day²
  double mean_motion_ddot = 0.0;   // rev/day³

  friend bool operator==(const Omm&, const Omm&) = default;
};

enum class OmmEncoding { kKvn, kXml, kJson, kCsv };

// Every message of a text, in order. Unknown keys are errors in KVN and XML (whose keys the
// standard fixes; the optional ones this struct does not keep — MESSAGE_ID, GM, spacecraft
// parameters, covariance, USER_DEFINED_* — are accepted and dropped) and are skipped in
// JSON and CSV, where catalogues add their own columns (Space-Track's SEMIMAJOR_AXIS, …).
// JSON numbers may also come as strings, as Space-Track writes them.
std::expected<std::vector<Omm>, ParseError> parse_omm_kvn(std::string_view text);
std::expected<std::vector<Omm>, ParseError> parse_omm_xml(std::string_view text);
std::expected<std::vector<Omm>, ParseError> parse_omm_json(std::string_view text);
std::expected<std::vector<Omm>, ParseError> parse_omm_csv(std::string_view text);
std::expected<std::vector<Omm>, ParseError> parse_omm(std::string_view text, OmmEncoding encoding);

// Text that the parser of the same encoding reads back to equal Omm values (JSON and CSV
// carry neither header, comments nor metadata beyond the names: those come back as
// defaults). Numbers are written in the shortest form that reads back to the same double.
// Fails, naming the key, for a value the parser would refuse (KVN and XML also need a
// CREATION_DATE and an ORIGINATOR).
std::expected<std::string, ParseError> format_omm_kvn(std::span<const Omm> omms);
std::expected<std::string, ParseError> format_omm_xml(std::span<const Omm> omms);
std::expected<std::string, ParseError> format_omm_json(std::span<const Omm> omms);
std::expected<std::string, ParseError> format_omm_csv(std::span<const Omm> omms);
std::expected<std::string, ParseError> format_omm(std::span<const Omm> omms, OmmEncoding encoding);

// "2008-09-20T12:25:40.104192" (also day-of-year "2008-264T…", and a trailing 'Z'); six
// decimals of the second are read exactly (fraction = microseconds of the day / 86400e6, the
// double a TLE gives for the same instant), further decimals must be zeros, and a leap
// second (:60) is refused: no element set is dated in one.
std::expected<JulianDate, ParseError> parse_omm_epoch(std::string_view text);
// Always six decimals; fails for a fraction outside [0, 1).
std::expected<std::string, ParseError> format_omm_epoch(const JulianDate& epoch);

// The element set as a Tle: OBJECT_ID "1998-067A" becomes "98067A" (an empty or "UNKNOWN"
// id an empty one), OBJECT_NAME the name. Keeps NORAD_CAT_ID as it is, also beyond what TLE
// text can carry: Sgp4 propagates it all the same. Fails for an OBJECT_ID of another form.
std::expected<Tle, ParseError> tle_from_omm(const Omm& omm);

// The two lines of TLE text. A NORAD_CAT_ID from 100000 to 339999 is written in Alpha-5
// (A0000..Z9999); beyond that a TLE cannot carry it, and that is the error.
std::expected<TleText, ParseError> format_omm_as_tle(const Omm& omm);

struct OmmHeader {
  std::string creation_date;  // a CCSDS time; the library reads no clock
  std::string originator;
  std::string version = "3.0";
};

// An OMM of the element set; the international designator "98067A" becomes "1998-067A"
// (two-digit years 57-99 are 19xx). Fails for a designator that is not of that form.
std::expected<Omm, ParseError> omm_from_tle(const Tle& tle, const OmmHeader& header = {});

}  // namespace jingkai::orbit
