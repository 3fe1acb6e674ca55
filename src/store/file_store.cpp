#include "store/file_store.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "core/digest.hpp"

namespace jingkai::store {

Result<std::filesystem::path> FileStore::path_of(std::string_view sha256) const {
  const bool hex =
      sha256.size() == 64 && sha256.find_first_not_of("0123456789abcdef") == std::string_view::npos;
  if (!hex) return std::unexpected(Error::invalid("bad_digest", "not a SHA-256 digest"));
  return root_ / std::string(sha256.substr(0, 2)) / std::string(sha256.substr(2));
}

Result<std::string> FileStore::put(std::string_view bytes) const {
  std::string digest = sha256_hex(bytes);
  auto path = TRY(path_of(digest));
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return digest;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    return std::unexpected(
        Error{ErrorKind::unavailable,
              "file_store",
              fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()),
              {}});
  }
  const std::filesystem::path partial = path.string() + ".partial-" + random_token_hex(8);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.flush();
    if (!out) {
      std::filesystem::remove(partial, ec);
      return std::unexpected(
          Error{ErrorKind::unavailable, "file_store", "cannot write " + partial.string(), {}});
    }
  }
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    return std::unexpected(Error{ErrorKind::unavailable,
                                 "file_store",
                                 "cannot store " + path.string() + ": " + ec.message(),
                                 {}});
  }
  return digest;
}

Result<std::string> FileStore::get(std::string_view sha256) const {
  auto path = TRY(path_of(sha256));
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::unexpected(
        Error::not_found("file_missing", "文件不在存储中 (the file is missing from the store)"));
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace jingkai::store
