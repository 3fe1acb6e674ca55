#include "app/daily_sweep.hpp"

#include <spdlog/spdlog.h>

namespace jingkai::app {

DailySweep::DailySweep(approvals::ApplicationService& applications, std::chrono::minutes period)
    : applications_(applications),
      period_(period),
      thread_([this](std::stop_token stop) { run(stop); }) {}

DailySweep::~DailySweep() {
  thread_.request_stop();
  wake_.notify_all();
}

void DailySweep::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    auto outcome = applications_.sweep(Actor::system("server:sweep"));
    if (!outcome) {
      spdlog::warn("sweep of overdue applications failed: {}", outcome.error().message);
    } else if (outcome->promised_overdue + outcome->statutory_overdue > 0) {
      spdlog::info("sweep {}: {} past the promised deadline, {} past the statutory one",
                   format_date(outcome->today), outcome->promised_overdue,
                   outcome->statutory_overdue);
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, period_, [] { return false; });
  }
}

}  // namespace jingkai::app
