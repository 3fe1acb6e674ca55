// HTTP routes of the enterprise registry: chains, enterprises, monthly reports, import and
// export.
#pragma once

#include "http/router.hpp"
#include "modules/enterprises/report_import.hpp"
#include "modules/enterprises/representatives.hpp"
#include "modules/enterprises/service.hpp"

namespace jingkai::enterprises {

// Paths that take file uploads (the server allows them a larger body).
inline constexpr std::string_view kImportPath = "/api/v1/enterprise-reports/import";
// The largest report file the import route takes: a year of a large zone's reports.
inline constexpr std::size_t kImportBodyLimit = 256u << 20;

void register_routes(http::Router& router, EnterpriseService& enterprises,
                     ReportImporter& importer);

// Who acts for which enterprise at the service centre (企业办事人).
void register_representative_routes(http::Router& router, RepresentativeService& representatives);

}  // namespace jingkai::enterprises
