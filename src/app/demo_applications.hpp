// The demo's service centre at work: a year of applications made through the product's own
// workflow — applied for, accepted, sometimes corrected, decided and finished, mostly on
// time — with the clock moved through the year so that every step carries its real day.
// Those whose next step lies in the future stay open: the queue has work in it.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "app/app.hpp"

namespace jingkai::app {

struct DemoApplicationsShape {
  int months = 12;       // up to today
  int per_month = 24;    // applications started per month, on average
  int enterprises = 20;  // how many enterprises the demo's agent applies for
};

// `clock` must be the clock `app` runs on; it is moved through the months and set back to
// the present at the end. `in_zone` works in the demo zone with every role.
Result<std::int64_t> build_demo_applications(App& app, const Actor& in_zone, SettableClock& clock,
                                             const DemoApplicationsShape& shape,
                                             const std::function<void(std::string_view)>& progress);

}  // namespace jingkai::app
