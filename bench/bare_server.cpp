// The baseline for the HTTP benchmarks: the least a Boost.Beast server can do — one
// io_context per thread on a SO_REUSEPORT socket, keep-alive, a fixed JSON answer. jingkai's
// full stack is measured against this in the same run (bench/run).
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  explicit Connection(tcp::socket socket) : stream_(std::move(socket)) {}
  void read() {
    request_ = {};
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (!ec) self->answer();
                     });
  }

 private:
  void answer() {
    auto response = std::make_shared<http::response<http::string_body>>(http::status::ok, 11);
    response->set(http::field::content_type, "application/json; charset=utf-8");
    response->body() = R"({"status":"ok","db":"none","version":"bare"})";
    response->keep_alive(request_.keep_alive());
    response->prepare_payload();
    http::async_write(stream_, *response,
                      [self = shared_from_this(), response](beast::error_code ec, std::size_t) {
                        if (!ec && response->keep_alive()) self->read();
                      });
  }
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
};

void accept(tcp::acceptor& acceptor) {
  acceptor.async_accept([&acceptor](beast::error_code ec, tcp::socket socket) {
    if (!ec) {
      socket.set_option(tcp::no_delay(true));
      std::make_shared<Connection>(std::move(socket))->read();
    }
    accept(acceptor);
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bare_server PORT THREADS\n";
    return 2;
  }
  const auto port = static_cast<unsigned short>(std::atoi(argv[1]));
  const int threads = std::atoi(argv[2]);
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  for (int i = 0; i < threads; ++i) {
    contexts.push_back(std::make_unique<asio::io_context>(1));
    auto acceptor = std::make_unique<tcp::acceptor>(*contexts.back());
    tcp::endpoint endpoint{asio::ip::make_address("127.0.0.1"), port};
    acceptor->open(endpoint.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    acceptor->set_option(asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>(true));
    acceptor->bind(endpoint);
    acceptor->listen();
    accept(*acceptor);
    acceptors.push_back(std::move(acceptor));
  }
  std::cout << "bare server listening on 127.0.0.1:" << port << std::endl;
  std::vector<std::thread> workers;
  for (auto& context : contexts) workers.emplace_back([&context] { context->run(); });
  for (auto& worker : workers) worker.join();
}
