// Applications (办件) through the API: an enterprise's applicant applies and hands in files,
// the service centre's officer takes the application through its workflow, the clocks run on
// the real 2026 calendar (the server's clock set by the test), and every wrong move is
// refused with nothing changed.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "core/digest.hpp"
#include "support/samples.hpp"
#include "support/test_server.hpp"
#include "tabular/xlsx_fixtures.hpp"

namespace jingkai {
namespace {

namespace json = boost::json;
using testing::Reply;
using testing::TestServer;

constexpr std::string_view kItem = "TEST-001";  // promised 3, statutory 20 working days
const std::string kPdf = "%PDF-1.4\n% jingkai test\ntrailer <<>>\n%%EOF\n";
const std::string kElf = std::string(
    "\x7F"
    "ELF\x02\x01\x01\0",
    8);

EpochMs at(std::string_view instant) { return *parse_instant(instant); }

std::string url_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += char(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// Sessions that outlive the weeks the tests move the clock through.
app::AppOptions long_sessions() {
  app::AppOptions options;
  options.accounts.session_ttl_ms = 400LL * 24 * 3600 * 1000;
  return options;
}

class ApplicationsApiTest : public ::testing::Test {
 protected:
  ApplicationsApiTest()
      : clock_(at("2026-09-28T09:00:00+08:00")), server_(clock_, long_sessions()) {}

  void SetUp() override {
    server_.add_user("admin", "zone-a", {Role::admin});
    server_.add_user("officer", "zone-a", {Role::approval_officer});
    server_.add_user("leader", "zone-a", {Role::leader});
    server_.add_user("applicant", "zone-a", {Role::enterprise_user});
    server_.add_user("rival", "zone-a", {Role::enterprise_user});
    admin_ = server_.login("admin");
    officer_ = server_.login("officer");
    leader_ = server_.login("leader");
    applicant_ = server_.login("applicant");
    rival_ = server_.login("rival");
    enterprise_ = register_enterprise(1, "诸暨测试光电有限公司");
    rival_enterprise_ = register_enterprise(2, "诸暨另一家材料有限公司");
    EXPECT_EQ(
        put("/api/v1/enterprises/" + std::to_string(enterprise_) + "/representatives/applicant", {},
            admin_)
            .status,
        200);
    EXPECT_EQ(
        put("/api/v1/enterprises/" + std::to_string(rival_enterprise_) + "/representatives/rival",
            {}, admin_)
            .status,
        200);
    EXPECT_EQ(put(fmt::format("/api/v1/service-items/{}", kItem),
                  json::object{{"name", "测试事项"},
                               {"category", "投资项目审批"},
                               {"kind", "行政许可"},
                               {"department", "发展和改革局"},
                               {"statutory_days", 20},
                               {"promised_days", 3},
                               {"materials",
                                "申请书|原件|1|必需;营业执照|复印件|1|必需;委托书|原件|1|条件:"
                                "委托他人办理的"}},
                  admin_)
                  .status,
              200);
  }

  std::int64_t register_enterprise(int n, const std::string& name) {
    auto reply = server_.client().post("/api/v1/enterprises",
                                       json::object{{"uscc", testing::sample_uscc(n)},
                                                    {"name", name},
                                                    {"legal_representative", "王建国"},
                                                    {"division_code", "330681"},
                                                    {"industry_code", "3976"}},
                                       admin_);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json().at("id").as_int64();
  }

  Reply put(const std::string& target, const json::value& body, const std::string& token) {
    return server_.client().send(http::Verb::put, target, json::serialize(body), token);
  }
  Reply get(const std::string& target, const std::string& token) {
    return server_.client().get(target, token);
  }
  Reply act(std::int64_t id, std::string_view action, const std::string& token,
            const json::object& body = {}) {
    return server_.client().post(fmt::format("/api/v1/applications/{}/actions/{}", id, action),
                                 body, token);
  }
  Reply upload(std::int64_t id, std::string_view file_name, const std::string& bytes,
               const std::string& token, std::string_view material = "申请书",
               std::string_view kind = "material") {
    return server_.client().send(
        http::Verb::post,
        fmt::format("/api/v1/applications/{}/materials?file_name={}&material={}&kind={}", id,
                    url_encode(file_name), url_encode(material), kind),
        bytes, token, "application/pdf");
  }
  json::value application(std::int64_t id, const std::string& token) {
    auto reply = get("/api/v1/applications/" + std::to_string(id), token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json();
  }
  void set_clock(std::string_view instant) { clock_.advance_ms(at(instant) - clock_.now_ms()); }

  // A draft by the applicant for their enterprise.
  std::int64_t draft() {
    auto reply = server_.client().post(
        "/api/v1/applications",
        json::object{
            {"item_code", kItem}, {"enterprise_id", enterprise_}, {"contact_name", "张三"}},
        applicant_);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json().at("id").as_int64();
  }
  // A draft with the required materials, submitted.
  std::int64_t submitted() {
    const std::int64_t id = draft();
    EXPECT_EQ(upload(id, "申请书.pdf", kPdf, applicant_).status, 201);
    EXPECT_EQ(upload(id, "营业执照.pdf", kPdf, applicant_, "营业执照").status, 201);
    EXPECT_EQ(act(id, "submit", applicant_).status, 200);
    return id;
  }
  std::int64_t accepted() {
    const std::int64_t id = submitted();
    EXPECT_EQ(act(id, "accept", officer_).status, 200);
    return id;
  }

  std::size_t stored_files() const {
    std::size_t n = 0;
    if (!std::filesystem::exists(server_.files_dir())) return 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(server_.files_dir())) {
      n += entry.is_regular_file();
    }
    return n;
  }

  ManualClock clock_;
  TestServer server_;
  std::string admin_, officer_, leader_, applicant_, rival_;
  std::int64_t enterprise_ = 0, rival_enterprise_ = 0;
};

std::vector<std::string> actions_of(const json::value& application) {
  std::vector<std::string> out;
  for (const auto& a : application.at("actions").as_array()) out.emplace_back(a.as_string());
  return out;
}

TEST_F(ApplicationsApiTest, FromDraftToResultWithACorrectionAcrossNationalDay) {
  const std::int64_t id = draft();
  json::value a = application(id, applicant_);
  EXPECT_EQ(a.at("state"), "draft");
  EXPECT_EQ(a.at("enterprise_name"), "诸暨测试光电有限公司");
  EXPECT_TRUE(std::string_view(a.at("number").as_string()).starts_with("20260928"));
  EXPECT_EQ(actions_of(a), std::vector<std::string>{"submit"});

  // Submitting without the required materials names them.
  auto early = act(id, "submit", applicant_);
  EXPECT_EQ(early.status, 400);
  EXPECT_EQ(early.error_code(), "materials_missing");
  EXPECT_NE(early.body.find("营业执照"), std::string::npos);
  EXPECT_EQ(early.body.find("委托书"), std::string::npos)
      << "conditional materials are not required";

  auto file = upload(id, "申请书.pdf", kPdf, applicant_);
  ASSERT_EQ(file.status, 201) << file.body;
  EXPECT_EQ(file.json().at("sha256"), json::value(sha256_hex(kPdf)));
  EXPECT_EQ(file.json().at("size"), std::int64_t(kPdf.size()));
  ASSERT_EQ(upload(id, "营业执照.pdf", kPdf, applicant_, "营业执照").status, 201);
  ASSERT_EQ(act(id, "submit", applicant_).status, 200);

  // Accepted Monday 28 September: 3 working days promised, 20 statutory.
  auto accepted = act(id, "accept", officer_);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json().at("accepted_on"), "2026-09-28");
  EXPECT_EQ(accepted.json().at("promised_deadline"), "2026-10-08");
  EXPECT_EQ(accepted.json().at("statutory_deadline"), "2026-10-30");
  EXPECT_EQ(accepted.json().at("working_days_left"), 3);
  EXPECT_EQ(accepted.json().at("flag"), "green");
  ASSERT_EQ(act(id, "review", officer_).status, 200);

  // Tuesday: corrections asked, listing everything at once; the clock stops.
  set_clock("2026-09-29T10:00:00+08:00");
  auto correcting = act(id, "request_correction", officer_,
                        {{"reason", "材料不清晰"}, {"items", json::array{"营业执照复印件不清晰"}}});
  ASSERT_EQ(correcting.status, 200) << correcting.body;
  EXPECT_EQ(correcting.json().at("state"), "correcting");
  EXPECT_EQ(correcting.json().at("flag"), "paused");
  EXPECT_TRUE(correcting.json().at("promised_deadline").is_null());
  EXPECT_EQ(correcting.json().at("correction").at("items").at(0), "营业执照复印件不清晰");
  EXPECT_EQ(actions_of(application(id, applicant_)),
            (std::vector<std::string>{"resubmit", "withdraw"}));

  // Friday 9 October, after the holiday: a better copy, resubmitted. The clock stood still
  // on 30 September, 8 and 9 October: both deadlines move by three working days.
  set_clock("2026-10-09T15:00:00+08:00");
  ASSERT_EQ(upload(id, "营业执照-清晰.pdf", kPdf + "v2", applicant_, "营业执照").status, 201);
  auto resubmitted = act(id, "resubmit", applicant_);
  ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
  EXPECT_EQ(resubmitted.json().at("state"), "reviewing");
  EXPECT_EQ(resubmitted.json().at("paused_working_days"), 3);
  EXPECT_EQ(resubmitted.json().at("promised_deadline"), "2026-10-12");
  EXPECT_EQ(resubmitted.json().at("statutory_deadline"), "2026-11-04");
  EXPECT_EQ(resubmitted.json().at("correction").at("resubmitted_on"), "2026-10-09");

  ASSERT_EQ(act(id, "approve", officer_, {{"reason", "符合条件"}}).status, 200);
  auto no_result = act(id, "finish", officer_);
  EXPECT_EQ(no_result.status, 400);
  EXPECT_EQ(no_result.error_code(), "result_missing");
  auto result = upload(id, "准予许可决定书.pdf", kPdf + "result", officer_, "", "result");
  ASSERT_EQ(result.status, 201) << result.body;
  set_clock("2026-10-12T11:00:00+08:00");
  auto finished = act(id, "finish", officer_, {{"in_zone", true}});
  ASSERT_EQ(finished.status, 200) << finished.body;
  EXPECT_EQ(finished.json().at("state"), "finished");
  EXPECT_EQ(finished.json().at("decision"), "approved");
  EXPECT_EQ(finished.json().at("finished_on"), "2026-10-12");
  // 29, 30 Sep, 8, 9, 10 (worked Saturday), 12 Oct = 6, less 3 paused.
  EXPECT_EQ(finished.json().at("working_days_taken"), 3);
  EXPECT_EQ(finished.json().at("on_time_promised"), true);

  // The applicant sees the whole timeline and downloads the result.
  const json::value seen = application(id, applicant_);
  std::vector<std::string> steps;
  for (const auto& e : seen.at("timeline").as_array()) {
    steps.emplace_back(e.at("action").as_string());
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"create", "upload", "upload", "submit", "accept",
                                             "review", "request_correction", "upload", "resubmit",
                                             "approve", "upload", "finish"}));
  EXPECT_EQ(seen.at("timeline").at(4).at("actor"), "officer");
  EXPECT_EQ(seen.at("timeline").at(4).at("to"), "accepted");
  EXPECT_EQ(seen.at("timeline").at(8).at("details").at("paused_working_days"), 3);
  std::int64_t result_id = 0;
  for (const auto& f : seen.at("materials").as_array()) {
    if (f.at("kind") == "result") result_id = f.at("id").as_int64();
  }
  auto download =
      get(fmt::format("/api/v1/applications/{}/materials/{}", id, result_id), applicant_);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kPdf + "result");
  EXPECT_EQ(download.headers["content-type"], "application/pdf");
  EXPECT_NE(download.headers["content-disposition"].find("filename*=UTF-8''" +
                                                         url_encode("准予许可决定书.pdf")),
            std::string::npos)
      << download.headers["content-disposition"];

  // Every step is in the audit log too.
  auto audit = get("/api/v1/audit?page_size=100", admin_);
  ASSERT_EQ(audit.status, 200);
  for (const char* action : {"application.create", "application.accept",
                             "application.request_correction", "application.finish"}) {
    EXPECT_NE(audit.body.find(action), std::string::npos) << action;
  }
}

TEST_F(ApplicationsApiTest, ApplicantsActOnlyForTheirOwnEnterprises) {
  auto mine = get("/api/v1/my/enterprises", applicant_);
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(mine.json().at("items").at(0).at("id"), enterprise_);

  // Applying for someone else's enterprise.
  auto foreign = server_.client().post(
      "/api/v1/applications",
      json::object{{"item_code", kItem}, {"enterprise_id", rival_enterprise_}}, applicant_);
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(foreign.error_code(), "not_representative");

  const std::int64_t id = draft();
  // The rival sees nothing of it, and can touch nothing.
  EXPECT_EQ(get("/api/v1/applications/" + std::to_string(id), rival_).status, 404);
  EXPECT_EQ(upload(id, "申请书.pdf", kPdf, rival_).status, 404);
  EXPECT_EQ(act(id, "submit", rival_).status, 404);
  auto rivals_list = get("/api/v1/applications", rival_);
  EXPECT_EQ(rivals_list.json().at("total"), 0);
  // Filtering by the other enterprise does not reveal it either.
  EXPECT_EQ(get("/api/v1/applications?enterprise_id=" + std::to_string(enterprise_), rival_)
                .json()
                .at("total"),
            0);
  EXPECT_EQ(get("/api/v1/applications", applicant_).json().at("total"), 1);
  EXPECT_EQ(get("/api/v1/applications", officer_).json().at("total"), 1);
  EXPECT_EQ(application(id, applicant_).at("materials").as_array().size(), 0u);
  EXPECT_EQ(application(id, applicant_).at("timeline").as_array().size(), 1u);

  // When the right is withdrawn, so is the application.
  ASSERT_EQ(
      server_.client()
          .send(http::Verb::delete_,
                "/api/v1/enterprises/" + std::to_string(enterprise_) + "/representatives/applicant",
                {}, admin_)
          .status,
      200);
  EXPECT_EQ(get("/api/v1/applications/" + std::to_string(id), applicant_).status, 404);
}

TEST_F(ApplicationsApiTest, EachSideTakesOnlyItsOwnActions) {
  const std::int64_t id = submitted();
  auto by_applicant = act(id, "accept", applicant_);
  EXPECT_EQ(by_applicant.status, 403);
  auto leader = act(id, "accept", leader_);
  EXPECT_EQ(leader.status, 403);
  EXPECT_EQ(application(id, officer_).at("state"), "submitted");
  EXPECT_EQ(actions_of(application(id, officer_)), (std::vector<std::string>{"accept", "refuse"}));
  EXPECT_EQ(actions_of(application(id, applicant_)), std::vector<std::string>{"withdraw"});
  EXPECT_TRUE(actions_of(application(id, leader_)).empty());
}

TEST_F(ApplicationsApiTest, ATransitionNotAllowedChangesNothing) {
  const std::int64_t id = accepted();
  ASSERT_EQ(act(id, "withdraw", applicant_, {{"reason", "项目调整"}}).status, 200);
  const json::value before = application(id, officer_);
  auto approve = act(id, "approve", officer_, {{"reason", "同意"}});
  EXPECT_EQ(approve.status, 409);
  EXPECT_EQ(approve.error_code(), "transition_not_allowed");
  EXPECT_NE(approve.body.find("已撤回"), std::string::npos);
  EXPECT_EQ(application(id, officer_), before);
  // Unknown actions and a missing reason are refused as such.
  EXPECT_EQ(act(id, "teleport", officer_).status, 404);
  const std::int64_t other = submitted();
  auto refuse = act(other, "refuse", officer_);
  EXPECT_EQ(refuse.status, 400);
  EXPECT_EQ(refuse.error_code(), "missing_reason");
  EXPECT_EQ(refuse.error_field(), "reason");
  auto refused = act(other, "refuse", officer_, {{"reason", "不属于本中心受理范围"}});
  ASSERT_EQ(refused.status, 200);
  EXPECT_EQ(refused.json().at("refusal_reason"), "不属于本中心受理范围");
  EXPECT_EQ(act(other, "accept", officer_).status, 409);
  // A body with a field the action does not know.
  auto odd = act(other, "accept", officer_, {{"speed", "fast"}});
  EXPECT_EQ(odd.status, 400);
}

TEST_F(ApplicationsApiTest, UploadsAreCheckedBeforeAnythingIsStored) {
  const std::int64_t id = draft();
  struct Case {
    std::string name, bytes, material;
    int status;
    std::string code;
  };
  const Case cases[] = {
      {"../../etc/passwd.pdf", kPdf, "申请书", 400, "bad_file_name"},
      {"..\\..\\boot.pdf", kPdf, "申请书", 400, "bad_file_name"},
      {"sub/申请书.pdf", kPdf, "申请书", 400, "bad_file_name"},
      {".hidden.pdf", kPdf, "申请书", 400, "bad_file_name"},
      {"setup.exe", kElf, "申请书", 415, "file_type_not_allowed"},
      {"申请书.pdf", kElf, "申请书", 415, "file_type_not_allowed"},
      {"申请书.pdf", "", "申请书", 400, "empty_file"},
      {"申请书.pdf", kPdf, "不存在的材料", 400, "unknown_material"},
      // The report's cases: a page behind a PDF header, a program zipped as a .docx, a name
      // that shows as another ("申请书\u202Efdp.exe" reads "申请书exe.pdf"), a file cut short.
      {"申请书.pdf", "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n", "申请书", 415,
       "file_active_content"},
      {"申请书.docx", tabular::testing::zip_parts({{"setup.exe", "MZ"}}), "申请书", 415,
       "file_executable"},
      {"申请书\u202Efdp.pdf", kPdf, "申请书", 400, "bad_file_name"},
      {"申请书.pdf", kPdf.substr(0, 20), "申请书", 415, "file_incomplete"},
  };
  for (const Case& c : cases) {
    auto reply = upload(id, c.name, c.bytes, applicant_, c.material);
    EXPECT_EQ(reply.status, c.status) << c.name << ": " << reply.body;
    EXPECT_EQ(reply.error_code(), c.code) << c.name;
  }
  // Just over the 20 MiB a file may have: the service's own limit names it.
  std::string big = kPdf;
  big.resize((20u << 20) + 1, ' ');
  auto too_big = upload(id, "扫描件.pdf", big, applicant_);
  EXPECT_EQ(too_big.status, 413);
  EXPECT_EQ(too_big.error_code(), "file_too_large");
  // Far over it: the server refuses on the announced length, before reading the body.
  const std::string answer = server_.client().raw(
      fmt::format("POST /api/v1/applications/{}/materials?file_name=a.pdf&material=x HTTP/1.1\r\n"
                  "Host: 127.0.0.1\r\nAuthorization: Bearer {}\r\nContent-Type: application/pdf\r\n"
                  "Content-Length: 2000000000\r\n\r\n%PDF-",
                  id, applicant_));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 413")) << answer.substr(0, 200);

  EXPECT_EQ(application(id, applicant_).at("materials").as_array().size(), 0u);
  EXPECT_EQ(stored_files(), 0u);

  // A good file is stored once, under its checksum, however often it is handed in.
  ASSERT_EQ(upload(id, "申请书.pdf", kPdf, applicant_).status, 201);
  ASSERT_EQ(upload(id, "申请书-副本.pdf", kPdf, applicant_).status, 201);
  EXPECT_EQ(stored_files(), 1u);
  EXPECT_TRUE(std::filesystem::exists(server_.files_dir() / sha256_hex(kPdf).substr(0, 2) /
                                      sha256_hex(kPdf).substr(2)));

  // Once submitted, materials are closed until a correction opens them again.
  ASSERT_EQ(upload(id, "营业执照.pdf", kPdf, applicant_, "营业执照").status, 201);
  ASSERT_EQ(act(id, "submit", applicant_).status, 200);
  auto late = upload(id, "补充.pdf", kPdf, applicant_);
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.error_code(), "transition_not_allowed");
  const auto first = application(id, applicant_).at("materials").at(0).at("id").as_int64();
  auto removal = server_.client().send(
      http::Verb::delete_, fmt::format("/api/v1/applications/{}/materials/{}", id, first), {},
      applicant_);
  EXPECT_EQ(removal.status, 409);
  // Result documents are the officer's, once decided.
  EXPECT_EQ(upload(id, "结果.pdf", kPdf, officer_, "", "result").status, 409);
  EXPECT_EQ(upload(id, "结果.pdf", kPdf, applicant_, "", "result").status, 403);
}

TEST_F(ApplicationsApiTest, ADraftsMaterialsCanBeReplaced) {
  const std::int64_t id = draft();
  auto first = upload(id, "申请书.pdf", kPdf, applicant_);
  ASSERT_EQ(first.status, 201);
  auto removed = server_.client().send(
      http::Verb::delete_,
      fmt::format("/api/v1/applications/{}/materials/{}", id, first.json().at("id").as_int64()), {},
      applicant_);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json().at("materials").as_array().size(), 0u);
  auto patched =
      server_.client().send(http::Verb::patch, "/api/v1/applications/" + std::to_string(id),
                            R"({"contact_phone":"0575-87000000","note":"新建厂房"})", applicant_);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json().at("contact_phone"), "0575-87000000");
  EXPECT_EQ(patched.json().at("contact_name"), "张三");
}

TEST_F(ApplicationsApiTest, ADeadlineInAYearWithoutCalendarDataChangesNothing) {
  // 21 December of the last year the server's calendar holds (2026 as shipped today): 20
  // working days from it end in the next year, which the calendar does not hold.
  auto calendar = server_.app().calendar().current();
  ASSERT_TRUE(calendar);
  const int last = (*calendar)->years().back();
  set_clock(fmt::format("{}-12-21T09:00:00+08:00", last));
  // Sessions of that day: the fixture's need not reach it.
  applicant_ = server_.login("applicant");
  officer_ = server_.login("officer");
  const std::int64_t id = submitted();
  auto accept = act(id, "accept", officer_);
  EXPECT_EQ(accept.status, 400);
  EXPECT_EQ(accept.error_code(), "calendar_year_missing");
  EXPECT_NE(accept.body.find(std::to_string(last + 1)), std::string::npos) << accept.body;
  const json::value a = application(id, officer_);
  EXPECT_EQ(a.at("state"), "submitted");
  EXPECT_TRUE(a.at("accepted_on").is_null());
  EXPECT_EQ(a.at("timeline").as_array().back().at("action"), "submit");
}

TEST_F(ApplicationsApiTest, CorrectionsOnceAndOneExtensionWithinTheLaw) {
  const std::int64_t id = accepted();  // due 8 October (promised), 30 October (statutory)
  auto no_items = act(id, "request_correction", officer_, {{"reason", "材料不全"}});
  EXPECT_EQ(no_items.status, 400);
  EXPECT_EQ(no_items.error_code(), "missing_items");
  EXPECT_EQ(
      act(id, "extend", officer_, {{"days", 11}, {"reason", "现场核查"}, {"approver", "王主任"}})
          .error_code(),
      "bad_extension");
  EXPECT_EQ(
      act(id, "extend", officer_, {{"days", 0}, {"reason", "现场核查"}, {"approver", "王主任"}})
          .error_code(),
      "bad_extension");
  EXPECT_EQ(act(id, "extend", officer_, {{"days", 5}, {"reason", "现场核查"}}).error_code(),
            "missing_approver");
  // 2^32 + 1 days was once narrowed to int and stored as a 1-day extension.
  for (const std::int64_t days : {4'294'967'297LL, -4'294'967'295LL, 9'000'000'000'000'000'000LL}) {
    auto huge = act(id, "extend", officer_,
                    {{"days", days}, {"reason", "现场核查"}, {"approver", "王主任"}});
    EXPECT_EQ(huge.status, 400) << days;
    EXPECT_EQ(huge.error_code(), "bad_extension") << days;
    EXPECT_EQ(huge.error_field(), "days") << days;
  }
  auto extended =
      act(id, "extend", officer_, {{"days", 5}, {"reason", "需现场核查"}, {"approver", "王主任"}});
  ASSERT_EQ(extended.status, 200) << extended.body;
  // 3 + 5 working days: 29, 30 Sep, 8, 9, 10, 12, 13, 14 Oct.
  EXPECT_EQ(extended.json().at("promised_deadline"), "2026-10-14");
  EXPECT_EQ(extended.json().at("statutory_deadline"), "2026-11-06");
  EXPECT_EQ(extended.json().at("extension").at("approver"), "王主任");
  EXPECT_EQ(act(id, "extend", officer_, {{"days", 1}, {"reason", "再延"}, {"approver", "王主任"}})
                .error_code(),
            "extension_already_granted");

  ASSERT_EQ(act(id, "request_correction", officer_,
                {{"reason", "材料不全"}, {"items", json::array{"补充委托书", "  "}}})
                .status,
            200);
  EXPECT_EQ(application(id, officer_).at("correction").at("items").as_array().size(), 1u);
  set_clock("2026-09-29T09:00:00+08:00");
  ASSERT_EQ(act(id, "resubmit", applicant_).status, 200);
  auto again = act(id, "request_correction", officer_,
                   {{"reason", "还缺"}, {"items", json::array{"补充说明"}}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error_code(), "correction_already_requested");
}

TEST_F(ApplicationsApiTest, TheQueueListsOpenApplicationsByDeadlineWithTheirFlags) {
  // Accepted on three days: due 8, 9 and 10 October (a worked Saturday), promised 3 days.
  const std::int64_t first = accepted();
  set_clock("2026-09-29T09:00:00+08:00");
  const std::int64_t second = accepted();
  set_clock("2026-09-30T09:00:00+08:00");
  const std::int64_t third = accepted();
  const std::int64_t waiting = submitted();
  const std::int64_t correcting = accepted();
  ASSERT_EQ(act(correcting, "request_correction", officer_,
                {{"reason", "缺件"}, {"items", json::array{"补充委托书"}}})
                .status,
            200);
  const std::int64_t closed = submitted();
  ASSERT_EQ(act(closed, "refuse", officer_, {{"reason", "不属于受理范围"}}).status, 200);

  set_clock("2026-10-09T09:00:00+08:00");
  auto queue = get("/api/v1/applications?open=true&sort=deadline", officer_);
  ASSERT_EQ(queue.status, 200) << queue.body;
  const json::value page = queue.json();
  EXPECT_EQ(page.at("total"), 5);
  EXPECT_EQ(page.at("today"), "2026-10-09");
  std::vector<std::int64_t> order;
  std::vector<std::string> flags;
  for (const auto& item : page.at("items").as_array()) {
    order.push_back(item.at("id").as_int64());
    flags.emplace_back(item.at("flag").as_string());
  }
  EXPECT_EQ(order, (std::vector<std::int64_t>{first, second, third, waiting, correcting}));
  EXPECT_EQ(flags, (std::vector<std::string>{"red", "yellow", "yellow", "none", "paused"}));
  EXPECT_EQ(page.at("items").at(0).at("working_days_left"), -1);
  EXPECT_EQ(page.at("items").at(1).at("working_days_left"), 0);
  EXPECT_EQ(page.at("items").at(2).at("working_days_left"), 1);

  auto ids = [&](const std::string& query) {
    std::vector<std::int64_t> out;
    auto reply = get("/api/v1/applications?" + query, officer_);
    EXPECT_EQ(reply.status, 200) << query << ": " << reply.body;
    const json::value page = reply.json();
    for (const auto& item : page.at("items").as_array()) out.push_back(item.at("id").as_int64());
    EXPECT_EQ(page.at("total"), std::int64_t(out.size())) << query;
    return out;
  };
  EXPECT_EQ(ids("flag=red"), std::vector<std::int64_t>{first});
  EXPECT_EQ(ids("flag=yellow&sort=deadline"), (std::vector<std::int64_t>{second, third}));
  EXPECT_EQ(ids("flag=green"), std::vector<std::int64_t>{});
  EXPECT_EQ(ids("flag=paused"), std::vector<std::int64_t>{correcting});
  EXPECT_EQ(ids("state=refused"), std::vector<std::int64_t>{closed});
  EXPECT_EQ(ids("state=submitted,refused&sort=number"),
            (std::vector<std::int64_t>{waiting, closed}));
  EXPECT_EQ(ids("q=" + url_encode("测试光电") + "&open=true&sort=-deadline").size(), 5u);

  for (const char* bad : {"flag=orange", "state=open", "sort=price", "open=maybe",
                          "received_from=2026-13", "on_time=soon", "enterprise_id=x"}) {
    auto reply = get(std::string("/api/v1/applications?") + bad, officer_);
    EXPECT_EQ(reply.status, 400) << bad;
  }

  // The daily sweep marks the one past its promised deadline, once.
  auto sweep = server_.client().post("/api/v1/applications/sweep", json::object{}, admin_);
  ASSERT_EQ(sweep.status, 200) << sweep.body;
  EXPECT_EQ(sweep.json().at("promised_overdue"), 1);
  EXPECT_EQ(sweep.json().at("statutory_overdue"), 0);
  EXPECT_EQ(server_.client()
                .post("/api/v1/applications/sweep", json::object{}, admin_)
                .json()
                .at("promised_overdue"),
            0);
  const json::value marked = application(first, applicant_);
  EXPECT_EQ(marked.at("overdue"), true);
  EXPECT_EQ(marked.at("timeline").as_array().back().at("action"), "overdue_promised");
  EXPECT_EQ(server_.client().post("/api/v1/applications/sweep", json::object{}, officer_).status,
            403);

  // The export holds the same rows.
  auto csv = get("/api/v1/applications/export?open=true&sort=deadline", officer_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("申请编号"), std::string::npos);
  EXPECT_NE(csv.body.find(marked.at("number").as_string()), std::string::npos);
}

// --- the yellow flag's edge: the list's flags and its flag filter agree -------------------
//
// The flag beside each row comes from read_clock (C++); `?flag=` filters in SQL with the
// warning horizon. An application whose promised deadline is exactly `warning_days` working
// days away must be yellow in both, and one a working day further green in both.

// The ids and flags of every open application, as the unfiltered queue shows them.
struct Queue {
  std::map<std::int64_t, std::string> flags;
  std::map<std::int64_t, std::int64_t> days_left;
};

class ApplicationsFlagEdgeTest : public ApplicationsApiTest {
 protected:
  Queue queue() {
    auto reply = get("/api/v1/applications?open=true&sort=deadline&page_size=500", officer_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    Queue q;
    const json::value page = reply.json();
    EXPECT_EQ(page.at("warning_days"), 2);
    for (const auto& item : page.at("items").as_array()) {
      const std::int64_t id = item.at("id").as_int64();
      q.flags[id] = std::string(item.at("flag").as_string());
      if (item.at("working_days_left").is_int64()) {
        q.days_left[id] = item.at("working_days_left").as_int64();
      }
    }
    return q;
  }
  // The ids the flag filter finds; its total must count exactly them.
  std::set<std::int64_t> filtered(std::string_view flag) {
    auto reply = get(fmt::format("/api/v1/applications?flag={}&page_size=500", flag), officer_);
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::set<std::int64_t> ids;
    const json::value page = reply.json();
    for (const auto& item : page.at("items").as_array()) {
      ids.insert(item.at("id").as_int64());
      EXPECT_EQ(std::string(item.at("flag").as_string()), flag)
          << "a row flag=" << flag << " found";
    }
    EXPECT_EQ(page.at("total"), std::int64_t(ids.size())) << "flag=" << flag;
    return ids;
  }
  static std::set<std::int64_t> with_flag(const Queue& q, std::string_view flag) {
    std::set<std::int64_t> ids;
    for (const auto& [id, f] : q.flags) {
      if (f == flag) ids.insert(id);
    }
    return ids;
  }
  // Every flag the filter knows finds exactly the rows the list shows with that flag.
  void expect_filters_agree_with_the_list() {
    const Queue q = queue();
    for (std::string_view flag : {"red", "yellow", "green", "paused"}) {
      EXPECT_EQ(filtered(flag), with_flag(q, flag)) << "flag=" << flag;
    }
  }
};

TEST_F(ApplicationsFlagEdgeTest, ADeadlineExactlyTheWarningDaysAwayIsYellowInTheListAndTheFilter) {
  // Promised three working days; November 2026 has no holiday. Accepted Monday 2 to Thursday
  // 5 November, they are due Thursday 5, Friday 6, Monday 9 and Tuesday 10 November.
  std::vector<std::int64_t> ids;
  for (const char* day : {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"}) {
    set_clock(std::string(day) + "T09:00:00+08:00");
    ids.push_back(accepted());
  }
  const std::int64_t due_today = ids[0], due_in_one = ids[1], due_in_two = ids[2],
                     due_in_three = ids[3];
  EXPECT_EQ(application(due_today, officer_).at("promised_deadline"), "2026-11-05");
  EXPECT_EQ(application(due_in_one, officer_).at("promised_deadline"), "2026-11-06");
  EXPECT_EQ(application(due_in_two, officer_).at("promised_deadline"), "2026-11-09");
  EXPECT_EQ(application(due_in_three, officer_).at("promised_deadline"), "2026-11-10");

  // Thursday 5 November, warning two working days: the horizon is Monday the 9th.
  const Queue q = queue();
  EXPECT_EQ(q.days_left.at(due_today), 0);
  EXPECT_EQ(q.days_left.at(due_in_one), 1);
  EXPECT_EQ(q.days_left.at(due_in_two), 2);
  EXPECT_EQ(q.days_left.at(due_in_three), 3);
  EXPECT_EQ(q.flags.at(due_today), "yellow");
  EXPECT_EQ(q.flags.at(due_in_one), "yellow");
  EXPECT_EQ(q.flags.at(due_in_two), "yellow");   // exactly at the edge
  EXPECT_EQ(q.flags.at(due_in_three), "green");  // one working day beyond it

  EXPECT_EQ(filtered("yellow"), (std::set<std::int64_t>{due_today, due_in_one, due_in_two}));
  EXPECT_EQ(filtered("green"), (std::set<std::int64_t>{due_in_three}));
  EXPECT_EQ(filtered("red"), (std::set<std::int64_t>{}));
  expect_filters_agree_with_the_list();
}

TEST_F(ApplicationsFlagEdgeTest, AsDaysPassOneApplicationTurnsYellowOnTheDayItsDeadlineIsInReach) {
  // Accepted Monday 2 November, promised three working days: due Thursday 5 November.
  set_clock("2026-11-02T09:00:00+08:00");
  const std::int64_t id = accepted();
  ASSERT_EQ(application(id, officer_).at("promised_deadline"), "2026-11-05");
  struct Day {
    const char* instant;
    std::int64_t left;
    const char* flag;
  };
  for (const Day& day : {Day{"2026-11-02T09:00:00+08:00", 3, "green"},    // the day before
                         Day{"2026-11-03T09:00:00+08:00", 2, "yellow"},   // exactly at
                         Day{"2026-11-04T09:00:00+08:00", 1, "yellow"},   // the day after
                         Day{"2026-11-05T09:00:00+08:00", 0, "yellow"},   // due today
                         Day{"2026-11-06T09:00:00+08:00", -1, "red"}}) {  // late
    set_clock(day.instant);
    const Queue q = queue();
    EXPECT_EQ(q.days_left.at(id), day.left) << day.instant;
    EXPECT_EQ(q.flags.at(id), day.flag) << day.instant;
    EXPECT_EQ(filtered(day.flag), std::set<std::int64_t>{id}) << day.instant;
    expect_filters_agree_with_the_list();
  }
}

TEST_F(ApplicationsApiTest, StatisticsDrillDownToTheRecordsBehindEachFigure) {
  // Two finished on time in October, one late in November, one still open.
  auto finish = [&](std::int64_t id, std::string_view day) {
    set_clock(day);
    EXPECT_EQ(act(id, "review", officer_).status, 200);
    EXPECT_EQ(act(id, "approve", officer_).status, 200);
    EXPECT_EQ(upload(id, "决定书.pdf", kPdf + std::to_string(id), officer_, "", "result").status,
              201);
    EXPECT_EQ(act(id, "finish", officer_, {{"in_zone", day != "2026-11-03T09:00:00+08:00"}}).status,
              200);
  };
  const std::int64_t a = accepted(), b = accepted();
  set_clock("2026-10-27T09:00:00+08:00");
  const std::int64_t c = accepted();
  accepted();
  finish(a, "2026-09-30T09:00:00+08:00");
  finish(b, "2026-10-08T09:00:00+08:00");
  finish(c, "2026-11-03T09:00:00+08:00");  // due 30 October: late

  auto stats = get("/api/v1/applications/statistics?from=2026-09&to=2026-11&by=month", leader_);
  ASSERT_EQ(stats.status, 200) << stats.body;
  const json::value s = stats.json();
  EXPECT_EQ(s.at("total").at("received"), 4);
  EXPECT_EQ(s.at("total").at("finished"), 3);
  EXPECT_EQ(s.at("total").at("on_time_promised"), 2);
  EXPECT_EQ(s.at("total").at("on_time_statutory"), 3);
  EXPECT_EQ(s.at("total").at("in_zone"), 2);
  // 2 (to 30 Sep) + 3 (to 8 Oct) + 4 (27 Oct to 3 Nov: 28, 29, 30 Oct, 2, 3 Nov = 5) / 3
  EXPECT_NEAR(s.at("total").at("average_working_days").to_number<double>(), (2 + 3 + 5) / 3.0,
              1e-9);
  ASSERT_EQ(s.at("rows").as_array().size(), 3u);
  EXPECT_EQ(s.at("rows").at(0).at("key"), "2026-09");
  EXPECT_EQ(s.at("rows").at(0).at("received"), 2);
  EXPECT_EQ(s.at("rows").at(1).at("received"), 2);
  EXPECT_EQ(s.at("rows").at(2).at("finished"), 1);

  // Every figure drills down to exactly the applications it counts.
  for (const auto& by : {"month", "item", "department"}) {
    auto grouped = get(
        fmt::format("/api/v1/applications/statistics?from=2026-09&to=2026-11&by={}", by), leader_);
    ASSERT_EQ(grouped.status, 200);
    const json::value g = grouped.json();
    std::vector<json::value> rows(g.at("rows").as_array().begin(), g.at("rows").as_array().end());
    rows.push_back(g.at("total"));
    for (const auto& row : rows) {
      for (const auto& [figure, drill] :
           {std::pair{"received", "received"}, std::pair{"finished", "finished"},
            std::pair{"on_time_promised", "on_time_promised"},
            std::pair{"on_time_statutory", "on_time_statutory"}, std::pair{"in_zone", "in_zone"}}) {
        const std::string query(row.at("drill").at(drill).as_string());
        auto list = get("/api/v1/applications?" + query, leader_);
        ASSERT_EQ(list.status, 200) << query << ": " << list.body;
        EXPECT_EQ(list.json().at("total"), row.at(figure)) << by << " " << figure << ": " << query;
      }
    }
  }
  EXPECT_EQ(get("/api/v1/applications/statistics?from=2026-11&to=2026-09", leader_).status, 400);
  EXPECT_EQ(get("/api/v1/applications/statistics?from=2020-01&to=2026-09", leader_).status, 400);
  EXPECT_EQ(
      get("/api/v1/applications/statistics?from=2026-01&to=2026-09&by=colour", leader_).status,
      400);
  EXPECT_EQ(get("/api/v1/applications/statistics?from=2026-01&to=2026-09", applicant_).status, 403);
}

TEST_F(ApplicationsApiTest, RepresentativesAreEnterpriseUsersOfTheZone) {
  const std::string base =
      "/api/v1/enterprises/" + std::to_string(enterprise_) + "/representatives";
  auto officer = put(base + "/officer", {}, admin_);
  EXPECT_EQ(officer.status, 400);
  EXPECT_EQ(officer.error_code(), "not_enterprise_user");
  EXPECT_EQ(put(base + "/nobody", {}, admin_).status, 404);
  EXPECT_EQ(put(base + "/rival", {}, officer_).status, 403);
  auto list = put(base + "/rival", {}, admin_);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().at("items").as_array().size(), 2u);
  EXPECT_EQ(get(base, officer_).json().at("items").as_array().size(), 2u);
  EXPECT_EQ(get("/api/v1/my/enterprises", rival_).json().at("items").as_array().size(), 2u);
  EXPECT_EQ(get("/api/v1/enterprises/999999/representatives", admin_).status, 404);
}

TEST_F(ApplicationsApiTest, TheClockIsSettableOnlyWhenTheServerAllowsIt) {
  auto reply =
      put("/api/v1/system/clock", json::object{{"now", "2026-10-01T09:00:00+08:00"}}, admin_);
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(reply.error_code(), "clock_not_settable");
  EXPECT_EQ(put("/api/v1/system/clock", json::object{{"now", "soon"}}, officer_).status, 403);
}

}  // namespace
}  // namespace jingkai
