#include "modules/enterprises/representatives.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

namespace jingkai::enterprises {

std::vector<Representative> RepresentativeRepo::list(store::Tx& tx, ZoneId zone,
                                                     EnterpriseId enterprise) const {
  std::vector<Representative> out;
  Representative r;
  long long zone_id = zone, key = enterprise, user = 0, at = 0;
  auto rows = tx.query(
      "SELECT user_id, user_name, display_name, granted_at FROM enterprise_representatives"
      " WHERE zone_id = :z AND enterprise_id = :e ORDER BY user_name",
      soci::into(user), soci::into(r.name), soci::into(r.display_name), soci::into(at),
      soci::use(zone_id), soci::use(key));
  while (rows.next()) {
    r.user_id = user;
    r.granted_at = at;
    out.push_back(r);
  }
  return out;
}

void RepresentativeRepo::insert(store::Tx& tx, ZoneId zone, EnterpriseId enterprise,
                                const Representative& r) const {
  long long zone_id = zone, key = enterprise, user = r.user_id, at = r.granted_at;
  tx.exec(
      "INSERT INTO enterprise_representatives (zone_id, enterprise_id, user_id, user_name,"
      " display_name, granted_at) VALUES (:z, :e, :u, :n, :d, :t) ON CONFLICT (enterprise_id,"
      " user_id) DO NOTHING",
      soci::use(zone_id), soci::use(key), soci::use(user), soci::use(r.name),
      soci::use(r.display_name), soci::use(at));
}

bool RepresentativeRepo::remove(store::Tx& tx, ZoneId zone, EnterpriseId enterprise,
                                UserId user) const {
  long long zone_id = zone, key = enterprise, user_id = user;
  return tx.exec(
             "DELETE FROM enterprise_representatives WHERE zone_id = :z AND enterprise_id = :e"
             " AND user_id = :u",
             soci::use(zone_id), soci::use(key), soci::use(user_id)) > 0;
}

std::vector<EnterpriseId> RepresentativeRepo::enterprises_of(store::Tx& tx, ZoneId zone,
                                                             UserId user) const {
  std::vector<EnterpriseId> out;
  long long zone_id = zone, user_id = user, enterprise = 0;
  auto rows = tx.query(
      "SELECT enterprise_id FROM enterprise_representatives WHERE zone_id = :z AND user_id = :u"
      " ORDER BY enterprise_id",
      soci::into(enterprise), soci::use(zone_id), soci::use(user_id));
  while (rows.next()) out.push_back(enterprise);
  return out;
}

RepresentativeService::RepresentativeService(store::Database& db, const RepresentativeRepo& repo,
                                             const store::AuditLog& audit, const Clock& clock,
                                             EnterpriseService& enterprises,
                                             accounts::AccountService& accounts)
    : db_(db),
      repo_(repo),
      audit_(audit),
      clock_(clock),
      enterprises_(enterprises),
      accounts_(accounts) {}

Result<std::vector<Representative>> RepresentativeService::list(const Actor& actor,
                                                                EnterpriseId enterprise) {
  TRY(enterprises_.get(actor, enterprise));
  return db_.read([&](store::Tx& tx) -> Result<std::vector<Representative>> {
    return repo_.list(tx, actor.zone_id, enterprise);
  });
}

Result<std::vector<Representative>> RepresentativeService::grant(const Actor& actor,
                                                                 EnterpriseId enterprise,
                                                                 std::string_view user_name) {
  auto found = TRY(enterprises_.get(actor, enterprise));
  auto user = TRY(accounts_.find_zone_user(actor, user_name));
  if (std::ranges::find(user.roles, Role::enterprise_user) == user.roles.end()) {
    return std::unexpected(Error::invalid(
        "not_enterprise_user",
        fmt::format("{} 不是企业办事人, 请先授予 enterprise_user 角色 (the user does not hold the "
                    "enterprise_user role)",
                    user_name),
        "user"));
  }
  return db_.write([&](store::Tx& tx) -> Result<std::vector<Representative>> {
    repo_.insert(tx, actor.zone_id, enterprise,
                 {user.id, user.name, user.display_name, clock_.now_ms()});
    audit_.append(tx, actor,
                  {"enterprise.representative_grant", "enterprise", std::to_string(enterprise), "",
                   boost::json::serialize(
                       boost::json::object{{"user", user.name}, {"enterprise", found.name}})});
    return repo_.list(tx, actor.zone_id, enterprise);
  });
}

Result<std::vector<Representative>> RepresentativeService::revoke(const Actor& actor,
                                                                  EnterpriseId enterprise,
                                                                  std::string_view user_name) {
  auto found = TRY(enterprises_.get(actor, enterprise));
  auto user = TRY(accounts_.find_zone_user(actor, user_name));
  return db_.write([&](store::Tx& tx) -> Result<std::vector<Representative>> {
    if (!repo_.remove(tx, actor.zone_id, enterprise, user.id)) {
      return std::unexpected(Error::not_found(
          "not_representative", "该用户不是此企业的办事人 (the user does not represent it)"));
    }
    audit_.append(tx, actor,
                  {"enterprise.representative_revoke", "enterprise", std::to_string(enterprise),
                   boost::json::serialize(
                       boost::json::object{{"user", user.name}, {"enterprise", found.name}}),
                   ""});
    return repo_.list(tx, actor.zone_id, enterprise);
  });
}

Result<std::vector<EnterpriseId>> RepresentativeService::enterprise_ids(const Actor& actor) {
  return db_.read([&](store::Tx& tx) -> Result<std::vector<EnterpriseId>> {
    return repo_.enterprises_of(tx, actor.zone_id, actor.user_id);
  });
}

Result<std::vector<RepresentedEnterprise>> RepresentativeService::represented(const Actor& actor) {
  auto ids = TRY(enterprise_ids(actor));
  std::vector<RepresentedEnterprise> out;
  for (EnterpriseId id : ids) {
    auto found = enterprises_.get(actor, id);
    if (found) out.push_back({found->id, found->uscc, found->name});
  }
  return out;
}

Status RepresentativeService::check_represents(const Actor& actor, EnterpriseId enterprise) {
  auto ids = TRY(enterprise_ids(actor));
  if (std::ranges::find(ids, enterprise) == ids.end()) {
    return std::unexpected(Error{ErrorKind::forbidden, "not_representative",
                                 "您不是该企业的办事人 (you do not represent this enterprise)",
                                 "enterprise_id"});
  }
  return {};
}

}  // namespace jingkai::enterprises
