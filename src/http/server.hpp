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
  std::size_t body_limit = 1 << 20;
  // File uploads may be larger: a request whose path starts with an entry's prefix may
  // carry up to its limit (the first match counts).
  struct UploadLimit {
    std::string path_prefix;
    std::size_t body_limit = 0;
  };
  std::vector<UploadLimit> upload_limits;
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

 private:
  struct Worker;
  ServerOptions options_;
  const Router& router_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_;
};

}  // namespace jingkai::http
