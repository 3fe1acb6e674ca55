// The ISS element set of tle_samples.hpp (1 25544U 98067A 08264.51782528 …) as the public
// catalogues publish it in each OMM encoding, and helpers shared by the OMM tests.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <expected>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "orbit/omm.hpp"
#include "orbit/tle.hpp"

namespace jingkai::orbit {

// Readable failures for EXPECT_EQ on element sets.
inline void PrintTo(const Tle& tle, std::ostream* out) {
  auto text = format_tle(tle);
  *out << "Tle{\"" << tle.name << "\", " << tle.catalog_number << ", epoch "
       << fmt::format("{}+{:.17g}", tle.epoch.day, tle.epoch.fraction) << ", "
       << (text ? text->line1 + " / " + text->line2 : "(unwritable)")
       << fmt::format(", bstar {:.17g}, ndot {:.17g}, nddot {:.17g}}}", tle.bstar,
                      tle.mean_motion_dot, tle.mean_motion_ddot);
}

inline void PrintTo(const Omm& omm, std::ostream* out) {
  auto text = format_omm_json(std::vector<Omm>{omm});
  *out << (text ? *text : "(unwritable OMM)") << " version " << omm.version << ", created "
       << omm.creation_date << " by " << omm.originator << ", " << omm.comments.size()
       << " comments";
}

}  // namespace jingkai::orbit

namespace jingkai::orbit::testing {

inline constexpr std::string_view kIssKvn = R"j(CCSDS_OMM_VERS = 2.0
COMMENT  GENERATED VIA SPACE-TRACK.ORG API
CREATION_DATE = 2008-09-20T18:00:00
ORIGINATOR = 18 SPCS
OBJECT_NAME = ISS (ZARYA)
OBJECT_ID = 1998-067A
CENTER_NAME = EARTH
REF_FRAME = TEME
TIME_SYSTEM = UTC
MEAN_ELEMENT_THEORY = SGP4
EPOCH = 2008-09-20T12:25:40.104192
MEAN_MOTION = 15.72125391
ECCENTRICITY = .0006703
INCLINATION = 51.6416
RA_OF_ASC_NODE = 247.4627
ARG_OF_PERICENTER = 130.5360
MEAN_ANOMALY = 325.0288
EPHEMERIS_TYPE = 0
CLASSIFICATION_TYPE = U
NORAD_CAT_ID = 25544
ELEMENT_SET_NO = 292
REV_AT_EPOCH = 56353
BSTAR = -.11606E-4
MEAN_MOTION_DOT = -.00002182
MEAN_MOTION_DDOT = 0
)j";

inline constexpr std::string_view kIssXml = R"j(<?xml version="1.0" encoding="UTF-8"?>
<ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<omm id="CCSDS_OMM_VERS" version="2.0">
<header><CREATION_DATE>2008-09-20T18:00:00</CREATION_DATE><ORIGINATOR>18 SPCS</ORIGINATOR></header>
<body><segment><metadata><OBJECT_NAME>ISS (ZARYA)</OBJECT_NAME><OBJECT_ID>1998-067A</OBJECT_ID><CENTER_NAME>EARTH</CENTER_NAME><REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY></metadata>
<data><meanElements><EPOCH>2008-09-20T12:25:40.104192</EPOCH><MEAN_MOTION>15.72125391</MEAN_MOTION><ECCENTRICITY>.0006703</ECCENTRICITY><INCLINATION>51.6416</INCLINATION><RA_OF_ASC_NODE>247.4627</RA_OF_ASC_NODE><ARG_OF_PERICENTER>130.5360</ARG_OF_PERICENTER><MEAN_ANOMALY>325.0288</MEAN_ANOMALY></meanElements>
<tleParameters><EPHEMERIS_TYPE>0</EPHEMERIS_TYPE><CLASSIFICATION_TYPE>U</CLASSIFICATION_TYPE><NORAD_CAT_ID>25544</NORAD_CAT_ID><ELEMENT_SET_NO>292</ELEMENT_SET_NO><REV_AT_EPOCH>56353</REV_AT_EPOCH><BSTAR>-.11606E-4</BSTAR><MEAN_MOTION_DOT>-.00002182</MEAN_MOTION_DOT><MEAN_MOTION_DDOT>0</MEAN_MOTION_DDOT></tleParameters></data></segment></body></omm>
</ndm>
)j";

inline constexpr std::string_view kIssJson =
    R"j([{"OBJECT_NAME":"ISS (ZARYA)","OBJECT_ID":"1998-067A","EPOCH":"2008-09-20T12:25:40.104192",)j"
    R"j("MEAN_MOTION":15.72125391,"ECCENTRICITY":0.0006703,"INCLINATION":51.6416,)j"
    R"j("RA_OF_ASC_NODE":247.4627,"ARG_OF_PERICENTER":130.536,"MEAN_ANOMALY":325.0288,)j"
    R"j("EPHEMERIS_TYPE":0,"CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":25544,"ELEMENT_SET_NO":292,)j"
    R"j("REV_AT_EPOCH":56353,"BSTAR":-1.1606e-5,"MEAN_MOTION_DOT":-2.182e-5,"MEAN_MOTION_DDOT":0}])j";

inline constexpr std::string_view kCsvHeader =
    "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,"
    "ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,"
    "ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT";

inline constexpr std::string_view kIssCsvRow =
    "ISS (ZARYA),1998-067A,2008-09-20T12:25:40.104192,15.72125391,.0006703,51.6416,247.4627,"
    "130.5360,325.0288,0,U,25544,292,56353,-.11606E-4,-.00002182,0";

inline std::string iss_csv() {
  return std::string(kCsvHeader) + "\r\n" + std::string(kIssCsvRow) + "\r\n";
}

// `text` with the first occurrence of `from` replaced by `to` (which must be there).
inline std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string result(text);
  const auto at = result.find(from);
  EXPECT_NE(at, std::string::npos) << "sample has no \"" << from << "\"";
  if (at != std::string::npos) result.replace(at, from.size(), to);
  return result;
}

struct Position {
  int line = 0;
  int column = 0;
};

// Line and column (1-based) of the first occurrence of `needle` in `text`, plus `offset`
// columns.
inline Position position_of(std::string_view text, std::string_view needle, int offset = 0) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << "no \"" << needle << "\"";
  const std::string_view before = text.substr(0, at);
  const auto line_start = before.rfind('\n');
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const int column =
      static_cast<int>(at - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
  return Position{line, column + offset};
}

// Passes when reading failed at exactly this line, column and cause.
inline ::testing::AssertionResult fails_at(
    const std::expected<std::vector<Omm>, ParseError>& result, int line, int column,
    std::string_view code) {
  if (result) return ::testing::AssertionFailure() << "parsed, expected an error";
  const ParseError& e = result.error();
  if (e.line != line || e.column != column || e.code != code) {
    return ::testing::AssertionFailure()
           << "expected line " << line << ", column " << column << ", " << code << "; got line "
           << e.line << ", column " << e.column << ", " << e.code << ": " << e.to_string();
  }
  return ::testing::AssertionSuccess() << e.to_string();
}

inline ::testing::AssertionResult fails_at(
    const std::expected<std::vector<Omm>, ParseError>& result, Position position,
    std::string_view code) {
  return fails_at(result, position.line, position.column, code);
}

// The one message of `result` (failing the test when there is not exactly one).
inline Omm only(const std::expected<std::vector<Omm>, ParseError>& result) {
  EXPECT_TRUE(result) << (result ? "" : result.error().to_string());
  if (!result) return Omm{};
  EXPECT_EQ(result->size(), 1u);
  return result->empty() ? Omm{} : result->front();
}

// Every value of the ISS sample, whatever the encoding it came from. Numbers compare within
// a few ulps: ".11606E-4" and the TLE's "-11606-4" need not round to the same double.
inline void expect_iss_elements(const Omm& omm) {
  EXPECT_EQ(omm.object_name, "ISS (ZARYA)");
  EXPECT_EQ(omm.object_id, "1998-067A");
  EXPECT_EQ(omm.center_name, "EARTH");
  EXPECT_EQ(omm.ref_frame, "TEME");
  EXPECT_EQ(omm.time_system, "UTC");
  EXPECT_EQ(omm.mean_element_theory, "SGP4");
  EXPECT_EQ(omm.epoch.day, 2454729.5);  // 2008 September 20, 0h
  EXPECT_EQ(omm.epoch.fraction, 0.51782528);
  EXPECT_EQ(omm.mean_motion, 15.72125391);
  EXPECT_EQ(omm.eccentricity, 0.0006703);
  EXPECT_EQ(omm.inclination_deg, 51.6416);
  EXPECT_EQ(omm.ra_of_asc_node_deg, 247.4627);
  EXPECT_EQ(omm.arg_of_pericenter_deg, 130.536);
  EXPECT_EQ(omm.mean_anomaly_deg, 325.0288);
  EXPECT_EQ(omm.ephemeris_type, 0);
  EXPECT_EQ(omm.classification_type, 'U');
  EXPECT_EQ(omm.norad_cat_id, 25544);
  EXPECT_EQ(omm.element_set_no, 292);
  EXPECT_EQ(omm.rev_at_epoch, 56353);
  EXPECT_DOUBLE_EQ(omm.bstar, -0.11606e-4);
  EXPECT_DOUBLE_EQ(omm.mean_motion_dot, -0.00002182);
  EXPECT_EQ(omm.mean_motion_ddot, 0.0);
}

}  // namespace jingkai::orbit::testing
