// AccountRepo: the only SQL about zones, users, memberships and credentials.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.hpp"
#include "modules/accounts/model.hpp"
#include "store/database.hpp"

namespace jingkai::accounts {

struct StoredUser {
  UserId id = 0;
  std::string name;
  std::string display_name;
  std::string password_hash;
};

class AccountRepo {
 public:
  ZoneId insert_zone(store::Tx& tx, const Zone& zone, EpochMs now) const;
  std::optional<Zone> find_zone(store::Tx& tx, std::string_view code) const;
  std::vector<Zone> list_zones(store::Tx& tx) const;

  UserId insert_user(store::Tx& tx, const StoredUser& user, EpochMs now) const;
  std::optional<StoredUser> find_user(store::Tx& tx, std::string_view name) const;
  std::optional<StoredUser> find_user(store::Tx& tx, UserId id) const;

  // Adds a role; holding it already is not an error.
  void grant(store::Tx& tx, UserId user, ZoneId zone, Role role) const;
  std::vector<Membership> memberships(store::Tx& tx, UserId user) const;
  std::vector<Role> roles(store::Tx& tx, UserId user, ZoneId zone) const;
  Page<ZoneUser> list_users(store::Tx& tx, ZoneId zone, PageRequest page) const;

  void insert_credential(store::Tx& tx, std::string_view token_hash, const Credential& credential,
                         std::string_view label, EpochMs now) const;
  std::optional<Credential> find_credential(store::Tx& tx, std::string_view token_hash) const;
  void set_credential_zone(store::Tx& tx, std::string_view token_hash, ZoneId zone) const;
  // Returns whether a credential was removed.
  bool delete_credential(store::Tx& tx, std::string_view token_hash) const;
};

}  // namespace jingkai::accounts
