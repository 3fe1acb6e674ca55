// Accounts: the rules for zones, users, roles, logins, sessions and tokens.
#include <gtest/gtest.h>

#include "app/app.hpp"
#include "modules/accounts/credential_cache.hpp"
#include "modules/accounts/login_throttle.hpp"
#include "modules/accounts/service.hpp"
#include "support/test_db.hpp"

namespace jingkai::accounts {
namespace {

// --- validation of input ------------------------------------------------------------------

NewUser valid_user() { return {"zhang.san", "张三", "correct-horse-9", {Role::stats_officer}}; }

TEST(UserValidation, AcceptsAnOrdinaryUser) { EXPECT_TRUE(validate_new_user(valid_user())); }

TEST(UserValidation, NameMustBeTwoToThirtyTwoOfLettersDigitsAndDotDashUnderscore) {
  for (const std::string& good :
       {std::string("ab"), std::string("zhang.san"), std::string("li_si-2"), std::string("A1"),
        std::string(32, 'x')}) {
    NewUser user = valid_user();
    user.name = good;
    EXPECT_TRUE(validate_new_user(user)) << good;
  }
  for (const std::string& bad :
       {std::string("a"), std::string(33, 'x'), std::string("张三"), std::string("with space"),
        std::string("x'; DROP TABLE users;--"), std::string("semi;colon"), std::string("")}) {
    NewUser user = valid_user();
    user.name = bad;
    auto result = validate_new_user(user);
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().field, "name");
    EXPECT_EQ(result.error().kind, ErrorKind::invalid_input);
  }
}

TEST(UserValidation, PasswordMustBeEightToTwoHundredFiftySixBytes) {
  NewUser user = valid_user();
  user.password = "1234567";
  EXPECT_EQ(validate_new_user(user).error().field, "password");
  user.password = "12345678";
  EXPECT_TRUE(validate_new_user(user));
  user.password = std::string(257, 'p');
  EXPECT_EQ(validate_new_user(user).error().field, "password");
}

TEST(UserValidation, AtLeastOneRole) {
  NewUser user = valid_user();
  user.roles.clear();
  EXPECT_EQ(validate_new_user(user).error().code, "roles_empty");
}

TEST(UserValidation, DisplayNameCountsCharactersNotBytes) {
  NewUser user = valid_user();
  std::string name;
  for (int i = 0; i < 64; ++i) name += "张";  // 192 bytes, 64 characters
  user.display_name = name;
  EXPECT_TRUE(validate_new_user(user));
  user.display_name += "张";
  EXPECT_EQ(validate_new_user(user).error().field, "display_name");
}

TEST(ZoneValidation, CodeIsLowerCaseLettersDigitsAndDashes) {
  EXPECT_TRUE(validate_zone({0, "zhuji-edz", "诸暨经济开发区"}));
  EXPECT_TRUE(validate_zone({0, "z1", "x"}));
  for (const char* bad : {"Zhuji", "z", "-zhuji", "zhu ji", "zhuji_edz", "诸暨", ""}) {
    auto result = validate_zone({0, bad, "name"});
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().field, "code");
  }
}

TEST(ZoneValidation, NameIsOneToAHundredCharacters) {
  EXPECT_EQ(validate_zone({0, "zone", ""}).error().field, "name");
  std::string name;
  for (int i = 0; i < 100; ++i) name += "区";
  EXPECT_TRUE(validate_zone({0, "zone", name}));
  EXPECT_EQ(validate_zone({0, "zone", name + "区"}).error().field, "name");
}

// --- the login throttle -------------------------------------------------------------------

TEST(LoginThrottle, LocksANameAfterFiveFailuresWithinTheWindow) {
  LoginThrottle throttle({5, 60'000, 300'000});
  for (int i = 0; i < 4; ++i) throttle.record_failure("admin", 1000 + i);
  EXPECT_FALSE(throttle.retry_after("admin", 1010));
  throttle.record_failure("admin", 1010);
  ASSERT_TRUE(throttle.retry_after("admin", 1010));
  EXPECT_EQ(*throttle.retry_after("admin", 1010), 300'000);
  EXPECT_FALSE(throttle.retry_after("admin", 1010 + 300'000));
}

TEST(LoginThrottle, FailuresSpreadWiderThanTheWindowDoNotLock) {
  LoginThrottle throttle({5, 60'000, 300'000});
  for (int i = 0; i < 10; ++i) throttle.record_failure("admin", i * 20'000);
  EXPECT_FALSE(throttle.retry_after("admin", 200'000));
}

TEST(LoginThrottle, ASuccessClearsTheCountAndNamesAreCountedApart) {
  LoginThrottle throttle({3, 60'000, 300'000});
  throttle.record_failure("a", 0);
  throttle.record_failure("a", 1);
  throttle.record_success("a");
  throttle.record_failure("a", 2);
  throttle.record_failure("b", 2);
  throttle.record_failure("b", 3);
  EXPECT_FALSE(throttle.retry_after("a", 3));
  EXPECT_FALSE(throttle.retry_after("b", 3));
  throttle.record_failure("b", 4);
  EXPECT_TRUE(throttle.retry_after("b", 4));
  EXPECT_FALSE(throttle.retry_after("a", 4));
}

// --- the service against a real database ---------------------------------------------------

class AccountServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app::AppOptions options;
    options.db = db_.url();
    options.connections = 2;
    options.web_dir = "";
    options.accounts.session_ttl_ms = 3600'000;
    auto opened = app::App::open(options, clock_);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    app_ = std::move(*opened);
    ASSERT_TRUE(accounts().add_zone(console_, {0, "zone-a", "甲园区"}));
    ASSERT_TRUE(accounts().add_zone(console_, {0, "zone-b", "乙园区"}));
  }
  AccountService& accounts() { return app_->accounts(); }

  testing::TestDatabase db_;
  ManualClock clock_{1'790'000'000'000};
  std::unique_ptr<app::App> app_;
  Actor console_ = Actor::system("cli:test");
};

TEST_F(AccountServiceTest, AZoneCodeIsUnique) {
  auto again = accounts().add_zone(console_, {0, "zone-a", "another"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "zone_exists");
  EXPECT_EQ(again.error().field, "code");
}

TEST_F(AccountServiceTest, AUserNameIsUniqueAcrossZones) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto again = accounts().add_user(console_, "zone-b", valid_user());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().field, "name");
}

TEST_F(AccountServiceTest, AUserCannotBeAddedToAZoneThatDoesNotExist) {
  auto result = accounts().add_user(console_, "nowhere", valid_user());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "zone_not_found");
}

TEST_F(AccountServiceTest, PasswordsAreStoredAsArgon2idHashesNeverInClear) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  std::string stored;
  ASSERT_TRUE(app_->db().read([&](store::Tx& tx) -> Status {
    tx.sql() << "SELECT password_hash FROM users WHERE name = 'zhang.san'", soci::into(stored);
    return {};
  }));
  EXPECT_TRUE(stored.starts_with("$argon2id$")) << stored;
  EXPECT_EQ(stored.find("correct-horse-9"), std::string::npos);
}

TEST_F(AccountServiceTest, LoginOpensASessionInTheFirstZoneWithItsRoles) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-b", valid_user()));
  ASSERT_TRUE(accounts().grant(console_, "zhang.san", "zone-a", Role::leader));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  ASSERT_TRUE(login) << login.error().message;
  EXPECT_EQ(login->token.size(), 64u);
  ASSERT_EQ(login->user.memberships.size(), 2u);
  auto actor = accounts().authenticate(login->token);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->zone_code, "zone-a");
  EXPECT_TRUE(actor->has(Role::leader));
  EXPECT_FALSE(actor->has(Role::stats_officer));  // that role is in zone-b
}

TEST_F(AccountServiceTest, AWrongPasswordAndAnUnknownNameGetTheSameAnswer) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto wrong_password = accounts().login("zhang.san", "not-the-password");
  auto unknown_name = accounts().login("nobody", "correct-horse-9");
  ASSERT_FALSE(wrong_password);
  ASSERT_FALSE(unknown_name);
  EXPECT_EQ(wrong_password.error().code, "invalid_credentials");
  EXPECT_EQ(unknown_name.error().code, wrong_password.error().code);
  EXPECT_EQ(unknown_name.error().message, wrong_password.error().message);
}

TEST_F(AccountServiceTest, RepeatedFailuresLockTheNameEvenForTheRightPassword) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  for (int i = 0; i < 5; ++i)
    EXPECT_FALSE(accounts().login("zhang.san", "guess-" + std::to_string(i)));
  auto locked = accounts().login("zhang.san", "correct-horse-9");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().kind, ErrorKind::throttled);
  clock_.advance_ms(15 * 60 * 1000 + 1);
  EXPECT_TRUE(accounts().login("zhang.san", "correct-horse-9"));
}

TEST_F(AccountServiceTest, ASessionExpiresAfterItsLifetime) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  clock_.advance_ms(3600'000 - 1);
  EXPECT_TRUE(accounts().authenticate(login->token));
  clock_.advance_ms(1);
  auto expired = accounts().authenticate(login->token);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().kind, ErrorKind::unauthenticated);
}

TEST_F(AccountServiceTest, LogoutEndsTheSession) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  ASSERT_TRUE(accounts().logout(login->token));
  EXPECT_FALSE(accounts().authenticate(login->token));
  EXPECT_FALSE(accounts().logout(login->token));
}

TEST_F(AccountServiceTest, OnlyTheHashOfATokenIsStored) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  long long found = -1;
  ASSERT_TRUE(app_->db().read([&](store::Tx& tx) -> Status {
    tx.sql() << "SELECT COUNT(*) FROM credentials WHERE token_hash = :t", soci::use(login->token),
        soci::into(found);
    return {};
  }));
  EXPECT_EQ(found, 0);
}

TEST_F(AccountServiceTest, ASessionSwitchesOnlyToZonesTheUserBelongsTo) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  auto actor = accounts().authenticate(login->token);
  auto refused = accounts().switch_zone(login->token, *actor, "zone-b");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(accounts().authenticate(login->token)->zone_code, "zone-a");

  ASSERT_TRUE(accounts().grant(console_, "zhang.san", "zone-b", Role::park_manager));
  ASSERT_TRUE(accounts().switch_zone(login->token, *actor, "zone-b"));
  auto moved = accounts().authenticate(login->token);
  EXPECT_EQ(moved->zone_code, "zone-b");
  EXPECT_EQ(moved->roles, std::vector<Role>{Role::park_manager});
}

TEST_F(AccountServiceTest, AnApiTokenActsForItsUserInItsZoneUntilItExpires) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto token = accounts().create_api_token(console_, "zhang.san", "zone-a", "nightly import", 2);
  ASSERT_TRUE(token);
  auto actor = accounts().authenticate(*token);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->user_name, "zhang.san");
  EXPECT_TRUE(actor->has(Role::stats_officer));
  clock_.advance_ms(2 * 24 * 3600'000LL);
  EXPECT_FALSE(accounts().authenticate(*token));
}

TEST_F(AccountServiceTest, AnApiTokenIsOnlyForAMemberOfTheZone) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto token = accounts().create_api_token(console_, "zhang.san", "zone-b", "", 30);
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(accounts().create_api_token(console_, "zhang.san", "zone-a", "", 0).error().field,
            "days");
}

TEST_F(AccountServiceTest, ListingUsersShowsOnlyTheActorsZone) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  NewUser other = valid_user();
  other.name = "li.si";
  ASSERT_TRUE(accounts().add_user(console_, "zone-b", other));
  auto login = accounts().login("li.si", "correct-horse-9");
  auto actor = accounts().authenticate(login->token);
  auto users = accounts().list_users(*actor, {1, 20});
  ASSERT_TRUE(users);
  ASSERT_EQ(users->total, 1);
  EXPECT_EQ(users->items[0].name, "li.si");
}

TEST_F(AccountServiceTest, EveryChangeIsAuditedAndTheChainHolds) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  ASSERT_TRUE(accounts().grant(console_, "zhang.san", "zone-b", Role::leader));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  ASSERT_TRUE(accounts().logout(login->token));
  auto report = app_->audit().verify();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->ok);
  // two zones, a user, a grant, a login, a logout
  EXPECT_EQ(report->rows, 6);
}

TEST_F(AccountServiceTest, SqlMetaCharactersAreStoredAsPlainText) {
  NewUser user = valid_user();
  user.display_name = "Robert'); DROP TABLE users;--";
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", user));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  auto described = accounts().describe(login->user.id);
  ASSERT_TRUE(described);
  EXPECT_EQ(described->display_name, "Robert'); DROP TABLE users;--");
}

}  // namespace
}  // namespace jingkai::accounts

namespace jingkai::accounts {
namespace {

// --- the credential cache -------------------------------------------------------------------

TEST(CredentialCache, RemembersForItsLifetimeButNeverPastTheCredentialsExpiry) {
  CredentialCache cache(2000);
  const Actor actor{1, "a", 1, "z", {Role::admin}};
  cache.remember("t1", actor, /*credential_expiry=*/10'000, /*now=*/0);
  cache.remember("t2", actor, /*credential_expiry=*/500, /*now=*/0);
  EXPECT_TRUE(cache.find("t1", 1999));
  EXPECT_FALSE(cache.find("t1", 2000));
  EXPECT_TRUE(cache.find("t2", 499));
  EXPECT_FALSE(cache.find("t2", 500));
  EXPECT_FALSE(cache.find("unknown", 0));
}

TEST(CredentialCache, ForgetsOneOrAll) {
  CredentialCache cache(2000);
  const Actor actor{1, "a", 1, "z", {}};
  cache.remember("t1", actor, 10'000, 0);
  cache.remember("t2", actor, 10'000, 0);
  cache.forget("t1");
  EXPECT_FALSE(cache.find("t1", 1));
  EXPECT_TRUE(cache.find("t2", 1));
  cache.forget_all();
  EXPECT_FALSE(cache.find("t2", 1));
}

TEST(CredentialCache, ALifetimeOfZeroTurnsItOff) {
  CredentialCache cache(0);
  cache.remember("t", Actor{}, 10'000, 0);
  EXPECT_FALSE(cache.find("t", 0));
}

TEST_F(AccountServiceTest, AGrantMadeHereTakesEffectOnTheNextRequest) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  EXPECT_FALSE(accounts().authenticate(login->token)->has(Role::leader));
  ASSERT_TRUE(accounts().grant(console_, "zhang.san", "zone-a", Role::leader));
  EXPECT_TRUE(accounts().authenticate(login->token)->has(Role::leader));
}

TEST_F(AccountServiceTest, ACredentialRemovedByAnotherProcessStopsWorkingWithinTheCacheLifetime) {
  ASSERT_TRUE(accounts().add_user(console_, "zone-a", valid_user()));
  auto login = accounts().login("zhang.san", "correct-horse-9");
  ASSERT_TRUE(accounts().authenticate(login->token));
  db_.execute("DELETE FROM credentials");  // as another server or a console would
  clock_.advance_ms(AccountSettings{}.credential_cache_ms);
  EXPECT_FALSE(accounts().authenticate(login->token));
}

}  // namespace
}  // namespace jingkai::accounts
