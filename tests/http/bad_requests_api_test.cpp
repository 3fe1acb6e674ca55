// The HTTP layer's discipline with bad requests, through a real server on a loopback port:
// each is a clear JSON 4xx naming what is wrong, never a crash or a 500, and changes nothing.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using testing::TestServer;

class BadRequestsApi : public testing::AdminApiTest {
 protected:
  long long count(const std::string& table) {
    long long n = -1;
    EXPECT_TRUE(server_.app().db().read([&](store::Tx& tx) -> Status {
      tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
      return {};
    }));
    return n;
  }
};

json::object new_user(const std::string& name) {
  return {{"name", name},
          {"display_name", "新用户"},
          {"password", "correct-horse-9"},
          {"roles", json::array{"stats_officer"}}};
}

// --- routing -----------------------------------------------------------------------------

TEST_F(BadRequestsApi, AnUnknownRouteIsAJson404) {
  auto reply = client().get("/api/v1/nothing-here", token_);
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.error_code(), "no_route");
}

TEST_F(BadRequestsApi, AKnownPathWithTheWrongMethodIs405) {
  auto reply = client().send(verb::delete_, "/api/v1/users", "", token_);
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.error_code(), "method_not_allowed");
}

TEST_F(BadRequestsApi, DotSegmentsInPathsAre400) {
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

TEST_F(BadRequestsApi, AGarbledRequestIs400NotACrash) {
  const std::string reply = client().raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply.substr(0, 60);
  // and the server still serves
  EXPECT_EQ(client().get("/api/v1/health").status, 200);
}

// --- bodies ------------------------------------------------------------------------------

TEST_F(BadRequestsApi, MalformedJsonIs400AndChangesNothing) {
  const long long users = count("users");
  for (const char* body : {"{", "{\"name\": }", "not json", "{\"name\":\"x\",}", "", "[1,2]",
                           "\"a string\"", "null"}) {
    auto reply = client().send(verb::post, "/api/v1/users", body, token_);
    EXPECT_EQ(reply.status, 400) << body;
    EXPECT_EQ(reply.error_code(), "malformed_json") << body;
  }
  EXPECT_EQ(count("users"), users);
}

TEST_F(BadRequestsApi, AFieldOfTheWrongTypeIsNamed) {
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

TEST_F(BadRequestsApi, AMissingFieldIsNamed) {
  json::object body = new_user("missing");
  body.erase("password");
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "missing_field");
  EXPECT_EQ(reply.error_field(), "password");
}

TEST_F(BadRequestsApi, AnUnknownFieldIsRefusedAndNamed) {
  json::object body = new_user("unknown.field");
  body["is_superuser"] = true;
  const long long users = count("users");
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "unknown_field");
  EXPECT_EQ(reply.error_field(), "is_superuser");
  EXPECT_EQ(count("users"), users);
}

TEST_F(BadRequestsApi, InvalidUtf8Is400) {
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

TEST_F(BadRequestsApi, SqlMetaCharactersNeitherBreakNorInjectAnything) {
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

TEST_F(BadRequestsApi, AWrongOrMissingContentTypeIs415) {
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

TEST_F(BadRequestsApi, ABodyOverTheLimitIs413AndChangesNothing) {
  const long long users = count("users");
  json::object body = new_user("big");
  body["display_name"] = std::string(2 << 20, 'x');
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.error_code(), "payload_too_large");
  EXPECT_EQ(count("users"), users);
}

TEST_F(BadRequestsApi, AChunkedBodyOverTheLimitIs413Too) {
  std::string request =
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(64 * 1024, 'x');
  for (int i = 0; i < 20; ++i) request += "10000\r\n" + chunk + "\r\n";
  request += "0\r\n\r\n";
  const std::string reply = client().raw(request);
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply.substr(0, 80);
}

TEST_F(BadRequestsApi, AnOverlongStringFieldIsRefusedByName) {
  json::object body = new_user("long.name");
  body["display_name"] = std::string(65, 'x');
  auto reply = client().post("/api/v1/users", body, token_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_field(), "display_name");
}

// --- queries -----------------------------------------------------------------------------

TEST_F(BadRequestsApi, BadPagingParametersAre400) {
  for (const char* query : {"page=0", "page=-1", "page=abc", "page_size=0", "page_size=501",
                            "page_size=1e3", "page=99999999999999999999"}) {
    auto reply = client().get(std::string("/api/v1/users?") + query, token_);
    EXPECT_EQ(reply.status, 400) << query;
  }
  EXPECT_EQ(client().get("/api/v1/users?page=2&page_size=500", token_).status, 200);
}

// --- failures below ----------------------------------------------------------------------

TEST_F(BadRequestsApi, AnInternalFailureIsAJson503WithoutTheDriversMessage) {
  // Sabotage the schema under the running server: the user list can no longer be read.
  server_.database().execute("ALTER TABLE memberships RENAME TO memberships_gone");
  auto reply = client().get("/api/v1/users", token_);
  EXPECT_EQ(reply.status, 503) << reply.body;
  EXPECT_EQ(reply.error_code(), "db_failure");
  EXPECT_EQ(reply.body.find("memberships"), std::string::npos) << reply.body;
}

}  // namespace
}  // namespace jingkai
