// TestServer: the whole application on a fresh database, served by the real HTTP server on
// a free loopback port, and a small blocking client to talk to it.
#pragma once

#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "http/server.hpp"
#include "support/test_db.hpp"

namespace jingkai::testing {

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names

  boost::json::value json() const;
  // The error code of a JSON error body, or "" when there is none.
  std::string error_code() const;
  std::string error_field() const;
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}

  // Sends one request on a new connection. `token` goes out as a bearer token.
  Reply send(boost::beast::http::verb method, const std::string& target,
             const std::string& body = {}, const std::string& token = {},
             const std::string& content_type = "application/json",
             const std::map<std::string, std::string>& headers = {}) const;
  Reply get(const std::string& target, const std::string& token = {}) const {
    return send(boost::beast::http::verb::get, target, {}, token);
  }
  Reply post(const std::string& target, const boost::json::value& body,
             const std::string& token = {}) const {
    return send(boost::beast::http::verb::post, target, boost::json::serialize(body), token);
  }
  // Writes bytes exactly as given and returns what comes back, for requests no client
  // library would send.
  std::string raw(const std::string& bytes) const;

 private:
  unsigned short port_;
};

class TestServer {
 public:
  // The clock is fixed unless a test gives its own: no test's outcome may depend on the date
  // it runs on.
  explicit TestServer(const Clock& clock = fixed_clock(), app::AppOptions options = {},
                      http::ServerOptions server_options = {});
  ~TestServer();

  app::App& app() { return *app_; }
  const TestDatabase& database() const { return db_; }
  // Where the server keeps uploaded files (a temporary folder of its own).
  const std::filesystem::path& files_dir() const { return files_.path(); }
  HttpClient client() const { return HttpClient(port_); }
  unsigned short port() const { return port_; }

  // Creates a zone (once) and a user holding `roles` in it; returns the user's name.
  void add_zone(const std::string& code, const std::string& name = "测试园区");
  void add_user(const std::string& name, const std::string& zone, std::vector<Role> roles,
                const std::string& password = "correct-horse-9");
  // Logs in through the API and returns the session token.
  std::string login(const std::string& name, const std::string& password = "correct-horse-9");

  // 2026-06-15T10:00:00+08:00, a Monday the shipped calendar holds; it never moves.
  static const Clock& fixed_clock();
  static const Clock& system_clock();

 private:
  TestDatabase db_;
  TempDir files_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<http::Server> server_;
  unsigned short port_ = 0;
};

// A test against a real server whose zone "zone-a" has one administrator, "admin", logged in
// with `token_`: the start most API tests share.
class AdminApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.add_user("admin", "zone-a", {Role::admin});
    token_ = server_.login("admin");
  }
  HttpClient client() const { return server_.client(); }

  TestServer server_;
  std::string token_;
};

}  // namespace jingkai::testing
