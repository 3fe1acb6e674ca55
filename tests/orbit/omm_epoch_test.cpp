// OMM epochs: CCSDS time text read to the microsecond, exactly, into whole Julian day plus
// fraction, and written back with six decimals.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>

#include "orbit/omm.hpp"
#include "orbit/tle.hpp"
#include "tle_samples.hpp"

namespace jingkai::orbit {
namespace {

::testing::AssertionResult fails_at(const std::expected<JulianDate, ParseError>& result,
                                    int column) {
  if (result) return ::testing::AssertionFailure() << "parsed, expected an error";
  const ParseError& e = result.error();
  if (e.column != column || e.code != "omm_epoch") {
    return ::testing::AssertionFailure()
           << "expected column " << column << "; got " << e.code << ": " << e.to_string();
  }
  return ::testing::AssertionSuccess() << e.to_string();
}

JulianDate epoch_of(std::string_view text) {
  auto epoch = parse_omm_epoch(text);
  EXPECT_TRUE(epoch) << epoch.error().to_string();
  return epoch.value_or(JulianDate{});
}

std::string text_of(const JulianDate& epoch) {
  auto text = format_omm_epoch(epoch);
  EXPECT_TRUE(text) << text.error().to_string();
  return text.value_or("");
}

// ---- reading ----

TEST(OmmEpoch, ReadsACalendarDateAsWholeJulianDayPlusFraction) {
  const JulianDate epoch = epoch_of("2008-09-20T12:25:40.104192");
  EXPECT_EQ(epoch.day, 2454729.5);
  EXPECT_EQ(epoch.fraction, 44740104192.0 / 86400e6);
}

TEST(OmmEpoch, GivesTheSameDoublesAsTheTleForTheSameInstant) {
  auto tle = parse_tle(testing::kIssLine1, testing::kIssLine2);
  ASSERT_TRUE(tle);
  EXPECT_EQ(epoch_of("2008-09-20T12:25:40.104192"), tle->epoch);
}

TEST(OmmEpoch, ReadsTheDayOfYearForm) {
  EXPECT_EQ(epoch_of("2008-264T12:25:40.104192"), epoch_of("2008-09-20T12:25:40.104192"));
  EXPECT_EQ(epoch_of("2000-001T00:00:00").day, 2451544.5);
}

TEST(OmmEpoch, AcceptsATrailingZ) {
  EXPECT_EQ(epoch_of("2008-09-20T12:25:40.104192Z"), epoch_of("2008-09-20T12:25:40.104192"));
}

TEST(OmmEpoch, ReadsFewerDecimalsAndNone) {
  EXPECT_EQ(epoch_of("2020-01-01T00:00:00.5").fraction, 500000.0 / 86400e6);
  EXPECT_EQ(epoch_of("2020-01-01T00:00:01").fraction, 1000000.0 / 86400e6);
  EXPECT_EQ(epoch_of("2020-01-01T00:00:00").fraction, 0.0);
}

TEST(OmmEpoch, AcceptsZerosBeyondTheMicrosecond) {
  EXPECT_EQ(epoch_of("2020-01-01T00:00:00.123456000"), epoch_of("2020-01-01T00:00:00.123456"));
}

TEST(OmmEpoch, ReadsTheLastMicrosecondOfADay) {
  const JulianDate epoch = epoch_of("2020-12-31T23:59:59.999999");
  EXPECT_LT(epoch.fraction, 1.0);
  EXPECT_EQ(text_of(epoch), "2020-12-31T23:59:59.999999");
}

TEST(OmmEpoch, ReadsTheLeapDay) { EXPECT_EQ(epoch_of("2024-02-29T00:00:00").day, 2460369.5); }

// ---- refusing ----

TEST(OmmEpoch, RefusesDigitsFinerThanAMicrosecond) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-01-01T00:00:00.1234567"), 27));
}

TEST(OmmEpoch, RefusesMonthThirteenAtTheMonth) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-13-01T00:00:00"), 6));
}

TEST(OmmEpoch, RefusesThe30thOfFebruary) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-02-30T00:00:00"), 9));
}

TEST(OmmEpoch, RefusesThe29thOfFebruaryOfACommonYear) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2023-02-29T00:00:00"), 9));
}

TEST(OmmEpoch, RefusesDay366OfACommonYear) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2023-366T00:00:00"), 6));
}

TEST(OmmEpoch, RefusesHour24) { EXPECT_TRUE(fails_at(parse_omm_epoch("2020-01-01T24:00:00"), 12)); }

TEST(OmmEpoch, RefusesMinute60) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-01-01T00:60:00"), 15));
}

TEST(OmmEpoch, RefusesALeapSecond) {
  auto epoch = parse_omm_epoch("2016-12-31T23:59:60");
  EXPECT_TRUE(fails_at(epoch, 18));
  EXPECT_NE(epoch.error().message.find("leap second"), std::string::npos);
}

TEST(OmmEpoch, RefusesASpaceForTheT) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-01-01 00:00:00"), 11));
}

TEST(OmmEpoch, RefusesATwoDigitYear) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("20-01-01T00:00:00"), 3));
}

TEST(OmmEpoch, RefusesAPointWithoutDigits) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-01-01T00:00:00."), 21));
}

TEST(OmmEpoch, RefusesAnythingAfterTheTime) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-01-01T00:00:00Z+01"), 21));
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-01-01T00:00:00 "), 20));
}

TEST(OmmEpoch, RefusesTheEmptyText) { EXPECT_TRUE(fails_at(parse_omm_epoch(""), 1)); }

TEST(OmmEpoch, RefusesADateWithoutTime) {
  EXPECT_TRUE(fails_at(parse_omm_epoch("2020-01-01"), 11));
}

// ---- writing ----

TEST(OmmEpoch, WritesSixDecimals) {
  EXPECT_EQ(text_of(epoch_of("2020-01-01T00:00:00")), "2020-01-01T00:00:00.000000");
  EXPECT_EQ(text_of(epoch_of("2008-264T12:25:40.104192")), "2008-09-20T12:25:40.104192");
}

TEST(OmmEpoch, WritesATleEpochToTheExactMicrosecond) {
  // Eight decimals of a day are 864 µs steps: a TLE epoch is always whole microseconds.
  auto tle = parse_tle(testing::kVanguardLine1, testing::kVanguardLine2);
  ASSERT_TRUE(tle);
  EXPECT_EQ(text_of(tle->epoch), "2000-06-27T18:50:19.733568");
}

TEST(OmmEpoch, RoundTripsEveryMicrosecondItTries) {
  std::mt19937_64 random(5);
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t microseconds = static_cast<std::int64_t>(random() % 86'400'000'000);
    const JulianDate epoch{2460000.5, static_cast<double>(microseconds) / 86400e6};
    const std::string text = text_of(epoch);
    ASSERT_EQ(epoch_of(text), epoch) << text;
  }
}

TEST(OmmEpoch, RoundsAFractionWithinHalfAMicrosecondOfMidnightIntoTheNextDay) {
  EXPECT_EQ(text_of(JulianDate{2458848.5, 1.0 - 1e-13}), "2020-01-01T00:00:00.000000");
}

TEST(OmmEpoch, RefusesToWriteAFractionOutsideZeroToOne) {
  EXPECT_FALSE(format_omm_epoch(JulianDate{2458849.5, 1.0}));
  EXPECT_FALSE(format_omm_epoch(JulianDate{2458849.5, -0.1}));
}

TEST(OmmEpoch, RefusesToWriteADayThatDoesNotStartAtMidnight) {
  EXPECT_FALSE(format_omm_epoch(JulianDate{2458849.0, 0.5}));
}

}  // namespace
}  // namespace jingkai::orbit
