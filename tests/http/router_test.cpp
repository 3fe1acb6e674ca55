// The router on its own: matching, path parameters, access, and errors as JSON.
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace jingkai::http {
namespace {

class RouterTest : public ::testing::Test {
 protected:
  RouterTest()
      : router_([](std::string_view credential) -> Result<Actor> {
          if (credential == "admin") return Actor{1, "a", 1, "z", {Role::admin}};
          if (credential == "leader") return Actor{2, "l", 1, "z", {Role::leader}};
          return std::unexpected(Error::unauthenticated("who?"));
        }) {
    auto echo = [](const RequestContext& ctx) -> Result<Response> {
      boost::json::object params;
      for (const auto& [key, value] : ctx.params) params[key] = value;
      for (const auto& [key, value] : ctx.query) params["q." + key] = value;
      return json_response(StatusCode::ok, params);
    };
    router_.add(Verb::get, "/api/v1/health", Access::anyone(), echo);
    router_.add(Verb::get, "/api/v1/users", Access::only({Role::admin}), echo);
    router_.add(Verb::get, "/api/v1/users/{id}", Access::any_user(), echo);
    router_.add(Verb::get, "/api/v1/zones/{zone}/users/{id}", Access::anyone(), echo);
  }
  Response get(const std::string& target, const std::string& token = {}) {
    Request request{Verb::get, target, 11};
    if (!token.empty()) request.set(beast_http::field::authorization, "Bearer " + token);
    return router_.handle(request);
  }
  static boost::json::value body(const Response& r) { return boost::json::parse(r.body()); }

  Router router_;
};

TEST_F(RouterTest, MatchesWholeSegmentsOnly) {
  EXPECT_EQ(get("/api/v1/health").result_int(), 200);
  EXPECT_EQ(get("/api/v1/healthz").result_int(), 404);
  EXPECT_EQ(get("/api/v1/health/").result_int(), 404);
  EXPECT_EQ(get("/api/v1").result_int(), 404);
  EXPECT_EQ(get("/api/v1/health/extra").result_int(), 404);
  EXPECT_EQ(get("/api/v2/health").result_int(), 404);
}

TEST_F(RouterTest, CapturesPathParametersAndQueryParameters) {
  auto reply = get("/api/v1/zones/zhuji-edz/users/42?page=2&q=%E8%AF%B8", "admin");
  ASSERT_EQ(reply.result_int(), 200);
  auto json = body(reply);
  EXPECT_EQ(json.at("zone"), "zhuji-edz");
  EXPECT_EQ(json.at("id"), "42");
  EXPECT_EQ(json.at("q.page"), "2");
  EXPECT_EQ(json.at("q.q"), "诸");
}

TEST_F(RouterTest, AnEmptyParameterSegmentDoesNotMatch) {
  EXPECT_EQ(get("/api/v1/users/", "admin").result_int(), 404);
  EXPECT_EQ(get("/api/v1/zones//users/1").result_int(), 404);
}

TEST_F(RouterTest, AccessIsCheckedBeforeTheHandler) {
  EXPECT_EQ(get("/api/v1/users").result_int(), 401);
  EXPECT_EQ(get("/api/v1/users", "nobody").result_int(), 401);
  EXPECT_EQ(get("/api/v1/users", "leader").result_int(), 403);
  EXPECT_EQ(get("/api/v1/users", "admin").result_int(), 200);
  EXPECT_EQ(get("/api/v1/users/7", "leader").result_int(), 200);
}

TEST_F(RouterTest, TheSessionCookieIsReadAmongOtherCookies) {
  Request request{Verb::get, "/api/v1/users", 11};
  request.set(beast_http::field::cookie,
              "theme=dark; jingkai_sessionx=leader; jingkai_session=admin");
  EXPECT_EQ(credential_of(request), "admin");
  EXPECT_EQ(router_.handle(request).result_int(), 200);
  request.set(beast_http::field::cookie, "jingkai_sessionx=admin");
  EXPECT_EQ(credential_of(request), "");
}

TEST_F(RouterTest, AHandlerThatThrowsIsAJson500WithoutTheMessage) {
  router_.add(
      Verb::get, "/api/v1/broken", Access::anyone(),
      [](const RequestContext&) -> Result<Response> { throw std::runtime_error("secret detail"); });
  auto reply = get("/api/v1/broken");
  EXPECT_EQ(reply.result_int(), 500);
  EXPECT_EQ(reply.body().find("secret detail"), std::string::npos);
  EXPECT_EQ(body(reply).at("error").at("code"), "internal");
}

TEST_F(RouterTest, PathsOutsideTheApiGoToTheFallback) {
  EXPECT_EQ(get("/enterprises").result_int(), 404);
  router_.set_fallback([](const Request&) { return no_content(); });
  EXPECT_EQ(get("/enterprises").result_int(), 204);
  EXPECT_EQ(get("/api/v1/nothing").result_int(), 404);
}

}  // namespace
}  // namespace jingkai::http
