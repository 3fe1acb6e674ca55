// Server: HTTP/1.1 on Boost.Beast, one io_context and one listening socket per thread
// (SO_REUSEPORT lets the kernel spread connections), so threads share nothing on the way in.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "http/router.hpp"

namespace jingkai::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port; start() says which
  unsigned threads = 0;        // 0: one per core
  // The largest body of a route that names no limit of its own (a JSON body); a route that
  // takes a file names its own (Router::add).
  std::size_t body_limit = 1 << 20;
  // How many connections one client address may hold at once; one more is answered 429.
  std::size_t connections_per_address = 64;
  // How many bodies larger than `body_limit` (imports, uploads) may be in memory at once;
  // one more is answered 429 with Retry-After, before it is read.
  std::size_t concurrent_large_bodies = 4;
  std::chrono::seconds read_timeout{30};
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving on background threads; returns the bound port.
  Result<unsigned short> start();
  // Stops accepting and ends every connection; returns when the threads have finished.
  void stop();
  // Blocks until stop() is called from elsewhere or SIGINT/SIGTERM arrives.
  void wait_for_signal();

  // What its connections count together (defined in server.cpp).
  class Limits;

 private:
  struct Worker;
  ServerOptions options_;
  const Router& router_;
  std::unique_ptr<Limits> limits_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_;
};

}  // namespace jingkai::http
