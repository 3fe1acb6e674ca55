#include <gtest/gtest.h>

#include <set>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/digest.hpp"
#include "core/role.hpp"

namespace jingkai {
namespace {

TEST(Role, EveryRoleRoundTripsThroughItsName) {
  std::set<std::string_view> names;
  for (Role role : kAllRoles) {
    EXPECT_EQ(parse_role(to_string(role)), role);
    names.insert(to_string(role));
  }
  EXPECT_EQ(names.size(), 8u);
}

TEST(Role, TheEightRolesOfTheProductAreNamedAsTheApiSpellsThem) {
  for (const char* name :
       {"admin", "leader", "stats_officer", "approval_officer", "investment_officer",
        "park_manager", "enterprise_user", "province_viewer"}) {
    EXPECT_TRUE(parse_role(name).has_value()) << name;
  }
}

TEST(Role, UnknownAndDifferentlyCasedNamesAreNotRoles) {
  EXPECT_FALSE(parse_role("").has_value());
  EXPECT_FALSE(parse_role("Admin").has_value());
  EXPECT_FALSE(parse_role("root").has_value());
  EXPECT_FALSE(parse_role("admin ").has_value());
}

TEST(Actor, HoldsOnlyTheRolesItWasGiven) {
  Actor actor{1, "officer", 2, "zhuji-edz", {Role::approval_officer, Role::leader}};
  EXPECT_TRUE(actor.has(Role::leader));
  EXPECT_TRUE(actor.has(Role::approval_officer));
  EXPECT_FALSE(actor.has(Role::admin));
  EXPECT_FALSE(Actor::system("cli:root").has(Role::admin));
}

TEST(ChinaTime, IsUtcPlusEightWithMilliseconds) {
  EXPECT_EQ(format_china_time(0), "1970-01-01T08:00:00.000+08:00");
  // 2026-11-27T11:07:08.123Z
  EXPECT_EQ(format_china_time(1795777628123), "2026-11-27T19:07:08.123+08:00");
}

TEST(ChinaTime, CrossesMidnightAndYearEndInChinaBeforeUtcDoes) {
  // 2025-12-31T16:00:00Z is already New Year in China.
  EXPECT_EQ(format_china_time(1767196800000), "2026-01-01T00:00:00.000+08:00");
  EXPECT_EQ(format_china_time(1767196799999), "2025-12-31T23:59:59.999+08:00");
}

TEST(Instant, ReadsWhatChinaTimeWritesAndOtherOffsets) {
  EXPECT_EQ(*parse_instant("2026-11-27T19:07:08.123+08:00"), 1795777628123);
  EXPECT_EQ(*parse_instant("2026-11-27T11:07:08.123Z"), 1795777628123);
  EXPECT_EQ(*parse_instant("2026-11-27T11:07:08Z"), 1795777628000);
  EXPECT_EQ(*parse_instant("2026-11-27T06:07:08-05:00"), 1795777628000);
  for (EpochMs ms : {EpochMs(0), EpochMs(1767196799999), EpochMs(1795777628123)}) {
    EXPECT_EQ(*parse_instant(format_china_time(ms)), ms);
  }
}

TEST(Instant, RefusesAnythingElseNamingTheField) {
  for (const char* bad : {"", "2026-11-27", "2026-11-27 19:07:08+08:00", "2026-11-27T19:07:08",
                          "2026-11-27T24:00:00Z", "2026-11-27T19:60:00Z", "2026-02-30T10:00:00Z",
                          "2026-11-27T19:07:08.12Z", "2026-11-27T19:07:08+0800",
                          "2026-11-27T19:07:08+08:00 ", "now"}) {
    auto parsed = parse_instant(bad, "now");
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().code, "bad_time") << bad;
    EXPECT_EQ(parsed.error().field, "now");
  }
}

TEST(ManualClock, SettableClockRunsOnFromTheInstantItIsSetTo) {
  SettableClock clock;
  const EpochMs set = *parse_instant("2026-09-28T09:00:00+08:00");
  clock.set_now_ms(set);
  const EpochMs now = clock.now_ms();
  EXPECT_GE(now, set);
  EXPECT_LT(now, set + 60000);
}

TEST(ManualClock, MovesOnlyWhenAdvanced) {
  ManualClock clock(1000);
  EXPECT_EQ(clock.now_ms(), 1000);
  clock.advance_ms(500);
  EXPECT_EQ(clock.now_ms(), 1500);
}

TEST(Digest, Sha256MatchesTheStandardTestVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Digest, RandomTokensAreHexOfTheAskedLengthAndDiffer) {
  const std::string a = random_token_hex(), b = random_token_hex();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(random_token_hex(6).size(), 12u);
}

}  // namespace
}  // namespace jingkai
