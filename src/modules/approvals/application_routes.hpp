// HTTP routes of applications: the applicant's and the officer's side of the workflow, the
// files, the statistics and the sweep.
#pragma once

#include "http/router.hpp"
#include "modules/approvals/application_service.hpp"
#include "modules/approvals/material_file.hpp"

namespace jingkai::approvals {

// The path under which files are uploaded (the server allows it a larger body).
// The largest body the material upload route takes: one file at its limit, with room for the
// service to name the limit in its own error.
inline constexpr std::size_t kMaterialBodyLimit = kMaxFileBytes + (64u << 10);

void register_application_routes(http::Router& router, ApplicationService& applications);

}  // namespace jingkai::approvals
