#include "app/cli_accounts.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_support.hpp"

namespace jingkai::app {
namespace {

struct State {
  DataOptions zone_add_data, zone_list_data;
  accounts::Zone new_zone;

  DataOptions user_add_data;
  std::string user_zone;
  accounts::NewUser new_user;
  std::vector<std::string> user_roles;
  bool password_stdin = false;

  DataOptions grant_data;
  std::string grant_zone, grant_role, grant_name;

  DataOptions token_data;
  std::string token_zone, token_user, token_label;
  int token_days = 90;

  DataOptions verify_data;
  std::string verify_anchor;
  DataOptions anchor_data;
  std::string keygen_path;
};

Result<std::vector<Role>> parse_roles(const std::vector<std::string>& names) {
  std::vector<Role> roles;
  for (const auto& name : names) {
    auto role = parse_role(name);
    if (!role) return std::unexpected(Error::invalid("unknown_role", "未知角色: " + name, "role"));
    roles.push_back(*role);
  }
  return roles;
}

void add_zone_commands(CLI::App& cli, const std::shared_ptr<State>& state, const Console& c) {
  auto* zone = cli.add_subcommand("zone", "zones (tenants)");
  zone->require_subcommand(1);
  auto* zone_add = zone->add_subcommand("add", "add a zone");
  state->zone_add_data.add_to(zone_add);
  zone_add->add_option("--code", state->new_zone.code, "stable code, e.g. zhuji-edz")->required();
  zone_add->add_option("--name", state->new_zone.name, "name, e.g. 诸暨经济开发区")->required();
  zone_add->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto app = TRY(open_app(state->zone_add_data, c.clock));
    auto created = TRY(app->accounts().add_zone(console_actor(), state->new_zone));
    c.out << "zone " << created.code << " added\n";
    return {};
  }));
  auto* zone_list = zone->add_subcommand("list", "list zones");
  state->zone_list_data.add_to(zone_list);
  zone_list->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto app = TRY(open_app(state->zone_list_data, c.clock));
    auto zones = TRY(app->accounts().list_zones());
    for (const auto& z : zones) c.out << z.code << "\t" << z.name << "\n";
    return {};
  }));
}

void add_user_add_command(CLI::App* user, const std::shared_ptr<State>& state, const Console& c) {
  auto* user_add = user->add_subcommand("add", "add a user with roles in a zone");
  state->user_add_data.add_to(user_add);
  user_add->add_option("--zone", state->user_zone, "zone code")->required();
  user_add->add_option("--role", state->user_roles, "role (repeatable)")->required();
  user_add->add_option("--name", state->new_user.name, "login name")->required();
  user_add->add_option("--display-name", state->new_user.display_name, "name shown in the UI");
  user_add
      ->add_flag("--password-stdin", state->password_stdin, "read the password from standard input")
      ->required();
  user_add->callback(reporting(c.err, c.status, [state, c]() -> Status {
    accounts::NewUser& new_user = state->new_user;
    auto roles = TRY(parse_roles(state->user_roles));
    new_user.roles = roles;
    std::getline(c.in, new_user.password);
    if (!new_user.password.empty() && new_user.password.back() == '\r')
      new_user.password.pop_back();
    auto app = TRY(open_app(state->user_add_data, c.clock));
    auto created = TRY(app->accounts().add_user(console_actor(), state->user_zone, new_user));
    c.out << "user " << created.name << " added to " << state->user_zone << "\n";
    return {};
  }));
}

void add_user_grant_command(CLI::App* user, const std::shared_ptr<State>& state, const Console& c) {
  auto* user_grant = user->add_subcommand("grant", "give an existing user a role in a zone");
  state->grant_data.add_to(user_grant);
  user_grant->add_option("--zone", state->grant_zone, "zone code")->required();
  user_grant->add_option("--role", state->grant_role, "role")->required();
  user_grant->add_option("--name", state->grant_name, "login name")->required();
  user_grant->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto roles = TRY(parse_roles({state->grant_role}));
    auto app = TRY(open_app(state->grant_data, c.clock));
    TRY(app->accounts().grant(console_actor(), state->grant_name, state->grant_zone,
                              roles.front()));
    c.out << "user " << state->grant_name << " holds " << state->grant_role << " in "
          << state->grant_zone << "\n";
    return {};
  }));
}

void add_token_command(CLI::App& cli, const std::shared_ptr<State>& state, const Console& c) {
  auto* token = cli.add_subcommand("token", "bearer tokens for scripts");
  token->require_subcommand(1);
  auto* token_create = token->add_subcommand("create", "create a token; prints it once");
  state->token_data.add_to(token_create);
  token_create->add_option("--zone", state->token_zone, "zone the token works in")->required();
  token_create->add_option("--name", state->token_user, "user the token acts for")->required();
  token_create->add_option("--label", state->token_label, "what the token is for");
  token_create->add_option("--days", state->token_days, "days of validity")->capture_default_str();
  token_create->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto app = TRY(open_app(state->token_data, c.clock));
    auto created =
        TRY(app->accounts().create_api_token(console_actor(), state->token_user, state->token_zone,
                                             state->token_label, state->token_days));
    c.out << created << "\n";
    return {};
  }));
}

// Prints the verification; a broken chain is exit 1.
void report_verification(const store::AuditVerification& result, const Console& c) {
  if (result.ok) {
    c.out << "audit log intact: " << result.rows << " records";
    if (result.keyed_from > 1) {
      c.out << " (" << result.keyed_from - 1 << " unkeyed, from before the key; keyed from record "
            << result.keyed_from << ")";
    }
    c.out << "\n";
  } else {
    c.out << "audit log BROKEN at record " << *result.first_bad_seq << ": " << result.reason
          << "\n";
    c.status = kFailed;
  }
}

void add_audit_verify_command(CLI::App* audit, const std::shared_ptr<State>& state,
                              const Console& c) {
  auto* verify = audit->add_subcommand("verify", "check the keyed hash chain; exit 1 if broken");
  state->verify_data.add_to(verify);
  state->verify_data.check_audit_key = false;
  verify->add_option("--anchor", state->verify_anchor,
                     "SEQ:HASH printed earlier by `audit anchor`: the chain must still reach it");
  verify->callback(reporting(c.err, c.status, [state, c]() -> Status {
    std::optional<store::AuditAnchor> anchor;
    if (!state->verify_anchor.empty())
      anchor = TRY(store::AuditAnchor::parse(state->verify_anchor));
    auto app = TRY(open_app(state->verify_data, c.clock));
    report_verification(TRY(app->audit().verify(anchor)), c);
    return {};
  }));
}

void add_audit_command(CLI::App& cli, const std::shared_ptr<State>& state, const Console& c) {
  auto* audit = cli.add_subcommand("audit", "the audit log");
  audit->require_subcommand(1);
  add_audit_verify_command(audit, state, c);

  auto* anchor = audit->add_subcommand(
      "anchor", "verify the chain, then print its head as SEQ:HASH, to keep outside the database");
  state->anchor_data.add_to(anchor);
  state->anchor_data.check_audit_key = false;
  anchor->callback(reporting(c.err, c.status, [state, c]() -> Status {
    auto app = TRY(open_app(state->anchor_data, c.clock));
    auto result = TRY(app->audit().verify());
    // An anchor taken from a broken chain would vouch for the damage.
    if (!result.ok) {
      report_verification(result, c);
      return {};
    }
    c.out << result.head.to_string() << "\n";
    return {};
  }));

  auto* keygen = audit->add_subcommand("keygen", "write a new audit chain key file (mode 0600)");
  keygen->add_option("-o,--output", state->keygen_path, "the key file to create")->required();
  keygen->callback(reporting(c.err, c.status, [state, c]() -> Status {
    TRY(store::AuditKey::create(state->keygen_path));
    c.out << "audit key written to " << state->keygen_path << "\n";
    return {};
  }));
}

}  // namespace

void add_accounts_commands(CLI::App& cli, const Console& console) {
  auto state = std::make_shared<State>();
  add_zone_commands(cli, state, console);
  auto* user = cli.add_subcommand("user", "users and their roles");
  user->require_subcommand(1);
  add_user_add_command(user, state, console);
  add_user_grant_command(user, state, console);
  add_token_command(cli, state, console);
  add_audit_command(cli, state, console);
}

}  // namespace jingkai::app
