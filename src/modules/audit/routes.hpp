// HTTP routes of the audit log: the zone's records and a check of the chain.
#pragma once

#include "http/router.hpp"
#include "modules/audit/service.hpp"

namespace jingkai::audit {

void register_routes(http::Router& router, AuditService& audit);

}  // namespace jingkai::audit
