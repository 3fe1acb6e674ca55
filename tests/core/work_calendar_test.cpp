// The working-day calendar, against the State Council's real notices for 2024-2026.
#include "core/work_calendar.hpp"

#include <gtest/gtest.h>

#include "support/samples.hpp"

namespace jingkai {
namespace {

Date d(std::string_view text) { return *parse_date(text); }

const WorkCalendar& shipped() { return testing::shipped_calendar(); }

bool working(std::string_view day) { return *shipped().is_working_day(d(day)); }
std::string plus(std::string_view from, int days) {
  return format_date(*shipped().add_working_days(d(from), days));
}
int between(std::string_view from, std::string_view to) {
  return *shipped().working_days_between(d(from), d(to));
}

// --- dates ----------------------------------------------------------------------------------

TEST(Date, ParsesOnlyRealDaysInIsoForm) {
  EXPECT_EQ(format_date(d("2024-02-29")), "2024-02-29");
  for (const char* bad : {"2025-02-29", "2024-13-01", "2024-00-10", "2024-1-1", "2024/01/01",
                          "20240101", "2024-01-01T00:00", " 2024-01-01", "", "abcd-ef-gh"}) {
    auto parsed = parse_date(bad, "from");
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().code, "bad_date");
    EXPECT_EQ(parsed.error().field, "from");
  }
}

// --- the shipped calendar -------------------------------------------------------------------

TEST(WorkCalendar, TheShippedFileCoversTwentyTwentyFourToTwentySix) {
  EXPECT_EQ(shipped().years(), (std::vector<int>{2024, 2025, 2026}));
}

TEST(WorkCalendar, WeekdaysWorkAndWeekendsRestOutsideTheNotices) {
  EXPECT_TRUE(working("2024-03-08"));   // Friday
  EXPECT_FALSE(working("2024-03-09"));  // Saturday
  EXPECT_FALSE(working("2024-03-10"));  // Sunday
  EXPECT_TRUE(working("2026-11-27"));   // Friday
}

TEST(WorkCalendar, SpringFestival2024WithItsTwoMakeUpSundays) {
  // 2月10日至17日放假调休; 2月4日(星期日)、2月18日(星期日)上班.
  EXPECT_TRUE(working("2024-02-04"));
  EXPECT_TRUE(working("2024-02-09"));  // 除夕 stays a working day; leave is only encouraged
  for (int day = 10; day <= 17; ++day) {
    EXPECT_FALSE(working(fmt::format("2024-02-{:02}", day))) << day;
  }
  EXPECT_TRUE(working("2024-02-18"));
  EXPECT_EQ(plus("2024-02-09", 1), "2024-02-18");
  EXPECT_EQ(between("2024-02-08", "2024-02-19"), 3);  // 9th, 18th, 19th
}

TEST(WorkCalendar, SpringFestival2025FromNewYearsEveWithAMakeUpSaturday) {
  // 1月28日(除夕)至2月4日放假调休; 1月26日(周日)、2月8日(周六)上班.
  EXPECT_TRUE(working("2025-01-26"));
  EXPECT_FALSE(working("2025-01-28"));
  EXPECT_FALSE(working("2025-02-04"));
  EXPECT_TRUE(working("2025-02-08"));
  EXPECT_EQ(plus("2025-01-24", 1), "2025-01-26");  // Friday, then the make-up Sunday
  EXPECT_EQ(plus("2025-01-27", 1), "2025-02-05");
}

TEST(WorkCalendar, SpringFestival2026OfNineDaysBetweenTwoMakeUpSaturdays) {
  // 2月15日至23日放假调休; 2月14日(周六)、2月28日(周六)上班.
  EXPECT_EQ(plus("2026-02-13", 1), "2026-02-14");
  EXPECT_EQ(plus("2026-02-14", 1), "2026-02-24");
  EXPECT_TRUE(working("2026-02-28"));
  EXPECT_EQ(between("2026-02-13", "2026-03-02"), 7);  // 14, 24, 25, 26, 27, 28, Mar 2
}

TEST(WorkCalendar, NationalDay2024CountedAcrossBothMakeUpDays) {
  // 10月1日至7日放假调休; 9月29日(星期日)、10月12日(星期六)上班.
  EXPECT_EQ(plus("2024-09-27", 10), "2024-10-16");
  EXPECT_EQ(between("2024-09-27", "2024-10-16"), 10);
}

TEST(WorkCalendar, TheMergedNationalAndMidAutumnHoliday2025) {
  // 10月1日至8日放假调休, 共8天; 9月28日(周日)、10月11日(周六)上班.
  EXPECT_FALSE(working("2025-10-08"));
  EXPECT_EQ(plus("2025-09-30", 1), "2025-10-09");
  EXPECT_TRUE(working("2025-10-11"));
}

TEST(WorkCalendar, NewYear2026WithAMakeUpSunday) {
  EXPECT_FALSE(working("2026-01-02"));
  EXPECT_TRUE(working("2026-01-04"));
  EXPECT_EQ(plus("2025-12-31", 1), "2026-01-04");
}

TEST(WorkCalendar, ZeroDaysIsTheDayItself) {
  EXPECT_EQ(plus("2024-02-10", 0), "2024-02-10");
  EXPECT_EQ(between("2024-05-06", "2024-05-06"), 0);
  EXPECT_EQ(between("2024-05-10", "2024-05-06"), 0);
}

TEST(WorkCalendar, NegativeDaysAreRefused) {
  auto result = shipped().add_working_days(d("2024-05-06"), -1);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().field, "days");
}

TEST(WorkCalendar, AYearWithoutDataIsAnExplicitErrorNeverAGuess) {
  auto before = shipped().is_working_day(d("2023-12-29"));
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().code, "calendar_year_missing");
  EXPECT_NE(before.error().message.find("2023"), std::string::npos);
  // The message lists the years the calendar does hold, whichever they are.
  std::string held;
  for (int year : shipped().years()) held += (held.empty() ? "" : ", ") + std::to_string(year);
  EXPECT_NE(before.error().message.find(held), std::string::npos) << before.error().message;

  // Past the last year the shipped file declares, whichever year that is.
  const std::string last = std::to_string(shipped().years().back());
  const std::string next = std::to_string(shipped().years().back() + 1);
  auto past_the_end = shipped().add_working_days(d(last + "-12-30"), 2);
  ASSERT_FALSE(past_the_end);
  EXPECT_EQ(past_the_end.error().code, "calendar_year_missing");
  EXPECT_NE(past_the_end.error().message.find(next), std::string::npos);
  EXPECT_FALSE(shipped().working_days_between(d(last + "-12-01"), d(next + "-01-05")));
  EXPECT_EQ(between("2026-12-01", "2026-12-31"), 22);
}

// --- reading and writing the file -----------------------------------------------------------

Error parse_error(std::string_view text) {
  auto parsed = WorkCalendar::parse(text);
  EXPECT_FALSE(parsed) << text;
  return parsed ? Error{} : parsed.error();
}

TEST(WorkCalendarFile, CommentsBlankLinesAndCrlfAreFine) {
  auto parsed = WorkCalendar::parse(
      "# a comment\r\n\r\nyear 2030 test # trailing\r\noff 2030-01-01 元旦\r\n");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_FALSE(*parsed->is_working_day(d("2030-01-01")));
  EXPECT_TRUE(*parsed->is_working_day(d("2030-01-02")));
}

TEST(WorkCalendarFile, AnExceptionInAnUndeclaredYearNamesItsLine) {
  auto error = parse_error("year 2030 x\noff 2030-01-01 元旦\noff 2031-01-01 元旦\n");
  EXPECT_NE(error.message.find("第 3 行"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("2031"), std::string::npos);
}

TEST(WorkCalendarFile, BadDatesAndRangesNameTheirLine) {
  EXPECT_NE(parse_error("year 2025 x\noff 2025-02-29 x\n").message.find("第 2 行"),
            std::string::npos);
  EXPECT_NE(parse_error("year 2025 x\noff 2025-02-10..2025-02-01 x\n").message.find("before"),
            std::string::npos);
  EXPECT_NE(parse_error("year 2025 x\nyear 2026 y\noff 2025-12-31..2026-01-02 x\n")
                .message.find("one year"),
            std::string::npos);
}

TEST(WorkCalendarFile, AMakeUpDayMustBeAWeekendDayAndAHolidayNotASingleWeekendDay) {
  EXPECT_NE(parse_error("year 2025 x\nwork 2025-01-27 x\n").message.find("working day already"),
            std::string::npos);  // a Monday
  EXPECT_NE(parse_error("year 2025 x\noff 2025-01-25 x\n").message.find("off already"),
            std::string::npos);  // a Saturday
  EXPECT_NE(parse_error("year 2025 x\nwork 2025-01-25..2025-01-26 x\n").message.find("one by one"),
            std::string::npos);
}

TEST(WorkCalendarFile, ADayListedTwiceOrAYearDeclaredTwiceIsRefused) {
  EXPECT_EQ(parse_error("year 2025 x\noff 2025-01-01 a\noff 2025-01-01 b\n").code,
            "calendar_duplicate");
  EXPECT_NE(parse_error("year 2025 x\nyear 2025 y\n").message.find("twice"), std::string::npos);
}

TEST(WorkCalendarFile, UnknownKeywordsAndMissingPartsAreRefused) {
  EXPECT_NE(parse_error("holiday 2025-01-01 x\n").message.find("holiday"), std::string::npos);
  EXPECT_NE(parse_error("year 25 x\n").message.find("第 1 行"), std::string::npos);
  EXPECT_NE(parse_error("year 2025 x\noff 2025-01-01\n").message.find("第 2 行"),
            std::string::npos);
}

TEST(WorkCalendarFile, WritingAndReadingAgainGivesTheSameCalendarAndText) {
  const std::string text = shipped().to_text();
  auto again = WorkCalendar::parse(text);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->to_text(), text);
  for (Date day = d("2024-01-01"); day <= d("2026-12-31"); day += std::chrono::days(1)) {
    ASSERT_EQ(*again->is_working_day(day), *shipped().is_working_day(day)) << format_date(day);
  }
}

TEST(WorkCalendarFile, MergingReplacesTheYearsTheUpdateDeclares) {
  WorkCalendar calendar = shipped();
  auto update = WorkCalendar::parse(
      "year 2026 corrected\noff 2026-03-02 a\nyear 2027 next\noff 2027-01-01 元旦\n");
  ASSERT_TRUE(update);
  calendar.merge(*update);
  EXPECT_EQ(calendar.years(), (std::vector<int>{2024, 2025, 2026, 2027}));
  EXPECT_FALSE(*calendar.is_working_day(d("2026-03-02")));
  EXPECT_TRUE(*calendar.is_working_day(d("2026-02-16")));   // the old 2026 is gone entirely
  EXPECT_FALSE(*calendar.is_working_day(d("2024-02-12")));  // 2024 untouched
}

// The counting functions go a year at a time; stepping day by day with is_working_day() is
// what they must agree with, answers and errors alike, everywhere in and around the data.
Result<Date> stepped_add(Date from, int count) {
  Date day = from;
  for (int left = count; left > 0;) {
    day += std::chrono::days(1);
    auto working = shipped().is_working_day(day);
    if (!working) return std::unexpected(working.error());
    if (*working) --left;
  }
  return day;
}

Result<int> stepped_between(Date from, Date to) {
  int count = 0;
  for (Date day = from + std::chrono::days(1); day <= to; day += std::chrono::days(1)) {
    auto working = shipped().is_working_day(day);
    if (!working) return std::unexpected(working.error());
    count += *working;
  }
  return count;
}

TEST(WorkCalendar, CountingAgreesWithSteppingDayByDayAcrossAllDeclaredYears) {
  int compared = 0;
  for (Date from = d("2023-12-20"); from <= d("2027-01-10"); from += std::chrono::days(1)) {
    for (int n : {0, 1, 2, 3, 5, 8, 13, 20, 30, 60, 250, 400}) {
      const auto fast = shipped().add_working_days(from, n);
      const auto slow = stepped_add(from, n);
      ASSERT_EQ(fast.has_value(), slow.has_value()) << format_date(from) << " + " << n;
      if (fast) {
        ASSERT_EQ(*fast, *slow) << format_date(from) << " + " << n;
      } else {
        ASSERT_EQ(fast.error().code, slow.error().code) << format_date(from) << " + " << n;
        ASSERT_EQ(fast.error().message, slow.error().message);
      }
      const Date to = from + std::chrono::days(n);
      const auto counted = shipped().working_days_between(from, to);
      const auto stepped = stepped_between(from, to);
      ASSERT_EQ(counted.has_value(), stepped.has_value()) << format_date(from) << " .. " << n;
      if (counted) {
        ASSERT_EQ(*counted, *stepped) << format_date(from) << " .. " << n;
      } else {
        ASSERT_EQ(counted.error().message, stepped.error().message);
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 13000);
}

}  // namespace
}  // namespace jingkai
