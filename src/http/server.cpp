#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <optional>

namespace jingkai::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

// One client connection: read a request, answer it, repeat while the client keeps it alive.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, const Router& router, const ServerOptions& options)
      : stream_(std::move(socket)), router_(router), options_(options) {}

  void start() { read_header(); }

 private:
  void read_header() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    // The parser checks Content-Length against its limit as soon as the header is complete,
    // before on_header() knows the path: start with the largest limit of any path, and
    // narrow it to the path's own once the header is in.
    parser_->body_limit(largest_body_limit());
    stream_.expires_after(options_.read_timeout);
    beast_http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec) return fail(ec);
    const auto& header = parser_->get();
    const std::size_t limit = body_limit_for(header.target());
    parser_->body_limit(limit);
    // Refuse an oversized body before reading it, and tell clients that wait for a
    // "100 Continue" to go ahead only when the body will be accepted.
    if (auto length = parser_->content_length(); length && *length > limit) {
      return refuse(Error{ErrorKind::payload_too_large,
                          "payload_too_large",
                          "请求体过大 (the body exceeds the limit)",
                          {}});
    }
    if (beast::iequals(header[beast_http::field::expect], "100-continue")) {
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

  std::size_t largest_body_limit() const {
    std::size_t largest = options_.body_limit;
    for (const auto& upload : options_.upload_limits)
      largest = std::max(largest, upload.body_limit);
    return largest;
  }

  std::size_t body_limit_for(std::string_view target) const {
    for (const auto& upload : options_.upload_limits) {
      if (target.starts_with(upload.path_prefix)) return upload.body_limit;
    }
    return options_.body_limit;
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
  void refuse(const Error& error) {
    auto message = std::make_shared<Response>(error_response(error));
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
};

}  // namespace

struct Server::Worker {
  asio::io_context context{1};
  tcp::acceptor acceptor{context};
  const Router* router = nullptr;
  const ServerOptions* options = nullptr;

  void accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Connection>(std::move(socket), *router, *options)->start();
      }
      accept();
    });
  }
};

Server::Server(ServerOptions options, const Router& router)
    : options_(std::move(options)), router_(router) {}

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
