// Earth orientation parameters from IERS finals2000A rows: columns, interpolation, the leap
// second in ΔUT1, and the errors of a damaged file.
#include "orbit/earth_orientation.hpp"

#include <gtest/gtest.h>

#include <string>

#include "orbit/iso8601.hpp"

namespace jingkai::orbit {
namespace {

// Rows in finals2000A.all's layout around the leap second of 2016-12-31 (values illustrative,
// of the real sizes; Skyfield's finals parser reads the same numbers from them): the third
// row has no LOD, the fourth is a prediction, the last is a future day with nothing yet.
constexpr std::string_view kFinals =
    "161230 57752.00 I  0.071200 0.000091  0.280400 0.000091  I 0.5931000 0.0000144  0.8512 "
    "0.0071\n"
    "161231 57753.00 I  0.072400 0.000091  0.281100 0.000091  I 0.5922000 0.0000144  0.9123 "
    "0.0071\n"
    "17 1 1 57754.00 I  0.073600 0.000091  0.281900 0.000091  I-0.4087000 0.0000144\n"
    "17 1 2 57755.00 P  0.074900 0.000091  0.282700 0.000091  P-0.4096000 0.0000144  1.0327 "
    "0.0071\n"
    "17 1 3 57756.00\n";

JulianDate utc(std::string_view text) {
  auto date = parse_iso8601_utc(text);
  EXPECT_TRUE(date) << text;
  return date.value_or(JulianDate{});
}

EarthOrientation finals() {
  auto eop = EarthOrientation::parse_finals(kFinals);
  EXPECT_TRUE(eop) << eop.error().to_string();
  return eop.value_or(EarthOrientation{});
}

ParseError error_of(const std::string& text) {
  auto eop = EarthOrientation::parse_finals(text);
  EXPECT_FALSE(eop);
  return eop ? ParseError{} : eop.error();
}

// The first row of kFinals with `replacement` written over its columns from `column` on.
std::string first_row_with(int column, std::string_view replacement) {
  std::string row(kFinals.substr(0, kFinals.find('\n')));
  row.replace(column - 1, replacement.size(), replacement);
  return row + "\n";
}

TEST(EarthOrientation, WithoutDataEveryParameterIsZero) {
  const EarthOrientationParameters p = EarthOrientation{}.at(utc("2026-11-27T12:00:00Z"));
  EXPECT_EQ(p.ut1_minus_utc_s, 0.0);
  EXPECT_EQ(p.polar_motion_x_arcsec, 0.0);
  EXPECT_EQ(p.polar_motion_y_arcsec, 0.0);
  EXPECT_EQ(p.length_of_day_excess_s, 0.0);
  EXPECT_TRUE(EarthOrientation{}.empty());
}

TEST(EarthOrientation, ReadsTheBulletinAColumnsAndSkipsDaysWithoutValues) {
  const EarthOrientation eop = finals();
  EXPECT_EQ(eop.size(), 4u);
  EXPECT_EQ(eop.first_mjd(), 57752.0);
  EXPECT_EQ(eop.last_mjd(), 57755.0);
  const EarthOrientationParameters p = eop.at(utc("2016-12-30T00:00:00Z"));
  EXPECT_DOUBLE_EQ(p.polar_motion_x_arcsec, 0.0712);
  EXPECT_DOUBLE_EQ(p.polar_motion_y_arcsec, 0.2804);
  EXPECT_DOUBLE_EQ(p.ut1_minus_utc_s, 0.5931);
  EXPECT_DOUBLE_EQ(p.length_of_day_excess_s, 0.8512e-3);
}

TEST(EarthOrientation, ABlankLengthOfDayReadsAsZero) {
  EXPECT_EQ(finals().at(utc("2017-01-01T00:00:00Z")).length_of_day_excess_s, 0.0);
}

TEST(EarthOrientation, InterpolatesLinearlyBetweenDays) {
  const EarthOrientationParameters p = finals().at(utc("2016-12-30T06:00:00Z"));
  EXPECT_NEAR(p.polar_motion_x_arcsec, 0.0712 + 0.25 * (0.0724 - 0.0712), 1e-12);
  EXPECT_NEAR(p.polar_motion_y_arcsec, 0.2804 + 0.25 * (0.2811 - 0.2804), 1e-12);
  EXPECT_NEAR(p.ut1_minus_utc_s, 0.5931 + 0.25 * (0.5922 - 0.5931), 1e-12);
}

TEST(EarthOrientation, TheLeapSecondStepInDeltaUt1IsNotSmearedOverTheDay) {
  const EarthOrientation eop = finals();
  // Half-way through the last day before the step ΔUT1 runs on towards 0.5913 (= −0.4087 + 1).
  EXPECT_NEAR(eop.at(utc("2016-12-31T12:00:00Z")).ut1_minus_utc_s, 0.59175, 1e-12);
  EXPECT_NEAR(eop.at(utc("2016-12-31T23:59:59.999Z")).ut1_minus_utc_s, 0.5913, 1e-7);
  EXPECT_NEAR(eop.at(utc("2017-01-01T00:00:00Z")).ut1_minus_utc_s, -0.4087, 1e-12);
  EXPECT_NEAR(eop.at(utc("2017-01-01T12:00:00Z")).ut1_minus_utc_s, -0.40915, 1e-12);
}

TEST(EarthOrientation, HoldsTheEndValuesOutsideTheFile) {
  const EarthOrientation eop = finals();
  EXPECT_DOUBLE_EQ(eop.at(utc("2010-01-01T00:00:00Z")).ut1_minus_utc_s, 0.5931);
  EXPECT_DOUBLE_EQ(eop.at(utc("2030-01-01T00:00:00Z")).ut1_minus_utc_s, -0.4096);
  EXPECT_DOUBLE_EQ(eop.at(utc("2030-01-01T00:00:00Z")).polar_motion_y_arcsec, 0.2827);
}

TEST(EarthOrientation, AcceptsCarriageReturnsAndBlankLines) {
  std::string text;
  for (char c : kFinals) text += c == '\n' ? std::string("\r\n\r\n") : std::string(1, c);
  auto eop = EarthOrientation::parse_finals(text);
  ASSERT_TRUE(eop) << eop.error().to_string();
  EXPECT_EQ(eop->size(), 4u);
}

TEST(EarthOrientation, ReadsTwentiethCenturyRows) {
  // MJD 41684 is 1973-01-02; the two-digit year is 19xx before MJD 51544.
  auto eop = EarthOrientation::parse_finals(
      "73 1 2 41684.00 I  0.120733 0.009786  0.136966 0.015902  I 0.8084178 0.0002710  0.0000 "
      "0.1916\n");
  ASSERT_TRUE(eop) << eop.error().to_string();
  EXPECT_DOUBLE_EQ(eop->at(utc("1973-01-02T00:00:00Z")).ut1_minus_utc_s, 0.8084178);
}

TEST(EarthOrientation, AShiftedColumnIsCaughtByTheDateCheck) {
  const ParseError error = error_of(" " + std::string(kFinals));
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.code, "eop_date");
}

TEST(EarthOrientation, ADateThatIsNotTheMjdIsAnError) {
  const ParseError error = error_of(first_row_with(1, "161229"));
  EXPECT_EQ(error.code, "eop_date");
  EXPECT_NE(error.message.find("2016-12-30"), std::string::npos);
}

TEST(EarthOrientation, AFieldThatIsNotANumberNamesItsColumns) {
  const ParseError x = error_of(first_row_with(19, " 0.07x200"));
  EXPECT_EQ(x.code, "eop_field");
  EXPECT_EQ(x.column, 19);
  EXPECT_NE(x.message.find("polar motion x"), std::string::npos);
  EXPECT_EQ(error_of(first_row_with(38, "  0.28.40")).column, 38);
  EXPECT_EQ(error_of(first_row_with(59, " 0.593I000")).column, 59);
  EXPECT_EQ(error_of(first_row_with(80, " 0.85x2")).column, 80);
  EXPECT_EQ(error_of(first_row_with(8, "5775x.00")).column, 8);
}

TEST(EarthOrientation, AnMjdWithAFractionIsAnError) {
  EXPECT_EQ(error_of(first_row_with(8, "57752.50")).code, "eop_field");
}

TEST(EarthOrientation, AnImpossibleDeltaUt1IsAnError) {
  const ParseError error = error_of(first_row_with(59, " 1.5931000"));
  EXPECT_EQ(error.code, "eop_range");
  EXPECT_EQ(error.column, 59);
}

TEST(EarthOrientation, RowsOutOfOrderAreAnError) {
  const std::string first(kFinals.substr(0, kFinals.find('\n') + 1));
  const ParseError error = error_of(first + first);
  EXPECT_EQ(error.code, "eop_order");
  EXPECT_EQ(error.line, 2);
}

TEST(EarthOrientation, AFileWithoutValuesIsAnError) {
  EXPECT_EQ(error_of("17 1 3 57756.00\n\n").code, "eop_empty");
  EXPECT_EQ(error_of("").code, "eop_empty");
}

}  // namespace
}  // namespace jingkai::orbit
