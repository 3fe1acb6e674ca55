// Valid identifiers for tests, made the way the standards say (never copied from a real firm).
#pragma once

#include <string>

#include "core/work_calendar.hpp"

namespace jingkai::testing {

// The n-th of a series of valid unified social credit codes of enterprises registered in
// Zhuji (330681): "91330681" + "MB" + six characters + the two check characters.
std::string sample_uscc(int n);

// The same code with its 18th character replaced by the next one of the character set.
std::string with_wrong_check_character(const std::string& uscc);

// The working-day calendar the product ships (data/holidays-cn.txt), read once.
const WorkCalendar& shipped_calendar();

}  // namespace jingkai::testing
