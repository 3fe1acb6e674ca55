// The audit log through the API: who changed what, with the record before and after, and a
// check of the hash chain that names the first altered record.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;
using testing::TestServer;

class AuditApi : public testing::AdminApiTest {};

json::object new_user(const std::string& name) {
  return {{"name", name},
          {"display_name", "新用户"},
          {"password", "correct-horse-9"},
          {"roles", json::array{"stats_officer"}}};
}

TEST_F(AuditApi, TheAuditLogShowsWhoChangedWhatWithBeforeAndAfter) {
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

TEST_F(AuditApi, VerifyReportsTheFirstAlteredRecord) {
  auto intact = client().get("/api/v1/audit/verify", token_).json();
  EXPECT_EQ(intact.at("ok"), true);
  server_.database().execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2");
  auto broken = client().get("/api/v1/audit/verify", token_).json();
  EXPECT_EQ(broken.at("ok"), false);
  EXPECT_EQ(broken.at("first_bad_seq"), 2);
}

}  // namespace
}  // namespace jingkai
