// The working-day calendar through the API: arithmetic, export, and an administrator's import.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using testing::TestServer;

class CalendarApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.add_user("admin", "zone-a", {Role::admin});
    server_.add_user("officer", "zone-a", {Role::approval_officer});
    admin_ = server_.login("admin");
    officer_ = server_.login("officer");
  }
  // The years the server's calendar holds, oldest first.
  std::vector<std::int64_t> years() {
    auto reply = server_.client().get("/api/v1/calendar", officer_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::vector<std::int64_t> out;
    const json::value body = reply.json();
    for (const auto& year : body.at("years").as_array()) out.push_back(year.as_int64());
    EXPECT_FALSE(out.empty());
    return out;
  }

  TestServer server_;
  std::string admin_, officer_;
};

TEST_F(CalendarApiTest, AddsWorkingDaysAcrossSpringFestival) {
  auto reply =
      server_.client().get("/api/v1/calendar/add-workdays?from=2024-02-09&days=1", officer_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("date"), "2024-02-18");
}

TEST_F(CalendarApiTest, CountsWorkingDaysBetweenTwoDates) {
  auto reply =
      server_.client().get("/api/v1/calendar/workdays?from=2024-09-27&to=2024-10-16", officer_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("workdays"), 10);
}

TEST_F(CalendarApiTest, AYearWithoutDataIsA400NamingTheYear) {
  // Five working days from 30 December of the last year the calendar holds: into a year it
  // does not (whichever year that is when the shipped data grows).
  const std::int64_t last = years().back();
  auto reply = server_.client().get(
      "/api/v1/calendar/add-workdays?from=" + std::to_string(last) + "-12-30&days=5", officer_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "calendar_year_missing");
  EXPECT_NE(reply.body.find(std::to_string(last + 1)), std::string::npos) << reply.body;
}

TEST_F(CalendarApiTest, BadParametersAreNamed) {
  auto client = server_.client();
  EXPECT_EQ(
      client.get("/api/v1/calendar/add-workdays?from=2024-02-30&days=1", officer_).error_field(),
      "from");
  EXPECT_EQ(
      client.get("/api/v1/calendar/add-workdays?from=2024-02-01&days=-1", officer_).error_field(),
      "days");
  EXPECT_EQ(
      client.get("/api/v1/calendar/add-workdays?from=2024-02-01&days=x", officer_).error_field(),
      "days");
  EXPECT_EQ(client.get("/api/v1/calendar/add-workdays?from=2024-02-01", officer_).error_field(),
            "days");
  EXPECT_EQ(client.get("/api/v1/calendar/workdays?from=2024-02-01", officer_).error_field(), "to");
}

TEST_F(CalendarApiTest, AnAdministratorImportsANewYearAndItIsUsedAtOnce) {
  const std::string year2027 =
      "year 2027 test notice\noff 2027-01-01 元旦\noff 2027-02-05..2027-02-11 春节\n"
      "work 2027-02-14 春节调休\n";
  auto imported =
      server_.client().post("/api/v1/calendar", json::object{{"text", year2027}}, admin_);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json().at("imported").as_array().at(0), 2027);
  auto reply =
      server_.client().get("/api/v1/calendar/add-workdays?from=2027-02-12&days=1", officer_);
  EXPECT_EQ(reply.json().at("date"), "2027-02-14");  // Friday, then the imported make-up Sunday
  const std::vector<std::int64_t> now_held = years();
  EXPECT_NE(std::find(now_held.begin(), now_held.end(), 2027), now_held.end());

  auto audit = server_.client().get("/api/v1/audit?page_size=1", admin_).json();
  EXPECT_EQ(audit.at("items").as_array().at(0).at("action"), "calendar.import");
}

TEST_F(CalendarApiTest, AFileWithOneBadLineImportsNothing) {
  const std::vector<std::int64_t> before = years();
  const std::string text =
      "year 2027 test\noff 2027-01-01 元旦\nyear 2028 test\noff 2028-02-30 春节\n";
  auto reply = server_.client().post("/api/v1/calendar", json::object{{"text", text}}, admin_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("第 4 行"), std::string::npos) << reply.body;
  EXPECT_EQ(years(), before);
}

TEST_F(CalendarApiTest, OnlyAnAdministratorImports) {
  auto reply =
      server_.client().post("/api/v1/calendar", json::object{{"text", "year 2027 x\n"}}, officer_);
  EXPECT_EQ(reply.status, 403);
}

}  // namespace
}  // namespace jingkai
