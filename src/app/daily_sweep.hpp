// DailySweep: the server's own run of `jingkai approvals sweep` — at start and then every
// `period`, so that applications turn red on the day their deadline passes even when no
// one runs the command. Marking is idempotent: a second run the same day marks nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <thread>

#include "modules/approvals/application_service.hpp"

namespace jingkai::app {

class DailySweep {
 public:
  DailySweep(approvals::ApplicationService& applications, std::chrono::minutes period);
  ~DailySweep();  // stops and joins the thread
  DailySweep(const DailySweep&) = delete;
  DailySweep& operator=(const DailySweep&) = delete;

 private:
  void run(std::stop_token stop);

  approvals::ApplicationService& applications_;
  std::chrono::minutes period_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: started once the rest is ready
};

}  // namespace jingkai::app
