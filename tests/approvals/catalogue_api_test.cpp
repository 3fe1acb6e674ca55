// The service-item catalogue through the API: a public guide, kept by the service centre,
// imported and exported as a spreadsheet, all or nothing.
#include <gtest/gtest.h>

#include "core/money.hpp"
#include "support/test_server.hpp"
#include "tabular/table_reader.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using testing::TestServer;

std::string catalogue_header() {
  return "事项编码,事项名称,事项类别,事项类型,办理部门,设定依据,法定时限(工作日),承诺时限(工作日),"
         "跑动次数,收费(元),申请条件,申请材料,是否发布\r\n";
}

std::string catalogue_row(const std::string& code, const std::string& name, int statutory = 20,
                          int promised = 5, const std::string& published = "是") {
  return code + "," + name + ",不动产登记,行政确认,不动产登记中心,《不动产登记暂行条例》," +
         std::to_string(statutory) + "," + std::to_string(promised) +
         ",1,80,,不动产登记申请书|原件|1|必需|申请书.docx;委托书|原件|1|条件:委托他人办理的," +
         published + "\r\n";
}

class CatalogueApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.add_user("admin", "zone-a", {Role::admin});
    server_.add_user("officer", "zone-a", {Role::approval_officer});
    server_.add_user("other", "zone-b", {Role::admin});
    admin_ = server_.login("admin");
    officer_ = server_.login("officer");
    other_ = server_.login("other");
  }

  testing::Reply import(const std::string& file, const std::string& token) {
    return server_.client().send(http::Verb::post, "/api/v1/service-items/import?name=guide.csv",
                                 file, token, "text/csv");
  }

  std::int64_t guide_total(const std::string& zone = "zone-a") {
    auto reply = server_.client().get("/api/v1/service-items?zone=" + zone);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json().at("total").as_int64();
  }

  TestServer server_;
  std::string admin_, officer_, other_;
};

TEST_F(CatalogueApiTest, AnImportedCatalogueIsPublicWithoutLogin) {
  auto reply = import(catalogue_header() + catalogue_row("BDC-001", "抵押权首次登记") +
                          catalogue_row("BDC-002", "抵押权注销登记") +
                          catalogue_row("BDC-003", "查封登记", 1, 1, "否"),
                      admin_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("inserted"), 3);
  // Anyone reads the published guide; the unpublished item is not in it.
  EXPECT_EQ(guide_total(), 2);
  auto item = server_.client().get("/api/v1/service-items/BDC-001?zone=zone-a");
  ASSERT_EQ(item.status, 200) << item.body;
  const auto body = item.json().as_object();
  EXPECT_EQ(body.at("statutory_days"), 20);
  EXPECT_EQ(body.at("promised_days"), 5);
  EXPECT_EQ(body.at("fee_fen"), 8000);
  const auto& materials = body.at("materials").as_array();
  ASSERT_EQ(materials.size(), 2u);
  EXPECT_EQ(materials[0].at("template_file"), "申请书.docx");
  EXPECT_EQ(materials[1].at("required"), false);
  EXPECT_EQ(materials[1].at("condition"), "委托他人办理的");
  EXPECT_EQ(server_.client().get("/api/v1/service-items/BDC-003?zone=zone-a").status, 404);
  auto search = server_.client().get("/api/v1/service-items?zone=zone-a&q=%E6%B3%A8%E9%94%80");
  EXPECT_EQ(search.json().at("total"), 1);  // 注销
  auto categories = server_.client().get("/api/v1/service-items/categories?zone=zone-a");
  EXPECT_EQ(categories.json().at("items").at(0).at("count"), 2);
  // Another zone's guide is its own.
  EXPECT_EQ(guide_total("zone-b"), 0);
}

TEST_F(CatalogueApiTest, TheGuideNeedsAZoneThatExists) {
  EXPECT_EQ(server_.client().get("/api/v1/service-items").error_field(), "zone");
  EXPECT_EQ(server_.client().get("/api/v1/service-items?zone=nowhere").status, 404);
}

TEST_F(CatalogueApiTest, ABadRowRefusesTheWholeFileNamingRowAndColumn) {
  auto reply = import(catalogue_header() + catalogue_row("BDC-001", "抵押权首次登记") +
                          catalogue_row("BDC-002", "抵押权注销登记", 5, 10) +  // row 3
                          catalogue_row("bdc 3", "查封登记") +                 // row 4
                          catalogue_row("BDC-001", "重复"),                    // row 5
                      admin_);
  ASSERT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.error_code(), "import_rejected");
  const auto problems = reply.json().at("problems").as_array();
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].at("row"), 3);
  EXPECT_EQ(problems[0].at("column"), "promised_days");
  EXPECT_EQ(problems[0].at("code"), "promise_over_statutory");
  EXPECT_EQ(problems[1].at("row"), 4);
  EXPECT_EQ(problems[1].at("column"), "code");
  EXPECT_EQ(problems[2].at("row"), 5);
  EXPECT_EQ(problems[2].at("code"), "duplicate_row");
  EXPECT_EQ(guide_total(), 0);
}

TEST_F(CatalogueApiTest, AHugeBadCellIsQuotedBackInAFewWordsNotWhole) {
  // A cell of 300,000 characters: the answer quotes its first 200 and says so with "…".
  const std::string huge = "bad " + std::string(300000, 'z');
  auto reply = import(catalogue_header() + catalogue_row(huge, "抵押权首次登记"), admin_);
  ASSERT_EQ(reply.status, 400) << reply.body.substr(0, 500);
  EXPECT_EQ(reply.error_code(), "import_rejected");
  EXPECT_LT(reply.body.size(), 5000u);
  const auto problems = reply.json().at("problems").as_array();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].at("column"), "code");
  EXPECT_EQ(problems[0].at("value"), json::value(huge.substr(0, 200) + "…"));
}

TEST_F(CatalogueApiTest, AWrongHeaderOrANonTableIsRefused) {
  EXPECT_EQ(import("code,name\r\nBDC-001,x\r\n", admin_).error_code(), "import_header");
  EXPECT_EQ(import(std::string("\x7f"
                               "ELF\x02\x01\x01\0\0\0",
                               10),
                   admin_)
                .error_code(),
            "table_not_text");
  EXPECT_EQ(import(catalogue_header(), admin_).error_code(), "table_empty");
}

TEST_F(CatalogueApiTest, ReimportingReplacesItemsByCode) {
  ASSERT_EQ(import(catalogue_header() + catalogue_row("BDC-001", "抵押权首次登记"), admin_).status,
            200);
  auto again =
      import(catalogue_header() + catalogue_row("BDC-001", "抵押权首次登记", 10, 1), admin_);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("updated"), 1);
  EXPECT_EQ(guide_total(), 1);
  EXPECT_EQ(
      server_.client().get("/api/v1/service-items/BDC-001?zone=zone-a").json().at("promised_days"),
      1);
}

TEST_F(CatalogueApiTest, AnOfficerKeepsAnItemAndTheChangeIsAudited) {
  json::object body{{"name", "建筑工程施工许可证核发"},
                    {"category", "投资项目审批"},
                    {"kind", "行政许可"},
                    {"department", "住房和城乡建设局"},
                    {"legal_basis", "《中华人民共和国建筑法》"},
                    {"statutory_days", 7},
                    {"promised_days", 1},
                    {"visits", 0},
                    {"materials", "施工许可申请表|原件|1|必需"}};
  auto saved = server_.client().send(http::Verb::put, "/api/v1/service-items/TZ-011",
                                     json::serialize(body), officer_);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(guide_total(), 1);
  body["promised_days"] = 9;
  auto refused = server_.client().send(http::Verb::put, "/api/v1/service-items/TZ-011",
                                       json::serialize(body), officer_);
  EXPECT_EQ(refused.error_code(), "promise_over_statutory");
  auto audit = server_.client().get("/api/v1/audit", admin_);
  EXPECT_NE(audit.body.find("service_item.create"), std::string::npos);
  // An enterprise user may read the guide but not change it.
  server_.add_user("applicant", "zone-a", {Role::enterprise_user});
  auto forbidden = server_.client().send(http::Verb::put, "/api/v1/service-items/TZ-011",
                                         json::serialize(body), server_.login("applicant"));
  EXPECT_EQ(forbidden.status, 403);
}

TEST_F(CatalogueApiTest, DaysVisitsAndFeeAreBoundedNeverNarrowed) {
  json::object body{{"name", "建筑工程施工许可证核发"},
                    {"category", "投资项目审批"},
                    {"kind", "行政许可"},
                    {"department", "住房和城乡建设局"},
                    {"legal_basis", "《中华人民共和国建筑法》"},
                    {"statutory_days", 365},
                    {"promised_days", 365},
                    {"visits", 5},
                    {"fee_fen", kMaxFeeFen},
                    {"materials", "施工许可申请表|原件|1|必需"}};
  auto put = [&](const json::object& item) {
    return server_.client().send(http::Verb::put, "/api/v1/service-items/TZ-012",
                                 json::serialize(item), officer_);
  };
  auto at_bounds = put(body);
  ASSERT_EQ(at_bounds.status, 200) << at_bounds.body;
  EXPECT_EQ(at_bounds.json().at("fee_fen"), kMaxFeeFen);
  struct Case {
    std::string_view field;
    std::int64_t value;
    std::string_view code;
  };
  for (const Case& c :
       {Case{"statutory_days", 366, "bad_time_limit"},
        Case{"statutory_days", 4'294'967'303LL, "bad_time_limit"},  // int: 7
        Case{"promised_days", 4'294'967'297LL, "bad_time_limit"}, Case{"visits", 6, "bad_visits"},
        Case{"visits", 4'294'967'296LL, "bad_visits"},  // int: 0
        Case{"fee_fen", kMaxFeeFen + 1, "out_of_range"}, Case{"fee_fen", -1, "out_of_range"}}) {
    json::object bad = body;
    bad[c.field] = c.value;
    auto reply = put(bad);
    EXPECT_EQ(reply.status, 400) << c.field << " " << c.value;
    EXPECT_EQ(reply.error_code(), c.code) << c.field << " " << c.value;
    EXPECT_EQ(reply.error_field(), c.field) << c.field << " " << c.value;
  }
}

TEST_F(CatalogueApiTest, TheExportImportsBackUnchanged) {
  ASSERT_EQ(import(catalogue_header() + catalogue_row("BDC-001", "抵押权首次登记") +
                       catalogue_row("BDC-003", "查封登记", 1, 1, "否"),
                   admin_)
                .status,
            200);
  for (const std::string format : {"csv", "xlsx"}) {
    auto exported = server_.client().get("/api/v1/service-items/export?format=" + format, officer_);
    ASSERT_EQ(exported.status, 200) << exported.body;
    auto table = tabular::open_table(exported.body);
    ASSERT_TRUE(table) << table.error().message;
    std::vector<std::string> cells;
    int rows = 0;
    while ((*table)->next(cells).value()) ++rows;
    EXPECT_EQ(rows, 3) << format;  // the header and both items, the unpublished one included
    auto back = import(exported.body, admin_);
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json().at("updated"), 2) << format;
  }
  EXPECT_EQ(server_.client().get("/api/v1/service-items/export", other_).body.find("BDC-001"),
            std::string::npos);
}

}  // namespace
}  // namespace jingkai
