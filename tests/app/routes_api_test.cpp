// Every route against every role, and every route against docs/openapi.yaml.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "support/samples.hpp"
#include "support/test_server.hpp"

namespace jingkai {
namespace {

using testing::TestServer;

std::string concrete(std::string pattern) {
  static const std::regex kCode(R"(\{code\})");
  static const std::regex kParam(R"(\{[a-z_]+\})");
  return std::regex_replace(std::regex_replace(pattern, kCode, "SS-001"), kParam, "1");
}

// Query parameters a GET route needs to answer 200; the walk is about access, not input.
std::string sample_query(const std::string& pattern) {
  static const std::map<std::string, std::string> kSamples = {
      {"/api/v1/calendar/add-workdays", "?from=2025-01-02&days=1"},
      {"/api/v1/calendar/workdays", "?from=2025-01-02&to=2025-01-10"},
      {"/api/v1/indicators/ranking", "?from=2025-01&to=2025-06"},
      {"/api/v1/service-items", "?zone=zone-a"},
      {"/api/v1/service-items/categories", "?zone=zone-a"},
      {"/api/v1/service-items/{code}", "?zone=zone-a"},
  };
  auto it = kSamples.find(pattern);
  return it == kSamples.end() ? "" : it->second;
}

bool is_write(http::Verb method) {
  return method == http::Verb::post || method == http::Verb::put || method == http::Verb::patch ||
         method == http::Verb::delete_;
}

TEST(RoleWalk, EveryRouteAnswers401And403And200AsItsRolesSay) {
  // On TestServer's fixed day, which the shipped calendar covers: routes that default to
  // "this year" or "this month" (statistics, the queue's flags) answer the same whatever the
  // date on the wall.
  TestServer server(TestServer::fixed_clock());
  server.add_zone("zone-a");
  std::map<Role, std::string> tokens;
  for (Role role : kAllRoles) {
    const std::string name = "u." + std::string(to_string(role));
    server.add_user(name, "zone-a", {role});
    auto token = server.app().accounts().create_api_token(Actor::system("test"), name, "zone-a",
                                                          "role walk", 1);
    ASSERT_TRUE(token);
    tokens[role] = *token;
  }
  // Enterprise 1 exists in zone-a, so that /api/v1/enterprises/1/… can answer 200.
  Actor registrar = Actor::system("test");
  registrar.zone_id = server.app().accounts().list_zones().value().front().id;
  auto registered = server.app().enterprises().create(registrar, {.uscc = testing::sample_uscc(1),
                                                                  .name = "演示企业",
                                                                  .legal_representative = "张伟",
                                                                  .division_code = "330681",
                                                                  .industry_code = "3976"});
  ASSERT_TRUE(registered) << registered.error().message;
  ASSERT_EQ(registered->id, 1);
  // So is service item SS-001, for /api/v1/service-items/{code}.
  approvals::ServiceItem item;
  item.code = "SS-001";
  item.name = "有限责任公司设立登记";
  item.category = "商事登记";
  item.kind = "行政许可";
  item.department = "市场监督管理局";
  item.statutory_days = 3;
  item.promised_days = 1;
  item.materials = {{"申请书", approvals::MaterialForm::original, 1, "", ""}};
  ASSERT_TRUE(server.app().catalogue().save(registrar, item));
  // And application 1 of enterprise 1 by its representative, with file 1, for
  // /api/v1/applications/{id}/….
  ASSERT_TRUE(server.app().representatives().grant(registrar, 1, "u.enterprise_user"));
  auto applicant_user = server.app().accounts().find_zone_user(registrar, "u.enterprise_user");
  ASSERT_TRUE(applicant_user);
  const Actor applicant{applicant_user->id,
                        applicant_user->name,
                        registrar.zone_id,
                        "zone-a",
                        {Role::enterprise_user}};
  auto application = server.app().applications().create(applicant, {"SS-001", 1, "", "", ""});
  ASSERT_TRUE(application) << application.error().message;
  ASSERT_EQ(application->summary.application.id, 1);
  auto file =
      server.app().applications().add_file(applicant, 1,
                                           {approvals::FileKind::material, "申请书", "申请书.pdf",
                                            "%PDF-1.4\n% walk\ntrailer <<>>\n%%EOF\n"});
  ASSERT_TRUE(file) << file.error().message;
  ASSERT_EQ(file->id, 1);
  auto client = server.client();
  const auto& routes = server.app().router().routes();
  ASSERT_GE(routes.size(), 10u);
  for (const http::Route& route : routes) {
    const std::string target = concrete(route.pattern) + sample_query(route.pattern);
    const std::string body = is_write(route.method) ? "{}" : "";
    const std::string label = std::string(http::beast_http::to_string(route.method)) + " " + target;

    auto anonymous = client.send(route.method, target, body);
    if (route.access.kind == http::Access::Kind::anyone) {
      EXPECT_NE(anonymous.status, 401) << label;
      EXPECT_NE(anonymous.status, 403) << label;
    } else {
      EXPECT_EQ(anonymous.status, 401) << label;
      EXPECT_EQ(anonymous.error_code(), "unauthenticated") << label;
    }

    for (Role role : kAllRoles) {
      Actor actor{0, "", 0, "", {role}};
      auto reply = client.send(route.method, target, body, tokens[role]);
      const std::string who = label + " as " + std::string(to_string(role));
      if (route.access.allows(actor)) {
        EXPECT_NE(reply.status, 401) << who << ": " << reply.body;
        EXPECT_NE(reply.status, 403) << who << ": " << reply.body;
        if (!is_write(route.method)) {
          EXPECT_EQ(reply.status, 200) << who << ": " << reply.body;
        }
        EXPECT_LT(reply.status, 500) << who << ": " << reply.body;
      } else {
        EXPECT_EQ(reply.status, 403) << who << ": " << reply.body;
        EXPECT_EQ(reply.error_code(), "forbidden") << who;
      }
    }
  }
}

// docs/openapi.yaml is kept in one layout: paths at two spaces, methods at four, and each
// operation's `x-roles: [...]` at six. This reads that layout, not YAML at large.
struct DocumentedRoute {
  std::string method;
  std::string path;
  std::set<std::string> roles;
  auto operator<=>(const DocumentedRoute&) const = default;
};

std::set<DocumentedRoute> read_openapi(const std::string& file) {
  std::ifstream in(file);
  EXPECT_TRUE(in.good()) << file;
  static const std::regex kPath(R"(^  (/[^:]+):\s*$)");
  static const std::regex kMethod(R"(^    (get|put|post|delete|patch):\s*$)");
  static const std::regex kRoles(R"(^      x-roles:\s*\[(.*)\]\s*$)");
  std::set<DocumentedRoute> routes;
  std::string path, method, line;
  bool in_paths = false;
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.starts_with("paths:")) {
      in_paths = true;
    } else if (!line.empty() && line[0] != ' ' && line[0] != '#') {
      in_paths = false;
    } else if (in_paths && std::regex_match(line, m, kPath)) {
      path = m[1];
    } else if (in_paths && std::regex_match(line, m, kMethod)) {
      method = m[1];
    } else if (in_paths && std::regex_match(line, m, kRoles)) {
      DocumentedRoute route{method, path, {}};
      std::stringstream roles(m[1]);
      std::string role;
      while (std::getline(roles, role, ',')) {
        role.erase(0, role.find_first_not_of(' '));
        role.erase(role.find_last_not_of(' ') + 1);
        if (!role.empty()) route.roles.insert(role);
      }
      routes.insert(route);
    }
  }
  return routes;
}

TEST(OpenApi, DescribesExactlyTheRoutesTheServerHasWithTheirRoles) {
  TestServer server;
  std::set<DocumentedRoute> served;
  for (const http::Route& route : server.app().router().routes()) {
    std::string method(http::beast_http::to_string(route.method));
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    DocumentedRoute documented{method, route.pattern, {}};
    switch (route.access.kind) {
      case http::Access::Kind::anyone:
        documented.roles = {"anyone"};
        break;
      case http::Access::Kind::any_user:
        documented.roles = {"any_user"};
        break;
      case http::Access::Kind::roles:
        for (Role role : route.access.roles) documented.roles.insert(std::string(to_string(role)));
        break;
    }
    served.insert(documented);
  }
  const auto described = read_openapi(JINGKAI_SOURCE_DIR "/docs/openapi.yaml");
  for (const auto& route : served) {
    EXPECT_TRUE(described.contains(route))
        << "served but not described (or with other roles): " << route.method << " " << route.path;
  }
  for (const auto& route : described) {
    EXPECT_TRUE(served.contains(route))
        << "described but not served (or with other roles): " << route.method << " " << route.path;
  }
}

}  // namespace
}  // namespace jingkai
