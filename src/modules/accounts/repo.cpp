#include "modules/accounts/repo.hpp"

#include <algorithm>
#include <map>

namespace jingkai::accounts {

ZoneId AccountRepo::insert_zone(store::Tx& tx, const Zone& zone, EpochMs now) const {
  long long id = 0;
  const long long created = now;
  tx.sql() << "INSERT INTO zones (code, name, created_at) VALUES (:code, :name, :at) RETURNING id",
      soci::use(zone.code), soci::use(zone.name), soci::use(created), soci::into(id);
  return id;
}

std::optional<Zone> AccountRepo::find_zone(store::Tx& tx, std::string_view code) const {
  Zone zone;
  long long id = 0;
  const std::string wanted(code);
  if (!tx.query_one("SELECT id, code, name FROM zones WHERE code = :code", soci::use(wanted),
                    soci::into(id), soci::into(zone.code), soci::into(zone.name))) {
    return std::nullopt;
  }
  zone.id = id;
  return zone;
}

std::vector<Zone> AccountRepo::list_zones(store::Tx& tx) const {
  std::vector<Zone> zones;
  Zone zone;
  long long id = 0;
  auto rows = tx.query("SELECT id, code, name FROM zones ORDER BY code", soci::into(id),
                       soci::into(zone.code), soci::into(zone.name));
  while (rows.next()) {
    zone.id = id;
    zones.push_back(zone);
  }
  return zones;
}

UserId AccountRepo::insert_user(store::Tx& tx, const StoredUser& user, EpochMs now) const {
  long long id = 0;
  const long long created = now;
  tx.sql() << "INSERT INTO users (name, display_name, password_hash, created_at)"
              " VALUES (:name, :display, :hash, :at) RETURNING id",
      soci::use(user.name), soci::use(user.display_name), soci::use(user.password_hash),
      soci::use(created), soci::into(id);
  return id;
}

std::optional<StoredUser> AccountRepo::find_user(store::Tx& tx, std::string_view name) const {
  StoredUser user;
  long long id = 0;
  const std::string wanted(name);
  if (!tx.query_one("SELECT id, name, display_name, password_hash FROM users WHERE name = :name",
                    soci::use(wanted), soci::into(id), soci::into(user.name),
                    soci::into(user.display_name), soci::into(user.password_hash))) {
    return std::nullopt;
  }
  user.id = id;
  return user;
}

std::optional<StoredUser> AccountRepo::find_user(store::Tx& tx, UserId wanted) const {
  StoredUser user;
  long long id = 0;
  const long long key = wanted;
  if (!tx.query_one("SELECT id, name, display_name, password_hash FROM users WHERE id = :id",
                    soci::use(key), soci::into(id), soci::into(user.name),
                    soci::into(user.display_name), soci::into(user.password_hash))) {
    return std::nullopt;
  }
  user.id = id;
  return user;
}

void AccountRepo::grant(store::Tx& tx, UserId user, ZoneId zone, Role role) const {
  const long long user_id = user, zone_id = zone;
  const std::string role_name(to_string(role));
  // INSERT … ON CONFLICT DO NOTHING is spelt the same in SQLite and PostgreSQL.
  tx.sql() << "INSERT INTO memberships (user_id, zone_id, role) VALUES (:u, :z, :r)"
              " ON CONFLICT DO NOTHING",
      soci::use(user_id), soci::use(zone_id), soci::use(role_name);
}

namespace {

void add_role(std::vector<Role>& roles, const std::string& name) {
  if (auto role = parse_role(name)) roles.push_back(*role);
}

}  // namespace

std::vector<Membership> AccountRepo::memberships(store::Tx& tx, UserId user) const {
  std::vector<Membership> result;
  const long long user_id = user;
  long long zone_id = 0;
  std::string code, name, role;
  auto rows = tx.query(
      "SELECT z.id, z.code, z.name, m.role FROM memberships m JOIN zones z ON z.id = m.zone_id"
      " WHERE m.user_id = :u ORDER BY z.id, m.role",
      soci::use(user_id), soci::into(zone_id), soci::into(code), soci::into(name),
      soci::into(role));
  while (rows.next()) {
    if (result.empty() || result.back().zone.id != zone_id) {
      result.push_back(Membership{Zone{zone_id, code, name}, {}});
    }
    add_role(result.back().roles, role);
  }
  return result;
}

std::vector<Role> AccountRepo::roles(store::Tx& tx, UserId user, ZoneId zone) const {
  std::vector<Role> result;
  const long long user_id = user, zone_id = zone;
  std::string role;
  auto rows =
      tx.query("SELECT role FROM memberships WHERE user_id = :u AND zone_id = :z ORDER BY role",
               soci::use(user_id), soci::use(zone_id), soci::into(role));
  while (rows.next()) add_role(result, role);
  return result;
}

Page<ZoneUser> AccountRepo::list_users(store::Tx& tx, ZoneId zone, PageRequest request) const {
  Page<ZoneUser> page;
  page.page = request.page;
  page.page_size = request.page_size;
  const long long zone_id = zone;
  long long total = 0;
  tx.query_one("SELECT COUNT(DISTINCT user_id) FROM memberships WHERE zone_id = :z",
               soci::use(zone_id), soci::into(total));
  page.total = total;

  const long long limit = request.page_size, offset = request.offset();
  long long id = 0;
  ZoneUser row;
  auto users = tx.query(
      "SELECT u.id, u.name, u.display_name FROM users u"
      " WHERE u.id IN (SELECT user_id FROM memberships WHERE zone_id = :z)"
      " ORDER BY u.name LIMIT :limit OFFSET :offset",
      soci::use(zone_id), soci::use(limit), soci::use(offset), soci::into(id), soci::into(row.name),
      soci::into(row.display_name));
  while (users.next()) {
    row.id = id;
    page.items.push_back(row);
  }
  for (ZoneUser& user : page.items) user.roles = roles(tx, user.id, zone);
  return page;
}

namespace {

std::string_view kind_name(CredentialKind kind) {
  return kind == CredentialKind::session ? "session" : "api_token";
}

}  // namespace

void AccountRepo::insert_credential(store::Tx& tx, std::string_view token_hash,
                                    const Credential& credential, std::string_view label,
                                    EpochMs now) const {
  const std::string hash(token_hash), kind(kind_name(credential.kind)), label_text(label);
  const long long user_id = credential.user_id, zone_id = credential.zone_id, created = now,
                  expires = credential.expires_at;
  tx.sql() << "INSERT INTO credentials (token_hash, kind, user_id, zone_id, label, created_at,"
              " expires_at) VALUES (:h, :k, :u, :z, :l, :c, :e)",
      soci::use(hash), soci::use(kind), soci::use(user_id), soci::use(zone_id),
      soci::use(label_text), soci::use(created), soci::use(expires);
}

std::optional<Credential> AccountRepo::find_credential(store::Tx& tx,
                                                       std::string_view token_hash) const {
  const std::string hash(token_hash);
  Credential credential;
  std::string kind;
  long long user_id = 0, zone_id = 0, expires = 0;
  if (!tx.query_one("SELECT c.kind, c.user_id, u.name, c.zone_id, z.code, c.expires_at"
                    " FROM credentials c JOIN users u ON u.id = c.user_id"
                    " JOIN zones z ON z.id = c.zone_id WHERE c.token_hash = :h",
                    soci::use(hash), soci::into(kind), soci::into(user_id),
                    soci::into(credential.user_name), soci::into(zone_id),
                    soci::into(credential.zone_code), soci::into(expires))) {
    return std::nullopt;
  }
  credential.kind = kind == "session" ? CredentialKind::session : CredentialKind::api_token;
  credential.user_id = user_id;
  credential.zone_id = zone_id;
  credential.expires_at = expires;
  return credential;
}

void AccountRepo::set_credential_zone(store::Tx& tx, std::string_view token_hash,
                                      ZoneId zone) const {
  const std::string hash(token_hash);
  const long long zone_id = zone;
  tx.sql() << "UPDATE credentials SET zone_id = :z WHERE token_hash = :h", soci::use(zone_id),
      soci::use(hash);
}

bool AccountRepo::delete_credential(store::Tx& tx, std::string_view token_hash) const {
  const std::string hash(token_hash);
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM credentials WHERE token_hash = :h", soci::use(hash));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace jingkai::accounts
