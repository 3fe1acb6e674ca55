// HTTP routes of the service-item catalogue: the public guide, its upkeep, import and export.
#pragma once

#include "http/router.hpp"
#include "modules/approvals/service.hpp"

namespace jingkai::approvals {

// The path that takes a catalogue file as its body (the server allows it a larger body).
inline constexpr std::string_view kCatalogueImportPath = "/api/v1/service-items/import";
// The largest catalogue file the import route takes.
inline constexpr std::size_t kCatalogueImportBodyLimit = 256u << 20;

void register_routes(http::Router& router, CatalogueService& catalogue);

}  // namespace jingkai::approvals
