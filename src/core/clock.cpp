#include "core/clock.hpp"

#include <fmt/format.h>

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

std::chrono::sys_days china_date(EpochMs ms) {
  using namespace std::chrono;
  constexpr EpochMs kChinaOffsetMs = 8LL * 3600 * 1000;
  return floor<days>(sys_time<milliseconds>(milliseconds(ms + kChinaOffsetMs)));
}

}  // namespace jingkai
