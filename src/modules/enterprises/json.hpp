// The JSON shape of enterprises and reports: what the API returns and the audit log records.
#pragma once

#include <boost/json.hpp>

#include "modules/enterprises/model.hpp"

namespace jingkai::enterprises {

boost::json::object to_json(const Chain& chain);
boost::json::object to_json(const Enterprise& enterprise);
boost::json::object to_json(const MonthlyReport& report);
boost::json::object to_json(const MonthlyFigures& figures);

}  // namespace jingkai::enterprises
