// Time as the product records it: milliseconds since the Unix epoch, shown in China time.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace jingkai {

using EpochMs = std::int64_t;

// A source of the current time. Services take one so that tests can set the time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual EpochMs now_ms() const = 0;
};

class SystemClock final : public Clock {
 public:
  EpochMs now_ms() const override;
};

// A clock that only moves when told to; for tests of expiry and throttling.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(EpochMs start) : now_(start) {}
  EpochMs now_ms() const override { return now_; }
  void advance_ms(EpochMs delta) { now_ += delta; }

 private:
  EpochMs now_;
};

// ISO 8601 in China time (UTC+8, no daylight saving), e.g. "2026-11-27T19:07:08.123+08:00".
std::string format_china_time(EpochMs ms);

// The calendar day in China (UTC+8) at `ms`.
std::chrono::sys_days china_date(EpochMs ms);

}  // namespace jingkai
