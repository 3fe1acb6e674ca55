// The clocks of an application on the real calendar of 2026: the Mid-Autumn Festival
// (25-27 September), National Day (1-7 October, with 20 September and 10 October worked
// instead) and the Spring Festival (15-23 February, 14 and 28 February worked).
#include "modules/approvals/deadlines.hpp"

#include <gtest/gtest.h>

#include "support/samples.hpp"

namespace jingkai::approvals {
namespace {

Date d(std::string_view text) { return *parse_date(text); }

const WorkCalendar& shipped() { return testing::shipped_calendar(); }

// The last year the shipped calendar declares, and a day of it: the tests of a deadline past
// the calendar's end hold whichever years the shipped file gains.
int last_year() { return shipped().years().back(); }
Date last_year_day(std::string_view month_day) {
  return d(std::to_string(last_year()) + "-" + std::string(month_day));
}

// An application accepted on `accepted` with the given limits and clock record.
Application accepted_on(std::string_view accepted, int promised, int statutory, int paused = 0,
                        int extension = 0) {
  Application a;
  a.state = ApplicationState::reviewing;
  a.accepted_on = d(accepted);
  a.promised_days = promised;
  a.statutory_days = statutory;
  a.paused_days = paused;
  if (extension > 0) a.extension = Extension{extension, "现场核查", "王主任", d(accepted)};
  auto deadlines = compute_deadlines(shipped(), a);
  if (deadlines) {
    a.promised_deadline = deadlines->promised;
    a.statutory_deadline = deadlines->statutory;
  }
  return a;
}

std::string promised(const Application& a) { return format_date(*a.promised_deadline); }
std::string statutory(const Application& a) { return format_date(*a.statutory_deadline); }

// --- deadlines ------------------------------------------------------------------------------

TEST(ApplicationDeadlines, CountWorkingDaysAfterAcceptanceAcrossNationalDay) {
  // Accepted Monday 28 September: 29 and 30 September, then 8 October.
  const Application a = accepted_on("2026-09-28", 3, 20);
  EXPECT_EQ(promised(a), "2026-10-08");
  // 29, 30 Sep; 8, 9 Oct; Saturday 10 Oct (worked); 12-16, 19-23, 26-30 Oct.
  EXPECT_EQ(statutory(a), "2026-10-30");
}

TEST(ApplicationDeadlines, TheAcceptanceDayItselfIsNotCounted) {
  EXPECT_EQ(promised(accepted_on("2026-11-02", 1, 1)), "2026-11-03");
  // Friday: the next working day is Monday.
  EXPECT_EQ(promised(accepted_on("2026-11-06", 1, 1)), "2026-11-09");
}

TEST(ApplicationDeadlines, ItemsHandledOnTheSpotAreDueTheDayTheyAreAccepted) {
  const Application a = accepted_on("2026-11-04", 0, 0);
  EXPECT_EQ(promised(a), "2026-11-04");
  EXPECT_EQ(statutory(a), "2026-11-04");
}

TEST(ApplicationDeadlines, MakeUpSaturdaysOfTheSpringFestivalCount) {
  // Accepted Friday 13 February: Saturday 14th is worked, then the holiday to the 23rd.
  EXPECT_EQ(promised(accepted_on("2026-02-13", 1, 1)), "2026-02-14");
  EXPECT_EQ(promised(accepted_on("2026-02-13", 2, 2)), "2026-02-24");
  // Friday 27th: Saturday 28th is worked too.
  EXPECT_EQ(promised(accepted_on("2026-02-27", 1, 1)), "2026-02-28");
  EXPECT_EQ(promised(accepted_on("2026-02-27", 2, 2)), "2026-03-02");
}

TEST(ApplicationDeadlines, TheMidAutumnFridayIsOff) {
  // Thursday 24 September + 1: Friday 25th is the festival, the weekend follows.
  EXPECT_EQ(promised(accepted_on("2026-09-24", 1, 1)), "2026-09-28");
}

TEST(ApplicationDeadlines, PausedDaysAndAnExtensionMoveBothDeadlines) {
  const Application plain = accepted_on("2026-09-28", 3, 20);
  const Application paused = accepted_on("2026-09-28", 3, 20, 3);
  // Three working days later than 8 October: 9, 10 (Saturday, worked) and 12 October.
  EXPECT_EQ(promised(paused), "2026-10-12");
  EXPECT_EQ(statutory(paused), "2026-11-04");
  const Application extended = accepted_on("2026-09-28", 3, 20, 0, 10);
  EXPECT_EQ(promised(extended), "2026-10-21");
  EXPECT_EQ(statutory(extended), "2026-11-13");
  EXPECT_LT(plain.promised_deadline, paused.promised_deadline);
}

TEST(ApplicationDeadlines, ADeadlineInAYearWithoutCalendarDataIsAnError) {
  // Accepted 21 December of the calendar's last year: 20 working days run into the next.
  auto deadlines = compute_deadlines(shipped(), last_year_day("12-21"), 5, 20, 0, 0);
  ASSERT_FALSE(deadlines);
  EXPECT_EQ(deadlines.error().code, "calendar_year_missing");
  EXPECT_NE(deadlines.error().message.find(std::to_string(last_year() + 1)), std::string::npos)
      << deadlines.error().message;
  // The promised one alone would fit, but both are computed or neither.
  EXPECT_TRUE(compute_deadlines(shipped(), last_year_day("12-21"), 5, 5, 0, 0));
}

TEST(ApplicationDeadlines, ComputingFromARecordNeverAcceptedIsABug) {
  Application a;
  auto deadlines = compute_deadlines(shipped(), a);
  ASSERT_FALSE(deadlines);
  EXPECT_EQ(deadlines.error().kind, ErrorKind::internal);
}

// --- corrections ----------------------------------------------------------------------------

TEST(ApplicationDeadlines, TheClockStandsStillFromTheDayAfterTheRequestToTheAnswer) {
  // Asked Tuesday 29 September, answered Friday 9 October: 30 Sep, 8 and 9 Oct.
  EXPECT_EQ(*paused_working_days(shipped(), d("2026-09-29"), d("2026-10-09")), 3);
  // Answered the same day: nothing lost.
  EXPECT_EQ(*paused_working_days(shipped(), d("2026-09-29"), d("2026-09-29")), 0);
  // Answered during the holiday: only 30 September was a working day.
  EXPECT_EQ(*paused_working_days(shipped(), d("2026-09-29"), d("2026-10-03")), 1);
  // Answered on the worked Saturday after it.
  EXPECT_EQ(*paused_working_days(shipped(), d("2026-09-29"), d("2026-10-10")), 4);
}

TEST(ApplicationDeadlines, AnAnswerInAYearWithoutDataIsAnError) {
  auto paused = paused_working_days(shipped(), last_year_day("12-30"),
                                    d(std::to_string(last_year() + 1) + "-01-04"));
  ASSERT_FALSE(paused);
  EXPECT_EQ(paused.error().code, "calendar_year_missing");
}

// --- the clock as lists show it -----------------------------------------------------------

TEST(ApplicationClock, GreenYellowAndRedAroundThePromisedDeadline) {
  const Application a = accepted_on("2026-09-28", 3, 20);  // due 8 October
  auto at = [&](std::string_view today, int warning = 2) {
    return read_clock(shipped(), a, d(today), warning);
  };
  EXPECT_EQ(at("2026-09-28").flag, DeadlineFlag::green);
  EXPECT_EQ(at("2026-09-28").working_days_left, 3);
  // From 30 September only 8 October is left: within two working days.
  EXPECT_EQ(at("2026-09-30").flag, DeadlineFlag::yellow);
  EXPECT_EQ(at("2026-09-30").working_days_left, 1);
  EXPECT_EQ(at("2026-09-30", 0).flag, DeadlineFlag::green);
  EXPECT_EQ(at("2026-10-05").working_days_left, 1);  // a holiday: still one to go
  EXPECT_EQ(at("2026-10-08").flag, DeadlineFlag::yellow);
  EXPECT_EQ(at("2026-10-08").working_days_left, 0);
  EXPECT_EQ(at("2026-10-09").flag, DeadlineFlag::red);
  EXPECT_EQ(at("2026-10-09").working_days_left, -1);
  EXPECT_EQ(at("2026-10-12").working_days_left, -3);  // 9, 10 (worked Saturday), 12
}

TEST(ApplicationClock, PausedDuringACorrectionAndSilentWithoutAClock) {
  Application a = accepted_on("2026-09-28", 3, 20);
  a.state = ApplicationState::correcting;
  a.promised_deadline.reset();
  EXPECT_EQ(read_clock(shipped(), a, d("2026-09-30"), 2).flag, DeadlineFlag::paused);
  EXPECT_FALSE(read_clock(shipped(), a, d("2026-09-30"), 2).working_days_left);
  // Not accepted yet: no clock runs.
  for (ApplicationState state : {ApplicationState::draft, ApplicationState::submitted}) {
    Application waiting;
    waiting.state = state;
    EXPECT_EQ(read_clock(shipped(), waiting, d("2026-10-20"), 2).flag, DeadlineFlag::none);
  }
  // Closed: the deadlines stay on record, but nothing is due any more.
  for (ApplicationState state : {ApplicationState::decided, ApplicationState::finished,
                                 ApplicationState::refused, ApplicationState::withdrawn}) {
    Application closed = accepted_on("2026-09-28", 3, 20);
    closed.state = state;
    const ClockReading reading = read_clock(shipped(), closed, d("2026-10-20"), 2);
    EXPECT_EQ(reading.flag, DeadlineFlag::none) << to_string(state);
    EXPECT_FALSE(reading.working_days_left) << to_string(state);
  }
}

TEST(ApplicationClock, AFarDeadlineBeyondTheCalendarIsGreenWithoutACount) {
  Application a = accepted_on("2026-09-28", 3, 20);
  a.promised_deadline = d(std::to_string(last_year() + 1) + "-03-01");
  const ClockReading reading = read_clock(shipped(), a, d("2026-10-09"), 2);
  EXPECT_EQ(reading.flag, DeadlineFlag::green);
  EXPECT_FALSE(reading.working_days_left);
}

TEST(ApplicationClock, TheWarningHorizonIsWhereYellowEnds) {
  EXPECT_EQ(format_date(*warning_horizon(shipped(), d("2026-09-30"), 2)), "2026-10-09");
  EXPECT_EQ(format_date(*warning_horizon(shipped(), d("2026-09-30"), 0)), "2026-09-30");
  EXPECT_EQ(format_date(*warning_horizon(shipped(), d("2026-09-30"), -3)), "2026-09-30");
}

// The yellow flag's edge (黄牌): a deadline exactly `warning_days` working days away is
// yellow; one working day further is still green. November 2026 has no holiday, so each
// weekday below is one working day nearer the deadline, Monday 16 November.
TEST(ApplicationClock, ADeadlineExactlyTheWarningDaysAwayIsYellowAndOneDayFurtherIsGreen) {
  const Application a = accepted_on("2026-11-02", 10, 20);
  ASSERT_EQ(promised(a), "2026-11-16");
  struct Case {
    const char* today;
    int left;
  };
  const Case days[] = {{"2026-11-06", 6}, {"2026-11-09", 5}, {"2026-11-10", 4}, {"2026-11-11", 3},
                       {"2026-11-12", 2}, {"2026-11-13", 1}, {"2026-11-16", 0}};
  for (int warning : {0, 1, 2, 3, 5}) {
    for (const Case& day : days) {
      const ClockReading reading = read_clock(shipped(), a, d(day.today), warning);
      ASSERT_EQ(reading.working_days_left, day.left) << day.today;
      const DeadlineFlag expected =
          day.left <= warning ? DeadlineFlag::yellow : DeadlineFlag::green;
      EXPECT_EQ(reading.flag, expected)
          << day.today << ": " << day.left << " working days left, warning " << warning;
    }
  }
  // Spelt out for the default of two days: the day before the window, its first day, the day
  // after that.
  EXPECT_EQ(read_clock(shipped(), a, d("2026-11-11"), 2).flag, DeadlineFlag::green);
  EXPECT_EQ(read_clock(shipped(), a, d("2026-11-12"), 2).flag, DeadlineFlag::yellow);
  EXPECT_EQ(read_clock(shipped(), a, d("2026-11-13"), 2).flag, DeadlineFlag::yellow);
}

TEST(ApplicationClock, AcrossAWeekendTheWindowCountsWorkingDaysNotDays) {
  // Due Tuesday 10 November. On Thursday the 5th three working days are left (Friday, Monday,
  // Tuesday): green, though only five days remain. From Friday two are left, and the weekend
  // between changes nothing.
  const Application a = accepted_on("2026-11-04", 4, 20);
  ASSERT_EQ(promised(a), "2026-11-10");
  EXPECT_EQ(read_clock(shipped(), a, d("2026-11-05"), 2).flag, DeadlineFlag::green);
  for (const char* today : {"2026-11-06", "2026-11-07", "2026-11-08"}) {
    EXPECT_EQ(read_clock(shipped(), a, d(today), 2).working_days_left, 2) << today;
    EXPECT_EQ(read_clock(shipped(), a, d(today), 2).flag, DeadlineFlag::yellow) << today;
  }
}

// Lists filter by flag in SQL with the warning horizon (yellow: today <= deadline <= horizon)
// and show each row's flag from read_clock: the two must name the same applications, so the
// window's edge must be the same day in both.
TEST(ApplicationClock, YellowIsExactlyADeadlineFromTodayToTheWarningHorizon) {
  for (const char* due : {"2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12",
                          "2026-11-10", "2026-11-16"}) {
    Application a = accepted_on("2026-09-28", 3, 20);
    a.promised_deadline = d(due);
    for (Date today = d("2026-09-25"); today <= d("2026-11-17"); today += std::chrono::days(1)) {
      for (int warning : {0, 1, 2, 4}) {
        const Date horizon = *warning_horizon(shipped(), today, warning);
        const bool in_window = today <= d(due) && d(due) <= horizon;
        const ClockReading reading = read_clock(shipped(), a, today, warning);
        EXPECT_EQ(reading.flag == DeadlineFlag::yellow, in_window)
            << "due " << due << ", today " << format_date(today) << ", warning " << warning;
        EXPECT_EQ(reading.flag == DeadlineFlag::red, d(due) < today) << format_date(today);
      }
    }
  }
}

TEST(ApplicationClock, FlagNamesReadBack) {
  for (DeadlineFlag flag : {DeadlineFlag::none, DeadlineFlag::green, DeadlineFlag::yellow,
                            DeadlineFlag::red, DeadlineFlag::paused}) {
    EXPECT_EQ(parse_deadline_flag(to_string(flag)), flag);
  }
  EXPECT_FALSE(parse_deadline_flag("orange"));
}

// --- finishing ------------------------------------------------------------------------------

TEST(ApplicationDeadlines, FinishingCountsTheDaysTakenLessThePausedOnes) {
  const Application a = accepted_on("2026-09-28", 3, 20, 3);  // due 12 October
  auto on_time = finishing_outcome(shipped(), a, d("2026-10-12"));
  ASSERT_TRUE(on_time);
  // 29, 30 Sep; 8, 9, 10, 12 Oct = 6, less the 3 paused.
  EXPECT_EQ(on_time->working_days_taken, 3);
  EXPECT_TRUE(on_time->on_time_promised);
  EXPECT_TRUE(on_time->on_time_statutory);
  auto late = finishing_outcome(shipped(), a, d("2026-10-13"));
  ASSERT_TRUE(late);
  EXPECT_EQ(late->working_days_taken, 4);
  EXPECT_FALSE(late->on_time_promised);
  EXPECT_TRUE(late->on_time_statutory);
  auto very_late = finishing_outcome(shipped(), a, d("2026-11-05"));
  EXPECT_FALSE(very_late->on_time_statutory);
  // On the day of acceptance.
  auto at_once = finishing_outcome(shipped(), accepted_on("2026-11-04", 0, 0), d("2026-11-04"));
  EXPECT_EQ(at_once->working_days_taken, 0);
  EXPECT_TRUE(at_once->on_time_promised);
}

}  // namespace
}  // namespace jingkai::approvals
