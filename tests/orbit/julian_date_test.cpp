// Julian dates kept as a whole day plus a fraction.
#include "orbit/julian_date.hpp"

#include <gtest/gtest.h>

namespace jingkai::orbit {
namespace {

TEST(JulianDate, J2000DayStartsAt2451544Point5) {
  EXPECT_EQ(julian_day_at_midnight(2000, 1, 1), 2451544.5);
}

TEST(JulianDate, SputnikLaunchDayIs2436115Point5) {
  EXPECT_EQ(julian_day_at_midnight(1957, 10, 4), 2436115.5);
}

TEST(JulianDate, TheReferenceEpochOf1950IsDecember31Of1949) {
  EXPECT_EQ(julian_day_at_midnight(1949, 12, 31), 2433281.5);
}

TEST(JulianDate, CountsDayOfYearFromJanuaryFirst) {
  const JulianDate date = julian_date_from_day_of_year(2000, 179, 0.78495062);
  EXPECT_EQ(date.day, 2451722.5);
  EXPECT_EQ(date.fraction, 0.78495062);
  EXPECT_EQ(day_of_year(date), 179);
}

TEST(JulianDate, KnowsLeapYearsOfTheGregorianCalendar) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_EQ(days_in_year(2000), 366);
  EXPECT_EQ(days_in_year(2100), 365);
}

TEST(JulianDate, GivesBackTheCalendarDate) {
  const CalendarDate date = calendar_date(JulianDate{julian_day_at_midnight(2056, 12, 31), 0.9});
  EXPECT_EQ(date.year, 2056);
  EXPECT_EQ(date.month, 12);
  EXPECT_EQ(date.day, 31);
}

TEST(JulianDate, RoundTripsEveryDayFrom1957To2057) {
  for (int year = 1957; year <= 2057; ++year) {
    for (int day = 1; day <= days_in_year(year); ++day) {
      const JulianDate date = julian_date_from_day_of_year(year, day, 0.5);
      ASSERT_EQ(calendar_date(date).year, year) << day;
      ASSERT_EQ(day_of_year(date), day) << year;
    }
  }
}

TEST(JulianDate, Day366OfALeapYearIsDecember31) {
  const CalendarDate date = calendar_date(julian_date_from_day_of_year(2024, 366, 0.0));
  EXPECT_EQ(date.month, 12);
  EXPECT_EQ(date.day, 31);
}

TEST(JulianDate, MeasuresMinutesBetweenDatesWithoutLosingTheFraction) {
  const JulianDate a{2451544.5, 0.0};
  const JulianDate b{2451545.5, 1e-8};
  EXPECT_NEAR(minutes_between(a, b), 1440.0 + 1.44e-5, 1e-12);
  EXPECT_NEAR(minutes_between(b, a), -(1440.0 + 1.44e-5), 1e-12);
}

TEST(JulianDate, ComparesBothParts) {
  EXPECT_EQ((JulianDate{2451544.5, 0.25}), (JulianDate{2451544.5, 0.25}));
  EXPECT_NE((JulianDate{2451544.5, 0.25}), (JulianDate{2451544.5, 0.26}));
}

}  // namespace
}  // namespace jingkai::orbit
