// The built web UI's files, served by the HTTP layer beside the API.
#include <gtest/gtest.h>

#include <fstream>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using testing::TestServer;

TEST(StaticFilesApi, ServesTheBuiltUiAndFallsBackToIndexForAppRoutes) {
  testing::TempDir web;
  std::filesystem::create_directories(web.path() / "assets");
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>jingkai</title>";
  std::ofstream(web.path() / "assets" / "app-1234.js") << "console.log('jingkai')";
  app::AppOptions options;
  options.web_dir = web.path().string();
  TestServer server(TestServer::fixed_clock(), options);
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
