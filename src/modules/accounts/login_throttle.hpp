// LoginThrottle: refuses further logins for a user name after repeated failures, so that a
// password cannot be guessed at the speed of the server.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace jingkai::accounts {

struct ThrottlePolicy {
  int max_failures = 5;                 // failures allowed within the window …
  EpochMs window_ms = 15 * 60 * 1000;   // … counted over this long
  EpochMs lockout_ms = 15 * 60 * 1000;  // then refused for this long
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy) : policy_(policy) {}

  // How long until `name` may try again, or nothing when it may try now.
  std::optional<EpochMs> retry_after(const std::string& name, EpochMs now) const;
  void record_failure(const std::string& name, EpochMs now);
  void record_success(const std::string& name);

 private:
  struct Attempts {
    int failures = 0;
    EpochMs first_failure = 0;
    EpochMs locked_until = 0;
  };
  ThrottlePolicy policy_;
  mutable std::mutex mutex_;
  std::map<std::string, Attempts> attempts_;
};

}  // namespace jingkai::accounts
