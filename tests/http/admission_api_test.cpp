// Nothing is read before it is allowed: the server decides on a request's header alone —
// its route, its caller, the caller's role, the route's own body limit — and refuses before
// one byte of the body arrives; a client address holds a bounded number of connections, and
// only so many large bodies are in memory at once.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <chrono>
#include <thread>

#include "support/test_server.hpp"

namespace jingkai {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using testing::TestServer;

// A client that sends a request's header and then waits, body unsent: what comes back was
// decided on the header.
class HeaderOnly {
 public:
  explicit HeaderOnly(unsigned short port) : socket_(context_) {
    socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }
  void send(const std::string& head) { asio::write(socket_, asio::buffer(head)); }
  // The status line of the answer, within a few seconds, or "" when none came.
  std::string status_line() {
    std::string received;
    char chunk[1024];
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    socket_.non_blocking(true);
    while (std::chrono::steady_clock::now() < until) {
      boost::system::error_code ec;
      const std::size_t n = socket_.read_some(asio::buffer(chunk), ec);
      received.append(chunk, n);
      if (received.find("\r\n") != std::string::npos) break;
      if (ec && ec != asio::error::would_block) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return received.substr(0, received.find("\r\n"));
  }

 private:
  asio::io_context context_;
  tcp::socket socket_;
};

std::string import_head(const std::string& path, const std::string& token,
                        std::size_t length = 100u << 20) {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n" +
         (token.empty() ? std::string() : "Authorization: Bearer " + token + "\r\n") +
         "Content-Length: " + std::to_string(length) + "\r\n\r\n";
}

class AdmissionApi : public testing::AdminApiTest {};

TEST_F(AdmissionApi, AnAnonymousUploadIsRefusedOnItsHeader) {
  HeaderOnly client(server_.port());
  client.send(import_head("/api/v1/enterprise-reports/import", ""));
  EXPECT_EQ(client.status_line(), "HTTP/1.1 401 Unauthorized");
}

TEST_F(AdmissionApi, APathUnderAnUploadRouteIsNotThatRoute) {
  // Limits belong to exact routes: a suffix is no route at all, and not a 100 MiB one.
  HeaderOnly client(server_.port());
  client.send(import_head("/api/v1/enterprise-reports/import/anything", token_));
  EXPECT_EQ(client.status_line(), "HTTP/1.1 404 Not Found");
}

TEST_F(AdmissionApi, ARoleThatMayNotUploadIsRefusedOnItsHeader) {
  server_.add_user("leader", "zone-a", {Role::leader});
  HeaderOnly client(server_.port());
  client.send(import_head("/api/v1/enterprise-reports/import", server_.login("leader")));
  EXPECT_EQ(client.status_line(), "HTTP/1.1 403 Forbidden");
}

TEST_F(AdmissionApi, AJsonRouteTakesNoMoreThanTheDefaultEvenFromAnAdmin) {
  HeaderOnly client(server_.port());
  client.send(
      "POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Authorization: Bearer " +
      token_ + "\r\nContent-Length: " + std::to_string(2u << 20) + "\r\n\r\n");
  EXPECT_EQ(client.status_line(), "HTTP/1.1 413 Payload Too Large");
}

TEST_F(AdmissionApi, AnAllowedUploadIsReadAndAnswered) {
  // The same header from an editor is let through: the server waits for the body.
  auto reply = client().send(http::Verb::post, "/api/v1/enterprise-reports/import", "uscc,period\n",
                             token_, "text/csv");
  EXPECT_EQ(reply.status, 400) << reply.body;  // read, then judged on its content
  EXPECT_EQ(reply.error_code(), "import_header");
}

TEST(AdmissionLimits, OneAddressHoldsABoundedNumberOfConnections) {
  http::ServerOptions options;
  options.connections_per_address = 3;
  TestServer server(TestServer::fixed_clock(), {}, options);
  std::vector<std::unique_ptr<HeaderOnly>> held;
  for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<HeaderOnly>(server.port()));
  // Let the server count them before the fourth arrives.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  HeaderOnly fourth(server.port());
  EXPECT_EQ(fourth.status_line(), "HTTP/1.1 429 Too Many Requests");
  held.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(server.client().get("/api/v1/health").status, 200);
}

TEST(AdmissionLimits, OnlySoManyLargeBodiesAreReadAtOnce) {
  http::ServerOptions options;
  options.concurrent_large_bodies = 1;
  TestServer server(TestServer::fixed_clock(), {}, options);
  server.add_user("admin", "zone-a", {Role::admin});
  const std::string token = server.login("admin");

  // The first upload is admitted and its body awaited: it holds the one slot.
  HeaderOnly first(server.port());
  first.send(import_head("/api/v1/enterprise-reports/import", token, 10u << 20));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  HeaderOnly second(server.port());
  second.send(import_head("/api/v1/enterprise-reports/import", token, 10u << 20));
  EXPECT_EQ(second.status_line(), "HTTP/1.1 429 Too Many Requests");
  // A JSON request is no large body: it is not held up.
  EXPECT_EQ(server.client().get("/api/v1/users", token).status, 200);
}

}  // namespace
}  // namespace jingkai
