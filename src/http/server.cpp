#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace jingkai::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

// What the connections of one server count together, across its threads: the connections
// each client address holds, and the large bodies being read.
class Server::Limits {
 public:
  explicit Limits(const ServerOptions& options) : options_(options) {}

  bool take_connection(const asio::ip::address& address) {
    std::lock_guard lock(mutex_);
    std::size_t& held = connections_[address];
    if (held >= options_.connections_per_address) return false;
    ++held;
    return true;
  }
  void give_back_connection(const asio::ip::address& address) {
    std::lock_guard lock(mutex_);
    auto it = connections_.find(address);
    if (it != connections_.end() && --it->second == 0) connections_.erase(it);
  }
  bool take_large_body() {
    std::lock_guard lock(mutex_);
    if (large_bodies_ >= options_.concurrent_large_bodies) return false;
    ++large_bodies_;
    return true;
  }
  void give_back_large_body() {
    std::lock_guard lock(mutex_);
    --large_bodies_;
  }

 private:
  const ServerOptions& options_;
  std::mutex mutex_;
  std::unordered_map<asio::ip::address, std::size_t> connections_;
  std::size_t large_bodies_ = 0;
};

namespace {

using Limits = Server::Limits;

// One client connection: read a request, answer it, repeat while the client keeps it alive.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, const Router& router, const ServerOptions& options, Limits& limits)
      : stream_(std::move(socket)), router_(router), options_(options), limits_(limits) {}
  ~Connection() {
    release_large_body();
    if (counted_) limits_.give_back_connection(*counted_);
  }

  // Serves the connection, or answers 429 and closes it when its address holds too many.
  void start() {
    beast::error_code ec;
    const auto address = stream_.socket().remote_endpoint(ec).address();
    if (ec) return close();
    if (!limits_.take_connection(address)) {
      return refuse(Error{ErrorKind::throttled,
                          "too_many_connections",
                          "来自同一地址的连接过多 (too many connections from your address)",
                          {}});
    }
    counted_ = address;
    read_header();
  }

 private:
  void read_header() {
    release_large_body();
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    // The parser checks Content-Length against its limit as soon as the header is complete,
    // before on_header() knows the route: start with the largest limit of any route, and
    // narrow it to the route's own once the header is in.
    parser_->body_limit(std::max(options_.body_limit, router_.largest_body_limit()));
    stream_.expires_after(options_.read_timeout);
    beast_http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  // The header decides: an unknown route, a missing credential, a role that may not, or a
  // body over the route's limit is refused before one byte of the body is read.
  void on_header(beast::error_code ec) {
    if (ec) return fail(ec);
    Admission admission = router_.admit(parser_->get());
    if (admission.refusal) return refuse(std::move(*admission.refusal));
    const std::size_t limit = admission.body_limit ? admission.body_limit : options_.body_limit;
    parser_->body_limit(limit);
    // Refuse an oversized body before reading it, and tell clients that wait for a
    // "100 Continue" to go ahead only when the body will be accepted.
    if (auto length = parser_->content_length(); length && *length > limit) {
      return refuse(Error{ErrorKind::payload_too_large,
                          "payload_too_large",
                          "请求体过大 (the body exceeds the limit)",
                          {}});
    }
    if (limit > options_.body_limit) {
      if (!limits_.take_large_body()) {
        Response busy = error_response(Error{
            ErrorKind::throttled,
            "server_busy",
            "服务器正在接收其他文件, 请稍后重试 (other uploads are in progress; retry shortly)",
            {}});
        busy.set(beast_http::field::retry_after, "5");
        return refuse(std::move(busy));
      }
      holds_large_body_ = true;
    }
    if (beast::iequals(parser_->get()[beast_http::field::expect], "100-continue")) {
      auto interim = std::make_shared<beast_http::response<beast_http::empty_body>>(
          beast_http::status::continue_, 11);
      beast_http::async_write(
          stream_, *interim,
          [self = shared_from_this(), interim](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            self->read_body();
          });
      return;
    }
    read_body();
  }

  void release_large_body() {
    if (holds_large_body_) limits_.give_back_large_body();
    holds_large_body_ = false;
  }

  void read_body() {
    beast_http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (ec) return fail(ec);
    write(router_.handle(parser_->get()));
  }

  void fail(beast::error_code ec) {
    if (ec == beast_http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::operation_aborted) {
      return close();
    }
    if (ec == beast_http::error::body_limit) {
      return refuse(Error{ErrorKind::payload_too_large,
                          "payload_too_large",
                          "请求体过大 (the body exceeds the limit)",
                          {}});
    }
    if (ec.category() == beast_http::make_error_code(beast_http::error::bad_target).category() ||
        ec == beast_http::error::header_limit) {
      return refuse(Error::invalid("bad_request",
                                   "无法解析的 HTTP 请求 (malformed request): " + ec.message()));
    }
    spdlog::debug("connection ended: {}", ec.message());
    close();
  }

  // Answers with an error and closes: the rest of the request cannot be trusted. The
  // client may still be sending; what it sends is read and dropped for a moment, since
  // closing a socket with unread data resets it and the client would lose the answer.
  void refuse(const Error& error) { refuse(error_response(error)); }
  void refuse(Response response) {
    auto message = std::make_shared<Response>(std::move(response));
    message->keep_alive(false);
    add_security_headers(*message);
    beast_http::async_write(
        stream_, *message, [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
          if (ec) return self->close();
          self->close();
          self->stream_.expires_after(std::chrono::seconds(2));
          self->drain();
        });
  }

  void drain() {
    stream_.async_read_some(asio::buffer(discard_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (!ec) self->drain();
                            });
  }

  void write(Response response) {
    auto message = std::make_shared<Response>(std::move(response));
    add_security_headers(*message);
    beast_http::async_write(
        stream_, *message, [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
          if (ec || !message->keep_alive()) return self->close();
          self->read_header();
        });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::array<char, 16 * 1024> discard_;
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  const Router& router_;
  const ServerOptions& options_;
  Limits& limits_;
  std::optional<asio::ip::address> counted_;  // the address this connection counts against
  bool holds_large_body_ = false;
};

}  // namespace

struct Server::Worker {
  asio::io_context context{1};
  tcp::acceptor acceptor{context};
  const Router* router = nullptr;
  const ServerOptions* options = nullptr;
  Limits* limits = nullptr;

  void accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Connection>(std::move(socket), *router, *options, *limits)->start();
      }
      accept();
    });
  }
};

Server::Server(ServerOptions options, const Router& router)
    : options_(std::move(options)), router_(router), limits_(std::make_unique<Limits>(options_)) {}

Server::~Server() { stop(); }

Result<unsigned short> Server::start() {
  const unsigned count =
      options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  beast::error_code ec;
  const auto address = asio::ip::make_address(options_.host, ec);
  if (ec) {
    return std::unexpected(Error::invalid("bad_host", "无效的监听地址: " + options_.host, "host"));
  }
  unsigned short port = options_.port;
  for (unsigned i = 0; i < count; ++i) {
    auto worker = std::make_unique<Worker>();
    worker->router = &router_;
    worker->options = &options_;
    worker->limits = limits_.get();
    tcp::endpoint endpoint{address, port};
    auto& acceptor = worker->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) {
      acceptor.set_option(asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>(true), ec);
    }
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      workers_.clear();
      return std::unexpected(
          Error{ErrorKind::unavailable, "listen_failed",
                fmt::format("无法监听 {}:{}: {}", options_.host, port, ec.message()), "port"});
    }
    // With port 0 the first socket picks a port; the others must join that one.
    port = acceptor.local_endpoint().port();
    worker->accept();
    workers_.push_back(std::move(worker));
  }
  for (auto& worker : workers_) {
    threads_.emplace_back([w = worker.get()] { w->context.run(); });
  }
  return port;
}

void Server::stop() {
  for (auto& worker : workers_) worker->context.stop();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
  workers_.clear();
}

void Server::wait_for_signal() {
  asio::io_context signals_context;
  asio::signal_set signals(signals_context, SIGINT, SIGTERM);
  signals.async_wait([](beast::error_code, int) {});
  signals_context.run();
}

}  // namespace jingkai::http
