// GET /api/v1/health, which the application wires up: open to anyone, it says the server is
// up, which database it runs on and which version it is.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

using testing::TestServer;

TEST(HealthApi, HealthSaysOkWhichDatabaseAndWhichVersionWithoutACredential) {
  TestServer server;
  auto reply = server.client().get("/api/v1/health");
  ASSERT_EQ(reply.status, 200);
  auto body = reply.json().as_object();
  EXPECT_EQ(body.at("status"), "ok");
  EXPECT_EQ(body.at("db"), server.database().is_postgresql() ? "postgresql" : "sqlite");
  EXPECT_EQ(body.at("version"), JINGKAI_VERSION);
  EXPECT_EQ(reply.headers["content-type"], "application/json; charset=utf-8");
}

}  // namespace
}  // namespace jingkai
