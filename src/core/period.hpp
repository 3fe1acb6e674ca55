// Period: a statistical month (统计期), written YYYY-MM. Monthly reports and indicators are
// keyed by it.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"

namespace jingkai {

struct Period {
  int year = 0;
  int month = 0;  // 1..12

  // Months since year 0: consecutive periods have consecutive indexes, so ranges of periods
  // are ranges of integers in the database.
  int index() const { return year * 12 + (month - 1); }
  static Period from_index(int index) { return {index / 12, index % 12 + 1}; }

  Period plus_months(int months) const { return from_index(index() + months); }
  Period same_month_last_year() const { return {year - 1, month}; }
  Period january() const { return {year, 1}; }

  auto operator<=>(const Period&) const = default;
};

// Parses "YYYY-MM" (years 1949-2200). The error names `field`.
Result<Period> parse_period(std::string_view text, std::string_view field = "period");
std::string format_period(Period period);

// The period a calendar date falls in.
inline Period period_of(Date date) {
  const std::chrono::year_month_day day{date};
  return {int(day.year()), int(unsigned(day.month()))};
}

}  // namespace jingkai
