#include "core/date.hpp"

#include <fmt/format.h>

#include <charconv>

namespace jingkai {

Result<Date> parse_date(std::string_view text, std::string_view field) {
  auto bad = [&](std::string_view why) {
    return std::unexpected(Error::invalid(
        "bad_date", fmt::format("日期须为 YYYY-MM-DD 格式的有效日期: \"{}\" ({})", text, why),
        std::string(field)));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad("not YYYY-MM-DD");
  auto number = [&](std::size_t at, std::size_t length, int& value) {
    for (std::size_t i = at; i < at + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    std::from_chars(text.data() + at, text.data() + at + length, value);
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return bad("not digits");
  const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(unsigned(m)),
                                        std::chrono::day(unsigned(d))};
  if (!day.ok()) return bad("no such day");
  return Date(day);
}

std::string format_date(Date date) {
  const std::chrono::year_month_day day{date};
  return fmt::format("{:04}-{:02}-{:02}", int(day.year()), unsigned(day.month()),
                     unsigned(day.day()));
}

}  // namespace jingkai
