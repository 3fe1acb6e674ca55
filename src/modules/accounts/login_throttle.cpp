#include "modules/accounts/login_throttle.hpp"

namespace jingkai::accounts {

std::optional<EpochMs> LoginThrottle::retry_after(const std::string& name, EpochMs now) const {
  std::lock_guard lock(mutex_);
  auto it = attempts_.find(name);
  if (it == attempts_.end() || it->second.locked_until <= now) return std::nullopt;
  return it->second.locked_until - now;
}

void LoginThrottle::record_failure(const std::string& name, EpochMs now) {
  std::lock_guard lock(mutex_);
  Attempts& a = attempts_[name];
  if (a.failures == 0 || now - a.first_failure > policy_.window_ms) {
    a.failures = 0;
    a.first_failure = now;
  }
  if (++a.failures >= policy_.max_failures) {
    a.locked_until = now + policy_.lockout_ms;
    a.failures = 0;
  }
  // Forget names that have not failed for a long time, so the map cannot grow without end.
  if (attempts_.size() > 100000) {
    std::erase_if(attempts_, [&](const auto& entry) {
      return entry.second.locked_until < now &&
             now - entry.second.first_failure > policy_.window_ms;
    });
  }
}

void LoginThrottle::record_success(const std::string& name) {
  std::lock_guard lock(mutex_);
  attempts_.erase(name);
}

}  // namespace jingkai::accounts
