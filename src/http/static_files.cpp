#include "http/static_files.hpp"

#include <boost/url.hpp>
#include <fstream>
#include <sstream>

namespace jingkai::http {
namespace {

std::string content_type(const std::filesystem::path& file) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
  };
  const std::string extension = file.extension().string();
  for (auto [ext, type] : kTypes) {
    if (ext == extension) return std::string(type);
  }
  return "application/octet-stream";
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root) : root_(root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string url = "/" + entry.path().lexically_relative(root).generic_string();
    files_.emplace(url, File{content.str(), content_type(entry.path())});
  }
}

Response StaticFiles::serve(const Request& request) const {
  if (request.method() != Verb::get && request.method() != Verb::head) {
    Response response = error_response(Error::invalid("method_not_allowed", "仅支持 GET"));
    response.result(StatusCode::method_not_allowed);
    return response;
  }
  auto target = boost::urls::parse_origin_form(request.target());
  std::string path = target ? std::string(target->path()) : "/";
  auto it = files_.find(path);
  const bool fingerprinted = it != files_.end() && path.starts_with("/assets/");
  if (it == files_.end()) it = files_.find("/index.html");
  Response response{StatusCode::ok, 11};
  if (it == files_.end()) {
    response.set(beast_http::field::content_type, "text/html; charset=utf-8");
    response.body() =
        "<!doctype html><meta charset=utf-8><title>jingkai</title><p>网页界面尚未构建 (the web "
        "UI is not built): run <code>make</code>, or start the server with <code>--web "
        "DIR</code>. Looked in " +
        root_.string() + "</p>";
  } else {
    response.set(beast_http::field::content_type, it->second.type);
    // Vite fingerprints what it puts in assets/; everything else must be revalidated.
    response.set(beast_http::field::cache_control,
                 fingerprinted ? "public, max-age=31536000, immutable" : "no-cache");
    response.body() = it->second.content;
  }
  response.set("X-Content-Type-Options", "nosniff");
  response.prepare_payload();
  if (request.method() == Verb::head) response.body().clear();
  return response;
}

}  // namespace jingkai::http
