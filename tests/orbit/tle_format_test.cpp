// Writing element sets back to TLE text: parse -> write -> parse gives the same fields, and
// canonical text comes back character for character, checksums included.
#include <gtest/gtest.h>

#include <set>

#include "orbit/tle.hpp"
#include "tle_samples.hpp"
#include "verification_data.hpp"

namespace jingkai::orbit {
namespace {

using testing::kIssLine1;
using testing::kIssLine2;
using testing::kVanguardLine1;
using testing::kVanguardLine2;

Tle parsed(std::string_view line1, std::string_view line2) {
  auto tle = parse_tle(line1, line2);
  EXPECT_TRUE(tle) << tle.error().to_string();
  return tle.value_or(Tle{});
}

TleText written(const Tle& tle) {
  auto text = format_tle(tle);
  EXPECT_TRUE(text) << text.error().to_string();
  return text.value_or(TleText{});
}

::testing::AssertionResult fails_at(const std::expected<TleText, ParseError>& result, int line,
                                    int column) {
  if (result) return ::testing::AssertionFailure() << "written: " << result->line1;
  const ParseError& e = result.error();
  if (e.line != line || e.column != column || e.code != "tle_unwritable") {
    return ::testing::AssertionFailure() << "expected line " << line << ", column " << column
                                         << "; got " << e.code << ": " << e.to_string();
  }
  return ::testing::AssertionSuccess() << e.to_string();
}

TEST(TleFormat, WritesVanguardBackToTheSameText) {
  const TleText text = written(parsed(kVanguardLine1, kVanguardLine2));
  EXPECT_EQ(text.line1, kVanguardLine1);
  EXPECT_EQ(text.line2, kVanguardLine2);
}

TEST(TleFormat, WritesTheIssWithNegativeDerivativeAndBstarBackToTheSameText) {
  const TleText text = written(parsed(kIssLine1, kIssLine2));
  EXPECT_EQ(text.line1, kIssLine1);
  EXPECT_EQ(text.line2, kIssLine2);
}

TEST(TleFormat, ParsesWhatItWritesToTheSameFields) {
  const Tle tle = parsed(kIssLine1, kIssLine2);
  const TleText text = written(tle);
  EXPECT_EQ(parsed(text.line1, text.line2), tle);
}

TEST(TleFormat, WritesChecksumsThatTheStrictParserAccepts) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.mean_motion_dot = -0.00012345;
  tle.revolution_number = 99999;
  const TleText text = written(tle);
  EXPECT_EQ(text.line1[68] - '0', tle_checksum(text.line1));
  EXPECT_EQ(text.line2[68] - '0', tle_checksum(text.line2));
  EXPECT_TRUE(parse_tle(text.line1, text.line2));
}

TEST(TleFormat, WritesLinesOf69Columns) {
  const TleText text = written(parsed(kIssLine1, kIssLine2));
  EXPECT_EQ(text.line1.size(), 69u);
  EXPECT_EQ(text.line2.size(), 69u);
}

TEST(TleFormat, WritesAlpha5CatalogueNumbers) {
  EXPECT_EQ(format_catalog_number(100000).value(), "A0000");
  EXPECT_EQ(format_catalog_number(180001).value(), "J0001");
  EXPECT_EQ(format_catalog_number(231234).value(), "P1234");
  EXPECT_EQ(format_catalog_number(339999).value(), "Z9999");
}

TEST(TleFormat, WritesSmallCatalogueNumbersWithLeadingZeros) {
  EXPECT_EQ(format_catalog_number(5).value(), "00005");
  EXPECT_EQ(format_catalog_number(99999).value(), "99999");
}

TEST(TleFormat, RejectsCatalogueNumbersBeyondAlpha5) {
  EXPECT_FALSE(format_catalog_number(340000));
  EXPECT_FALSE(format_catalog_number(-1));
}

TEST(TleFormat, RoundTripsAnAlpha5SetOnBothLines) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.catalog_number = 270001;  // T0001
  const TleText text = written(tle);
  EXPECT_EQ(text.line1.substr(2, 5), "T0001");
  EXPECT_EQ(text.line2.substr(2, 5), "T0001");
  EXPECT_EQ(parsed(text.line1, text.line2).catalog_number, 270001);
}

TEST(TleFormat, WritesZeroInAnExponentFieldAsSpaceTrackDoes) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.bstar = 0.0;
  EXPECT_EQ(written(tle).line1.substr(53, 8), " 00000-0");
}

TEST(TleFormat, NormalisesTheMantissaOfAnExponentField) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.bstar = 1.234e-4;
  EXPECT_EQ(written(tle).line1.substr(53, 8), " 12340-3");
  tle.bstar = -0.5;
  EXPECT_EQ(written(tle).line1.substr(53, 8), "-50000-0");
  tle.bstar = 1.5;
  EXPECT_EQ(written(tle).line1.substr(53, 8), " 15000+1");
}

TEST(TleFormat, RoundsTheMantissaToFiveDigitsCarryingIntoTheExponent) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.bstar = 0.999996e-4;
  EXPECT_EQ(written(tle).line1.substr(53, 8), " 10000-3");
}

TEST(TleFormat, WritesValuesBelowTheSmallestExponentWithLeadingZeros) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.bstar = 1e-12;  // 0.00100e-9
  EXPECT_EQ(written(tle).line1.substr(53, 8), " 00100-9");
}

TEST(TleFormat, RejectsAnExponentBeyondOneDigit) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.mean_motion_ddot = 1e10;
  EXPECT_TRUE(fails_at(format_tle(tle), 1, 45));
}

TEST(TleFormat, RejectsAFirstDerivativeOfOneOrMore) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.mean_motion_dot = 1.0;
  EXPECT_TRUE(fails_at(format_tle(tle), 1, 34));
}

TEST(TleFormat, RejectsAnEccentricityOfOne) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.eccentricity = 1.0;
  EXPECT_TRUE(fails_at(format_tle(tle), 2, 27));
  tle.eccentricity = 0.99999996;  // would round up to 1
  EXPECT_TRUE(fails_at(format_tle(tle), 2, 27));
}

TEST(TleFormat, RejectsANegativeMeanMotion) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.mean_motion = -1.0;
  EXPECT_TRUE(fails_at(format_tle(tle), 2, 53));
}

TEST(TleFormat, RejectsAMeanMotionTooWideForItsColumns) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.mean_motion = 100.0;
  EXPECT_TRUE(fails_at(format_tle(tle), 2, 53));
}

TEST(TleFormat, RejectsAnInclinationAbove180) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.inclination_deg = 181.0;
  EXPECT_TRUE(fails_at(format_tle(tle), 2, 9));
}

TEST(TleFormat, RejectsAnEpochOutsideTheTwoDigitYears) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.epoch = JulianDate{julian_day_at_midnight(2057, 1, 1), 0.0};
  EXPECT_TRUE(fails_at(format_tle(tle), 1, 19));
  tle.epoch = JulianDate{julian_day_at_midnight(1956, 12, 31), 0.0};
  EXPECT_TRUE(fails_at(format_tle(tle), 1, 19));
}

TEST(TleFormat, WritesTheFirstAndLastTwoDigitYears) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.epoch = JulianDate{julian_day_at_midnight(1957, 10, 4), 0.5};
  EXPECT_EQ(written(tle).line1.substr(18, 14), "57277.50000000");
  tle.epoch = JulianDate{julian_day_at_midnight(2056, 12, 31), 0.25};
  EXPECT_EQ(written(tle).line1.substr(18, 14), "56366.25000000");
}

TEST(TleFormat, CarriesAFractionThatRoundsUpIntoTheNextDayAndYear) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.epoch = JulianDate{julian_day_at_midnight(2001, 12, 31), 0.999999999};
  EXPECT_EQ(written(tle).line1.substr(18, 14), "02001.00000000");
}

TEST(TleFormat, RejectsAFractionOutsideADay) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.epoch.fraction = 1.0;
  EXPECT_TRUE(fails_at(format_tle(tle), 1, 21));
  tle.epoch.fraction = -0.1;
  EXPECT_TRUE(fails_at(format_tle(tle), 1, 21));
}

TEST(TleFormat, WritesABlankDesignatorAsEightBlanks) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.international_designator.clear();
  EXPECT_EQ(written(tle).line1.substr(9, 8), "        ");
}

TEST(TleFormat, RejectsAnElementSetNumberAbove9999) {
  Tle tle = parsed(kVanguardLine1, kVanguardLine2);
  tle.element_set_number = 10000;
  EXPECT_TRUE(fails_at(format_tle(tle), 1, 65));
}

TEST(TleFormat, WritesAFileOfNamedAndUnnamedSetsThatReadsBackTheSame) {
  std::vector<Tle> tles = {parsed(kVanguardLine1, kVanguardLine2), parsed(kIssLine1, kIssLine2)};
  tles[1].name = "ISS (ZARYA)";
  auto text = format_tle_file(tles);
  ASSERT_TRUE(text) << text.error().to_string();
  EXPECT_EQ(*text, std::string(kVanguardLine1) + "\n" + std::string(kVanguardLine2) +
                       "\nISS (ZARYA)\n" + std::string(kIssLine1) + "\n" + std::string(kIssLine2) +
                       "\n");
  auto again = parse_tle_file(*text);
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(*again, tles);
}

TEST(TleFormat, RejectsAFileNameLongerThan24Characters) {
  std::vector<Tle> tles = {parsed(kVanguardLine1, kVanguardLine2)};
  tles[0].name = std::string(25, 'X');
  EXPECT_FALSE(format_tle_file(tles));
}

// Every element set of Vallado's verification file: the fields survive parse -> write ->
// parse, and the text comes back unchanged except where the input is not canonical.
TEST(TleFormat, RoundTripsEveryElementSetOfTheVerificationFile) {
  const auto folder = testing::find_verification_data();
  ASSERT_TRUE(folder) << "SGP4-VER.TLE not found (Debian's python3-sgp4)";
  const auto cases = testing::read_verification_cases(testing::read_file(*folder / "SGP4-VER.TLE"));
  ASSERT_EQ(cases.size(), 33u);

  // Not canonical on purpose or by age: wrong checksums (33333-33335), a blank ephemeris
  // type (11801), "+0" exponents on a zero BSTAR (09998, 20413).
  const std::set<std::pair<int, int>> not_canonical = {{11801, 1}, {9998, 1},  {20413, 1},
                                                       {33333, 1}, {33333, 2}, {33334, 1},
                                                       {33335, 1}, {33335, 2}};
  std::set<std::pair<int, int>> differing;
  TleParseOptions lenient;
  lenient.checksums = ChecksumPolicy::kIgnore;
  for (const auto& c : cases) {
    auto tle = parse_tle(c.line1, c.line2, lenient);
    ASSERT_TRUE(tle) << tle.error().to_string();
    auto text = format_tle(*tle);
    ASSERT_TRUE(text) << text.error().to_string();
    auto again = parse_tle(text->line1, text->line2);  // strict: checksums now right
    ASSERT_TRUE(again) << again.error().to_string();
    EXPECT_EQ(*again, *tle) << c.line1;
    if (text->line1 != c.line1) differing.insert({tle->catalog_number, 1});
    if (text->line2 != c.line2) differing.insert({tle->catalog_number, 2});
    auto twice = format_tle(*again);
    ASSERT_TRUE(twice);
    EXPECT_EQ(twice->line1, text->line1);
    EXPECT_EQ(twice->line2, text->line2);
  }
  EXPECT_EQ(differing, not_canonical);
}

}  // namespace
}  // namespace jingkai::orbit
