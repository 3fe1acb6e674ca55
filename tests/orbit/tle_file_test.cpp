// Reading files of element sets: 2-line and 3-line sets, mixed, with errors located by the
// file's line numbers.
#include <gtest/gtest.h>

#include "orbit/tle.hpp"
#include "tle_samples.hpp"

namespace jingkai::orbit {
namespace {

using testing::kIssLine1;
using testing::kIssLine2;
using testing::kVanguardLine1;
using testing::kVanguardLine2;
using testing::with_columns;

std::string join(std::initializer_list<std::string_view> lines, std::string_view eol = "\n") {
  std::string text;
  for (auto line : lines) {
    text += line;
    text += eol;
  }
  return text;
}

::testing::AssertionResult fails_at(const std::expected<std::vector<Tle>, ParseError>& result,
                                    int line, int column, std::string_view code) {
  if (result) return ::testing::AssertionFailure() << "parsed, expected an error";
  const ParseError& e = result.error();
  if (e.line != line || e.column != column || e.code != code) {
    return ::testing::AssertionFailure()
           << "expected line " << line << ", column " << column << ", " << code << "; got "
           << e.code << ": " << e.to_string();
  }
  return ::testing::AssertionSuccess() << e.to_string();
}

TEST(TleFile, ReadsTwoLineSets) {
  auto tles = parse_tle_file(join({kVanguardLine1, kVanguardLine2, kIssLine1, kIssLine2}));
  ASSERT_TRUE(tles) << tles.error().to_string();
  ASSERT_EQ(tles->size(), 2u);
  EXPECT_EQ((*tles)[0].catalog_number, 5);
  EXPECT_EQ((*tles)[1].catalog_number, 25544);
  EXPECT_EQ((*tles)[0].name, "");
}

TEST(TleFile, ReadsThreeLineSetsWithTheirNames) {
  auto tles = parse_tle_file(
      join({"VANGUARD 1", kVanguardLine1, kVanguardLine2, "ISS (ZARYA)", kIssLine1, kIssLine2}));
  ASSERT_TRUE(tles) << tles.error().to_string();
  ASSERT_EQ(tles->size(), 2u);
  EXPECT_EQ((*tles)[0].name, "VANGUARD 1");
  EXPECT_EQ((*tles)[1].name, "ISS (ZARYA)");
}

TEST(TleFile, ReadsTwoAndThreeLineSetsMixed) {
  auto tles = parse_tle_file(join({kVanguardLine1, kVanguardLine2, "ISS (ZARYA)", kIssLine1,
                                   kIssLine2, kVanguardLine1, kVanguardLine2}));
  ASSERT_TRUE(tles) << tles.error().to_string();
  ASSERT_EQ(tles->size(), 3u);
  EXPECT_EQ((*tles)[0].name, "");
  EXPECT_EQ((*tles)[1].name, "ISS (ZARYA)");
  EXPECT_EQ((*tles)[2].name, "");
}

TEST(TleFile, TrimsTheBlanksThatPadNamesTo24Columns) {
  auto tles = parse_tle_file(join({"VANGUARD 1              ", kVanguardLine1, kVanguardLine2}));
  ASSERT_TRUE(tles) << tles.error().to_string();
  EXPECT_EQ((*tles)[0].name, "VANGUARD 1");
}

TEST(TleFile, DropsTheZeroThatSpaceTrackPutsBeforeNames) {
  auto tles = parse_tle_file(join({"0 VANGUARD 1", kVanguardLine1, kVanguardLine2}));
  ASSERT_TRUE(tles) << tles.error().to_string();
  EXPECT_EQ((*tles)[0].name, "VANGUARD 1");
}

TEST(TleFile, ReadsCrLfLineEnds) {
  auto tles = parse_tle_file(join({"VANGUARD 1", kVanguardLine1, kVanguardLine2}, "\r\n"));
  ASSERT_TRUE(tles) << tles.error().to_string();
  ASSERT_EQ(tles->size(), 1u);
  EXPECT_EQ((*tles)[0].name, "VANGUARD 1");
}

TEST(TleFile, ReadsAFileWithoutAFinalLineEnd) {
  auto tles = parse_tle_file(std::string(kVanguardLine1) + "\n" + std::string(kVanguardLine2));
  ASSERT_TRUE(tles) << tles.error().to_string();
  EXPECT_EQ(tles->size(), 1u);
}

TEST(TleFile, SkipsBlankLinesBetweenSets) {
  auto tles = parse_tle_file(
      join({"", kVanguardLine1, kVanguardLine2, "   ", "", kIssLine1, kIssLine2, ""}));
  ASSERT_TRUE(tles) << tles.error().to_string();
  EXPECT_EQ(tles->size(), 2u);
}

TEST(TleFile, ReadsAnEmptyFileAsNoSets) {
  auto tles = parse_tle_file("");
  ASSERT_TRUE(tles);
  EXPECT_TRUE(tles->empty());
}

TEST(TleFile, NamesTheFileLineOfAChecksumErrorInTheThirdSet) {
  const std::string bad = with_columns(kIssLine2, 69, "0", false);
  EXPECT_TRUE(
      fails_at(parse_tle_file(join({"VANGUARD 1", kVanguardLine1, kVanguardLine2, kVanguardLine1,
                                    kVanguardLine2, "", "ISS", kIssLine1, bad})),
               9, 69, "tle_checksum"));
}

TEST(TleFile, RejectsALine2WithoutItsLine1) {
  EXPECT_TRUE(fails_at(parse_tle_file(join({kVanguardLine1, kVanguardLine2, kIssLine2})), 3, 1,
                       "tle_line_number"));
}

TEST(TleFile, RejectsTwoNamesInARow) {
  EXPECT_TRUE(
      fails_at(parse_tle_file(join({"VANGUARD 1", "VANGUARD 2", kVanguardLine1, kVanguardLine2})),
               2, 1, "tle_line_number"));
}

TEST(TleFile, RejectsALine1FollowedByAnotherLine1) {
  EXPECT_TRUE(fails_at(parse_tle_file(join({kVanguardLine1, kIssLine1, kIssLine2})), 2, 1,
                       "tle_line_number"));
}

TEST(TleFile, RejectsAFileEndingAfterLine1) {
  EXPECT_TRUE(fails_at(parse_tle_file(join({kVanguardLine1, kVanguardLine2, kIssLine1})), 4, 0,
                       "tle_truncated"));
}

TEST(TleFile, RejectsAFileEndingAfterAName) {
  EXPECT_TRUE(fails_at(parse_tle_file(join({kVanguardLine1, kVanguardLine2, "ISS"})), 4, 0,
                       "tle_truncated"));
}

TEST(TleFile, RejectsANameLongerThan24Characters) {
  EXPECT_TRUE(
      fails_at(parse_tle_file(join({"A NAME THAT GOES ON AND ON", kVanguardLine1, kVanguardLine2})),
               1, 1, "tle_name"));
}

TEST(TleFile, RejectsALine1ShiftedRightAsNeitherLineNorName) {
  // " 1 00005U ..." does not start with "1 ", and is far too long for a name.
  EXPECT_TRUE(fails_at(
      parse_tle_file(join({std::string(" ") + std::string(kVanguardLine1), kVanguardLine2})), 1, 1,
      "tle_name"));
}

TEST(TleFile, ReportsALineOfWrongLengthByItsFileLine) {
  EXPECT_TRUE(fails_at(parse_tle_file(join({"ISS", kIssLine1, kIssLine2.substr(0, 60)})), 3, 61,
                       "tle_line_length"));
}

TEST(TleFile, AppliesTheChecksumPolicyToEverySet) {
  TleParseOptions options;
  options.checksums = ChecksumPolicy::kIgnore;
  auto tles = parse_tle_file(join({kVanguardLine1, with_columns(kVanguardLine2, 69, "0", false),
                                   with_columns(kIssLine1, 69, "0", false), kIssLine2}),
                             options);
  ASSERT_TRUE(tles) << tles.error().to_string();
  EXPECT_EQ(tles->size(), 2u);
}

}  // namespace
}  // namespace jingkai::orbit
