// The enterprise registry and its monthly reports through the API: identifiers checked
// against the national standards, search, the above-scale rule, import and export.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include <set>

#include "core/money.hpp"
#include "support/samples.hpp"
#include "support/test_server.hpp"
#include "tabular/table_reader.hpp"
#include "tabular/table_writer.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using testing::sample_uscc;
using testing::TestServer;

// 2026-06-15 12:00 in China: reports up to 2026-06 may be filed, 2026-07 is the future.
constexpr EpochMs kNow = 1781496000000LL;

json::object firm(const std::string& uscc, const std::string& name) {
  return {{"uscc", uscc},
          {"name", name},
          {"legal_representative", "王建国"},
          {"address", "浙江省诸暨市暨阳街道"},
          {"division_code", "330681"},
          {"industry_code", "3976"}};
}

json::object figures(std::int64_t output_fen, std::int64_t revenue_fen) {
  return {{"output_fen", output_fen},    {"value_added_fen", output_fen / 4},
          {"revenue_fen", revenue_fen},  {"profit_fen", revenue_fen / 20},
          {"tax_fen", revenue_fen / 25}, {"employees", 120},
          {"energy_kgce", 50'000}};
}

std::string gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* to = out.data();
  iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

class EnterprisesApiTest : public ::testing::Test {
 protected:
  EnterprisesApiTest() : clock_(kNow), server_(clock_) {}

  void SetUp() override {
    server_.add_user("stats", "zone-a", {Role::stats_officer});
    server_.add_user("leader", "zone-a", {Role::leader});
    server_.add_user("admin", "zone-a", {Role::admin});
    server_.add_user("other", "zone-b", {Role::stats_officer});
    stats_ = server_.login("stats");
    leader_ = server_.login("leader");
    admin_ = server_.login("admin");
    other_ = server_.login("other");
  }

  std::int64_t create(const json::object& body) {
    auto reply = server_.client().post("/api/v1/enterprises", body, stats_);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json().at("id").as_int64();
  }

  testing::Reply put(const std::string& target, const json::value& body, const std::string& token) {
    return server_.client().send(http::Verb::put, target, json::serialize(body), token);
  }

  testing::Reply import(const std::string& file, const std::string& query = "",
                        const std::string& content_type = "text/csv") {
    return server_.client().send(http::Verb::post, "/api/v1/enterprise-reports/import" + query,
                                 file, stats_, content_type);
  }

  std::int64_t report_count(const std::string& range = "from=2024-01&to=2026-06") {
    auto reply = server_.client().get("/api/v1/enterprise-reports?" + range, leader_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json().at("total").as_int64();
  }

  ManualClock clock_;
  TestServer server_;
  std::string stats_, leader_, admin_, other_;
};

// --- the registry ---------------------------------------------------------------------

TEST_F(EnterprisesApiTest, RegistersAnEnterpriseAndReadsItBack) {
  const std::string code = sample_uscc(1);
  json::object body = firm(code, "浙江海亮股份有限公司");
  body["land_area_mu"] = 125.5;
  body["founded_on"] = "1996-05-20";
  auto reply = server_.client().post("/api/v1/enterprises", body, stats_);
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto created = reply.json().as_object();
  EXPECT_EQ(created.at("uscc").as_string(), code);
  EXPECT_EQ(created.at("name_initials"), "ZJHLGFYXGS");
  EXPECT_EQ(created.at("land_area_mu"), "125.50");
  EXPECT_EQ(created.at("status"), "active");
  EXPECT_EQ(created.at("above_scale"), false);

  auto read = server_.client().get(
      "/api/v1/enterprises/" + std::to_string(created.at("id").as_int64()), leader_);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json().at("name"), "浙江海亮股份有限公司");
  EXPECT_EQ(read.json().at("founded_on"), "1996-05-20");
}

TEST_F(EnterprisesApiTest, AWrongCheckCharacterIsA400NamingThePositionAndTheExpectedOne) {
  const std::string good = sample_uscc(2);
  const std::string bad = testing::with_wrong_check_character(good);
  auto reply = server_.client().post("/api/v1/enterprises", firm(bad, "某某科技有限公司"), stats_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "uscc_checksum");
  EXPECT_EQ(reply.error_field(), "uscc");
  const std::string message(reply.json().at("error").at("message").as_string());
  EXPECT_NE(message.find("18"), std::string::npos) << message;
  EXPECT_NE(message.find(std::string(1, good[17])), std::string::npos) << message;
  EXPECT_EQ(report_count(), 0);
  auto list = server_.client().get("/api/v1/enterprises", leader_);
  EXPECT_EQ(list.json().at("total"), 0);
}

TEST_F(EnterprisesApiTest, EveryKindOfBadIdentifierNamesItsField) {
  auto client = server_.client();
  json::object bad_charset = firm("91330681MB0000I00X", "甲公司");
  EXPECT_EQ(client.post("/api/v1/enterprises", bad_charset, stats_).error_field(), "uscc");
  json::object short_code = firm("91330681MB00", "甲公司");
  EXPECT_EQ(client.post("/api/v1/enterprises", short_code, stats_).error_code(), "uscc_length");

  json::object unknown_industry = firm(sample_uscc(3), "乙公司");
  unknown_industry["industry_code"] = "9999";
  auto reply = client.post("/api/v1/enterprises", unknown_industry, stats_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "industry_unknown");
  EXPECT_EQ(reply.error_field(), "industry_code");

  json::object bad_division = firm(sample_uscc(3), "乙公司");
  bad_division["division_code"] = "990681";
  EXPECT_EQ(client.post("/api/v1/enterprises", bad_division, stats_).error_field(),
            "division_code");

  json::object unknown_chain = firm(sample_uscc(3), "乙公司");
  unknown_chain["chain_id"] = 4242;
  EXPECT_EQ(client.post("/api/v1/enterprises", unknown_chain, stats_).error_code(),
            "chain_unknown");

  json::object certificate_without_expiry = firm(sample_uscc(3), "乙公司");
  certificate_without_expiry["high_tech_certificate"] = "GR202533001234";
  EXPECT_EQ(client.post("/api/v1/enterprises", certificate_without_expiry, stats_).error_field(),
            "high_tech_expires_on");

  json::object unknown_exchange = firm(sample_uscc(3), "乙公司");
  unknown_exchange["listed_exchange"] = "MOON";
  unknown_exchange["listed_ticker"] = "1";
  EXPECT_EQ(client.post("/api/v1/enterprises", unknown_exchange, stats_).error_field(),
            "listed_exchange");

  json::object negative_land = firm(sample_uscc(3), "乙公司");
  negative_land["land_area_mu"] = -1;
  EXPECT_EQ(client.post("/api/v1/enterprises", negative_land, stats_).error_field(),
            "land_area_mu");

  json::object founded_tomorrow = firm(sample_uscc(3), "乙公司");
  founded_tomorrow["founded_on"] = "2026-06-16";
  EXPECT_EQ(client.post("/api/v1/enterprises", founded_tomorrow, stats_).error_code(),
            "date_in_future");

  json::object unknown_field = firm(sample_uscc(3), "乙公司");
  unknown_field["colour"] = "red";
  EXPECT_EQ(client.post("/api/v1/enterprises", unknown_field, stats_).error_code(),
            "unknown_field");

  EXPECT_EQ(client.get("/api/v1/enterprises", leader_).json().at("total"), 0);
}

TEST_F(EnterprisesApiTest, ASecondEnterpriseWithTheSameCodeIsRefused) {
  const std::string code = sample_uscc(4);
  create(firm(code, "丙公司"));
  // Lower case and spaces are the same code.
  std::string lower = code;
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  auto reply =
      server_.client().post("/api/v1/enterprises", firm("  " + lower + " ", "丙公司二号"), stats_);
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(reply.error_code(), "uscc_duplicate");
  EXPECT_EQ(reply.error_field(), "uscc");
}

TEST_F(EnterprisesApiTest, SearchesByNameCodeAndPinyinInitialsAndFilters) {
  auto chain = server_.client().post(
      "/api/v1/chains", json::object{{"code", "smart-vision"}, {"name", "智能视觉"}}, admin_);
  ASSERT_EQ(chain.status, 201) << chain.body;
  const std::int64_t chain_id = chain.json().at("id").as_int64();
  json::object vision = firm(sample_uscc(5), "诸暨光电科技有限公司");
  vision["chain_id"] = chain_id;
  vision["listed_exchange"] = "sse";
  vision["listed_ticker"] = "603001";
  create(vision);
  json::object socks = firm(sample_uscc(6), "大唐袜业有限公司");
  socks["industry_code"] = "17";
  socks["high_tech_certificate"] = "GR202533000001";
  socks["high_tech_expires_on"] = "2027-12-01";
  create(socks);
  json::object lapsed = firm(sample_uscc(7), "枫桥五金有限公司");
  lapsed["high_tech_certificate"] = "GR202033000002";
  lapsed["high_tech_expires_on"] = "2023-12-01";
  create(lapsed);

  auto client = server_.client();
  auto names = [&](const std::string& query) {
    auto reply = client.get("/api/v1/enterprises?" + query, leader_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::vector<std::string> found;
    const json::value reply_json = reply.json();
    for (const auto& item : reply_json.at("items").as_array()) {
      found.emplace_back(item.at("name").as_string());
    }
    return found;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names("q=%E5%85%89%E7%94%B5"), Names{"诸暨光电科技有限公司"});  // 光电
  EXPECT_EQ(names("q=dtwy"), Names{"大唐袜业有限公司"});
  EXPECT_EQ(names("q=" + sample_uscc(7)), Names{"枫桥五金有限公司"});
  EXPECT_EQ(names("chain=" + std::to_string(chain_id)), Names{"诸暨光电科技有限公司"});
  EXPECT_EQ(names("chain=none&sort=name").size(), 2u);
  EXPECT_EQ(names("listed=true"), Names{"诸暨光电科技有限公司"});
  // An expired certificate does not make a firm high-tech.
  EXPECT_EQ(names("high_tech=true"), Names{"大唐袜业有限公司"});
  EXPECT_EQ(names("high_tech=false&sort=-name").size(), 2u);
  EXPECT_EQ(names("industry=17"), Names{"大唐袜业有限公司"});
  EXPECT_EQ(names("chain=none&high_tech=true"), Names{"大唐袜业有限公司"});

  auto page = client.get("/api/v1/enterprises?page=2&page_size=2&sort=uscc", leader_);
  EXPECT_EQ(page.json().at("total"), 3);
  EXPECT_EQ(page.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(client.get("/api/v1/enterprises?sort=colour", leader_).error_field(), "sort");
  EXPECT_EQ(client.get("/api/v1/enterprises?listed=maybe", leader_).error_field(), "listed");
}

TEST_F(EnterprisesApiTest, AnotherZoneNeitherSeesNorFindsTheEnterprise) {
  const std::int64_t id = create(firm(sample_uscc(8), "丁公司"));
  auto client = server_.client();
  EXPECT_EQ(client.get("/api/v1/enterprises/" + std::to_string(id), other_).status, 404);
  EXPECT_EQ(client.get("/api/v1/enterprises", other_).json().at("total"), 0);
  // The same code may be registered in another zone: zones are separate registries.
  EXPECT_EQ(client.post("/api/v1/enterprises", firm(sample_uscc(8), "丁公司"), other_).status, 201);
}

TEST_F(EnterprisesApiTest, AnEnterpriseUserCannotReadTheRegistry) {
  server_.add_user("applicant", "zone-a", {Role::enterprise_user});
  auto reply = server_.client().get("/api/v1/enterprises", server_.login("applicant"));
  EXPECT_EQ(reply.status, 403);
  auto write =
      server_.client().post("/api/v1/enterprises", firm(sample_uscc(9), "戊公司"), leader_);
  EXPECT_EQ(write.status, 403);
}

// --- monthly reports and the above-scale rule ------------------------------------------

TEST_F(EnterprisesApiTest, AReportIsSavedAndABadOneIsRefusedNamingTheField) {
  const std::int64_t id = create(firm(sample_uscc(10), "己公司"));
  const std::string base = "/api/v1/enterprises/" + std::to_string(id) + "/reports/";
  auto saved = put(base + "2026-05", figures(3'000'000'00, 2'900'000'00), stats_);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json().at("period"), "2026-05");
  EXPECT_EQ(saved.json().at("output_fen"), 3'000'000'00);

  json::object negative = figures(-1, 100);
  auto reply = put(base + "2026-05", negative, stats_);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "negative_value");
  EXPECT_EQ(reply.error_field(), "output");

  auto future = put(base + "2026-07", figures(1, 1), stats_);
  EXPECT_EQ(future.error_code(), "period_in_future");
  EXPECT_EQ(future.error_field(), "period");
  EXPECT_EQ(put(base + "2026-13", figures(1, 1), stats_).error_field(), "period");

  json::object missing = figures(1, 1);
  missing.erase("tax_fen");
  EXPECT_EQ(put(base + "2026-05", missing, stats_).error_field(), "tax_fen");

  // A loss is allowed: profit may be negative.
  json::object loss = figures(100, 100);
  loss["profit_fen"] = -500;
  EXPECT_EQ(put(base + "2026-04", loss, stats_).status, 200);

  auto list = server_.client().get(
      "/api/v1/enterprises/" + std::to_string(id) + "/reports?from=2026-01&to=2026-06", leader_);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json().at("total"), 2);
  EXPECT_EQ(list.json().at("items").at(0).at("output_fen"), 3'000'000'00);
}

TEST_F(EnterprisesApiTest, AboveScaleFollowsLastYearsRevenueAndAManualOverride) {
  const std::int64_t big = create(firm(sample_uscc(11), "大公司"));
  const std::int64_t small = create(firm(sample_uscc(12), "小公司"));
  const std::string big_base = "/api/v1/enterprises/" + std::to_string(big);
  const std::string small_base = "/api/v1/enterprises/" + std::to_string(small);
  // 2025: the big firm sells 1.7 million a month (20.4 million a year), the small one 1.6
  // million (19.2 million).
  for (int month = 1; month <= 12; ++month) {
    const std::string period = fmt::format("2025-{:02}", month);
    ASSERT_EQ(
        put(big_base + "/reports/" + period, figures(170'000'000, 170'000'000), stats_).status,
        200);
    ASSERT_EQ(
        put(small_base + "/reports/" + period, figures(160'000'000, 160'000'000), stats_).status,
        200);
  }
  auto client = server_.client();
  EXPECT_EQ(client.get(big_base, leader_).json().at("above_scale"), true);
  EXPECT_EQ(client.get(small_base, leader_).json().at("above_scale"), false);
  auto above = client.get("/api/v1/enterprises?above_scale=true", leader_);
  EXPECT_EQ(above.json().at("total"), 1);

  // The statistics office includes the small firm by decision; the history records it.
  json::object body = firm(sample_uscc(12), "小公司");
  body["above_scale_override"] = true;
  auto updated = put(small_base, body, stats_);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json().at("above_scale"), true);
  auto history = client.get(small_base + "/history", leader_);
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.json().at("items").at(0).at("action"), "enterprise.above_scale_override");
  EXPECT_EQ(history.json().at("items").at(0).at("actor"), "stats");
  EXPECT_EQ(client.get("/api/v1/enterprises?above_scale=true", leader_).json().at("total"), 2);
}

TEST_F(EnterprisesApiTest, AFirmWithoutLastYearIsJudgedOnThisYearAnnualised) {
  const std::int64_t id = create(firm(sample_uscc(13), "新公司"));
  const std::string base = "/api/v1/enterprises/" + std::to_string(id);
  // Three months at 1.8 million: 21.6 million a year.
  for (int month = 1; month <= 3; ++month) {
    put(base + "/reports/" + fmt::format("2026-{:02}", month), figures(180'000'000, 180'000'000),
        stats_);
  }
  EXPECT_EQ(server_.client().get(base, leader_).json().at("above_scale"), true);
}

// The above-scale line (规模以上) is "reached" 20 million CNY: a firm at exactly
// 20,000,000.00 is in, one fen less is out — in the record, in the registry's filter both
// ways, and in the count.
class AboveScaleEdgeTest : public EnterprisesApiTest {
 protected:
  // Twelve monthly reports of `year` whose revenue sums to exactly `total_fen`.
  void report_year(std::int64_t id, int year, std::int64_t total_fen) {
    const std::int64_t month_fen = total_fen / 12 + 1;
    for (int month = 1; month <= 12; ++month) {
      const std::int64_t revenue = month < 12 ? month_fen : total_fen - 11 * month_fen;
      auto reply = put(fmt::format("/api/v1/enterprises/{}/reports/{}-{:02}", id, year, month),
                       figures(revenue, revenue), stats_);
      ASSERT_EQ(reply.status, 200) << reply.body;
    }
  }
  bool above_scale(std::int64_t id) {
    auto reply = server_.client().get("/api/v1/enterprises/" + std::to_string(id), leader_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json().at("above_scale").as_bool();
  }
  // The ids the registry's above_scale filter lists; its total must count exactly them.
  std::set<std::int64_t> listed(bool above) {
    auto reply = server_.client().get(
        fmt::format("/api/v1/enterprises?above_scale={}&page_size=500", above), leader_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::set<std::int64_t> ids;
    const json::value page = reply.json();
    for (const auto& item : page.at("items").as_array()) {
      ids.insert(item.at("id").as_int64());
      EXPECT_EQ(item.at("above_scale").as_bool(), above) << item.at("name");
    }
    EXPECT_EQ(page.at("total"), std::int64_t(ids.size()));
    return ids;
  }
};

TEST_F(AboveScaleEdgeTest, LastYearsRevenueOfExactlyTwentyMillionIsAboveScaleAndOneFenLessIsNot) {
  const std::int64_t exactly = create(firm(sample_uscc(14), "恰好公司"));
  const std::int64_t short_by_a_fen = create(firm(sample_uscc(15), "差一分公司"));
  report_year(exactly, 2025, 2'000'000'000);         // 20,000,000.00 CNY
  report_year(short_by_a_fen, 2025, 1'999'999'999);  // 19,999,999.99 CNY

  EXPECT_TRUE(above_scale(exactly));
  EXPECT_FALSE(above_scale(short_by_a_fen));
  EXPECT_EQ(listed(true), std::set<std::int64_t>{exactly});
  EXPECT_EQ(listed(false), std::set<std::int64_t>{short_by_a_fen});
}

TEST_F(AboveScaleEdgeTest, WithoutLastYearThisYearAnnualisedAtExactlyTwentyMillionIsAboveScale) {
  // No reports for 2025; three months of 2026 annualise to four times their sum.
  const std::int64_t exactly = create(firm(sample_uscc(16), "新设恰好公司"));
  const std::int64_t short_by_a_fen = create(firm(sample_uscc(17), "新设差一分公司"));
  for (int month = 1; month <= 3; ++month) {
    const std::string period = fmt::format("2026-{:02}", month);
    // 5,000,000.00 CNY a quarter: 20,000,000.00 a year. The other firm's quarter is a fen
    // short: 19,999,999.96 a year.
    const std::int64_t revenue = 166'666'667 - (month == 3 ? 1 : 0);
    ASSERT_EQ(put(fmt::format("/api/v1/enterprises/{}/reports/{}", exactly, period),
                  figures(revenue, revenue), stats_)
                  .status,
              200);
    const std::int64_t short_revenue = revenue - (month == 3 ? 1 : 0);
    ASSERT_EQ(put(fmt::format("/api/v1/enterprises/{}/reports/{}", short_by_a_fen, period),
                  figures(short_revenue, short_revenue), stats_)
                  .status,
              200);
  }
  EXPECT_TRUE(above_scale(exactly));
  EXPECT_FALSE(above_scale(short_by_a_fen));
  EXPECT_EQ(listed(true), std::set<std::int64_t>{exactly});
  EXPECT_EQ(listed(false), std::set<std::int64_t>{short_by_a_fen});
}

// --- bounds: what the sums can hold (core/money.hpp) -----------------------------------

TEST_F(EnterprisesApiTest, EveryFigureOfAReportIsBoundedOnBothSides) {
  const std::int64_t id = create(firm(sample_uscc(11), "庚公司"));
  const std::string target = "/api/v1/enterprises/" + std::to_string(id) + "/reports/2026-05";
  json::object at_bounds{{"output_fen", kMaxMonthlyFen},  {"value_added_fen", kMaxMonthlyFen},
                         {"revenue_fen", kMaxMonthlyFen}, {"profit_fen", -kMaxMonthlyFen},
                         {"tax_fen", kMaxMonthlyFen},     {"employees", kMaxEmployees},
                         {"energy_kgce", kMaxEnergyKgce}};
  auto saved = put(target, at_bounds, stats_);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json().at("output_fen"), kMaxMonthlyFen);
  EXPECT_EQ(saved.json().at("profit_fen"), -kMaxMonthlyFen);

  struct Case {
    std::string_view field;
    std::int64_t value;
  };
  for (const Case& c :
       {Case{"output_fen", kMaxMonthlyFen + 1},
        Case{"output_fen", 9'000'000'000'000'000'000LL},  // issue 16
        Case{"value_added_fen", kMaxMonthlyFen + 1}, Case{"revenue_fen", INT64_MAX},
        Case{"profit_fen", -kMaxMonthlyFen - 1}, Case{"profit_fen", kMaxMonthlyFen + 1},
        Case{"tax_fen", INT64_MIN}, Case{"employees", kMaxEmployees + 1},
        Case{"energy_kgce", kMaxEnergyKgce + 1}}) {
    json::object bad = at_bounds;
    bad[c.field] = c.value;
    auto reply = put(target, bad, stats_);
    EXPECT_EQ(reply.status, 400) << c.field << " " << c.value;
    EXPECT_EQ(reply.error_code(), "out_of_range") << c.field << " " << c.value;
    EXPECT_EQ(reply.error_field(), c.field) << c.field << " " << c.value;
  }
  // 9e18 as JSON writes it, and past INT64_MAX.
  for (const std::string number : {"9e18", "18446744073709551615"}) {
    std::string body = json::serialize(at_bounds);
    body.replace(body.find(std::to_string(kMaxMonthlyFen)), std::to_string(kMaxMonthlyFen).size(),
                 number);
    auto reply = server_.client().send(http::Verb::put, target, body, stats_);
    EXPECT_EQ(reply.status, 400) << number;
    EXPECT_EQ(reply.error_field(), "output_fen") << number;
  }
  EXPECT_EQ(
      server_.client()
          .get("/api/v1/enterprises/" + std::to_string(id) + "/reports?from=2026-05&to=2026-05",
               leader_)
          .json()
          .at("items")
          .at(0)
          .at("output_fen"),
      kMaxMonthlyFen);
}

// --- import ----------------------------------------------------------------------------

std::string csv_header() {
  return "统一社会信用代码,统计期,工业总产值(元),工业增加值(元),主营业务收入(元),"
         "利润总额(元),实缴税金(元),从业人员(人),综合能耗(吨标准煤)\r\n";
}

std::string csv_row(const std::string& uscc, const std::string& period,
                    const std::string& output = "1200000.50") {
  return uscc + "," + period + "," + output + ",300000,1100000,80000,45000.5,56,12.345\r\n";
}

TEST_F(EnterprisesApiTest, AnImportedFigurePastItsBoundRefusesTheRowNamingTheColumn) {
  create(firm(sample_uscc(24), "辛公司"));
  // 500亿元 is the bound (kMaxMonthlyFen); one fen more is refused, and 9e18 fen well past.
  const std::string file = csv_header() + csv_row(sample_uscc(24), "2026-03", "50000000000.00") +
                           csv_row(sample_uscc(24), "2026-04", "50000000000.01") +  // row 3
                           csv_row(sample_uscc(24), "2026-05", "90000000000000000");
  auto reply = import(file);
  ASSERT_EQ(reply.status, 400) << reply.body;
  const auto result = reply.json().as_object();
  EXPECT_EQ(result.at("problem_count"), 2);
  const auto& problems = result.at("problems").as_array();
  ASSERT_EQ(problems.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(problems[i].at("row"), int(i) + 3);
    EXPECT_EQ(problems[i].at("column"), "output");
  }
  EXPECT_EQ(problems[0].at("code"), "out_of_range");
  EXPECT_EQ(problems[1].at("code"), "bad_amount");  // past what parse_yuan reads at all
  EXPECT_EQ(report_count(), 0);
  auto at_bound = import(csv_header() + csv_row(sample_uscc(24), "2026-03", "50000000000.00"));
  EXPECT_EQ(at_bound.status, 200) << at_bound.body;
}

TEST_F(EnterprisesApiTest, ImportsACsvAndReimportingUpdatesInsteadOfDoubling) {
  create(firm(sample_uscc(20), "甲公司"));
  create(firm(sample_uscc(21), "乙公司"));
  const std::string file = csv_header() + csv_row(sample_uscc(20), "2026-04") +
                           csv_row(sample_uscc(21), "2026-04") +
                           csv_row(sample_uscc(20), "2026-05");
  auto reply = import(file, "?name=april.csv");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("rows"), 3);
  EXPECT_EQ(reply.json().at("inserted"), 3);
  EXPECT_EQ(reply.json().at("updated"), 0);
  EXPECT_EQ(report_count(), 3);

  auto again = import(csv_header() + csv_row(sample_uscc(20), "2026-04", "999.00"));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("inserted"), 0);
  EXPECT_EQ(again.json().at("updated"), 1);
  EXPECT_EQ(report_count(), 3);
  auto april = server_.client().get("/api/v1/enterprise-reports?from=2026-04&to=2026-04", leader_);
  bool found = false;
  const json::value april_json = april.json();
  for (const auto& item : april_json.at("items").as_array()) {
    if (item.at("uscc").as_string() == sample_uscc(20)) {
      EXPECT_EQ(item.at("output_fen"), 99900);
      EXPECT_EQ(item.at("energy_kgce"), 12345);
      EXPECT_EQ(item.at("tax_fen"), 4500050);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(EnterprisesApiTest, OneBadRowIsNamedAndNothingIsImported) {
  create(firm(sample_uscc(22), "甲公司"));
  const std::string bad_code = testing::with_wrong_check_character(sample_uscc(22));
  const std::string file = csv_header() + csv_row(sample_uscc(22), "2026-04") +
                           csv_row(sample_uscc(22), "2026-05", "-5") +  // row 3
                           csv_row(sample_uscc(22), "2026-09") +        // row 4: the future
                           csv_row(bad_code, "2026-04") +               // row 5
                           csv_row(sample_uscc(23), "2026-04") +        // row 6: not registered
                           csv_row(sample_uscc(22), "2026-04");         // row 7: twice
  auto reply = import(file);
  ASSERT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.error_code(), "import_rejected");
  const auto result = reply.json().as_object();
  EXPECT_EQ(result.at("imported"), false);
  EXPECT_EQ(result.at("problem_count"), 5);
  const auto& problems = result.at("problems").as_array();
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0].at("row"), 3);
  EXPECT_EQ(problems[0].at("column"), "output");
  EXPECT_EQ(problems[0].at("value"), "-5");
  EXPECT_EQ(problems[1].at("row"), 4);
  EXPECT_EQ(problems[1].at("code"), "period_in_future");
  EXPECT_EQ(problems[2].at("row"), 5);
  EXPECT_EQ(problems[2].at("column"), "uscc");
  EXPECT_EQ(problems[2].at("code"), "uscc_checksum");
  EXPECT_EQ(problems[3].at("row"), 6);
  EXPECT_EQ(problems[3].at("code"), "enterprise_not_registered");
  EXPECT_EQ(problems[4].at("row"), 7);
  EXPECT_EQ(problems[4].at("code"), "duplicate_row");
  EXPECT_EQ(report_count(), 0);
}

// What an import could change: the reports, the statistics version that the dashboard's
// caches follow, and the audit log.
struct ImportTraces {
  std::int64_t reports = 0;
  std::int64_t statistics_version = 0;
  std::int64_t audit_records = 0;
  std::string april_output;  // the stored output of sample_uscc(25)'s April report
  auto operator<=>(const ImportTraces&) const = default;
};

class ReportImportDryRunTest : public EnterprisesApiTest {
 protected:
  ImportTraces traces() {
    ImportTraces t;
    t.reports = report_count();
    auto zones = server_.app().accounts().list_zones();
    EXPECT_TRUE(zones.has_value());
    for (const auto& zone : zones.value_or(std::vector<accounts::Zone>{})) {
      if (zone.code != "zone-a") continue;
      auto version = server_.app().enterprises().statistics_version(zone.id);
      EXPECT_TRUE(version.has_value());
      t.statistics_version = version.value_or(-1);
    }
    auto audit = server_.client().get("/api/v1/audit?page_size=1", admin_);
    EXPECT_EQ(audit.status, 200) << audit.body;
    t.audit_records = audit.json().at("total").as_int64();
    auto april =
        server_.client().get("/api/v1/enterprise-reports?from=2026-04&to=2026-04", leader_);
    const json::value april_json = april.json();
    for (const auto& item : april_json.at("items").as_array()) {
      if (item.at("uscc").as_string() == sample_uscc(25)) {
        t.april_output = json::serialize(item.at("output_fen"));
      }
    }
    return t;
  }
};

TEST_F(ReportImportDryRunTest, ADryRunReportsWhatItWouldDoAndWritesNothing) {
  create(firm(sample_uscc(25), "甲公司"));
  create(firm(sample_uscc(26), "乙公司"));
  ASSERT_EQ(import(csv_header() + csv_row(sample_uscc(25), "2026-04")).status, 200);
  const ImportTraces before = traces();
  ASSERT_EQ(before.reports, 1);
  ASSERT_EQ(before.april_output, "120000050");
  ASSERT_GT(before.statistics_version, 0);
  ASSERT_GT(before.audit_records, 0);

  // One report that would change, two that would be new.
  const std::string file = csv_header() + csv_row(sample_uscc(25), "2026-04", "999.00") +
                           csv_row(sample_uscc(25), "2026-05") +
                           csv_row(sample_uscc(26), "2026-05");
  auto dry = import(file, "?dry_run=true&name=may.csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json().at("imported"), false);
  EXPECT_EQ(dry.json().at("rows"), 3);
  EXPECT_EQ(dry.json().at("problem_count"), 0);
  EXPECT_EQ(dry.json().at("periods"), json::value(json::array{"2026-04", "2026-05"}));
  EXPECT_EQ(traces(), before);

  // The same file for real changes every one of them: the traces above can see a write.
  auto real = import(file, "?dry_run=false&name=may.csv");
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json().at("imported"), true);
  const ImportTraces after = traces();
  EXPECT_EQ(after.reports, 3);
  EXPECT_EQ(after.april_output, "99900");
  EXPECT_GT(after.statistics_version, before.statistics_version);
  EXPECT_GT(after.audit_records, before.audit_records);
}

TEST_F(ReportImportDryRunTest, ADryRunOfAFileWithABadRowNamesItAndWritesNothing) {
  create(firm(sample_uscc(25), "甲公司"));
  ASSERT_EQ(import(csv_header() + csv_row(sample_uscc(25), "2026-04")).status, 200);
  const ImportTraces before = traces();
  auto dry = import(csv_header() + csv_row(sample_uscc(25), "2026-04", "999.00") +
                        csv_row(sample_uscc(25), "2026-05", "-5"),
                    "?dry_run=true");
  ASSERT_EQ(dry.status, 400) << dry.body;
  EXPECT_EQ(dry.error_code(), "import_rejected");
  EXPECT_EQ(dry.json().at("problems").at(0).at("row"), 3);
  EXPECT_EQ(traces(), before);
}

TEST_F(EnterprisesApiTest, AWrongHeaderIsRefusedNamingTheMissingColumns) {
  auto reply = import("uscc,period,output\r\n" + sample_uscc(24) + ",2026-04,1\r\n");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "import_header");
  const std::string message(reply.json().at("error").at("message").as_string());
  EXPECT_NE(message.find("主营业务收入"), std::string::npos) << message;
}

TEST_F(EnterprisesApiTest, ImportsGbkAndEnglishHeadings) {
  create(firm(sample_uscc(25), "甲公司"));
  const std::string utf8 = csv_header() + csv_row(sample_uscc(25), "2026-03");
  auto reply = import(gbk(utf8));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("inserted"), 1);
  auto english = import("uscc,period,output,value_added,revenue,profit,tax,employees,energy_tce\n" +
                        csv_row(sample_uscc(25), "2026-02"));
  ASSERT_EQ(english.status, 200) << english.body;
  EXPECT_EQ(report_count(), 2);
}

TEST_F(EnterprisesApiTest, ImportsAnXlsxAndRefusesATruncatedOne) {
  create(firm(sample_uscc(26), "甲公司"));
  tabular::XlsxWriter sheet("月报");
  std::vector<std::string> header = {"统一社会信用代码", "统计期",           "工业总产值(元)",
                                     "工业增加值(元)",   "主营业务收入(元)", "利润总额(元)",
                                     "实缴税金(元)",     "从业人员(人)",     "综合能耗(吨标准煤)"};
  sheet.header(header);
  using tabular::Cell;
  ASSERT_TRUE(
      sheet.row({Cell{sample_uscc(26)}, Cell{std::string("2026-01")}, Cell{std::int64_t(5000000)},
                 Cell{1250000.5}, Cell{std::int64_t(4800000)}, Cell{std::int64_t(-20000)},
                 Cell{std::int64_t(100000)}, Cell{std::int64_t(88)}, Cell{2.5}}));
  auto bytes = sheet.finish();
  ASSERT_TRUE(bytes) << bytes.error().message;
  const std::string xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  auto reply = import(*bytes, "?name=jan.xlsx", xlsx_type);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("inserted"), 1);
  auto jan = server_.client().get("/api/v1/enterprise-reports?from=2026-01&to=2026-01", leader_);
  EXPECT_EQ(jan.json().at("items").at(0).at("value_added_fen"), 125000050);
  EXPECT_EQ(jan.json().at("items").at(0).at("profit_fen"), -2000000);
  EXPECT_EQ(jan.json().at("items").at(0).at("energy_kgce"), 2500);

  auto truncated = import(bytes->substr(0, bytes->size() / 2), "", xlsx_type);
  EXPECT_EQ(truncated.status, 400);
  EXPECT_EQ(truncated.error_code(), "xlsx_corrupt");
  EXPECT_EQ(report_count(), 1);
}

TEST_F(EnterprisesApiTest, AFileThatIsNoTableIsRefused) {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 24);
  auto reply = import(png, "", "image/png");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.error_code(), "table_not_text");
  EXPECT_EQ(import("").error_code(), "table_empty");
  EXPECT_EQ(import(csv_header()).error_code(), "table_empty");
  EXPECT_EQ(import(csv_header(), "?encoding=ebcdic").error_field(), "encoding");
}

TEST_F(EnterprisesApiTest, A2GigabyteUploadIsRefusedBeforeItIsRead) {
  const std::string answer = server_.client().raw(
      "POST /api/v1/enterprise-reports/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
      stats_ + "\r\nContent-Type: text/csv\r\nContent-Length: 2147483648\r\n\r\nuscc,");
  EXPECT_NE(answer.find("413"), std::string::npos) << answer;
  EXPECT_NE(answer.find("payload_too_large"), std::string::npos) << answer;
  EXPECT_EQ(report_count(), 0);
}

// --- export ----------------------------------------------------------------------------

TEST_F(EnterprisesApiTest, ExportsAFilteredListAsCsvAndXlsxThatReadBack) {
  json::object listed = firm(sample_uscc(30), "上市公司");
  listed["listed_exchange"] = "SZSE";
  listed["listed_ticker"] = "002001";
  create(listed);
  create(firm(sample_uscc(31), "未上市公司"));
  auto csv = server_.client().get("/api/v1/enterprises/export?format=csv&listed=true", leader_);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.headers["content-disposition"].find("enterprises.csv"), std::string::npos);
  auto table = tabular::open_table(csv.body);
  ASSERT_TRUE(table) << table.error().message;
  std::vector<std::string> cells;
  ASSERT_TRUE((*table)->next(cells).value());
  EXPECT_EQ(cells.at(0), "统一社会信用代码");
  ASSERT_TRUE((*table)->next(cells).value());
  EXPECT_EQ(cells.at(0), sample_uscc(30));
  EXPECT_EQ(cells.at(1), "上市公司");
  EXPECT_FALSE((*table)->next(cells).value());

  auto xlsx = server_.client().get("/api/v1/enterprises/export?format=xlsx", leader_);
  ASSERT_EQ(xlsx.status, 200);
  auto sheet = tabular::open_table(xlsx.body);
  ASSERT_TRUE(sheet) << sheet.error().message;
  int rows = 0;
  while ((*sheet)->next(cells).value()) ++rows;
  EXPECT_EQ(rows, 3);
  EXPECT_EQ(server_.client().get("/api/v1/enterprises/export?format=pdf", leader_).error_field(),
            "format");
}

TEST_F(EnterprisesApiTest, ExportedReportsImportBackUnchanged) {
  const std::int64_t id = create(firm(sample_uscc(32), "甲公司"));
  put("/api/v1/enterprises/" + std::to_string(id) + "/reports/2026-02",
      figures(123456789, 98765432), stats_);
  auto exported = server_.client().get(
      "/api/v1/enterprise-reports/export?format=xlsx&from=2026-01&to=2026-06", leader_);
  ASSERT_EQ(exported.status, 200) << exported.body;
  auto reply = import(exported.body);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("updated"), 1);
  auto after = server_.client().get(
      "/api/v1/enterprises/" + std::to_string(id) + "/reports?from=2026-02&to=2026-02", leader_);
  EXPECT_EQ(after.json().at("items").at(0).at("output_fen"), 123456789);
  EXPECT_EQ(after.json().at("items").at(0).at("revenue_fen"), 98765432);

  auto csv_template = server_.client().get("/api/v1/enterprise-reports/template", leader_);
  ASSERT_EQ(csv_template.status, 200);
  EXPECT_EQ(import(csv_template.body).error_code(), "table_empty");
}

}  // namespace
}  // namespace jingkai
