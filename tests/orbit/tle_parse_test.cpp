// Reading one element set: every field by its columns, and every way a line can be wrong.
#include <gtest/gtest.h>

#include "orbit/tle.hpp"
#include "tle_samples.hpp"

namespace jingkai::orbit {
namespace {

using testing::checksummed;
using testing::kIssLine1;
using testing::kIssLine2;
using testing::kVanguardLine1;
using testing::kVanguardLine2;
using testing::with_columns;

// Passes when parsing failed at exactly this line, column and cause.
::testing::AssertionResult fails_at(const std::expected<Tle, ParseError>& result, int line,
                                    int column, std::string_view code) {
  if (result) return ::testing::AssertionFailure() << "parsed, expected an error";
  const ParseError& e = result.error();
  if (e.line != line || e.column != column || e.code != code) {
    return ::testing::AssertionFailure()
           << "expected line " << line << ", column " << column << ", " << code << "; got "
           << e.code << ": " << e.to_string();
  }
  return ::testing::AssertionSuccess() << e.to_string();
}

Tle parsed(std::string_view line1, std::string_view line2) {
  auto tle = parse_tle(line1, line2);
  EXPECT_TRUE(tle) << tle.error().to_string();
  return tle.value_or(Tle{});
}

Tle vanguard() { return parsed(kVanguardLine1, kVanguardLine2); }

// Vanguard with line 1 changed at `column`.
std::expected<Tle, ParseError> vanguard_line1(int column, std::string_view text) {
  return parse_tle(with_columns(kVanguardLine1, column, text), kVanguardLine2);
}

std::expected<Tle, ParseError> vanguard_line2(int column, std::string_view text) {
  return parse_tle(kVanguardLine1, with_columns(kVanguardLine2, column, text));
}

// ---- the fields of line 1 ----

TEST(TleParse, ReadsTheCatalogueNumberClassificationAndDesignator) {
  const Tle tle = vanguard();
  EXPECT_EQ(tle.catalog_number, 5);
  EXPECT_EQ(tle.classification, 'U');
  EXPECT_EQ(tle.international_designator, "58002B");
  EXPECT_EQ(tle.name, "");
}

TEST(TleParse, KeepsTheEpochAsWholeJulianDayPlusFraction) {
  const Tle tle = vanguard();
  EXPECT_EQ(tle.epoch.day, 2451722.5);  // 2000 June 27 (day 179) 0h
  EXPECT_EQ(tle.epoch.fraction, 0.78495062);
}

TEST(TleParse, ReadsTheFirstDerivativeOfMeanMotionAsPrinted) {
  EXPECT_DOUBLE_EQ(vanguard().mean_motion_dot, 0.00000023);
  EXPECT_DOUBLE_EQ(parsed(kIssLine1, kIssLine2).mean_motion_dot, -0.00002182);
}

TEST(TleParse, ReadsImpliedDecimalExponentFields) {
  EXPECT_DOUBLE_EQ(vanguard().bstar, 0.28098e-4);
  EXPECT_EQ(vanguard().mean_motion_ddot, 0.0);
  EXPECT_DOUBLE_EQ(parsed(kIssLine1, kIssLine2).bstar, -0.11606e-4);
}

TEST(TleParse, ReadsSpaceOneTwoThreeFourFiveMinusThreeAs0Point12345eMinus3) {
  auto tle = vanguard_line1(54, " 12345-3");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_DOUBLE_EQ(tle->bstar, 0.12345e-3);
}

TEST(TleParse, ReadsANegativeSecondDerivative) {
  auto tle = vanguard_line1(45, "-30915-6");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_DOUBLE_EQ(tle->mean_motion_ddot, -0.30915e-6);
}

TEST(TleParse, ReadsAnExponentOfMinusZeroAsNoScaling) {
  auto tle = vanguard_line1(54, " 13519-0");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_DOUBLE_EQ(tle->bstar, 0.13519);
}

TEST(TleParse, ReadsAPositiveExponentAndAPlusSign) {
  auto tle = vanguard_line1(54, "+12345+1");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_DOUBLE_EQ(tle->bstar, 1.2345);
}

TEST(TleParse, ReadsTheEphemerisTypeAndElementSetNumber) {
  const Tle tle = vanguard();
  EXPECT_EQ(tle.ephemeris_type, 0);
  EXPECT_EQ(tle.element_set_number, 475);
}

TEST(TleParse, ReadsABlankEphemerisTypeAsZero) {
  auto tle = vanguard_line1(63, " ");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->ephemeris_type, 0);
}

TEST(TleParse, AcceptsABlankInternationalDesignator) {
  // Analyst objects, such as Spacetrack Report #3's own test case 88888, have none.
  auto tle = vanguard_line1(10, "        ");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->international_designator, "");
}

TEST(TleParse, AcceptsAThreeLetterPiece) {
  auto tle = vanguard_line1(10, "85108AAB");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->international_designator, "85108AAB");
}

TEST(TleParse, ReadsClassifiedAndSecretClassifications) {
  EXPECT_EQ(vanguard_line1(8, "C")->classification, 'C');
  EXPECT_EQ(vanguard_line1(8, "S")->classification, 'S');
}

// ---- the fields of line 2 ----

TEST(TleParse, ReadsTheAnglesInDegrees) {
  const Tle tle = vanguard();
  EXPECT_EQ(tle.inclination_deg, 34.2682);
  EXPECT_EQ(tle.right_ascension_deg, 348.7242);
  EXPECT_EQ(tle.argument_of_perigee_deg, 331.7664);
  EXPECT_EQ(tle.mean_anomaly_deg, 19.3264);
}

TEST(TleParse, ReadsEccentricityWithItsImpliedLeadingPoint) {
  EXPECT_EQ(vanguard().eccentricity, 0.1859667);
}

TEST(TleParse, ReadsMeanMotionAndRevolutionNumber) {
  const Tle tle = vanguard();
  EXPECT_EQ(tle.mean_motion, 10.82419157);
  EXPECT_EQ(tle.revolution_number, 41366);
}

TEST(TleParse, ReadsLeadingBlanksInNumbersAsRightJustified) {
  auto tle = parse_tle(kVanguardLine1,
                       with_columns(kVanguardLine2, 9, "  0.0004 243.8136 0001765  15.5294"));
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->inclination_deg, 0.0004);
  EXPECT_EQ(tle->argument_of_perigee_deg, 15.5294);
  EXPECT_EQ(tle->eccentricity, 0.0001765);
}

TEST(TleParse, ReadsABlankRevolutionNumberAsZero) {
  auto tle = vanguard_line2(64, "     ");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->revolution_number, 0);
}

TEST(TleParse, AcceptsTheBoundsOfTheAngles) {
  EXPECT_TRUE(vanguard_line2(9, "180.0000"));
  EXPECT_TRUE(vanguard_line2(9, "  0.0000"));
  EXPECT_TRUE(vanguard_line2(18, "360.0000"));
}

// ---- epoch years and days ----

TEST(TleParse, ReadsTwoDigitYear57As1957) {
  auto tle = vanguard_line1(19, "57277.00000000");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->epoch.day, julian_day_at_midnight(1957, 10, 4));
}

TEST(TleParse, ReadsTwoDigitYear99As1999) {
  auto tle = vanguard_line1(19, "99001.50000000");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->epoch.day, julian_day_at_midnight(1999, 1, 1));
  EXPECT_EQ(tle->epoch.fraction, 0.5);
}

TEST(TleParse, ReadsTwoDigitYear00As2000) {
  auto tle = vanguard_line1(19, "00001.00000000");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->epoch.day, 2451544.5);
}

TEST(TleParse, ReadsTwoDigitYear56As2056) {
  auto tle = vanguard_line1(19, "56366.25000000");  // 2056 is a leap year
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->epoch.day, julian_day_at_midnight(2056, 12, 31));
  EXPECT_EQ(tle->epoch.fraction, 0.25);
}

TEST(TleParse, AcceptsDay366OfALeapYear) {
  auto tle = vanguard_line1(19, "00366.99999999");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->epoch.day, julian_day_at_midnight(2000, 12, 31));
}

TEST(TleParse, KeepsAllEightDigitsOfTheDayFraction) {
  auto tle = vanguard_line1(19, "24001.00000001");
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->epoch.fraction, 1e-8);  // 864 µs, lost in a single double Julian date
}

TEST(TleParse, RejectsEpochDayZero) {
  EXPECT_TRUE(fails_at(vanguard_line1(19, "00000.50000000"), 1, 21, "tle_epoch_day"));
}

TEST(TleParse, RejectsEpochDay366OfACommonYear) {
  EXPECT_TRUE(fails_at(vanguard_line1(19, "01366.50000000"), 1, 21, "tle_epoch_day"));
}

TEST(TleParse, RejectsEpochDay367) {
  EXPECT_TRUE(fails_at(vanguard_line1(19, "00367.00000000"), 1, 21, "tle_epoch_day"));
}

TEST(TleParse, RejectsAnEpochWithoutItsDecimalPoint) {
  EXPECT_TRUE(fails_at(vanguard_line1(19, "00179 78495062"), 1, 24, "tle_epoch"));
}

TEST(TleParse, RejectsAnEpochYearWithABlank) {
  EXPECT_TRUE(fails_at(vanguard_line1(19, " 0"), 1, 19, "tle_epoch"));
}

TEST(TleParse, RejectsAShortEpochFraction) {
  EXPECT_TRUE(fails_at(vanguard_line1(25, "7849506 "), 1, 32, "tle_field"));
}

TEST(TleParse, RejectsABlankLeadingTheEpochFraction) {
  EXPECT_TRUE(fails_at(vanguard_line1(25, " 8495062"), 1, 25, "tle_epoch"));
}

TEST(TleParse, RejectsALetterInTheEpochDay) {
  EXPECT_TRUE(fails_at(vanguard_line1(21, "1O9"), 1, 22, "tle_field"));
}

// ---- catalogue numbers ----

TEST(TleParse, ReadsAlpha5A0000As100000) {
  auto tle =
      parse_tle(with_columns(kVanguardLine1, 3, "A0000"), with_columns(kVanguardLine2, 3, "A0000"));
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->catalog_number, 100000);
}

TEST(TleParse, ReadsAlpha5Z9999As339999) {
  auto tle =
      parse_tle(with_columns(kVanguardLine1, 3, "Z9999"), with_columns(kVanguardLine2, 3, "Z9999"));
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->catalog_number, 339999);
}

TEST(TleParse, ReadsAlpha5LettersSkippingIAndO) {
  const std::pair<std::string_view, int> cases[] = {
      {"H0001", 170001}, {"J0001", 180001}, {"N1234", 221234}, {"P1234", 231234}};
  for (const auto& [text, number] : cases) {
    auto tle =
        parse_tle(with_columns(kVanguardLine1, 3, text), with_columns(kVanguardLine2, 3, text));
    ASSERT_TRUE(tle) << text << ": " << tle.error().to_string();
    EXPECT_EQ(tle->catalog_number, number) << text;
  }
}

TEST(TleParse, ReadsSpaceTracksAlpha5Examples) {
  // https://www.space-track.org/documentation#tle-alpha5
  const std::pair<std::string_view, int> cases[] = {{"A0000", 100000}, {"E8493", 148493},
                                                    {"J2931", 182931}, {"P4018", 234018},
                                                    {"W1928", 301928}, {"Z9999", 339999}};
  for (const auto& [text, number] : cases) {
    auto tle =
        parse_tle(with_columns(kVanguardLine1, 3, text), with_columns(kVanguardLine2, 3, text));
    ASSERT_TRUE(tle) << text << ": " << tle.error().to_string();
    EXPECT_EQ(tle->catalog_number, number) << text;
  }
}

TEST(TleParse, ReadsPlainFiveDigitNumbers) {
  auto tle =
      parse_tle(with_columns(kVanguardLine1, 3, "99999"), with_columns(kVanguardLine2, 3, "99999"));
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->catalog_number, 99999);
}

TEST(TleParse, ReadsALeftPaddedCatalogueNumber) {
  auto tle =
      parse_tle(with_columns(kVanguardLine1, 3, "    5"), with_columns(kVanguardLine2, 3, "    5"));
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->catalog_number, 5);
}

TEST(TleParse, RejectsAlpha5LetterI) {
  EXPECT_TRUE(fails_at(vanguard_line1(3, "I0000"), 1, 3, "tle_catalog_number"));
}

TEST(TleParse, RejectsAlpha5LetterO) {
  EXPECT_TRUE(fails_at(vanguard_line1(3, "O0000"), 1, 3, "tle_catalog_number"));
}

TEST(TleParse, RejectsALowerCaseAlpha5Letter) {
  EXPECT_TRUE(fails_at(vanguard_line1(3, "a0000"), 1, 3, "tle_field"));
}

TEST(TleParse, RejectsAnAlpha5NumberWithABlank) {
  EXPECT_TRUE(fails_at(vanguard_line1(3, "A 123"), 1, 4, "tle_catalog_number"));
}

TEST(TleParse, RejectsABlankCatalogueNumber) {
  EXPECT_TRUE(fails_at(vanguard_line1(3, "     "), 1, 3, "tle_field"));
}

TEST(TleParse, RejectsSatelliteNumberMismatchBetweenLinesAtLine2Column3) {
  auto result = parse_tle(kVanguardLine1, with_columns(kVanguardLine2, 3, "00006"));
  ASSERT_TRUE(fails_at(result, 2, 3, "tle_catalog_mismatch"));
  EXPECT_NE(result.error().message.find("6 differs from line 1's 5"), std::string::npos);
}

TEST(TleParse, RejectsAnAlpha5MismatchAgainstItsNumericEquivalent) {
  // A0000 is 100000; line 2 saying 10000 is another satellite.
  EXPECT_TRUE(fails_at(
      parse_tle(with_columns(kVanguardLine1, 3, "A0000"), with_columns(kVanguardLine2, 3, "10000")),
      2, 3, "tle_catalog_mismatch"));
}

// ---- checksums ----

TEST(TleParse, RejectsAWrongChecksumNamingLine1Column69) {
  auto result = parse_tle(with_columns(kVanguardLine1, 69, "4", false), kVanguardLine2);
  ASSERT_TRUE(fails_at(result, 1, 69, "tle_checksum"));
  EXPECT_NE(result.error().message.find("checksum is 4"), std::string::npos);
  EXPECT_NE(result.error().message.find("sum to 3"), std::string::npos);
}

TEST(TleParse, RejectsAWrongChecksumNamingLine2Column69) {
  EXPECT_TRUE(fails_at(parse_tle(kVanguardLine1, with_columns(kVanguardLine2, 69, "8", false)), 2,
                       69, "tle_checksum"));
}

TEST(TleParse, RejectsASingleChangedDigitThroughTheChecksum) {
  // 34.2682 -> 34.2683: every field still well-formed, only the checksum notices.
  EXPECT_TRUE(fails_at(parse_tle(kVanguardLine1, with_columns(kVanguardLine2, 16, "3", false)), 2,
                       69, "tle_checksum"));
}

TEST(TleParse, RejectsAChecksumThatIsNotADigit) {
  EXPECT_TRUE(fails_at(parse_tle(with_columns(kVanguardLine1, 69, "X", false), kVanguardLine2), 1,
                       69, "tle_checksum"));
}

TEST(TleParse, AcceptsAWrongChecksumWhenToldToIgnoreChecksums) {
  TleParseOptions options;
  options.checksums = ChecksumPolicy::kIgnore;
  auto tle = parse_tle(with_columns(kVanguardLine1, 69, "4", false),
                       with_columns(kVanguardLine2, 69, "8", false), options);
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->catalog_number, 5);
}

TEST(TleParse, StillRequiresAChecksumDigitWhenIgnoringChecksums) {
  TleParseOptions options;
  options.checksums = ChecksumPolicy::kIgnore;
  EXPECT_TRUE(
      fails_at(parse_tle(with_columns(kVanguardLine1, 69, " ", false), kVanguardLine2, options), 1,
               69, "tle_checksum"));
}

TEST(TleChecksum, CountsDigitsByValueAndMinusAsOne) {
  EXPECT_EQ(tle_checksum("1"), 1);
  EXPECT_EQ(tle_checksum("-"), 1);
  EXPECT_EQ(tle_checksum("+"), 0);
  EXPECT_EQ(tle_checksum("A"), 0);
  EXPECT_EQ(tle_checksum(" 9-9 "), 9);  // 19 mod 10
}

TEST(TleChecksum, MatchesPublishedLines) {
  EXPECT_EQ(tle_checksum(kVanguardLine1), 3);
  EXPECT_EQ(tle_checksum(kVanguardLine2), 7);
  EXPECT_EQ(tle_checksum(kIssLine1), 7);
  EXPECT_EQ(tle_checksum(kIssLine2), 7);
}

TEST(TleChecksum, IgnoresColumn69Itself) {
  EXPECT_EQ(tle_checksum(with_columns(kVanguardLine1, 69, "9", false)), 3);
}

// ---- shifted columns and malformed fields ----

TEST(TleParse, RejectsAFirstDerivativeShiftedRightByOneAtColumn44) {
  // ".00000023 " -> " .000000234": the field now runs into the blank after it.
  std::string line(kVanguardLine1);
  line.replace(line.find(".00000023 "), 10, ".000000234");
  EXPECT_TRUE(
      fails_at(parse_tle(checksummed(line.substr(0, 68)), kVanguardLine2), 1, 44, "tle_column"));
}

TEST(TleParse, RejectsAnInclinationShiftedLeftByOneAtColumn11) {
  // "  34.2682" -> " 34 .2682"? No: " 34.2682 " moved left leaves the point at column 11.
  EXPECT_TRUE(fails_at(vanguard_line2(9, "34.2682 "), 2, 12, "tle_field"));
}

TEST(TleParse, RejectsADigitInABlankSeparatorColumn) {
  EXPECT_TRUE(fails_at(vanguard_line2(17, "1"), 2, 17, "tle_column"));
  EXPECT_TRUE(fails_at(vanguard_line1(18, "1"), 1, 18, "tle_column"));
}

TEST(TleParse, RejectsAnEpochShiftedRightByOne) {
  EXPECT_TRUE(fails_at(vanguard_line1(19, " 00179.78495062"), 1, 33, "tle_column"));
}

TEST(TleParse, RejectsAMeanMotionShiftedLeftByOne) {
  EXPECT_TRUE(fails_at(vanguard_line2(52, "10.82419157 "), 2, 52, "tle_column"));
}

TEST(TleParse, RejectsAWholeLineShiftedRightByOneAsTooLong) {
  EXPECT_TRUE(fails_at(parse_tle(std::string(" ") + std::string(kVanguardLine1), kVanguardLine2), 1,
                       70, "tle_line_length"));
}

TEST(TleParse, RejectsAnEccentricityWithABlankInside) {
  EXPECT_TRUE(fails_at(vanguard_line2(27, "18596 7"), 2, 32, "tle_eccentricity"));
}

TEST(TleParse, RejectsAnEccentricityWrittenWithItsDecimalPoint) {
  EXPECT_TRUE(fails_at(vanguard_line2(27, ".185966"), 2, 27, "tle_eccentricity"));
}

TEST(TleParse, RejectsAnEccentricityWithALeadingBlank) {
  EXPECT_TRUE(fails_at(vanguard_line2(27, " 859667"), 2, 27, "tle_eccentricity"));
}

TEST(TleParse, RejectsANegativeEccentricity) {
  EXPECT_TRUE(fails_at(vanguard_line2(27, "-185966"), 2, 27, "tle_eccentricity"));
}

TEST(TleParse, RejectsNegativeMeanMotionAtLine2Column53) {
  auto result = vanguard_line2(53, "-0.82419157");
  ASSERT_TRUE(fails_at(result, 2, 53, "tle_mean_motion"));
  EXPECT_NE(result.error().message.find("greater than zero"), std::string::npos);
}

TEST(TleParse, RejectsZeroMeanMotion) {
  EXPECT_TRUE(fails_at(vanguard_line2(53, " 0.00000000"), 2, 53, "tle_mean_motion"));
}

TEST(TleParse, RejectsAMeanMotionWithoutItsPoint) {
  EXPECT_TRUE(fails_at(vanguard_line2(53, "10 82419157"), 2, 55, "tle_field"));
}

TEST(TleParse, RejectsAnInclinationAbove180) {
  EXPECT_TRUE(fails_at(vanguard_line2(9, "180.0001"), 2, 9, "tle_range"));
}

TEST(TleParse, RejectsANegativeRightAscension) {
  EXPECT_TRUE(fails_at(vanguard_line2(18, "-12.3456"), 2, 18, "tle_range"));
}

TEST(TleParse, RejectsAnArgumentOfPerigeeAbove360) {
  EXPECT_TRUE(fails_at(vanguard_line2(35, "360.0001"), 2, 35, "tle_range"));
}

TEST(TleParse, RejectsAMeanAnomalyAbove360) {
  EXPECT_TRUE(fails_at(vanguard_line2(44, "999.9999"), 2, 44, "tle_range"));
}

TEST(TleParse, RejectsAnExponentFieldWithoutItsExponentSign) {
  EXPECT_TRUE(fails_at(vanguard_line1(54, " 280984 "), 1, 60, "tle_field"));
}

TEST(TleParse, RejectsAnExponentFieldWrittenWithAPoint) {
  EXPECT_TRUE(fails_at(vanguard_line1(54, " .2809-4"), 1, 55, "tle_field"));
}

TEST(TleParse, RejectsAnExponentFieldWithABlankMantissaDigit) {
  EXPECT_TRUE(fails_at(vanguard_line1(45, " 0000 -0"), 1, 50, "tle_field"));
}

TEST(TleParse, RejectsAFirstDerivativeWithoutItsPoint) {
  EXPECT_TRUE(fails_at(vanguard_line1(34, " 000000023"), 1, 35, "tle_field"));
}

TEST(TleParse, RejectsAnUnknownClassification) {
  EXPECT_TRUE(fails_at(vanguard_line1(8, "X"), 1, 8, "tle_classification"));
}

TEST(TleParse, RejectsADesignatorWithALetterInTheLaunchNumber) {
  EXPECT_TRUE(fails_at(vanguard_line1(10, "58O02B  "), 1, 12, "tle_international_designator"));
}

TEST(TleParse, RejectsADesignatorWithoutAPiece) {
  EXPECT_TRUE(fails_at(vanguard_line1(10, "58002   "), 1, 15, "tle_international_designator"));
}

TEST(TleParse, RejectsADesignatorPieceWithAGap) {
  EXPECT_TRUE(fails_at(vanguard_line1(10, "58002A B"), 1, 17, "tle_international_designator"));
}

TEST(TleParse, RejectsALetterAsEphemerisType) {
  EXPECT_TRUE(fails_at(vanguard_line1(63, "X"), 1, 63, "tle_field"));
}

TEST(TleParse, RejectsALetterInTheElementSetNumber) {
  EXPECT_TRUE(fails_at(vanguard_line1(65, " 4A5"), 1, 67, "tle_field"));
}

TEST(TleParse, RejectsALetterInTheRevolutionNumber) {
  EXPECT_TRUE(fails_at(vanguard_line2(64, "4136X"), 2, 68, "tle_field"));
}

// ---- lengths, characters and line numbers ----

TEST(TleParse, RejectsALine1Of68Characters) {
  auto result = parse_tle(kVanguardLine1.substr(0, 68), kVanguardLine2);
  ASSERT_TRUE(fails_at(result, 1, 69, "tle_line_length"));
  EXPECT_NE(result.error().message.find("68 characters"), std::string::npos);
}

TEST(TleParse, RejectsALine2Of70CharactersWithATrailingBlank) {
  EXPECT_TRUE(fails_at(parse_tle(kVanguardLine1, std::string(kVanguardLine2) + " "), 2, 70,
                       "tle_line_length"));
}

TEST(TleParse, RejectsAnEmptyLine2) {
  EXPECT_TRUE(fails_at(parse_tle(kVanguardLine1, ""), 2, 1, "tle_line_length"));
}

TEST(TleParse, RejectsACarriageReturnLeftOnALine) {
  EXPECT_TRUE(fails_at(parse_tle(std::string(kVanguardLine1) + "\r", kVanguardLine2), 1, 70,
                       "tle_line_length"));
}

TEST(TleParse, RejectsATabWhereColumnsAreFixed) {
  EXPECT_TRUE(fails_at(vanguard_line1(9, "\t"), 1, 9, "tle_character"));
}

TEST(TleParse, RejectsANonAsciiByte) {
  EXPECT_TRUE(fails_at(vanguard_line2(20, "\xc3"), 2, 20, "tle_character"));
}

TEST(TleParse, RejectsLineNumberMismatchWhenLine1Says2) {
  EXPECT_TRUE(fails_at(parse_tle(with_columns(kVanguardLine1, 1, "2"), kVanguardLine2), 1, 1,
                       "tle_line_number"));
}

TEST(TleParse, RejectsLineNumberMismatchWhenLine2Says1) {
  EXPECT_TRUE(fails_at(parse_tle(kVanguardLine1, with_columns(kVanguardLine2, 1, "1")), 2, 1,
                       "tle_line_number"));
}

TEST(TleParse, RejectsLinesGivenInTheWrongOrder) {
  EXPECT_TRUE(fails_at(parse_tle(kVanguardLine2, kVanguardLine1), 1, 1, "tle_line_number"));
}

TEST(TleParse, RejectsLineNumber3) {
  EXPECT_TRUE(fails_at(parse_tle(kVanguardLine1, with_columns(kVanguardLine2, 1, "3")), 2, 1,
                       "tle_line_number"));
}

TEST(TleParse, NamesLinesFromTheGivenFirstLineNumber) {
  TleParseOptions options;
  options.first_line_number = 41;
  EXPECT_TRUE(
      fails_at(parse_tle(kVanguardLine1, with_columns(kVanguardLine2, 69, "8", false), options), 42,
               69, "tle_checksum"));
}

TEST(TleParse, SaysWhatItExpectedInTheMessage) {
  auto result = vanguard_line2(9, " 34,2682");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().to_string(),
            "line 2, column 12: expected '.' in inclination, found ',' (columns 9-16: NNN.NNNN)");
}

}  // namespace
}  // namespace jingkai::orbit
