// Date: a calendar day (in China time, where the product's dates live), as ISO "YYYY-MM-DD".
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace jingkai {

using Date = std::chrono::sys_days;

// Exactly "YYYY-MM-DD" with a day that exists (no 2025-02-29); `field` names the input in
// the error.
Result<Date> parse_date(std::string_view text, std::string_view field = "date");

std::string format_date(Date date);

inline int year_of(Date date) { return int(std::chrono::year_month_day{date}.year()); }

}  // namespace jingkai
