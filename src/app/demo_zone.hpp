// The demo zone: a deterministic zone modelled on the enterprise base of Zhuji Economic
// Development Zone as the article describes it (860 above-scale industrial firms, 184 of them
// with output over 100 million CNY, 319 high-tech firms, 11 listed, 1 Fortune Global 500
// group) with 24 months of reports, plus smaller firms below scale. Every name is synthetic
// and starts with 演示 (demo).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "app/app.hpp"

namespace jingkai::app {

struct DemoShape {
  int above_scale = 860;
  int over_100m = 184;  // above-scale firms with output over 100 million CNY a year
  int high_tech = 319;
  int listed = 11;
  int global500 = 1;
  int below_scale = 540;
  int months = 24;  // of reports, up to the month before the current one
  // The zone's share of the city's above-scale output the city total is set to (74%).
  int city_share_permille = 740;
};

struct DemoFigures {
  std::int64_t enterprises = 0;
  std::int64_t reports = 0;
};

// Fills the zone `actor` works in (which must have no enterprises yet) with the demo's
// chains, enterprises and reports. `progress` hears of each step.
Result<DemoFigures> build_demo_enterprises(App& app, const Actor& actor, const DemoShape& shape,
                                           const std::function<void(std::string_view)>& progress);

}  // namespace jingkai::app
