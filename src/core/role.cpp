#include "core/role.hpp"

namespace jingkai {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::admin:
      return "admin";
    case Role::leader:
      return "leader";
    case Role::stats_officer:
      return "stats_officer";
    case Role::approval_officer:
      return "approval_officer";
    case Role::investment_officer:
      return "investment_officer";
    case Role::park_manager:
      return "park_manager";
    case Role::enterprise_user:
      return "enterprise_user";
    case Role::province_viewer:
      return "province_viewer";
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role role : kAllRoles) {
    if (to_string(role) == name) return role;
  }
  return std::nullopt;
}

}  // namespace jingkai
