#include "core/clock.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/date.hpp"

namespace jingkai {

EpochMs SystemClock::now_ms() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string format_china_time(EpochMs ms) {
  using namespace std::chrono;
  constexpr EpochMs kChinaOffsetMs = 8LL * 3600 * 1000;
  const EpochMs local = ms + kChinaOffsetMs;
  const auto day_point = floor<days>(sys_time<milliseconds>(milliseconds(local)));
  const year_month_day ymd{day_point};
  const EpochMs in_day = local - duration_cast<milliseconds>(day_point.time_since_epoch()).count();
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}+08:00", int(ymd.year()),
                     unsigned(ymd.month()), unsigned(ymd.day()), in_day / 3600000,
                     in_day / 60000 % 60, in_day / 1000 % 60, in_day % 1000);
}

Result<EpochMs> parse_instant(std::string_view text, std::string_view field) {
  const auto bad = [&] {
    return std::unexpected(Error::invalid(
        "bad_time",
        fmt::format("时间格式应为 YYYY-MM-DDTHH:MM:SS+08:00 (not an ISO 8601 instant): {}", text),
        std::string(field)));
  };
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return bad();
  auto day = parse_date(text.substr(0, 10), field);
  if (!day) return bad();
  const auto number = [&](std::size_t at, std::size_t width, int max) -> int {
    int value = -1;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + width, value);
    if (ec != std::errc() || end != text.data() + at + width || value > max) return -1;
    return value;
  };
  const int hour = number(11, 2, 23), minute = number(14, 2, 59), second = number(17, 2, 59);
  if (hour < 0 || minute < 0 || second < 0) return bad();
  std::size_t at = 19;
  int millis = 0;
  if (at < text.size() && text[at] == '.') {
    millis = number(at + 1, 3, 999);
    if (millis < 0) return bad();
    at += 4;
  }
  EpochMs offset_ms = 0;
  const std::string_view zone = text.substr(at);
  if (zone == "Z") {
    offset_ms = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const int h = number(at + 1, 2, 14), m = number(at + 4, 2, 59);
    if (h < 0 || m < 0) return bad();
    offset_ms = (EpochMs(h) * 60 + m) * 60000 * (zone[0] == '-' ? -1 : 1);
  } else {
    return bad();
  }
  const EpochMs day_ms = EpochMs(day->time_since_epoch().count()) * 86400000;
  return day_ms + ((EpochMs(hour) * 60 + minute) * 60 + second) * 1000 + millis - offset_ms;
}

std::chrono::sys_days china_date(EpochMs ms) {
  using namespace std::chrono;
  constexpr EpochMs kChinaOffsetMs = 8LL * 3600 * 1000;
  return floor<days>(sys_time<milliseconds>(milliseconds(ms + kChinaOffsetMs)));
}

}  // namespace jingkai
