#include "modules/approvals/deadlines.hpp"

#include <algorithm>

namespace jingkai::approvals {

Result<Deadlines> compute_deadlines(const WorkCalendar& calendar, Date accepted_on,
                                    int promised_days, int statutory_days, int paused_days,
                                    int extension_days) {
  const int added = paused_days + extension_days;
  auto promised = TRY(calendar.add_working_days(accepted_on, promised_days + added));
  auto statutory = TRY(calendar.add_working_days(accepted_on, statutory_days + added));
  return Deadlines{promised, statutory};
}

Result<Deadlines> compute_deadlines(const WorkCalendar& calendar, const Application& application) {
  if (!application.accepted_on) {
    return std::unexpected(Error::internal("deadlines of an application never accepted"));
  }
  return compute_deadlines(calendar, *application.accepted_on, application.promised_days,
                           application.statutory_days, application.paused_days,
                           application.extension ? application.extension->days : 0);
}

Result<int> paused_working_days(const WorkCalendar& calendar, Date requested_on,
                                Date resubmitted_on) {
  return calendar.working_days_between(requested_on, resubmitted_on);
}

std::string_view to_string(DeadlineFlag flag) {
  switch (flag) {
    case DeadlineFlag::none:
      return "none";
    case DeadlineFlag::green:
      return "green";
    case DeadlineFlag::yellow:
      return "yellow";
    case DeadlineFlag::red:
      return "red";
    case DeadlineFlag::paused:
      return "paused";
  }
  return "none";
}

std::optional<DeadlineFlag> parse_deadline_flag(std::string_view text) {
  for (DeadlineFlag flag : {DeadlineFlag::none, DeadlineFlag::green, DeadlineFlag::yellow,
                            DeadlineFlag::red, DeadlineFlag::paused}) {
    if (to_string(flag) == text) return flag;
  }
  return std::nullopt;
}

ClockReading read_clock(const WorkCalendar& calendar, const Application& application, Date today,
                        int warning_days) {
  ClockReading reading;
  if (application.state == ApplicationState::correcting) {
    reading.flag = DeadlineFlag::paused;
    return reading;
  }
  if (!is_open(application.state) || !application.promised_deadline) return reading;
  const Date deadline = *application.promised_deadline;
  if (today > deadline) {
    reading.flag = DeadlineFlag::red;
    if (auto late = calendar.working_days_between(deadline, today)) {
      reading.working_days_left = -*late;
    }
    return reading;
  }
  auto left = calendar.working_days_between(today, deadline);
  if (!left) {
    // The calendar lacks a year in between: the deadline is far away.
    reading.flag = DeadlineFlag::green;
    return reading;
  }
  reading.working_days_left = *left;
  reading.flag = *left <= warning_days ? DeadlineFlag::yellow : DeadlineFlag::green;
  return reading;
}

Result<Date> warning_horizon(const WorkCalendar& calendar, Date today, int warning_days) {
  return calendar.add_working_days(today, std::max(0, warning_days));
}

Result<Outcome> finishing_outcome(const WorkCalendar& calendar, const Application& application,
                                  Date finished_on) {
  if (!application.accepted_on) {
    return std::unexpected(Error::internal("finishing an application never accepted"));
  }
  auto deadlines = TRY(compute_deadlines(calendar, application));
  auto elapsed = TRY(calendar.working_days_between(*application.accepted_on, finished_on));
  Outcome outcome;
  outcome.working_days_taken = std::max(0, elapsed - application.paused_days);
  outcome.on_time_promised = finished_on <= deadlines.promised;
  outcome.on_time_statutory = finished_on <= deadlines.statutory;
  return outcome;
}

}  // namespace jingkai::approvals
