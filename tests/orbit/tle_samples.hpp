// Element sets and line surgery shared by the TLE tests.
#pragma once

#include <string>
#include <string_view>

#include "orbit/tle.hpp"

namespace jingkai::orbit::testing {

// Vanguard 1 as in Vallado's verification set (epoch 2000 day 179.78495062).
inline constexpr std::string_view kVanguardLine1 =
    "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753";
inline constexpr std::string_view kVanguardLine2 =
    "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667";

// The ISS in its most quoted element set (a negative first derivative and BSTAR).
inline constexpr std::string_view kIssLine1 =
    "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927";
inline constexpr std::string_view kIssLine2 =
    "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537";

// `line` with `text` written from 1-based `column` on, and its checksum made right again
// unless `fix_checksum` is false.
inline std::string with_columns(std::string_view line, int column, std::string_view text,
                                bool fix_checksum = true) {
  std::string result(line);
  result.replace(static_cast<std::size_t>(column - 1), text.size(), text);
  if (fix_checksum && result.size() == 69) {
    result[68] = static_cast<char>('0' + tle_checksum(result));
  }
  return result;
}

// `line` (68 columns) with its checksum appended.
inline std::string checksummed(std::string_view first_68_columns) {
  std::string result(first_68_columns);
  result += static_cast<char>('0' + tle_checksum(result));
  return result;
}

}  // namespace jingkai::orbit::testing
