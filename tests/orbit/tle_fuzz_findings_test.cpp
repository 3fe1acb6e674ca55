// What the TLE fuzz target found, kept as specifications so it stays fixed.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "orbit/tle.hpp"
#include "tle_samples.hpp"

namespace jingkai::orbit {
namespace {

using testing::kIssLine1;
using testing::kIssLine2;
using testing::with_columns;

std::string file_with_name(std::string_view name_line) {
  return std::string(name_line) + "\n" + std::string(kIssLine1) + "\n" + std::string(kIssLine2) +
         "\n";
}

TEST(TleFuzzFindings, ASpaceTrackPrefixAfterLeadingBlanksIsStillDropped) {
  auto sets = parse_tle_file(file_with_name(" 0 ISS (ZARYA)  "));
  ASSERT_TRUE(sets) << sets.error().to_string();
  EXPECT_EQ(sets->at(0).name, "ISS (ZARYA)");
  auto written = format_tle_file(*sets);
  ASSERT_TRUE(written);
  auto again = parse_tle_file(*written);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->at(0).name, "ISS (ZARYA)");
}

TEST(TleFuzzFindings, ANameThatItselfBeginsWithZeroSpaceSurvivesWritingAndReading) {
  auto sets = parse_tle_file(file_with_name("0 0 MOLNIYA 1-36"));
  ASSERT_TRUE(sets);
  EXPECT_EQ(sets->at(0).name, "0 MOLNIYA 1-36");
  auto again = parse_tle_file(*format_tle_file(*sets));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->at(0).name, "0 MOLNIYA 1-36");
}

TEST(TleFuzzFindings, ANameWithAControlCharacterIsRefusedNamingItsColumn) {
  auto sets = parse_tle_file(file_with_name("ISS\r\t(ZARYA)"));
  ASSERT_FALSE(sets);
  EXPECT_EQ(sets.error().code, "tle_name");
  EXPECT_EQ(sets.error().line, 1);
  EXPECT_EQ(sets.error().column, 4);
}

TEST(TleFuzzFindings, ANameWithANonAsciiByteIsRefused) {
  auto sets = parse_tle_file(file_with_name("天链一号"));
  ASSERT_FALSE(sets);
  EXPECT_EQ(sets.error().code, "tle_name");
}

TEST(TleFuzzFindings, ADragTermBelowTheNormalisedRangeIsWrittenWithLeadingZeros) {
  // " 05000-9" is 0.05000e-9 = 5e-11: its normalised exponent would be -10, which the
  // columns cannot hold, so it is written back as it came.
  const std::string line1 = with_columns(kIssLine1, 54, "-05000-9");
  auto tle = parse_tle(line1, kIssLine2);
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_DOUBLE_EQ(tle->bstar, -5e-11);
  auto written = format_tle_file(std::span<const Tle>(&*tle, 1));
  ASSERT_TRUE(written) << written.error().to_string();
  EXPECT_NE(written->find("-05000-9"), std::string::npos) << *written;
  auto again = parse_tle_file(*written);
  ASSERT_TRUE(again);
  EXPECT_DOUBLE_EQ(again->at(0).bstar, -5e-11);
}

TEST(TleFuzzFindings, ADragTermTooSmallForTheColumnsIsWrittenAsZero) {
  auto tle = parse_tle(kIssLine1, kIssLine2);
  ASSERT_TRUE(tle);
  tle->bstar = 1e-16;
  auto written = format_tle_file(std::span<const Tle>(&*tle, 1));
  ASSERT_TRUE(written);
  EXPECT_NE(written->find(" 00000-0 0"), std::string::npos) << *written;
}

// libFuzzer (orbit.libfuzzer.tle): "0 1 MOLNIYA" is the name "1 MOLNIYA", which was written
// back bare and then read as line 1 of an element set; a name beginning "2 " likewise.
TEST(TleFuzzFindings, ANameThatBeginsLikeAnElementSetLineSurvivesWritingAndReading) {
  for (std::string_view name : {"1 MOLNIYA 1-36-360.0000", "2 MOLNIYA", "1 X", "2 X"}) {
    auto sets = parse_tle_file(file_with_name("0 " + std::string(name)));
    ASSERT_TRUE(sets) << sets.error().to_string();
    const std::string expected(name);
    EXPECT_EQ(sets->at(0).name, expected);
    auto written = format_tle_file(*sets);
    ASSERT_TRUE(written);
    auto again = parse_tle_file(*written);
    ASSERT_TRUE(again) << again.error().to_string() << "\n" << *written;
    EXPECT_EQ(again->at(0).name, expected);
  }
}

TEST(TleFuzzFindings, ADigitInTheSignColumnOfTheMeanMotionDerivativeIsRefused) {
  // "1.00002182" read as 1.00002182 rev/day², which no TLE line can hold: refused at column 34.
  auto parsed = parse_tle(with_columns(kIssLine1, 34, "1.00002182"), kIssLine2);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().column, 34);
  EXPECT_EQ(parsed.error().code, "tle_field");
  // The sign and the blank stay fine.
  for (std::string_view field : {"-.00002182", " .00002182", "+.00002182"}) {
    auto ok = parse_tle(with_columns(kIssLine1, 34, field), kIssLine2);
    ASSERT_TRUE(ok) << field << ": " << ok.error().to_string();
    auto written = format_tle(*ok);
    EXPECT_TRUE(written) << field;
  }
}

}  // namespace
}  // namespace jingkai::orbit
