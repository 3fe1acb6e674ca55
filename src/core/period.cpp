#include "core/period.hpp"

#include <fmt/format.h>

namespace jingkai {

Result<Period> parse_period(std::string_view text, std::string_view field) {
  auto bad = [&](std::string_view why) {
    return std::unexpected(Error::invalid(
        "bad_period",
        fmt::format("统计期须为 YYYY-MM 格式: \"{}\" (period must be YYYY-MM: {})", text, why),
        std::string(field)));
  };
  if (text.size() != 7 || text[4] != '-') return bad("not YYYY-MM");
  int digits[6];
  const std::size_t at[6] = {0, 1, 2, 3, 5, 6};
  for (int i = 0; i < 6; ++i) {
    const char c = text[at[i]];
    if (c < '0' || c > '9') return bad("not digits");
    digits[i] = c - '0';
  }
  const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const int month = digits[4] * 10 + digits[5];
  if (month < 1 || month > 12) return bad("month outside 01-12");
  if (year < 1949 || year > 2200) return bad("year outside 1949-2200");
  return Period{year, month};
}

std::string format_period(Period period) {
  return fmt::format("{:04}-{:02}", period.year, period.month);
}

}  // namespace jingkai
