#include "support/test_server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <stdexcept>

#include "modules/approvals/routes.hpp"
#include "modules/enterprises/routes.hpp"

namespace jingkai::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

boost::json::value Reply::json() const { return boost::json::parse(body); }

std::string Reply::error_code() const {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object() || !value.as_object().contains("error")) return {};
  return std::string(value.at("error").at("code").as_string());
}

std::string Reply::error_field() const {
  auto value = boost::json::parse(body);
  const auto& field = value.at("error").at("field");
  return field.is_null() ? std::string() : std::string(field.as_string());
}

Reply HttpClient::send(beast::http::verb method, const std::string& target, const std::string& body,
                       const std::string& token, const std::string& content_type,
                       const std::map<std::string, std::string>& headers) const {
  asio::io_context context;
  beast::tcp_stream stream(context);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  beast::http::request<beast::http::string_body> request{method, target, 11};
  request.set(beast::http::field::host, "127.0.0.1");
  if (!token.empty()) request.set(beast::http::field::authorization, "Bearer " + token);
  // As a browser's fetch does: a request that changes something says its Content-Type, even
  // with no body (the server refuses it otherwise).
  const bool reads = method == beast::http::verb::get || method == beast::http::verb::head;
  if (!body.empty() || !reads) {
    if (!content_type.empty()) request.set(beast::http::field::content_type, content_type);
    request.body() = body;
    request.prepare_payload();
  }
  for (const auto& [name, value] : headers) request.set(name, value);
  // A server may answer (413, say) before it has read the whole body and stop reading;
  // the answer is still there to read when the write fails.
  beast::error_code write_error;
  beast::http::write(stream, request, write_error);
  beast::flat_buffer buffer;
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(64 << 20);
  beast::http::read(stream, buffer, parser);
  const auto& response = parser.get();
  Reply reply;
  reply.status = response.result_int();
  reply.body = response.body();
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return reply;
}

std::string HttpClient::raw(const std::string& bytes) const {
  asio::io_context context;
  tcp::socket socket(context);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  asio::write(socket, asio::buffer(bytes));
  socket.shutdown(tcp::socket::shutdown_send);
  std::string received;
  beast::error_code ec;
  char chunk[4096];
  for (;;) {
    const std::size_t n = socket.read_some(asio::buffer(chunk), ec);
    received.append(chunk, n);
    if (ec) break;
  }
  return received;
}

const Clock& TestServer::fixed_clock() {
  static const ManualClock clock(*parse_instant("2026-06-15T10:00:00+08:00"));
  return clock;
}

const Clock& TestServer::system_clock() {
  static const SystemClock clock;
  return clock;
}

TestServer::TestServer(const Clock& clock, app::AppOptions options,
                       http::ServerOptions server_options) {
  options.db = db_.url();
  options.connections = 4;
  if (options.files_dir.empty()) options.files_dir = files_.path().string();
  auto opened = app::App::open(options, clock);
  if (!opened) throw std::runtime_error("cannot open app: " + opened.error().message);
  app_ = std::move(*opened);
  server_options.port = 0;
  server_options.threads = 2;
  server_ = std::make_unique<http::Server>(server_options, app_->router());
  auto port = server_->start();
  if (!port) throw std::runtime_error("cannot start server: " + port.error().message);
  port_ = *port;
}

TestServer::~TestServer() {
  server_.reset();
  app_.reset();
}

void TestServer::add_zone(const std::string& code, const std::string& name) {
  auto zones = app_->accounts().list_zones();
  for (const auto& zone : *zones) {
    if (zone.code == code) return;
  }
  auto added = app_->accounts().add_zone(Actor::system("test"), {0, code, name});
  if (!added) throw std::runtime_error("add_zone: " + added.error().message);
}

void TestServer::add_user(const std::string& name, const std::string& zone, std::vector<Role> roles,
                          const std::string& password) {
  add_zone(zone);
  auto added = app_->accounts().add_user(Actor::system("test"), zone, {name, "", password, roles});
  if (!added) throw std::runtime_error("add_user: " + added.error().message);
}

std::string TestServer::login(const std::string& name, const std::string& password) {
  auto reply = client().post("/api/v1/auth/login",
                             boost::json::object{{"name", name}, {"password", password}});
  if (reply.status != 200) throw std::runtime_error("login failed: " + reply.body);
  return std::string(reply.json().at("token").as_string());
}

}  // namespace jingkai::testing
