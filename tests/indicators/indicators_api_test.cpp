// The indicators through the API: every figure computed from the reports, following them
// when they change, and drilled down to the reports that make it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/money.hpp"
#include "support/samples.hpp"
#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using testing::sample_uscc;
using testing::TestServer;

constexpr EpochMs kNow = 1781496000000LL;           // 2026-06-15 12:00 China time
constexpr std::int64_t kMillionYuan = 100'000'000;  // in fen

class IndicatorsApiTest : public ::testing::Test {
 protected:
  IndicatorsApiTest() : clock_(kNow), server_(clock_) {}

  void SetUp() override {
    server_.add_user("admin", "zone-a", {Role::admin});
    server_.add_user("leader", "zone-a", {Role::leader});
    admin_ = server_.login("admin");
    leader_ = server_.login("leader");
    auto chain = server_.client().post(
        "/api/v1/chains", json::object{{"code", "smart-vision"}, {"name", "智能视觉"}}, admin_);
    ASSERT_EQ(chain.status, 201) << chain.body;
    chain_ = chain.json().at("id").as_int64();
    json::object a = firm(1, "甲光电有限公司");
    a["chain_id"] = chain_;
    a_ = create(a);
    b_ = create(firm(2, "乙袜业有限公司"));
    json::object c = firm(3, "丙五金有限公司");
    c["land_area_mu"] = "10";
    c_ = create(c);
    // A: 3 million a month in 2025, 4 million in 2026. B: 1 million (below scale).
    // C: 2.5 million in 2025, 2 million in 2026, on 10 mu.
    for (int month = 1; month <= 12; ++month) {
      report(a_, fmt::format("2025-{:02}", month), 3 * kMillionYuan);
      report(b_, fmt::format("2025-{:02}", month), 1 * kMillionYuan);
      report(c_, fmt::format("2025-{:02}", month), 25 * kMillionYuan / 10);
    }
    for (int month = 1; month <= 5; ++month) {
      report(a_, fmt::format("2026-{:02}", month), 4 * kMillionYuan);
      report(b_, fmt::format("2026-{:02}", month), 1 * kMillionYuan);
      report(c_, fmt::format("2026-{:02}", month), 2 * kMillionYuan);
    }
  }

  json::object firm(int n, const std::string& name) {
    return {{"uscc", sample_uscc(100 + n)},
            {"name", name},
            {"legal_representative", "李立新"},
            {"division_code", "330681"},
            {"industry_code", "3976"}};
  }

  std::int64_t create(const json::object& body) {
    auto reply = server_.client().post("/api/v1/enterprises", body, admin_);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json().at("id").as_int64();
  }

  void report(std::int64_t id, const std::string& period, std::int64_t output_fen) {
    json::object body{{"output_fen", output_fen},   {"value_added_fen", output_fen / 4},
                      {"revenue_fen", output_fen},  {"profit_fen", output_fen / 10},
                      {"tax_fen", output_fen / 20}, {"employees", 100},
                      {"energy_kgce", 1000}};
    auto reply = server_.client().send(
        http::Verb::put, "/api/v1/enterprises/" + std::to_string(id) + "/reports/" + period,
        json::serialize(body), admin_);
    ASSERT_EQ(reply.status, 200) << reply.body;
  }

  // A report with every amount at `fen` (a firm at the bound has the bound everywhere).
  void report_all(std::int64_t id, const std::string& period, std::int64_t fen) {
    json::object body{{"output_fen", fen},  {"value_added_fen", fen}, {"revenue_fen", fen},
                      {"profit_fen", fen},  {"tax_fen", fen},         {"employees", 100},
                      {"energy_kgce", 1000}};
    auto reply = server_.client().send(
        http::Verb::put, "/api/v1/enterprises/" + std::to_string(id) + "/reports/" + period,
        json::serialize(body), admin_);
    ASSERT_EQ(reply.status, 200) << reply.body;
  }

  // Writes a figure as a database from before the bounds may hold it.
  void store_raw(std::int64_t id, const std::string& period, std::int64_t fen,
                 const std::string& column = "output_fen") {
    const long long enterprise = id, value = fen,
                    index = parse_period(period, "period").value().index();
    ASSERT_TRUE(server_.app().db().write([&](store::Tx& tx) -> Status {
      tx.sql() << "UPDATE enterprise_reports SET " + column +
                      " = :v WHERE enterprise_id = :e AND period = :p",
          soci::use(value), soci::use(enterprise), soci::use(index);
      return {};
    }));
  }

  json::object dashboard(const std::string& query = "?period=2026-05") {
    auto reply = server_.client().get("/api/v1/indicators/dashboard" + query, leader_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json().as_object();
  }

  // Follows a figure's drill-down and sums the output of the reports it lists.
  std::pair<std::int64_t, std::int64_t> drill_output(const json::value& drill) {
    std::string target(drill.at("path").as_string());
    char separator = '?';
    for (const auto& [key, value] : drill.at("query").as_object()) {
      target += separator;
      target += std::string(key) + "=" +
                (value.is_string() ? std::string(value.as_string()) : json::serialize(value));
      separator = '&';
    }
    target += "&page_size=500";
    auto reply = server_.client().get(target, leader_);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    std::int64_t sum = 0;
    const json::value reply_json = reply.json();
    for (const auto& item : reply_json.at("items").as_array()) {
      sum += item.at("output_fen").as_int64();
    }
    return {reply.json().at("total").as_int64(), sum};
  }

  ManualClock clock_;
  TestServer server_;
  std::string admin_, leader_;
  std::int64_t chain_ = 0, a_ = 0, b_ = 0, c_ = 0;
};

std::int64_t count_of(const json::object& dashboard, std::string_view key) {
  for (const auto& count : dashboard.at("counts").as_array()) {
    if (count.at("key").as_string() == key) return count.at("value").as_int64();
  }
  ADD_FAILURE() << "no count " << key;
  return -1;
}

TEST_F(IndicatorsApiTest, CountsEnterprisesByFlag) {
  const auto d = dashboard();
  EXPECT_EQ(d.at("period"), "2026-05");
  EXPECT_EQ(count_of(d, "all"), 3);
  EXPECT_EQ(count_of(d, "above_scale"), 2);
  EXPECT_EQ(count_of(d, "high_tech"), 0);
}

TEST_F(IndicatorsApiTest, AboveScaleOutputForTheMonthTheYearAndLastYear) {
  const auto output = dashboard().at("output").as_object();
  EXPECT_EQ(output.at("month_fen"), 6 * kMillionYuan);
  EXPECT_EQ(output.at("month_last_year_fen"), 55 * kMillionYuan / 10);
  EXPECT_EQ(output.at("month_yoy_pct"), 9.1);
  EXPECT_EQ(output.at("ytd_fen"), 30 * kMillionYuan);
  EXPECT_EQ(output.at("ytd_last_year_fen"), 275 * kMillionYuan / 10);
  EXPECT_EQ(output.at("ytd_yoy_pct"), 9.1);
}

TEST_F(IndicatorsApiTest, EveryOutputFigureDrillsDownToTheReportsThatMakeIt) {
  const auto d = dashboard();
  const auto& output = d.at("output").as_object();
  EXPECT_EQ(drill_output(output.at("month_drill")),
            std::pair(std::int64_t(2), output.at("month_fen").as_int64()));
  EXPECT_EQ(drill_output(output.at("ytd_drill")),
            std::pair(std::int64_t(10), output.at("ytd_fen").as_int64()));
  for (const auto& month : d.at("monthly").as_array()) {
    if (month.at("output_fen").is_null()) continue;
    EXPECT_EQ(drill_output(month.at("drill")).second, month.at("output_fen").as_int64())
        << month.at("period");
    EXPECT_EQ(drill_output(month.at("last_year_drill")).second,
              month.at("last_year_output_fen").as_int64());
  }
  for (const auto& chain : d.at("chains").as_array()) {
    EXPECT_EQ(drill_output(chain.at("output_drill")).second, chain.at("output_ytd_fen").as_int64())
        << chain.at("label");
  }
}

TEST_F(IndicatorsApiTest, TheMonthlySeriesHasThisYearBesideTheLast) {
  const auto monthly = dashboard().at("monthly").as_array();
  ASSERT_EQ(monthly.size(), 12u);
  EXPECT_EQ(monthly[0].at("output_fen"), 6 * kMillionYuan);
  EXPECT_EQ(monthly[0].at("last_year_output_fen"), 55 * kMillionYuan / 10);
  EXPECT_TRUE(monthly[5].at("output_fen").is_null());  // June is not over
  EXPECT_EQ(monthly[11].at("last_year_output_fen"), 55 * kMillionYuan / 10);
}

TEST_F(IndicatorsApiTest, ChainsTopFirmsAndPerMuRanking) {
  const auto d = dashboard();
  bool vision = false;
  for (const auto& chain : d.at("chains").as_array()) {
    if (chain.at("label") == "智能视觉") {
      vision = true;
      EXPECT_EQ(chain.at("enterprises"), 1);
      EXPECT_EQ(chain.at("output_ytd_fen"), 20 * kMillionYuan);
    }
  }
  EXPECT_TRUE(vision);
  const auto& top = d.at("top").as_array();
  ASSERT_EQ(top.size(), 2u);  // the below-scale firm is not ranked
  EXPECT_EQ(top[0].at("name"), "甲光电有限公司");
  // Only the firm with land on record is ranked per mu: 10 million yuan output, tax a
  // twentieth of it, over 10 mu.
  const auto& per_mu = d.at("per_mu").at("tax").as_array();
  ASSERT_EQ(per_mu.size(), 1u);
  EXPECT_EQ(per_mu[0].at("name"), "丙五金有限公司");
  EXPECT_EQ(per_mu[0].at("tax_per_mu_fen"), 10 * kMillionYuan / 20 / 10);
}

TEST_F(IndicatorsApiTest, FiguresFollowAChangedReport) {
  EXPECT_EQ(dashboard().at("output").at("month_fen"), 6 * kMillionYuan);
  EXPECT_EQ(dashboard().at("cached"), true);
  report(a_, "2026-05", 5 * kMillionYuan);
  const auto after = dashboard();
  EXPECT_EQ(after.at("cached"), false);
  EXPECT_EQ(after.at("output").at("month_fen"), 7 * kMillionYuan);
}

TEST_F(IndicatorsApiTest, TheShareOfTheCityFollowsTheCityTotalEnteredByHand) {
  EXPECT_TRUE(dashboard().at("city_share").at("share_pct").is_null());
  auto saved = server_.client().send(
      http::Verb::put, "/api/v1/indicators/city-totals/2026-05",
      json::serialize(json::object{{"above_scale_output_ytd_fen", 40 * kMillionYuan}}), admin_);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(dashboard().at("city_share").at("share_pct"), 75.0);
  auto zero = server_.client().send(
      http::Verb::put, "/api/v1/indicators/city-totals/2026-05",
      json::serialize(json::object{{"above_scale_output_ytd_fen", 0}}), admin_);
  EXPECT_EQ(zero.error_field(), "above_scale_output_ytd_fen");
  auto huge = server_.client().send(
      http::Verb::put, "/api/v1/indicators/city-totals/2026-05",
      json::serialize(json::object{{"above_scale_output_ytd_fen", 9'007'199'254'740'993LL}}),
      admin_);
  EXPECT_EQ(huge.error_field(), "above_scale_output_ytd_fen");
  EXPECT_EQ(dashboard().at("city_share").at("share_pct"), 75.0);
}

TEST_F(IndicatorsApiTest, FirmsOverAHundredMillionDrillToTheirRanking) {
  EXPECT_EQ(dashboard().at("over_100m").at("value"), 0);
  for (int month = 1; month <= 5; ++month) {
    report(a_, fmt::format("2026-{:02}", month), 30 * kMillionYuan);
  }
  const auto d = dashboard();
  EXPECT_EQ(d.at("over_100m").at("value"), 1);
  auto [total, sum] = drill_output(d.at("over_100m").at("drill"));
  EXPECT_EQ(total, 1);
  EXPECT_EQ(sum, 150 * kMillionYuan + 7 * 3 * kMillionYuan);  // 2025-06..2026-05
}

TEST_F(IndicatorsApiTest, BadPeriodsAreRefused) {
  auto client = server_.client();
  EXPECT_EQ(client.get("/api/v1/indicators/dashboard?period=2026-07", leader_).error_code(),
            "period_in_future");
  EXPECT_EQ(client.get("/api/v1/indicators/dashboard?period=26-07", leader_).error_field(),
            "period");
  EXPECT_EQ(client.get("/api/v1/indicators/ranking?from=2026-05&to=2026-01", leader_).error_field(),
            "to");
  EXPECT_EQ(client.get("/api/v1/indicators/ranking?from=2026-01&to=2026-05&order=colour", leader_)
                .error_field(),
            "order");
}

// --- bounds: no sum overflows, and old data past them is named, not a 503 -------------

TEST_F(IndicatorsApiTest, ADashboardOverFirmsAtTheBoundAddsUpExactly) {
  json::object tiny = firm(4, "丁巨量有限公司");
  tiny["land_area_mu"] = "0.01";  // the smallest land area there is
  const std::int64_t d_ = create(tiny);
  for (const std::int64_t id : {a_, c_, d_}) {
    for (int month = 1; month <= 12; ++month) {
      report_all(id, fmt::format("2025-{:02}", month), kMaxMonthlyFen);
    }
    for (int month = 1; month <= 5; ++month) {
      report_all(id, fmt::format("2026-{:02}", month), kMaxMonthlyFen);
    }
  }
  const auto d = dashboard();
  EXPECT_EQ(d.at("output").at("month_fen"), 3 * kMaxMonthlyFen);
  EXPECT_EQ(d.at("output").at("ytd_fen"), 15 * kMaxMonthlyFen);
  EXPECT_EQ(d.at("output").at("ytd_last_year_fen"), 15 * kMaxMonthlyFen);
  EXPECT_EQ(d.at("output").at("ytd_yoy_pct"), 0.0);
  const auto& per_mu = d.at("per_mu").at("tax").as_array();
  ASSERT_EQ(per_mu.size(), 2u);
  EXPECT_EQ(per_mu[0].at("name"), "丁巨量有限公司");
  EXPECT_EQ(per_mu[0].at("tax_per_mu_fen"), 5 * kMaxMonthlyFen * 100);

  // Ranked over every month a period can name, per 0.01 mu: 17 months × the bound × 100.
  auto ranking = server_.client().get(
      "/api/v1/indicators/ranking?from=1949-01&to=2026-05&order=value_added_per_mu", leader_);
  ASSERT_EQ(ranking.status, 200) << ranking.body;
  const auto first = ranking.json().at("items").at(0);
  EXPECT_EQ(first.at("name"), "丁巨量有限公司");
  EXPECT_EQ(first.at("value_added_per_mu_fen"), 17 * kMaxMonthlyFen * 100);
}

TEST_F(IndicatorsApiTest, OldFiguresPastTheBoundAreNamedAsAConflictNeverA503) {
  // Two reports of 9e18 fen in one month: the month's sum overflows in the database.
  store_raw(a_, "2026-04", 9'000'000'000'000'000'000LL);
  store_raw(c_, "2026-04", 9'000'000'000'000'000'000LL);
  auto reply = server_.client().get("/api/v1/indicators/dashboard?period=2026-05", leader_);
  EXPECT_EQ(reply.status, 409) << reply.body;
  EXPECT_EQ(reply.error_code(), "figures_out_of_range");
  EXPECT_EQ(reply.error_field(), "output_fen");
  EXPECT_NE(reply.body.find(sample_uscc(101)), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("2026-04"), std::string::npos) << reply.body;
  // A firm's own sum still fits in 64 bits: the ranking shows it exactly.
  auto ranking =
      server_.client().get("/api/v1/indicators/ranking?from=2026-01&to=2026-05", leader_);
  ASSERT_EQ(ranking.status, 200) << ranking.body;
  EXPECT_EQ(ranking.json().at("items").at(0).at("output_fen"),
            9'000'000'000'000'000'000LL + 4 * 4 * kMillionYuan);

  // Corrected through the API, the dashboard answers again.
  report(a_, "2026-04", 4 * kMillionYuan);
  report(c_, "2026-04", 2 * kMillionYuan);
  EXPECT_EQ(dashboard().at("output").at("ytd_fen"), 30 * kMillionYuan);
}

TEST_F(IndicatorsApiTest, ASumThatWouldWrapInCxxIsAConflictNamingTheReport) {
  // Each month's sum fits; the year to date (5e18 + 5e18) does not.
  store_raw(a_, "2026-04", 5'000'000'000'000'000'000LL);
  store_raw(c_, "2026-03", 5'000'000'000'000'000'000LL);
  auto reply = server_.client().get("/api/v1/indicators/dashboard?period=2026-05", leader_);
  EXPECT_EQ(reply.status, 409) << reply.body;
  EXPECT_EQ(reply.error_code(), "figures_out_of_range");
  EXPECT_NE(reply.body.find(sample_uscc(103)), std::string::npos) << reply.body;  // 2026-03
}

TEST_F(IndicatorsApiTest, APerMuRatioThatWouldWrapIsAConflictNamingTheReport) {
  json::object tiny = firm(4, "丁巨量有限公司");
  tiny["land_area_mu"] = "0.01";
  const std::int64_t d_ = create(tiny);
  for (int month = 1; month <= 5; ++month) {
    report_all(d_, fmt::format("2026-{:02}", month), kMaxMonthlyFen);
  }
  for (int month = 1; month <= 12; ++month) {
    report_all(d_, fmt::format("2025-{:02}", month), kMaxMonthlyFen);
  }
  // Its tax fits in 64 bits, its tax × 100 per 0.01 mu does not.
  store_raw(d_, "2026-02", 1'000'000'000'000'000'000LL, "tax_fen");
  auto reply = server_.client().get(
      "/api/v1/indicators/ranking?from=2026-01&to=2026-05&order=output", leader_);
  EXPECT_EQ(reply.status, 409) << reply.body;
  EXPECT_EQ(reply.error_code(), "figures_out_of_range");
  EXPECT_EQ(reply.error_field(), "tax_fen");
  EXPECT_NE(reply.body.find("2026-02"), std::string::npos) << reply.body;
}

TEST_F(IndicatorsApiTest, RankingParametersAreBoundedOnBothSides) {
  auto client = server_.client();
  auto get = [&](const std::string& query) {
    return client.get("/api/v1/indicators/ranking?from=2026-01&to=2026-05" + query, leader_);
  };
  EXPECT_EQ(get("&limit=1").status, 200);
  EXPECT_EQ(get("&limit=500").status, 200);
  for (const char* limit : {"0", "501", "4294967297", "1e30", "100000000000000000000"}) {
    auto reply = get(std::string("&limit=") + limit);
    EXPECT_EQ(reply.status, 400) << limit;
    EXPECT_EQ(reply.error_field(), "limit") << limit;
  }
  EXPECT_EQ(get("&min_output_fen=-1").status, 200);
  EXPECT_EQ(get("&min_output_fen=" + std::to_string(kMaxSumFen)).status, 200);
  for (const std::string floor : {std::string("-2"), std::to_string(kMaxSumFen + 1)}) {
    auto reply = get("&min_output_fen=" + floor);
    EXPECT_EQ(reply.status, 400) << floor;
    EXPECT_EQ(reply.error_code(), "out_of_range") << floor;
    EXPECT_EQ(reply.error_field(), "min_output_fen") << floor;
  }
}

TEST_F(IndicatorsApiTest, TheCityTotalIsBoundedOnBothSides) {
  auto put = [&](std::int64_t fen) {
    return server_.client().send(http::Verb::put, "/api/v1/indicators/city-totals/2026-05",
                                 json::serialize(json::object{{"above_scale_output_ytd_fen", fen}}),
                                 admin_);
  };
  EXPECT_EQ(put(1).status, 200);
  EXPECT_EQ(put(kMaxCityTotalFen).status, 200);
  for (const std::int64_t fen : {std::int64_t{0}, kMaxCityTotalFen + 1, INT64_MAX}) {
    auto reply = put(fen);
    EXPECT_EQ(reply.status, 400) << fen;
    EXPECT_EQ(reply.error_code(), "bad_amount") << fen;
    EXPECT_EQ(reply.error_field(), "above_scale_output_ytd_fen") << fen;
  }
}

}  // namespace
}  // namespace jingkai
