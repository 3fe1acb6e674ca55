// What the benchmarks' seeders share: valid credit codes in a fixed series, and a hash that
// turns an index into a repeatable pseudo-random number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/uscc.hpp"

namespace jingkai::bench {

// The first n valid unified social credit codes that start with `series` (10 characters,
// e.g. "91330681MB"), in order: six more characters counted up in the code's alphabet, and
// the two check characters GB 32100 gives (skipping the few that have none).
inline std::vector<std::string> credit_codes(std::string_view series, int n) {
  constexpr std::string_view kCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::vector<std::string> out;
  out.reserve(n);
  std::uint64_t next = 0;
  while (int(out.size()) < n) {
    std::string code(series);
    std::uint64_t rest = next++;
    std::string tail;
    for (int k = 0; k < 6; ++k) {
      tail.insert(tail.begin(), kCodeChars[rest % 31]);
      rest /= 31;
    }
    code += tail;
    const char org = Uscc::organization_check_character(code.substr(8, 8));
    if (org == '\0') continue;
    code += org;
    const char check = Uscc::check_character(code);
    if (check == '\0') continue;
    code += check;
    out.push_back(std::move(code));
  }
  return out;
}

// A 64-bit finaliser (MurmurHash3's): neighbouring inputs give unrelated outputs.
inline std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb93e3cb1d2f9ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace jingkai::bench
