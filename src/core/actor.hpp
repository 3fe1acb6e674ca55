// Actor: who performs an action, in which zone, holding which roles there.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/role.hpp"

namespace jingkai {

using ZoneId = std::int64_t;
using UserId = std::int64_t;

struct Actor {
  UserId user_id = 0;     // 0 for the command line and other system actors
  std::string user_name;  // recorded in the audit log as is
  ZoneId zone_id = 0;     // the zone the actor works in now; 0 when none applies
  std::string zone_code;
  std::vector<Role> roles;  // roles in zone_id

  bool has(Role role) const {
    for (Role r : roles) {
      if (r == role) return true;
    }
    return false;
  }

  // The actor for commands run at the server's console: trusted, recorded by name.
  static Actor system(std::string name) {
    Actor actor;
    actor.user_name = std::move(name);
    return actor;
  }
};

}  // namespace jingkai
