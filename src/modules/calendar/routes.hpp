// HTTP routes of the working-day calendar: deadline arithmetic, export and import.
#pragma once

#include "http/router.hpp"
#include "modules/calendar/service.hpp"

namespace jingkai::calendar {

void register_routes(http::Router& router, CalendarService& calendar);

}  // namespace jingkai::calendar
