// UTC, TAI, TT and UT1 on JulianDate, and the arithmetic that keeps their precision.
#include "orbit/time_scales.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>

#include "orbit/iso8601.hpp"

namespace jingkai::orbit {
namespace {

JulianDate utc(std::string_view text) {
  auto date = parse_iso8601_utc(text);
  EXPECT_TRUE(date) << text;
  return date.value_or(JulianDate{});
}

const LeapSecondTable kTable = LeapSecondTable::built_in();

// ---- arithmetic ----

TEST(TimeArithmetic, AddingSecondsKeepsTheFractionInADay) {
  const JulianDate start = utc("2024-02-28T23:59:30Z");
  const JulianDate later = add_seconds(start, 86400.0 + 45.0);
  EXPECT_EQ(format_iso8601_utc(later), "2024-03-01T00:00:15.000Z");
  EXPECT_GE(later.fraction, 0.0);
  EXPECT_LT(later.fraction, 1.0);
  EXPECT_EQ(later.day - std::floor(later.day), 0.5);
}

TEST(TimeArithmetic, SubtractingSecondsCrossesMidnightBackwards) {
  EXPECT_EQ(format_iso8601_utc(add_seconds(utc("2024-01-01T00:00:10Z"), -20.0)),
            "2023-12-31T23:59:50.000Z");
  EXPECT_EQ(format_iso8601_utc(add_seconds(utc("2024-01-01T00:00:00Z"), -3 * 86400.0)),
            "2023-12-29T00:00:00.000Z");
}

TEST(TimeArithmetic, ATinyNegativeStepAtMidnightStaysInRange) {
  const JulianDate before = add_seconds(utc("2024-01-01T00:00:00Z"), -1e-12);
  EXPECT_GE(before.fraction, 0.0);
  EXPECT_LT(before.fraction, 1.0);
}

TEST(TimeArithmetic, MeasuresAMicrosecondBetweenModernDates) {
  const JulianDate a = utc("2026-11-27T12:00:00.000000Z");
  const JulianDate b = utc("2026-11-27T12:00:00.000001Z");
  EXPECT_NEAR(seconds_between(a, b), 1e-6, 1e-10);
  EXPECT_NEAR(seconds_between(b, add_seconds(b, 1e-6)), 1e-6, 1e-10);
}

TEST(TimeArithmetic, SecondsBetweenDaysApart) {
  EXPECT_DOUBLE_EQ(seconds_between(utc("2024-01-01T00:00:00Z"), utc("2024-01-03T01:00:00Z")),
                   2 * 86400.0 + 3600.0);
}

// ---- UTC, TAI and TT ----

TEST(TimeScales, TaiIsUtcPlus37SecondsSince2017) {
  auto tai = tai_from_utc(utc("2024-03-20T03:06:00Z"), kTable);
  ASSERT_TRUE(tai);
  EXPECT_EQ(format_iso8601_utc(*tai), "2024-03-20T03:06:37.000Z");
}

TEST(TimeScales, TtIsTaiPlus32Point184Seconds) {
  const JulianDate tai = utc("2024-03-20T03:06:37Z");
  EXPECT_NEAR(seconds_between(tai, tt_from_tai(tai)), 32.184, 1e-9);
  EXPECT_NEAR(seconds_between(tai, tai_from_tt(tt_from_tai(tai))), 0.0, 1e-9);
}

TEST(TimeScales, TtMinusUtcFollowsTheLeapSeconds) {
  for (auto [when, expected] :
       {std::pair{"2006-06-25T12:00:00Z", 65.184}, std::pair{"2000-06-27T12:00:00Z", 64.184},
        std::pair{"2026-11-27T12:00:00Z", 69.184}}) {
    auto tt = tt_from_utc(utc(when), kTable);
    ASSERT_TRUE(tt);
    EXPECT_NEAR(seconds_between(utc(when), *tt), expected, 1e-9) << when;
  }
}

TEST(TimeScales, J2000IsNoonInTerrestrialTime) {
  // J2000.0 = 2000-01-01 12:00:00 TT = 11:58:55.816 UTC (TAI − UTC was 32 s).
  auto tt = tt_from_utc(utc("2000-01-01T11:58:55.816Z"), kTable);
  ASSERT_TRUE(tt);
  EXPECT_EQ(tt->day, 2451544.5);
  EXPECT_NEAR(tt->fraction, 0.5, 1e-12);
}

TEST(TimeScales, UtcTaiAndTtRoundTripAcrossALeapSecond) {
  for (const char* when :
       {"2016-12-31T23:59:58.500Z", "2016-12-31T23:59:59.999Z", "2017-01-01T00:00:00.000Z",
        "2017-01-01T00:00:01.250Z", "1972-01-01T00:00:00.000Z", "2026-11-27T12:00:00.123Z"}) {
    const JulianDate start = utc(when);
    auto tai = tai_from_utc(start, kTable);
    ASSERT_TRUE(tai) << when;
    auto back = utc_from_tai(*tai, kTable);
    ASSERT_TRUE(back) << when;
    EXPECT_NEAR(seconds_between(start, *back), 0.0, 1e-9) << when;
    auto tt = tt_from_utc(start, kTable);
    ASSERT_TRUE(tt) << when;
    auto from_tt = utc_from_tt(*tt, kTable);
    ASSERT_TRUE(from_tt) << when;
    EXPECT_NEAR(seconds_between(start, *from_tt), 0.0, 1e-9) << when;
  }
}

TEST(TimeScales, TheLeapSecondItselfMapsOntoTheNextUtcDay) {
  // 2016-12-31 23:59:60.5 UTC is 2017-01-01 00:00:36.5 TAI; UTC Julian dates cannot name it.
  auto during = utc_from_tai(utc("2017-01-01T00:00:36.500Z"), kTable);
  ASSERT_TRUE(during);
  EXPECT_EQ(format_iso8601_utc(*during), "2017-01-01T00:00:00.500Z");
  // A second later in TAI the same UTC again: the UTC of that day starts one TAI second late.
  auto after = utc_from_tai(utc("2017-01-01T00:00:37.500Z"), kTable);
  ASSERT_TRUE(after);
  EXPECT_EQ(format_iso8601_utc(*after), "2017-01-01T00:00:00.500Z");
}

TEST(TimeScales, ElapsedTaiAcrossALeapSecondIncludesIt) {
  auto before = tai_from_utc(utc("2016-12-31T23:59:59Z"), kTable);
  auto after = tai_from_utc(utc("2017-01-01T00:00:00Z"), kTable);
  ASSERT_TRUE(before && after);
  EXPECT_NEAR(seconds_between(*before, *after), 2.0, 1e-9);
}

TEST(TimeScales, UtcBefore1972IsAnErrorInEveryDirection) {
  const JulianDate early = utc("1970-01-01T00:00:00Z");
  auto tai = tai_from_utc(early, kTable);
  ASSERT_FALSE(tai);
  EXPECT_EQ(tai.error().code, "time_before_leap_seconds");
  EXPECT_FALSE(tt_from_utc(early, kTable));
  EXPECT_FALSE(utc_from_tai(early, kTable));
  EXPECT_FALSE(utc_from_tt(early, kTable));
}

// ---- UT1 ----

TEST(TimeScales, Ut1IsUtcWithoutEarthOrientationData) {
  const JulianDate when = utc("2026-11-27T12:00:00Z");
  EXPECT_EQ(ut1_from_utc(when, EarthOrientation{}), when);
}

TEST(TimeScales, Ut1AddsDeltaUt1FromTheEopFile) {
  // One finals2000A row, MJD 61371 = 2026-11-27, ΔUT1 = +0.1234567 s.
  auto eop = EarthOrientation::parse_finals(
      "261127 61371.00 P  0.100000 0.005000  0.300000 0.005000  P 0.1234567 0.0100000\n");
  ASSERT_TRUE(eop) << eop.error().to_string();
  const JulianDate when = utc("2026-11-27T12:00:00Z");
  EXPECT_NEAR(seconds_between(when, ut1_from_utc(when, *eop)), 0.1234567, 1e-9);
}

}  // namespace
}  // namespace jingkai::orbit
