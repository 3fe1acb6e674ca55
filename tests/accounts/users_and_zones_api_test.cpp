// Users, zones and tenancy through the API: an administrator manages the users of a zone,
// and nobody sees another zone's users or records.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using testing::TestServer;

class UsersAndZonesApi : public testing::AdminApiTest {};

json::object new_user(const std::string& name) {
  return {{"name", name},
          {"display_name", "新用户"},
          {"password", "correct-horse-9"},
          {"roles", json::array{"stats_officer"}}};
}

TEST_F(UsersAndZonesApi, AnAdminCreatesAUserWhoCanThenLogIn) {
  auto created = client().post("/api/v1/users", new_user("wang.wu"), token_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("roles").as_array().at(0), "stats_officer");
  auto list = client().get("/api/v1/users", token_);
  EXPECT_EQ(list.json().at("total"), 2);
  EXPECT_NO_THROW(server_.login("wang.wu"));
  auto duplicate = client().post("/api/v1/users", new_user("wang.wu"), token_);
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.error_field(), "name");
}

TEST_F(UsersAndZonesApi, AnUnknownRoleIsRefusedByName) {
  json::object body = new_user("role.less");
  body["roles"] = json::array{"superuser"};
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "unknown_role");
  EXPECT_EQ(reply.error_field(), "roles");
}

TEST_F(UsersAndZonesApi, AUserOfZoneANeverSeesZoneB) {
  server_.add_user("b.admin", "zone-b", {Role::admin});
  const std::string b_token = server_.login("b.admin");
  ASSERT_EQ(client().post("/api/v1/users", new_user("b.clerk"), b_token).status, 201);

  auto a_users = client().get("/api/v1/users?page_size=500", token_).json();
  for (const auto& user : a_users.at("items").as_array()) {
    EXPECT_NE(user.at("name"), "b.clerk");
    EXPECT_NE(user.at("name"), "b.admin");
  }
  auto a_audit = client().get("/api/v1/audit?page_size=500", token_).json();
  for (const auto& record : a_audit.at("items").as_array()) {
    EXPECT_NE(record.at("actor"), "b.admin");
    EXPECT_EQ(record.at("zone"), "zone-a");
  }
  auto switched = client().send(verb::put, "/api/v1/auth/zone", R"({"zone":"zone-b"})", token_);
  EXPECT_EQ(switched.status, 403);
  // The users zone A's admin creates land in zone A, whatever the body says.
  json::object sneaky = new_user("sneaky");
  sneaky["zone"] = "zone-b";
  EXPECT_EQ(client().post("/api/v1/users", sneaky, token_).status, 400);
}

TEST_F(UsersAndZonesApi, AUserOfTwoZonesSwitchesAndTheRolesFollow) {
  server_.add_zone("zone-b");
  ASSERT_TRUE(
      server_.app().accounts().grant(Actor::system("test"), "admin", "zone-b", Role::leader));
  auto switched = client().send(verb::put, "/api/v1/auth/zone", R"({"zone":"zone-b"})", token_);
  ASSERT_EQ(switched.status, 200) << switched.body;
  EXPECT_EQ(switched.json().at("user").at("current_zone"), "zone-b");
  EXPECT_EQ(client().get("/api/v1/users", token_).status, 403);  // only a leader there
  EXPECT_EQ(client().get("/api/v1/auth/me", token_).json().at("user").at("current_zone"), "zone-b");
  auto unknown = client().send(verb::put, "/api/v1/auth/zone", R"({"zone":"nowhere"})", token_);
  EXPECT_EQ(unknown.status, 404);
}

TEST_F(UsersAndZonesApi, AnAdminWhoCreatesAZoneAdministersIt) {
  auto created =
      client().post("/api/v1/zones", json::object{{"code", "new-zone"}, {"name", "新区"}}, token_);
  ASSERT_EQ(created.status, 201) << created.body;
  auto zones = client().get("/api/v1/zones", token_).json();
  EXPECT_EQ(zones.at("total"), 2);
  auto switched = client().send(verb::put, "/api/v1/auth/zone", R"({"zone":"new-zone"})", token_);
  ASSERT_EQ(switched.status, 200);
  EXPECT_EQ(client().get("/api/v1/users", token_).status, 200);
  auto duplicate =
      client().post("/api/v1/zones", json::object{{"code", "new-zone"}, {"name", "again"}}, token_);
  EXPECT_EQ(duplicate.status, 409);
  auto bad =
      client().post("/api/v1/zones", json::object{{"code", "Bad Code"}, {"name", "x"}}, token_);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_field(), "code");
}

}  // namespace
}  // namespace jingkai
