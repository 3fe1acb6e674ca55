// The working-day calendar through the API: arithmetic, export, and an administrator's import.
#include <gtest/gtest.h>

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
  auto reply =
      server_.client().get("/api/v1/calendar/add-workdays?from=2026-12-30&days=5", officer_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "calendar_year_missing");
  EXPECT_NE(reply.body.find("2027"), std::string::npos);
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
  auto calendar = server_.client().get("/api/v1/calendar", officer_).json();
  EXPECT_EQ(calendar.at("years").as_array().back(), 2027);

  auto audit = server_.client().get("/api/v1/audit?page_size=1", admin_).json();
  EXPECT_EQ(audit.at("items").as_array().at(0).at("action"), "calendar.import");
}

TEST_F(CalendarApiTest, AFileWithOneBadLineImportsNothing) {
  const std::string text =
      "year 2027 test\noff 2027-01-01 元旦\nyear 2028 test\noff 2028-02-30 春节\n";
  auto reply = server_.client().post("/api/v1/calendar", json::object{{"text", text}}, admin_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("第 4 行"), std::string::npos) << reply.body;
  auto calendar = server_.client().get("/api/v1/calendar", officer_).json();
  EXPECT_EQ(calendar.at("years").as_array().back(), 2026);
}

TEST_F(CalendarApiTest, OnlyAnAdministratorImports) {
  auto reply =
      server_.client().post("/api/v1/calendar", json::object{{"text", "year 2027 x\n"}}, officer_);
  EXPECT_EQ(reply.status, 403);
}

}  // namespace
}  // namespace jingkai
