// HTTP routes of the indicators: the dashboard, rankings (its drill-down) and city totals.
#pragma once

#include "http/router.hpp"
#include "modules/indicators/service.hpp"

namespace jingkai::indicators {

void register_routes(http::Router& router, IndicatorService& indicators);

}  // namespace jingkai::indicators
