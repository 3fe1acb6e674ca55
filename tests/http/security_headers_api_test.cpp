// What the HTTP layer adds against a hostile page in the same browser: every response says
// not to sniff its type and not to be framed, a state change must name a Content-Type that
// no form or cross-site script can send unasked, and the session cookie is Secure wherever a
// browser would keep it.
#include <gtest/gtest.h>

#include <fstream>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using testing::Reply;
using testing::TestServer;

void expect_security_headers(const Reply& reply, const std::string& what) {
  EXPECT_EQ(reply.headers.at("x-content-type-options"), "nosniff") << what;
  const std::string& policy = reply.headers.at("content-security-policy");
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << what << ": " << policy;
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << what << ": " << policy;
  EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos) << what << ": " << policy;
  EXPECT_EQ(reply.headers.at("x-frame-options"), "DENY") << what;
  EXPECT_EQ(reply.headers.at("referrer-policy"), "same-origin") << what;
}

class SecurityHeadersApi : public testing::AdminApiTest {};

TEST_F(SecurityHeadersApi, EveryKindOfAnswerCarriesThem) {
  expect_security_headers(client().get("/api/v1/health"), "a public JSON answer");
  expect_security_headers(client().get("/api/v1/users", token_), "a signed-in JSON answer");
  expect_security_headers(client().get("/api/v1/users"), "401");
  expect_security_headers(client().get("/api/v1/no-such-route", token_), "404");
  expect_security_headers(client().send(verb::post, "/api/v1/auth/logout", "", token_, ""), "415");
  // Refused by the server before any route sees it: a body over every limit.
  const std::string refused = client().raw(
      "POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: 2000000000\r\n\r\n{");
  EXPECT_NE(refused.find(" 413 "), std::string::npos) << refused.substr(0, 200);
  EXPECT_NE(refused.find("X-Content-Type-Options: nosniff"), std::string::npos);
  EXPECT_NE(refused.find("frame-ancestors 'none'"), std::string::npos);
}

TEST(SecurityHeadersStatic, TheBuiltUiCarriesThemToo) {
  testing::TempDir web;
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>jingkai</title>";
  app::AppOptions options;
  options.web_dir = web.path().string();
  TestServer server(TestServer::fixed_clock(), options);
  expect_security_headers(server.client().get("/"), "index.html");
  expect_security_headers(server.client().get("/enterprises/7"), "an app route's fallback");
}

TEST_F(SecurityHeadersApi, AStateChangeWithoutAContentTypeIs415AndChangesNothing) {
  // A logout with no type at all: the session must survive it.
  auto untyped = client().send(verb::post, "/api/v1/auth/logout", "", token_, "");
  EXPECT_EQ(untyped.status, 415);
  EXPECT_EQ(untyped.error_code(), "unsupported_media_type");
  EXPECT_EQ(untyped.error_field(), "Content-Type");
  EXPECT_EQ(client().get("/api/v1/auth/me", token_).status, 200);

  const std::string user = json::serialize(json::object{{"name", "typed.user"},
                                                        {"display_name", "新用户"},
                                                        {"password", "correct-horse-9"},
                                                        {"roles", json::array{"leader"}}});
  for (const std::string& type :
       {std::string(), std::string("text/plain"), std::string("text/plain; charset=utf-8"),
        std::string("application/x-www-form-urlencoded"),
        std::string("Multipart/Form-Data; boundary=x")}) {
    auto reply = client().send(verb::post, "/api/v1/users", user, token_, type);
    EXPECT_EQ(reply.status, 415) << "Content-Type: " << type;
  }
  EXPECT_EQ(client().get("/api/v1/users", token_).json().at("total"), 1);

  // DELETE and PUT are state changes too.
  EXPECT_EQ(client()
                .send(verb::delete_, "/api/v1/enterprises/1/representatives/x", "", token_, "")
                .status,
            415);
  EXPECT_EQ(client().send(verb::put, "/api/v1/auth/zone", "{}", token_, "").status, 415);
  // A type no form can send is let through to the route.
  EXPECT_EQ(client().send(verb::post, "/api/v1/users", user, token_, "application/json").status,
            201);
}

TEST_F(SecurityHeadersApi, AReadNeedsNoContentType) {
  EXPECT_EQ(client().send(verb::get, "/api/v1/users", "", token_, "").status, 200);
}

TEST_F(SecurityHeadersApi, TheSessionCookieIsSecureOnLoopbackAndBehindAnHttpsProxy) {
  const std::string body =
      json::serialize(json::object{{"name", "admin"}, {"password", "correct-horse-9"}});
  auto cookie_for = [&](std::map<std::string, std::string> headers) {
    auto reply =
        client().send(verb::post, "/api/v1/auth/login", body, {}, "application/json", headers);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.headers["set-cookie"];
  };
  const std::string loopback = cookie_for({});
  EXPECT_NE(loopback.find("HttpOnly"), std::string::npos) << loopback;
  EXPECT_NE(loopback.find("SameSite=Strict"), std::string::npos) << loopback;
  EXPECT_NE(loopback.find("; Secure"), std::string::npos) << loopback;
  EXPECT_NE(cookie_for({{"Host", "localhost:8080"}}).find("; Secure"), std::string::npos);
  EXPECT_NE(cookie_for({{"Host", "[::1]:8080"}}).find("; Secure"), std::string::npos);
  EXPECT_NE(cookie_for({{"Host", "jingkai.example.gov.cn"}, {"X-Forwarded-Proto", "https"}})
                .find("; Secure"),
            std::string::npos);
  // Plain HTTP to another address (a rehearsal on a LAN): a Secure cookie would never come
  // back, so it goes without.
  EXPECT_EQ(cookie_for({{"Host", "192.0.2.10:8080"}}).find("Secure"), std::string::npos);
  EXPECT_EQ(cookie_for({{"Host", "127.example.com"}}).find("Secure"), std::string::npos);
}

}  // namespace
}  // namespace jingkai
