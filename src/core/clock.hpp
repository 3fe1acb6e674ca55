// Time as the product records it: milliseconds since the Unix epoch, shown in China time.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

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

// The system's time shifted by an offset that can be set while the server runs: for
// rehearsals and browser tests of working-day clocks (`serve --settable-clock`). Time runs on
// from the instant it is set to.
class SettableClock final : public Clock {
 public:
  EpochMs now_ms() const override { return system_.now_ms() + offset_.load(); }
  void set_now_ms(EpochMs now) { offset_.store(now - system_.now_ms()); }

 private:
  SystemClock system_;
  std::atomic<EpochMs> offset_{0};
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

// An instant written "YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)", as format_china_time
// writes it; errors (bad_time) name `field`.
Result<EpochMs> parse_instant(std::string_view text, std::string_view field = "time");

// The calendar day in China (UTC+8) at `ms`.
std::chrono::sys_days china_date(EpochMs ms);

}  // namespace jingkai
