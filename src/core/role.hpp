// Role: what a user may do within one zone. A user may hold several roles per zone.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace jingkai {

enum class Role {
  admin,               // zone administrator: users, settings, audit log
  leader,              // 管委会领导: reads every dashboard
  stats_officer,       // 统计员: enterprise reports and indicators
  approval_officer,    // 窗口/审批人员: the one-stop service centre
  investment_officer,  // 招商专员 / 链长: the investment pipeline
  park_manager,        // 园区运营: parks, buildings, leases
  enterprise_user,     // 企业办事人: applies on behalf of an enterprise
  province_viewer,     // 省市查看: compares zones
};

inline constexpr std::array kAllRoles = {
    Role::admin,
    Role::leader,
    Role::stats_officer,
    Role::approval_officer,
    Role::investment_officer,
    Role::park_manager,
    Role::enterprise_user,
    Role::province_viewer,
};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view name);

}  // namespace jingkai
