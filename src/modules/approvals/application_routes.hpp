// HTTP routes of applications: the applicant's and the officer's side of the workflow, the
// files, the statistics and the sweep.
#pragma once

#include "http/router.hpp"
#include "modules/approvals/application_service.hpp"

namespace jingkai::approvals {

// The path under which files are uploaded (the server allows it a larger body).
inline constexpr std::string_view kApplicationsPath = "/api/v1/applications/";

void register_application_routes(http::Router& router, ApplicationService& applications);

}  // namespace jingkai::approvals
