// Administrative division codes (行政区划代码) of GB/T 2260: six digits, two each for the
// province (省级), the prefecture (地级) and the county (县级), e.g. 330681 诸暨市 in
// 3306 绍兴市 in 33 浙江省.
#pragma once

#include <optional>
#include <string_view>

#include "core/error.hpp"

namespace jingkai {

// Checks that `code` is six ASCII digits whose first two name a province-level division of
// GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82). Prefecture and county
// parts are not checked against a list: divisions are created and merged every year.
// Errors are Error::invalid with field `field` and code division_format (the message names
// the first position that is not a digit, or the length) or division_province.
Status validate_division_code(std::string_view code, std::string_view field);

// The name of the province-level division the first two digits of `code` name, e.g.
// "浙江省" for "33" or "330681"; nullopt for anything else.
std::optional<std::string_view> province_name(std::string_view code);

}  // namespace jingkai
