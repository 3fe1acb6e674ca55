// Accounts: zones (tenants), users, their roles per zone, sessions and API tokens.
#pragma once

#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/role.hpp"

namespace jingkai::accounts {

// A zone (开发区/园区): the tenant every other row belongs to. One deployment may hold a
// whole province's zones.
struct Zone {
  ZoneId id = 0;
  std::string code;  // stable, URL-safe, e.g. "zhuji-edz"
  std::string name;  // e.g. "诸暨经济开发区"
};

struct Membership {
  Zone zone;
  std::vector<Role> roles;
};

struct User {
  UserId id = 0;
  std::string name;          // login name, unique in the deployment
  std::string display_name;  // shown in the UI
  std::vector<Membership> memberships;
};

// The user as they appear in one zone's user list.
struct ZoneUser {
  UserId id = 0;
  std::string name;
  std::string display_name;
  std::vector<Role> roles;
};

struct NewUser {
  std::string name;
  std::string display_name;
  std::string password;
  std::vector<Role> roles;
};

enum class CredentialKind { session, api_token };

// A credential as stored: only the token's hash is kept.
struct Credential {
  CredentialKind kind = CredentialKind::session;
  UserId user_id = 0;
  std::string user_name;
  ZoneId zone_id = 0;
  std::string zone_code;
  EpochMs expires_at = 0;
};

struct LoginResult {
  std::string token;  // the secret, shown once
  EpochMs expires_at = 0;
  EpochMs valid_for_ms = 0;
  User user;
  ZoneId current_zone = 0;
};

}  // namespace jingkai::accounts
