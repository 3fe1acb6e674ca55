// ServiceItemRepo: the only SQL about the service-item catalogue.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/page.hpp"
#include "modules/approvals/model.hpp"
#include "store/database.hpp"

namespace jingkai::approvals {

class ServiceItemRepo {
 public:
  // Inserts the item, or replaces the one with its code; returns its id.
  ServiceItemId save(store::Tx& tx, ZoneId zone, const ServiceItem& item) const;
  std::optional<ServiceItem> find(store::Tx& tx, ZoneId zone, std::string_view code) const;
  Page<ServiceItem> list(store::Tx& tx, ZoneId zone, const CatalogueFilter& filter,
                         PageRequest page) const;
  // Every category with how many items it holds, for the guide's navigation.
  std::vector<std::pair<std::string, std::int64_t>> categories(store::Tx& tx, ZoneId zone,
                                                               bool published_only) const;
};

}  // namespace jingkai::approvals
