// The clocks of an application (办理时限). Both limits count working days from the day of
// acceptance (受理): N days later is the deadline, the acceptance day itself not counted. A
// correction (补正) stops the clock from the day after it was requested up to and including
// the day the applicant resubmits; an approved extension (延期) adds its days to both
// limits. Pure functions of the calendar: no I/O.
#pragma once

#include <optional>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/work_calendar.hpp"
#include "modules/approvals/application.hpp"

namespace jingkai::approvals {

struct Deadlines {
  Date promised;
  Date statutory;
};

// The deadlines of an application accepted on `accepted_on`, after its clock stood still
// for `paused_days` working days and its limits were extended by `extension_days`.
// Errors: calendar_year_missing when a deadline falls where the calendar has no data.
Result<Deadlines> compute_deadlines(const WorkCalendar& calendar, Date accepted_on,
                                    int promised_days, int statutory_days, int paused_days,
                                    int extension_days);

// As above, from what the application records (it must have been accepted).
Result<Deadlines> compute_deadlines(const WorkCalendar& calendar, const Application& application);

// The working days the clock stood still for a correction requested on `requested_on` and
// answered on `resubmitted_on`: those after the request up to and including the answer.
Result<int> paused_working_days(const WorkCalendar& calendar, Date requested_on,
                                Date resubmitted_on);

// What a list shows beside an application (红黄牌): red past the promised deadline, yellow
// when it falls within the warning window, green before that; paused during a correction;
// none without a running clock (not yet accepted, or closed).
enum class DeadlineFlag { none, green, yellow, red, paused };
std::string_view to_string(DeadlineFlag flag);
std::optional<DeadlineFlag> parse_deadline_flag(std::string_view text);

struct ClockReading {
  DeadlineFlag flag = DeadlineFlag::none;
  // Working days from `today` to the promised deadline; negative once it has passed.
  // Absent without a deadline, or when the calendar lacks the years in between.
  std::optional<int> working_days_left;
};
ClockReading read_clock(const WorkCalendar& calendar, const Application& application, Date today,
                        int warning_days);

// The last day a deadline is still only yellow on `today`: `warning_days` working days on.
// Lists filter by flag with it: red before today, yellow from today to the horizon.
Result<Date> warning_horizon(const WorkCalendar& calendar, Date today, int warning_days);

// How an application finished on `finished_on` went against its limits.
struct Outcome {
  int working_days_taken = 0;  // from acceptance to finishing, less the paused days
  bool on_time_promised = false;
  bool on_time_statutory = false;
};
Result<Outcome> finishing_outcome(const WorkCalendar& calendar, const Application& application,
                                  Date finished_on);

}  // namespace jingkai::approvals
