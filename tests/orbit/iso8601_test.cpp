// ISO 8601 UTC timestamps: what the CLI reads and writes.
#include "orbit/iso8601.hpp"

#include <gtest/gtest.h>

#include <cstdio>

namespace jingkai::orbit {
namespace {

ParseError error_of(std::string_view text) {
  auto date = parse_iso8601_utc(text);
  EXPECT_FALSE(date) << text;
  return date ? ParseError{} : date.error();
}

TEST(Iso8601, ReadsATimestampWithMilliseconds) {
  auto date = parse_iso8601_utc("2026-11-27T12:00:00.000Z");
  ASSERT_TRUE(date) << date.error().to_string();
  EXPECT_EQ(date->day, julian_day_at_midnight(2026, 11, 27));
  EXPECT_EQ(date->fraction, 0.5);
}

TEST(Iso8601, TheFractionOfTheSecondIsOptionalAndUpToNanoseconds) {
  EXPECT_EQ(parse_iso8601_utc("2026-11-27T06:00:00Z")->fraction, 0.25);
  EXPECT_NEAR(parse_iso8601_utc("2026-11-27T00:00:00.5Z")->fraction * 86400.0, 0.5, 1e-10);
  EXPECT_NEAR(parse_iso8601_utc("2026-11-27T00:00:01.000000001Z")->fraction * 86400.0, 1.000000001,
              1e-12);
}

TEST(Iso8601, WritesMilliseconds) {
  const JulianDate date{julian_day_at_midnight(2024, 2, 29), (13 * 3600 + 5 * 60 + 9.25) / 86400.0};
  EXPECT_EQ(format_iso8601_utc(date), "2024-02-29T13:05:09.250Z");
}

TEST(Iso8601, RoundsToTheNearestMillisecond) {
  EXPECT_EQ(format_iso8601_utc(*parse_iso8601_utc("2026-01-01T00:00:00.0004Z")),
            "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(format_iso8601_utc(*parse_iso8601_utc("2026-01-01T00:00:00.0006Z")),
            "2026-01-01T00:00:00.001Z");
}

TEST(Iso8601, RoundingUpAtMidnightCarriesIntoTheNextDay) {
  EXPECT_EQ(format_iso8601_utc(*parse_iso8601_utc("2026-12-31T23:59:59.9996Z")),
            "2027-01-01T00:00:00.000Z");
}

TEST(Iso8601, WritesAFractionOutsideTheDayOnTheRightDay) {
  const JulianDate date{julian_day_at_midnight(2026, 3, 1), -0.5};
  EXPECT_EQ(format_iso8601_utc(date), "2026-02-28T12:00:00.000Z");
}

TEST(Iso8601, RoundTripsEveryMillisecondOfASecond) {
  for (int ms = 0; ms < 1000; ++ms) {
    char text[32];
    std::snprintf(text, sizeof text, "2026-11-27T23:59:59.%03dZ", ms);
    auto date = parse_iso8601_utc(text);
    ASSERT_TRUE(date) << text;
    ASSERT_EQ(format_iso8601_utc(*date), text);
  }
}

// Formatting writes the digits itself: every field at its widest and narrowest, against the
// library's formatter.
TEST(Iso8601, FormatsEveryFieldAsFmtWould) {
  for (const char* text :
       {"0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "2026-11-27T09:08:07.006Z",
        "1957-10-04T19:28:34.000Z", "2000-02-29T12:34:56.789Z"}) {
    const auto date = parse_iso8601_utc(text);
    ASSERT_TRUE(date) << text;
    EXPECT_EQ(format_iso8601_utc(*date), text);
  }
}

TEST(Iso8601, RequiresZulu) {
  const ParseError missing = error_of("2026-11-27T12:00:00.000");
  EXPECT_EQ(missing.code, "iso8601_format");
  EXPECT_EQ(missing.column, 24);
  const ParseError offset = error_of("2026-11-27T12:00:00+08:00");
  EXPECT_EQ(offset.code, "iso8601_zone");
  EXPECT_EQ(offset.column, 20);
}

TEST(Iso8601, RequiresTheTSeparatorAndFixedWidths) {
  EXPECT_EQ(error_of("2026-11-27 12:00:00Z").column, 11);
  EXPECT_EQ(error_of("2026-1-27T12:00:00Z").column, 7);
  EXPECT_EQ(error_of("26-11-27T12:00:00Z").column, 3);
  EXPECT_EQ(error_of("2026-11-27T12:00Z").column, 17);
  EXPECT_EQ(error_of("").column, 1);
}

TEST(Iso8601, RefusesAnEmptyOrOverlongFraction) {
  EXPECT_EQ(error_of("2026-11-27T12:00:00.Z").column, 21);
  EXPECT_EQ(error_of("2026-11-27T12:00:00.0000000001Z").column, 30);
}

TEST(Iso8601, RefusesTextAfterTheZone) {
  const ParseError error = error_of("2026-11-27T12:00:00Z ");
  EXPECT_EQ(error.code, "iso8601_format");
  EXPECT_EQ(error.column, 21);
}

TEST(Iso8601, RefusesFieldsOutOfRange) {
  EXPECT_EQ(error_of("2026-13-01T00:00:00Z").column, 6);
  EXPECT_EQ(error_of("2026-00-01T00:00:00Z").code, "iso8601_range");
  EXPECT_EQ(error_of("2026-02-29T00:00:00Z").column, 9);
  EXPECT_TRUE(parse_iso8601_utc("2024-02-29T00:00:00Z"));
  EXPECT_EQ(error_of("2026-04-31T00:00:00Z").code, "iso8601_range");
  EXPECT_EQ(error_of("2026-11-27T24:00:00Z").column, 12);
  EXPECT_EQ(error_of("2026-11-27T12:60:00Z").column, 15);
  EXPECT_EQ(error_of("2026-11-27T12:00:61Z").column, 18);
  EXPECT_EQ(error_of("0000-01-01T00:00:00Z").code, "iso8601_range");
}

TEST(Iso8601, RefusesTheLeapSecondByName) {
  const ParseError error = error_of("2016-12-31T23:59:60.500Z");
  EXPECT_EQ(error.code, "iso8601_leap_second");
  EXPECT_EQ(error.column, 18);
}

}  // namespace
}  // namespace jingkai::orbit
