#include "orbit/iso8601.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <iterator>

#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace {

constexpr std::int64_t kMillisecondsPerDay = 86'400'000;

ParseError error_at(int column, std::string code, std::string message) {
  return ParseError{0, column, std::move(code), std::move(message)};
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::string shown(std::string_view text, std::size_t at) {
  if (at >= text.size()) return "the end of the text";
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x20 || c >= 0x7f) return fmt::format("byte 0x{:02x}", c);
  return fmt::format("'{}'", text[at]);
}

// Reads fields left to right, naming the column of whatever does not fit.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  std::size_t position() const { return at_; }
  bool at_end() const { return at_ >= text_.size(); }
  bool next_is(char c) const { return at_ < text_.size() && text_[at_] == c; }

  std::expected<int, ParseError> digits(int count, std::string_view field) {
    int value = 0;
    for (int i = 0; i < count; ++i, ++at_) {
      if (at_ >= text_.size() || !is_digit(text_[at_])) {
        return std::unexpected(error_at(
            static_cast<int>(at_) + 1, "iso8601_format",
            fmt::format("expected {} digits of the {} (YYYY-MM-DDTHH:MM:SS[.fff]Z), found {}",
                        count, field, shown(text_, at_))));
      }
      value = value * 10 + (text_[at_] - '0');
    }
    return value;
  }

  std::expected<void, ParseError> literal(char expected) {
    if (!next_is(expected)) {
      return std::unexpected(
          error_at(static_cast<int>(at_) + 1, "iso8601_format",
                   fmt::format("expected '{}' (YYYY-MM-DDTHH:MM:SS[.fff]Z), found {}", expected,
                               shown(text_, at_))));
    }
    ++at_;
    return {};
  }

  // 1 to 9 digits after the decimal point, as nanoseconds.
  std::expected<std::int64_t, ParseError> nanoseconds() {
    const std::size_t first = at_;
    std::int64_t value = 0;
    int count = 0;
    while (at_ < text_.size() && is_digit(text_[at_])) {
      if (++count > 9) {
        return std::unexpected(error_at(static_cast<int>(at_) + 1, "iso8601_format",
                                        "more than 9 digits of the second (nanoseconds)"));
      }
      value = value * 10 + (text_[at_++] - '0');
    }
    if (count == 0) {
      return std::unexpected(error_at(static_cast<int>(first) + 1, "iso8601_format",
                                      fmt::format("expected digits of the second after '.', "
                                                  "found {}",
                                                  shown(text_, first))));
    }
    for (; count < 9; ++count) value *= 10;
    return value;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

std::expected<JulianDate, ParseError> parse_iso8601_utc(std::string_view text) {
  Reader reader(text);
  int fields[6] = {};
  constexpr std::string_view kNames[] = {"year", "month", "day", "hour", "minute", "second"};
  constexpr int kWidths[] = {4, 2, 2, 2, 2, 2};
  constexpr char kSeparators[] = {'-', '-', 'T', ':', ':'};
  int columns[6] = {};
  for (int i = 0; i < 6; ++i) {
    columns[i] = static_cast<int>(reader.position()) + 1;
    auto value = ORBIT_TRY(reader.digits(kWidths[i], kNames[i]));
    fields[i] = value;
    if (i < 5) {
      ORBIT_TRY(reader.literal(kSeparators[i]));
    }
  }
  std::int64_t nanoseconds = 0;
  if (reader.next_is('.')) {
    reader.literal('.');
    auto value = ORBIT_TRY(reader.nanoseconds());
    nanoseconds = value;
  }
  if (!reader.next_is('Z')) {
    const int column = static_cast<int>(reader.position()) + 1;
    if (reader.next_is('+') || reader.next_is('-')) {
      return std::unexpected(
          error_at(column, "iso8601_zone", "only UTC times are accepted: write them with 'Z'"));
    }
    return std::unexpected(error_at(column, "iso8601_format",
                                    fmt::format("expected 'Z' (UTC) after the seconds, found {}",
                                                shown(text, reader.position()))));
  }
  reader.literal('Z');
  if (!reader.at_end()) {
    return std::unexpected(error_at(static_cast<int>(reader.position()) + 1, "iso8601_format",
                                    "unexpected text after 'Z'"));
  }

  const auto [year, month, day, hour, minute, second] = fields;
  auto out_of_range = [&](int field, std::string message) {
    return std::unexpected(error_at(columns[field], "iso8601_range", std::move(message)));
  };
  if (year < 1) return out_of_range(0, "year 0000 is outside 0001-9999");
  if (month < 1 || month > 12) {
    return out_of_range(1, fmt::format("month {:02d} is outside 01-12", month));
  }
  if (day < 1 || day > days_in_month(year, month)) {
    return out_of_range(
        2, fmt::format("day {:02d} does not exist in {:04d}-{:02d}", day, year, month));
  }
  if (hour > 23) return out_of_range(3, fmt::format("hour {:02d} is outside 00-23", hour));
  if (minute > 59) return out_of_range(4, fmt::format("minute {:02d} is outside 00-59", minute));
  if (second == 60) {
    return std::unexpected(error_at(columns[5], "iso8601_leap_second",
                                    "the leap second 23:59:60 cannot be represented as a UTC "
                                    "Julian date; use the TAI scale for it"));
  }
  if (second > 59) return out_of_range(5, fmt::format("second {:02d} is outside 00-59", second));

  const double seconds_of_day =
      (hour * 3600 + minute * 60 + second) + static_cast<double>(nanoseconds) * 1e-9;
  return JulianDate{.day = julian_day_at_midnight(year, month, day),
                    .fraction = seconds_of_day / 86400.0};
}

void append_iso8601_utc(std::string& out, const JulianDate& utc) {
  const double whole_days = std::floor(utc.fraction);
  std::int64_t milliseconds =
      std::llround((utc.fraction - whole_days) * static_cast<double>(kMillisecondsPerDay));
  double day = utc.day + whole_days;
  if (milliseconds >= kMillisecondsPerDay) {
    milliseconds -= kMillisecondsPerDay;
    day += 1.0;
  }
  const CalendarDate date = calendar_date(JulianDate{.day = day, .fraction = 0.0});
  if (date.year < 1 || date.year > 9999) {
    fmt::format_to(std::back_inserter(out), "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:03d}Z",
                   date.year, date.month, date.day, milliseconds / 3'600'000,
                   milliseconds / 60'000 % 60, milliseconds / 1000 % 60, milliseconds % 1000);
    return;
  }
  // The same text digit by digit: pass listings print millions of these.
  char text[] = "0000-00-00T00:00:00.000Z";
  auto put = [&](int at, std::int64_t value, int width) {
    for (int i = at + width - 1; i >= at; --i, value /= 10) {
      text[i] = static_cast<char>('0' + value % 10);
    }
  };
  put(0, date.year, 4);
  put(5, date.month, 2);
  put(8, date.day, 2);
  put(11, milliseconds / 3'600'000, 2);
  put(14, milliseconds / 60'000 % 60, 2);
  put(17, milliseconds / 1000 % 60, 2);
  put(20, milliseconds % 1000, 3);
  out.append(text, sizeof text - 1);
}

std::string format_iso8601_utc(const JulianDate& utc) {
  std::string out;
  append_iso8601_utc(out, utc);
  return out;
}

}  // namespace jingkai::orbit
