// The HTTP API, through a real server on a loopback port: its discipline with bad input,
// sessions, tenancy and the audit log.
#include <gtest/gtest.h>

#include <fstream>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using testing::TestServer;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.add_user("admin", "zone-a", {Role::admin});
    token_ = server_.login("admin");
  }
  testing::HttpClient client() const { return server_.client(); }
  long long count(const std::string& table) {
    long long n = -1;
    EXPECT_TRUE(server_.app().db().read([&](store::Tx& tx) -> Status {
      tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
      return {};
    }));
    return n;
  }

  TestServer server_;
  std::string token_;
};

json::object new_user(const std::string& name) {
  return {{"name", name},
          {"display_name", "新用户"},
          {"password", "correct-horse-9"},
          {"roles", json::array{"stats_officer"}}};
}

TEST_F(ApiTest, HealthSaysOkWhichDatabaseAndWhichVersion) {
  auto reply = client().get("/api/v1/health");
  ASSERT_EQ(reply.status, 200);
  auto body = reply.json().as_object();
  EXPECT_EQ(body.at("status"), "ok");
  EXPECT_EQ(body.at("db"), server_.database().is_postgresql() ? "postgresql" : "sqlite");
  EXPECT_EQ(body.at("version"), JINGKAI_VERSION);
  EXPECT_EQ(reply.headers["content-type"], "application/json; charset=utf-8");
}

TEST_F(ApiTest, AnUnknownRouteIsAJson404) {
  auto reply = client().get("/api/v1/nothing-here", token_);
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.error_code(), "no_route");
}

TEST_F(ApiTest, AKnownPathWithTheWrongMethodIs405) {
  auto reply = client().send(verb::delete_, "/api/v1/users", "", token_);
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.error_code(), "method_not_allowed");
}

TEST_F(ApiTest, LoginSetsAStrictHttpOnlySessionCookieThatAuthenticates) {
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

TEST_F(ApiTest, AWrongPasswordIs401AndRepeatedFailuresAre429) {
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

TEST_F(ApiTest, LogoutEndsTheSessionAndClearsTheCookie) {
  auto reply = client().send(verb::post, "/api/v1/auth/logout", "", token_);
  EXPECT_EQ(reply.status, 204);
  EXPECT_NE(reply.headers["set-cookie"].find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client().get("/api/v1/auth/me", token_).status, 401);
}

TEST_F(ApiTest, NoCredentialAndAForgedCredentialAreBoth401) {
  EXPECT_EQ(client().get("/api/v1/auth/me").status, 401);
  auto forged = client().get("/api/v1/auth/me", std::string(64, 'a'));
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(forged.error_code(), "unauthenticated");
}

// --- bad input: each a clear 4xx and no change ---------------------------------------------

TEST_F(ApiTest, MalformedJsonIs400AndChangesNothing) {
  const long long users = count("users");
  for (const char* body : {"{", "{\"name\": }", "not json", "{\"name\":\"x\",}", "", "[1,2]",
                           "\"a string\"", "null"}) {
    auto reply = client().send(verb::post, "/api/v1/users", body, token_);
    EXPECT_EQ(reply.status, 400) << body;
    EXPECT_EQ(reply.error_code(), "malformed_json") << body;
  }
  EXPECT_EQ(count("users"), users);
}

TEST_F(ApiTest, AFieldOfTheWrongTypeIsNamed) {
  json::object body = new_user("wrong.type");
  body["name"] = 42;
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "wrong_type");
  EXPECT_EQ(reply.error_field(), "name");

  body = new_user("wrong.type");
  body["roles"] = "admin";
  reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.error_field(), "roles");

  body = new_user("wrong.type");
  body["roles"] = json::array{1, 2};
  reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_field(), "roles");
}

TEST_F(ApiTest, AMissingFieldIsNamed) {
  json::object body = new_user("missing");
  body.erase("password");
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "missing_field");
  EXPECT_EQ(reply.error_field(), "password");
}

TEST_F(ApiTest, AnUnknownFieldIsRefusedAndNamed) {
  json::object body = new_user("unknown.field");
  body["is_superuser"] = true;
  const long long users = count("users");
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "unknown_field");
  EXPECT_EQ(reply.error_field(), "is_superuser");
  EXPECT_EQ(count("users"), users);
}

TEST_F(ApiTest, InvalidUtf8Is400) {
  const std::string body =
      "{\"name\":\"bad.utf\",\"display_name\":\"\xE8\xAF\",\"password\":\"correct-horse-9\","
      "\"roles\":[\"admin\"]}";
  auto reply = client().send(verb::post, "/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "invalid_utf8");
  // The same bytes escaped as a lone surrogate in JSON are refused by the parser too.
  auto escaped = client().send(
      verb::post, "/api/v1/users",
      R"({"name":"bad.utf","display_name":"\ud800","password":"correct-horse-9","roles":["admin"]})",
      token_);
  EXPECT_EQ(escaped.status, 400);
}

TEST_F(ApiTest, SqlMetaCharactersNeitherBreakNorInjectAnything) {
  const long long users = count("users");
  auto refused = client().post("/api/v1/users", new_user("x'; DROP TABLE users;--"), token_);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.error_field(), "name");

  json::object body = new_user("bobby");
  body["display_name"] = "Robert'); DROP TABLE users;-- \" \\ %_";
  auto created = client().post("/api/v1/users", body, token_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("display_name"), "Robert'); DROP TABLE users;-- \" \\ %_");
  EXPECT_EQ(count("users"), users + 1);

  auto login = client().post("/api/v1/auth/login", json::object{{"name", "admin' OR '1'='1"},
                                                                {"password", "' OR 1=1 --"}});
  EXPECT_EQ(login.status, 401);
}

TEST_F(ApiTest, AWrongOrMissingContentTypeIs415) {
  const std::string body = json::serialize(new_user("typed"));
  auto plain = client().send(verb::post, "/api/v1/users", body, token_, "text/plain");
  EXPECT_EQ(plain.status, 415);
  EXPECT_EQ(plain.error_code(), "unsupported_media_type");
  auto form =
      client().send(verb::post, "/api/v1/users", body, token_, "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 415);
  auto none = client().send(verb::post, "/api/v1/users", body, token_, "");
  EXPECT_EQ(none.status, 415);
  auto with_charset =
      client().send(verb::post, "/api/v1/users", body, token_, "application/json; charset=utf-8");
  EXPECT_EQ(with_charset.status, 201);
}

TEST_F(ApiTest, ABodyOverTheLimitIs413AndChangesNothing) {
  const long long users = count("users");
  json::object body = new_user("big");
  body["display_name"] = std::string(2 << 20, 'x');
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.error_code(), "payload_too_large");
  EXPECT_EQ(count("users"), users);
}

TEST_F(ApiTest, AChunkedBodyOverTheLimitIs413Too) {
  std::string request =
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(64 * 1024, 'x');
  for (int i = 0; i < 20; ++i) request += "10000\r\n" + chunk + "\r\n";
  request += "0\r\n\r\n";
  const std::string reply = client().raw(request);
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply.substr(0, 80);
}

TEST_F(ApiTest, AnOverlongStringFieldIsRefusedByName) {
  json::object body = new_user("long.name");
  body["display_name"] = std::string(65, 'x');
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_field(), "display_name");
}

TEST_F(ApiTest, AnUnknownRoleIsRefusedByName) {
  json::object body = new_user("role.less");
  body["roles"] = json::array{"superuser"};
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "unknown_role");
  EXPECT_EQ(reply.error_field(), "roles");
}

TEST_F(ApiTest, BadPagingParametersAre400) {
  for (const char* query : {"page=0", "page=-1", "page=abc", "page_size=0", "page_size=501",
                            "page_size=1e3", "page=99999999999999999999"}) {
    auto reply = client().get(std::string("/api/v1/users?") + query, token_);
    EXPECT_EQ(reply.status, 400) << query;
  }
  EXPECT_EQ(client().get("/api/v1/users?page=2&page_size=500", token_).status, 200);
}

TEST_F(ApiTest, DotSegmentsInPathsAre400) {
  for (const char* path :
       {"/../../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/etc/passwd",
        "/assets/%2E%2E/%2e%2e/etc/passwd", "/api/v1/../v1/health", "/./index.html"}) {
    const std::string reply = client().raw(std::string("GET ") + path +
                                           " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << path << ": " << reply.substr(0, 60);
    EXPECT_NE(reply.find("bad_path"), std::string::npos) << path;
    EXPECT_EQ(reply.find("root:"), std::string::npos) << path;
  }
}

TEST_F(ApiTest, AGarbledRequestIs400NotACrash) {
  const std::string reply = client().raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply.substr(0, 60);
  // and the server still serves
  EXPECT_EQ(client().get("/api/v1/health").status, 200);
}

TEST_F(ApiTest, AnInternalFailureIsAJson503WithoutTheDriversMessage) {
  // Sabotage the schema under the running server: the user list can no longer be read.
  server_.database().execute("ALTER TABLE memberships RENAME TO memberships_gone");
  auto reply = client().get("/api/v1/users", token_);
  EXPECT_EQ(reply.status, 503) << reply.body;
  EXPECT_EQ(reply.error_code(), "db_failure");
  EXPECT_EQ(reply.body.find("memberships"), std::string::npos) << reply.body;
}

// --- users, zones and tenancy -----------------------------------------------------------

TEST_F(ApiTest, AnAdminCreatesAUserWhoCanThenLogIn) {
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

TEST_F(ApiTest, AUserOfZoneANeverSeesZoneB) {
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

TEST_F(ApiTest, AUserOfTwoZonesSwitchesAndTheRolesFollow) {
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

TEST_F(ApiTest, AnAdminWhoCreatesAZoneAdministersIt) {
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

// --- the audit log through the API -----------------------------------------------------

TEST_F(ApiTest, TheAuditLogShowsWhoChangedWhatWithBeforeAndAfter) {
  ASSERT_EQ(client().post("/api/v1/users", new_user("zhao.liu"), token_).status, 201);
  auto audit = client().get("/api/v1/audit?page_size=1", token_);
  ASSERT_EQ(audit.status, 200);
  const json::value body = audit.json();
  const auto& newest = body.at("items").as_array().at(0).as_object();
  EXPECT_EQ(newest.at("action"), "user.create");
  EXPECT_EQ(newest.at("actor"), "admin");
  EXPECT_TRUE(newest.at("before").is_null());
  EXPECT_EQ(newest.at("after").at("name"), "zhao.liu");
  EXPECT_EQ(newest.at("after").as_object().count("password"), 0u);
  EXPECT_TRUE(std::string(newest.at("at").as_string()).ends_with("+08:00"));
  EXPECT_EQ(newest.at("hash").as_string().size(), 64u);
}

TEST_F(ApiTest, VerifyReportsTheFirstAlteredRecord) {
  auto intact = client().get("/api/v1/audit/verify", token_).json();
  EXPECT_EQ(intact.at("ok"), true);
  server_.database().execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2");
  auto broken = client().get("/api/v1/audit/verify", token_).json();
  EXPECT_EQ(broken.at("ok"), false);
  EXPECT_EQ(broken.at("first_bad_seq"), 2);
}

// --- the web UI's files ------------------------------------------------------------------

TEST(StaticFilesApi, ServesTheBuiltUiAndFallsBackToIndexForAppRoutes) {
  testing::TempDir web;
  std::filesystem::create_directories(web.path() / "assets");
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>jingkai</title>";
  std::ofstream(web.path() / "assets" / "app-1234.js") << "console.log('jingkai')";
  app::AppOptions options;
  options.web_dir = web.path().string();
  TestServer server(TestServer::system_clock(), options);
  auto client = server.client();

  auto index = client.get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("<title>jingkai</title>"), std::string::npos);
  EXPECT_EQ(client.get("/enterprises/42").body, index.body);

  auto script = client.get("/assets/app-1234.js");
  EXPECT_EQ(script.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_NE(script.headers["cache-control"].find("immutable"), std::string::npos);
  EXPECT_EQ(script.body, "console.log('jingkai')");

  EXPECT_EQ(client.get("/api/v1/nothing").status, 404);
  EXPECT_EQ(client.post("/", json::object{}).status, 405);
}

}  // namespace
}  // namespace jingkai
