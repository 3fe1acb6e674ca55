// StaticFiles: the built web UI, loaded into memory once and served from there.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "http/message.hpp"

namespace jingkai::http {

class StaticFiles {
 public:
  // Reads every file under `root`. A missing root is not an error: the server then answers
  // with a page that says how to build the UI.
  explicit StaticFiles(const std::filesystem::path& root);

  // Serves the file at the request's path; a path with no file serves index.html, so the
  // single-page app's own routes load on a reload.
  Response serve(const Request& request) const;

  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string type;
  };
  std::map<std::string, File, std::less<>> files_;  // keyed by URL path, e.g. "/index.html"
  std::filesystem::path root_;
};

}  // namespace jingkai::http
