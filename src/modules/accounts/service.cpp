#include "modules/accounts/service.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <stdexcept>

#include "core/digest.hpp"
#include "core/text.hpp"

namespace jingkai::accounts {
namespace {

constexpr std::size_t kMinPasswordBytes = 8;
constexpr std::size_t kMaxPasswordBytes = 256;

bool is_code_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

std::string roles_json(const std::vector<Role>& roles) {
  boost::json::array array;
  for (Role role : roles) array.emplace_back(to_string(role));
  return boost::json::serialize(array);
}

// The change is recorded in the zone it concerns, whichever zone the actor works in now.
Actor acting_in(const Actor& actor, const Zone& zone) {
  Actor in_zone = actor;
  in_zone.zone_id = zone.id;
  in_zone.zone_code = zone.code;
  return in_zone;
}

Error zone_not_found(std::string_view code) {
  return Error::not_found("zone_not_found", "园区不存在: " + std::string(code));
}

}  // namespace

Status validate_zone(const Zone& zone) {
  if (zone.code.size() < 2 || zone.code.size() > 32 || zone.code.front() == '-' ||
      !std::all_of(zone.code.begin(), zone.code.end(), is_code_char)) {
    return std::unexpected(Error::invalid(
        "zone_code", "园区代码须为 2-32 位小写字母、数字或连字符 (2-32 of a-z, 0-9, -)", "code"));
  }
  const std::size_t length = utf8_length(zone.name);
  if (length == 0 || length > 100) {
    return std::unexpected(Error::invalid("zone_name", "园区名称须为 1-100 个字符", "name"));
  }
  return {};
}

Status validate_new_user(const NewUser& user) {
  if (user.name.size() < 2 || user.name.size() > 32 ||
      !std::all_of(user.name.begin(), user.name.end(), is_name_char)) {
    return std::unexpected(Error::invalid(
        "user_name", "用户名须为 2-32 位字母、数字或 _ . - (2-32 of A-Z, a-z, 0-9, _ . -)",
        "name"));
  }
  if (utf8_length(user.display_name) > 64) {
    return std::unexpected(
        Error::invalid("display_name", "显示名称最多 64 个字符", "display_name"));
  }
  if (user.password.size() < kMinPasswordBytes || user.password.size() > kMaxPasswordBytes) {
    return std::unexpected(Error::invalid(
        "password_length", "密码须为 8-256 个字符 (8 to 256 characters)", "password"));
  }
  if (user.roles.empty()) {
    return std::unexpected(Error::invalid("roles_empty", "至少选择一个角色", "roles"));
  }
  return {};
}

AccountService::AccountService(store::Database& db, const AccountRepo& repo,
                               const store::AuditLog& audit, const Clock& clock,
                               AccountSettings settings)
    : db_(db),
      repo_(repo),
      audit_(audit),
      clock_(clock),
      settings_(settings),
      throttle_(settings.throttle),
      credentials_(settings.credential_cache_ms) {}

namespace {

std::string hash_password(std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  // Argon2id at libsodium's "interactive" cost: 64 MiB and about a tenth of a second here.
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

}  // namespace

Result<Zone> AccountService::add_zone(const Actor& actor, const Zone& zone) {
  TRY(validate_zone(zone));
  return db_.write([&](store::Tx& tx) -> Result<Zone> {
    if (repo_.find_zone(tx, zone.code)) {
      return std::unexpected(
          Error::conflict("zone_exists", "园区代码已存在: " + zone.code, "code"));
    }
    Zone created = zone;
    created.id = repo_.insert_zone(tx, zone, clock_.now_ms());
    const Actor in_zone = acting_in(actor, created);
    boost::json::object after{{"code", created.code}, {"name", created.name}};
    audit_.append(
        tx, in_zone,
        {"zone.create", "zone", std::to_string(created.id), "", boost::json::serialize(after)});
    return created;
  });
}

Result<std::vector<Zone>> AccountService::list_zones() {
  return db_.read([&](store::Tx& tx) -> Result<std::vector<Zone>> { return repo_.list_zones(tx); });
}

Result<ZoneUser> AccountService::add_user(const Actor& actor, std::string_view zone_code,
                                          const NewUser& input) {
  NewUser user = input;
  if (user.display_name.empty()) user.display_name = user.name;
  TRY(validate_new_user(user));
  std::sort(user.roles.begin(), user.roles.end());
  user.roles.erase(std::unique(user.roles.begin(), user.roles.end()), user.roles.end());
  // Hash before the transaction: it is slow, and the write lock need not wait for it.
  const std::string password_hash = hash_password(user.password);
  return db_.write([&](store::Tx& tx) -> Result<ZoneUser> {
    auto zone = repo_.find_zone(tx, zone_code);
    if (!zone) return std::unexpected(zone_not_found(zone_code));
    if (repo_.find_user(tx, user.name)) {
      return std::unexpected(Error::conflict("user_exists", "用户名已存在: " + user.name, "name"));
    }
    ZoneUser created{0, user.name, user.display_name, user.roles};
    created.id =
        repo_.insert_user(tx, {0, user.name, user.display_name, password_hash}, clock_.now_ms());
    for (Role role : user.roles) repo_.grant(tx, created.id, zone->id, role);
    const Actor in_zone = acting_in(actor, *zone);
    boost::json::object after{{"name", created.name},
                              {"display_name", created.display_name},
                              {"roles", boost::json::parse(roles_json(created.roles))}};
    audit_.append(
        tx, in_zone,
        {"user.create", "user", std::to_string(created.id), "", boost::json::serialize(after)});
    return created;
  });
}

Status AccountService::grant(const Actor& actor, std::string_view user_name,
                             std::string_view zone_code, Role role) {
  return db_.write([&](store::Tx& tx) -> Status {
    auto zone = repo_.find_zone(tx, zone_code);
    if (!zone) return std::unexpected(zone_not_found(zone_code));
    auto user = repo_.find_user(tx, user_name);
    if (!user) {
      return std::unexpected(
          Error::not_found("user_not_found", "用户不存在: " + std::string(user_name)));
    }
    const auto before = repo_.roles(tx, user->id, zone->id);
    if (std::find(before.begin(), before.end(), role) != before.end()) return {};
    repo_.grant(tx, user->id, zone->id, role);
    credentials_.forget_all();  // whoever holds a session of this user gets the role now
    const Actor in_zone = acting_in(actor, *zone);
    audit_.append(tx, in_zone,
                  {"user.grant", "user", std::to_string(user->id), roles_json(before),
                   roles_json(repo_.roles(tx, user->id, zone->id))});
    return {};
  });
}

Result<Page<ZoneUser>> AccountService::list_users(const Actor& actor, PageRequest page) {
  return db_.read([&](store::Tx& tx) -> Result<Page<ZoneUser>> {
    return repo_.list_users(tx, actor.zone_id, page);
  });
}

Result<User> AccountService::describe(UserId id) {
  return db_.read([&](store::Tx& tx) -> Result<User> {
    auto stored = repo_.find_user(tx, id);
    if (!stored) return std::unexpected(Error::not_found("user_not_found", "用户不存在"));
    return User{stored->id, stored->name, stored->display_name, repo_.memberships(tx, id)};
  });
}

Result<ZoneUser> AccountService::find_zone_user(const Actor& actor, std::string_view name) {
  return db_.read([&](store::Tx& tx) -> Result<ZoneUser> {
    auto stored = repo_.find_user(tx, name);
    std::vector<Role> roles;
    if (stored) roles = repo_.roles(tx, stored->id, actor.zone_id);
    if (!stored || roles.empty()) {
      return std::unexpected(Error::not_found(
          "user_not_found", "本园区没有此用户 (no such user in this zone): " + std::string(name)));
    }
    return ZoneUser{stored->id, stored->name, stored->display_name, std::move(roles)};
  });
}

Status AccountService::verify_password(const std::string& stored_hash, std::string_view password) {
  if (crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) != 0) {
    return std::unexpected(
        Error{ErrorKind::unauthenticated, "invalid_credentials", "用户名或密码错误", {}});
  }
  return {};
}

Result<LoginResult> AccountService::login(std::string_view name_view, std::string_view password) {
  const std::string name(name_view);
  const EpochMs now = clock_.now_ms();
  if (auto wait = throttle_.retry_after(name, now)) {
    return std::unexpected(
        Error{ErrorKind::throttled,
              "login_throttled",
              fmt::format("登录失败次数过多, 请 {} 分钟后再试", (*wait + 59999) / 60000),
              {}});
  }
  auto stored = TRY(db_.read([&](store::Tx& tx) -> Result<std::optional<StoredUser>> {
    return repo_.find_user(tx, name);
  }));
  std::call_once(decoy_once_, [this] { decoy_hash_ = hash_password(random_token_hex(16)); });
  const Status checked = verify_password(stored ? stored->password_hash : decoy_hash_, password);
  if (!checked || !stored) {
    throttle_.record_failure(name, now);
    return std::unexpected(
        Error{ErrorKind::unauthenticated, "invalid_credentials", "用户名或密码错误", {}});
  }
  throttle_.record_success(name);
  const StoredUser& user = *stored;

  return db_.write([&](store::Tx& tx) -> Result<LoginResult> {
    LoginResult result;
    result.user = User{user.id, user.name, user.display_name, repo_.memberships(tx, user.id)};
    if (result.user.memberships.empty()) {
      return std::unexpected(
          Error::forbidden("该用户不属于任何园区 (the user belongs to no zone)"));
    }
    const Zone& zone = result.user.memberships.front().zone;
    result.token = random_token_hex();
    result.expires_at = now + settings_.session_ttl_ms;
    result.valid_for_ms = settings_.session_ttl_ms;
    result.current_zone = zone.id;
    repo_.insert_credential(tx, sha256_hex(result.token),
                            Credential{CredentialKind::session, user.id, user.name, zone.id,
                                       zone.code, result.expires_at},
                            "", now);
    Actor actor{user.id, user.name, zone.id, zone.code, {}};
    audit_.append(tx, actor, {"auth.login", "user", std::to_string(user.id), "", ""});
    return result;
  });
}

Status AccountService::logout(std::string_view token) {
  return db_.write([&](store::Tx& tx) -> Status {
    const std::string hash = sha256_hex(token);
    auto credential = repo_.find_credential(tx, hash);
    if (!credential) return std::unexpected(Error::unauthenticated("未登录或会话已过期"));
    if (credential->kind != CredentialKind::session) {
      return std::unexpected(Error::invalid(
          "not_a_session", "API 令牌不能登出, 它到期自动失效 (an API token cannot log out)"));
    }
    repo_.delete_credential(tx, hash);
    credentials_.forget(hash);
    Actor actor{
        credential->user_id, credential->user_name, credential->zone_id, credential->zone_code, {}};
    audit_.append(tx, actor, {"auth.logout", "user", std::to_string(credential->user_id), "", ""});
    return {};
  });
}

Result<Actor> AccountService::authenticate(std::string_view token) {
  if (token.empty()) return std::unexpected(Error::unauthenticated("未登录"));
  const std::string hash = sha256_hex(token);
  const EpochMs now = clock_.now_ms();
  if (auto cached = credentials_.find(hash, now)) return std::move(*cached);
  return db_.read([&](store::Tx& tx) -> Result<Actor> {
    auto credential = repo_.find_credential(tx, hash);
    if (!credential || credential->expires_at <= now) {
      return std::unexpected(Error::unauthenticated("未登录或会话已过期"));
    }
    Actor actor{credential->user_id, credential->user_name, credential->zone_id,
                credential->zone_code, repo_.roles(tx, credential->user_id, credential->zone_id)};
    credentials_.remember(hash, actor, credential->expires_at, now);
    return actor;
  });
}

Result<User> AccountService::switch_zone(std::string_view token, const Actor& actor,
                                         std::string_view zone_code) {
  TRY(db_.write([&](store::Tx& tx) -> Status {
    auto zone = repo_.find_zone(tx, zone_code);
    if (!zone) return std::unexpected(zone_not_found(zone_code));
    if (repo_.roles(tx, actor.user_id, zone->id).empty()) {
      return std::unexpected(Error::forbidden("您不是该园区的成员 (not a member of this zone)"));
    }
    const std::string hash = sha256_hex(token);
    auto credential = repo_.find_credential(tx, hash);
    if (!credential || credential->kind != CredentialKind::session) {
      return std::unexpected(Error::invalid(
          "not_a_session", "只有登录会话可以切换园区; API 令牌固定于一个园区", "zone"));
    }
    repo_.set_credential_zone(tx, hash, zone->id);
    credentials_.forget(hash);
    return {};
  }));
  return describe(actor.user_id);
}

Result<std::string> AccountService::create_api_token(const Actor& actor, std::string_view user_name,
                                                     std::string_view zone_code,
                                                     std::string_view label, int valid_days) {
  if (valid_days < 1 || valid_days > 3650) {
    return std::unexpected(Error::invalid("token_days", "有效期须为 1-3650 天", "days"));
  }
  return db_.write([&](store::Tx& tx) -> Result<std::string> {
    auto zone = repo_.find_zone(tx, zone_code);
    if (!zone) return std::unexpected(zone_not_found(zone_code));
    auto user = repo_.find_user(tx, user_name);
    if (!user) {
      return std::unexpected(
          Error::not_found("user_not_found", "用户不存在: " + std::string(user_name)));
    }
    if (repo_.roles(tx, user->id, zone->id).empty()) {
      return std::unexpected(Error::forbidden("该用户不是此园区的成员"));
    }
    const EpochMs now = clock_.now_ms();
    std::string token = random_token_hex();
    repo_.insert_credential(tx, sha256_hex(token),
                            Credential{CredentialKind::api_token, user->id, user->name, zone->id,
                                       zone->code, now + valid_days * 24LL * 3600 * 1000},
                            label, now);
    const Actor in_zone = acting_in(actor, *zone);
    boost::json::object after{{"user", user->name}, {"label", label}, {"days", valid_days}};
    audit_.append(
        tx, in_zone,
        {"token.create", "user", std::to_string(user->id), "", boost::json::serialize(after)});
    return token;
  });
}

}  // namespace jingkai::accounts
