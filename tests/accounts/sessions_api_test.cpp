// Logging in and out through the API: the session cookie, the bearer token, and what a
// wrong or missing credential gets.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using testing::TestServer;

class SessionsApi : public testing::AdminApiTest {};

TEST_F(SessionsApi, LoginSetsAStrictHttpOnlySessionCookieThatAuthenticates) {
  auto reply = client().post("/api/v1/auth/login",
                             json::object{{"name", "admin"}, {"password", "correct-horse-9"}});
  ASSERT_EQ(reply.status, 200);
  const std::string cookie = reply.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_NE(cookie.find("Max-Age=43200"), std::string::npos);
  const json::object user = reply.json().at("user").as_object();
  EXPECT_EQ(user.at("name"), "admin");
  EXPECT_EQ(user.at("current_zone"), "zone-a");
  EXPECT_EQ(user.at("zones").as_array().at(0).at("roles").as_array().at(0), "admin");

  const std::string pair = cookie.substr(0, cookie.find(';'));
  auto me =
      client().send(verb::get, "/api/v1/auth/me", "", "", "", {{"Cookie", "theme=dark; " + pair}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("user").at("name"), "admin");
}

TEST_F(SessionsApi, AWrongPasswordIs401AndRepeatedFailuresAre429) {
  for (int i = 0; i < 5; ++i) {
    auto reply = client().post("/api/v1/auth/login",
                               json::object{{"name", "admin"}, {"password", "wrong-password"}});
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(reply.error_code(), "invalid_credentials");
  }
  auto locked = client().post("/api/v1/auth/login",
                              json::object{{"name", "admin"}, {"password", "correct-horse-9"}});
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.error_code(), "login_throttled");
}

TEST_F(SessionsApi, LogoutEndsTheSessionAndClearsTheCookie) {
  auto reply = client().send(verb::post, "/api/v1/auth/logout", "", token_);
  EXPECT_EQ(reply.status, 204);
  EXPECT_NE(reply.headers["set-cookie"].find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client().get("/api/v1/auth/me", token_).status, 401);
}

TEST_F(SessionsApi, NoCredentialAndAForgedCredentialAreBoth401) {
  EXPECT_EQ(client().get("/api/v1/auth/me").status, 401);
  auto forged = client().get("/api/v1/auth/me", std::string(64, 'a'));
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(forged.error_code(), "unauthenticated");
}

}  // namespace
}  // namespace jingkai
