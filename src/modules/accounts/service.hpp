// AccountService: zones, users and roles, login and logout, sessions and API tokens.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/page.hpp"
#include "modules/accounts/credential_cache.hpp"
#include "modules/accounts/login_throttle.hpp"
#include "modules/accounts/model.hpp"
#include "modules/accounts/repo.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace jingkai::accounts {

struct AccountSettings {
  EpochMs session_ttl_ms = 12LL * 3600 * 1000;
  // How long a resolved session or token is trusted without asking the database again.
  EpochMs credential_cache_ms = 2000;
  ThrottlePolicy throttle;
};

class AccountService {
 public:
  AccountService(store::Database& db, const AccountRepo& repo, const store::AuditLog& audit,
                 const Clock& clock, AccountSettings settings = {});

  Result<Zone> add_zone(const Actor& actor, const Zone& zone);
  Result<std::vector<Zone>> list_zones();

  // Creates a user holding `user.roles` in `zone_code`.
  Result<ZoneUser> add_user(const Actor& actor, std::string_view zone_code, const NewUser& user);
  // Gives an existing user a role in a zone (a second zone, or another role).
  Status grant(const Actor& actor, std::string_view user_name, std::string_view zone_code,
               Role role);
  Result<Page<ZoneUser>> list_users(const Actor& actor, PageRequest page);
  Result<User> describe(UserId user);
  // The user called `name`, with the roles they hold in the actor's zone; not_found when
  // there is none or they hold no role there.
  Result<ZoneUser> find_zone_user(const Actor& actor, std::string_view name);

  // Checks the password and opens a session in the user's first zone.
  Result<LoginResult> login(std::string_view name, std::string_view password);
  Status logout(std::string_view token);
  // Resolves a session or API token to the actor it speaks for.
  Result<Actor> authenticate(std::string_view token);
  // Moves a session to another zone the user belongs to.
  Result<User> switch_zone(std::string_view token, const Actor& actor, std::string_view zone_code);
  // Creates a long-lived bearer token for scripts, bound to one zone; returns the secret.
  Result<std::string> create_api_token(const Actor& actor, std::string_view user_name,
                                       std::string_view zone_code, std::string_view label,
                                       int valid_days);

 private:
  Status verify_password(const std::string& stored_hash, std::string_view password);

  store::Database& db_;
  const AccountRepo& repo_;
  const store::AuditLog& audit_;
  const Clock& clock_;
  AccountSettings settings_;
  LoginThrottle throttle_;
  CredentialCache credentials_;
  // Hash checked when the user does not exist, so that a wrong name costs as long as a
  // wrong password and timing does not reveal which names exist.
  std::once_flag decoy_once_;
  std::string decoy_hash_;
};

// Validation rules of the module's inputs; each error names the field.
Status validate_zone(const Zone& zone);
Status validate_new_user(const NewUser& user);

}  // namespace jingkai::accounts
