// The tcppver.out-style listing behind `jingkai orbit propagate --tle FILE --tsince ...`.
#include "orbit/verification_output.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "tle_samples.hpp"

namespace jingkai::orbit {
namespace {

using testing::kVanguardLine1;
using testing::kVanguardLine2;

::testing::AssertionResult fails_at(const std::expected<TsinceRange, ParseError>& result,
                                    int column, std::string_view code) {
  if (result) return ::testing::AssertionFailure() << "parsed, expected an error";
  const ParseError& e = result.error();
  if (e.column != column || e.code != code) {
    return ::testing::AssertionFailure() << "expected column " << column << ", " << code << "; got "
                                         << e.code << ": " << e.to_string();
  }
  return ::testing::AssertionSuccess() << e.to_string();
}

std::string vanguard_file() {
  return std::string(kVanguardLine1) + "\n" + std::string(kVanguardLine2) + "\n";
}

// ---- START:STOP:STEP ----

TEST(TsinceRange, ParsesStartStopAndStepInMinutes) {
  auto range = parse_tsince_range("0:4320:360");
  ASSERT_TRUE(range) << range.error().to_string();
  EXPECT_EQ(range->start, 0.0);
  EXPECT_EQ(range->stop, 4320.0);
  EXPECT_EQ(range->step, 360.0);
}

TEST(TsinceRange, ParsesNegativeAndFractionalMinutes) {
  auto range = parse_tsince_range("-5184:-4896:120.5");
  ASSERT_TRUE(range) << range.error().to_string();
  EXPECT_EQ(range->start, -5184.0);
  EXPECT_EQ(range->stop, -4896.0);
  EXPECT_EQ(range->step, 120.5);
}

TEST(TsinceRange, RejectsAStopBeforeTheStartNamingTheStopColumn) {
  EXPECT_TRUE(fails_at(parse_tsince_range("100:50:10"), 5, "tsince_order"));
}

TEST(TsinceRange, RejectsAZeroStep) {
  EXPECT_TRUE(fails_at(parse_tsince_range("0:1440:0"), 8, "tsince_step"));
}

TEST(TsinceRange, RejectsANegativeStep) {
  EXPECT_TRUE(fails_at(parse_tsince_range("0:1440:-5"), 8, "tsince_step"));
}

TEST(TsinceRange, RejectsAMissingStep) {
  EXPECT_TRUE(fails_at(parse_tsince_range("0:1440"), 7, "tsince_format"));
}

TEST(TsinceRange, RejectsAnEmptyPart) {
  EXPECT_TRUE(fails_at(parse_tsince_range("0::5"), 3, "tsince_format"));
}

TEST(TsinceRange, RejectsTextInAPart) {
  EXPECT_TRUE(fails_at(parse_tsince_range("0:1day:5"), 4, "tsince_format"));
}

TEST(TsinceRange, RejectsAFourthPart) {
  EXPECT_TRUE(fails_at(parse_tsince_range("0:10:5:1"), 7, "tsince_format"));
}

TEST(TsinceRange, RejectsInfinity) {
  EXPECT_TRUE(fails_at(parse_tsince_range("0:inf:5"), 3, "tsince_format"));
}

TEST(TsinceRange, RejectsMoreThanAMillionRows) {
  EXPECT_TRUE(fails_at(parse_tsince_range("0:1e9:1"), 7, "tsince_rows"));
}

// ---- the driver's times ----

TEST(TsinceTimes, StartWithZeroThenStepFromStart) {
  EXPECT_EQ(tsince_times({0.0, 1440.0, 360.0}),
            (std::vector<double>{0.0, 360.0, 720.0, 1080.0, 1440.0}));
}

TEST(TsinceTimes, IncludeANonZeroStartAfterZero) {
  EXPECT_EQ(tsince_times({-5184.0, -4896.0, 120.0}),
            (std::vector<double>{0.0, -5184.0, -5064.0, -4944.0, -4896.0}));
}

TEST(TsinceTimes, ShortenTheLastStepToEndAtStop) {
  EXPECT_EQ(tsince_times({0.0, 1000.0, 360.0}), (std::vector<double>{0.0, 360.0, 720.0, 1000.0}));
}

TEST(TsinceTimes, GiveOnlyZeroWhenStartAndStopAreZero) {
  EXPECT_EQ(tsince_times({0.0, 0.0, 10.0}), (std::vector<double>{0.0}));
}

TEST(TsinceTimes, GiveOnlyZeroForAnInvalidRange) {
  EXPECT_EQ(tsince_times({0.0, 10.0, 0.0}), (std::vector<double>{0.0}));
}

// ---- rows and listings ----

TEST(StateRow, UsesTheReferenceDriversWidthsAndPrecisions) {
  const StateVector state{{7022.46529266, -1400.08296755, 0.03995155},
                          {1.893841015, 6.405893759, 4.534807250}};
  EXPECT_EQ(format_state_row(0.0, state),
            "       0.00000000    7022.46529266   -1400.08296755       0.03995155  "
            "1.893841015  6.405893759  4.534807250\n");
}

TEST(StateListing, ReproducesTheFirstRowsOfTcppverForVanguard) {
  auto listing = list_states(vanguard_file(), {0.0, 720.0, 360.0});
  ASSERT_TRUE(listing) << listing.error().to_string();
  EXPECT_EQ(listing->text,
            "5 xx\n"
            "       0.00000000    7022.46529266   -1400.08296755       0.03995155  1.893841015  "
            "6.405893759  4.534807250\n"
            "     360.00000000   -7154.03120202   -3783.17682504   -3536.19412294  4.741887409 "
            "-4.151817765 -2.093935425\n"
            "     720.00000000   -7134.59340119    6531.68641334    3260.27186483 -4.113793027 "
            "-2.911922039 -2.557327851\n");
  EXPECT_TRUE(listing->stops.empty());
}

TEST(StateListing, ListsEverySetOfAThreeLineFile) {
  const std::string file = "VANGUARD 1\n" + vanguard_file() + "ISS\n" +
                           std::string(testing::kIssLine1) + "\n" +
                           std::string(testing::kIssLine2) + "\n";
  auto listing = list_states(file, {0.0, 10.0, 10.0});
  ASSERT_TRUE(listing) << listing.error().to_string();
  EXPECT_NE(listing->text.find("5 xx\n"), std::string::npos);
  EXPECT_NE(listing->text.find("25544 xx\n"), std::string::npos);
  EXPECT_EQ(std::count(listing->text.begin(), listing->text.end(), '\n'), 6);
}

const std::string kMinotaur =
    "1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534\n"
    "2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708\n";

TEST(StateListing, ReportsWhereAndWhyPropagationStopped) {
  auto listing = list_states(kMinotaur, {0.0, 60.0, 5.0});
  ASSERT_TRUE(listing) << listing.error().to_string();
  ASSERT_EQ(listing->stops.size(), 1u);
  EXPECT_EQ(listing->stops[0].catalog_number, 28872);
  EXPECT_EQ(listing->stops[0].tsince, 55.0);
  EXPECT_EQ(listing->stops[0].error, Sgp4Error::kDecayed);
  EXPECT_TRUE(listing->text.ends_with(
      "      50.00000000    5548.43325922   -2480.16469245   -1979.24314527 -2.763269534  "
      "0.199691915 -7.482796996\n"
      "# *** error: t:= 55.000000 *** code =   6\n"));
}

TEST(StateListing, LeavesTheErrorLineOutWhenAskedTo) {
  StateListingOptions options;
  options.error_lines = false;
  auto listing = list_states(kMinotaur, {0.0, 60.0, 5.0}, options);
  ASSERT_TRUE(listing) << listing.error().to_string();
  EXPECT_EQ(listing->text.find('#'), std::string::npos);
  EXPECT_EQ(listing->stops.size(), 1u);
}

TEST(StateListing, ReportsAFailureAtEpochWithoutARow) {
  StateListingOptions options;
  options.checksums = ChecksumPolicy::kIgnore;
  auto listing = list_states(
      "1 33334U 78066F   06174.85818871  .00000620  00000-0  10000-3 0  6809\n"
      "2 33334  68.4714 236.1303 5602877 123.7484 302.5767  0.00001000 67521\n",
      {0.0, 1440.0, 1.0}, options);
  ASSERT_TRUE(listing) << listing.error().to_string();
  EXPECT_EQ(listing->text, "33334 xx\n# *** error: t:= 0.000000 *** code =   3\n");
  ASSERT_EQ(listing->stops.size(), 1u);
  EXPECT_EQ(listing->stops[0].error, Sgp4Error::kPerturbedEccentricity);
}

TEST(StateListing, PassesParseErrorsOnWithTheirLine) {
  auto listing = list_states(std::string(kVanguardLine1) + "\n" +
                                 testing::with_columns(kVanguardLine2, 69, "0", false) + "\n",
                             {0.0, 10.0, 10.0});
  ASSERT_FALSE(listing);
  EXPECT_EQ(listing.error().line, 2);
  EXPECT_EQ(listing.error().column, 69);
}

TEST(StateListing, RejectsAnInvalidRange) {
  auto listing = list_states(vanguard_file(), {0.0, 10.0, 0.0});
  ASSERT_FALSE(listing);
  EXPECT_EQ(listing.error().code, "tsince_step");
}

TEST(StateListing, UsesTheGravityModelAskedFor) {
  StateListingOptions wgs84;
  wgs84.sgp4.gravity = GravityModel::kWgs84;
  auto a = list_states(vanguard_file(), {0.0, 360.0, 360.0});
  auto b = list_states(vanguard_file(), {0.0, 360.0, 360.0}, wgs84);
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->text, b->text);
}

}  // namespace
}  // namespace jingkai::orbit
