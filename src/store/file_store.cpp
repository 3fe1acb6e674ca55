#include "store/file_store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/digest.hpp"

namespace jingkai::store {
namespace {

constexpr std::string_view kPartialMarker = ".partial-";

Error unavailable(std::string message) {
  return Error{ErrorKind::unavailable, "file_store", std::move(message), {}};
}

Error system_failure(std::string_view what, const std::filesystem::path& path, int error) {
  return unavailable(fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(error)));
}

// Closes the descriptor it holds, whatever path the function takes out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // close(2) can report a write that failed late (NFS, a full disk).
  int release_and_close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

// A rename or a new entry is durable only once its folder is synced.
Status sync_folder(const std::filesystem::path& folder) {
  Descriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return std::unexpected(system_failure("open", folder, errno));
  if (::fsync(fd.get()) != 0) return std::unexpected(system_failure("sync", folder, errno));
  return {};
}

// `bytes` into a new file at `path`, on the disk (not only in the page cache) when it returns.
Status write_synced(const std::filesystem::path& path, std::string_view bytes) {
  Descriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
  if (fd.get() < 0) return std::unexpected(system_failure("create", path, errno));
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t wrote = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) return std::unexpected(system_failure("write", path, errno));
    done += static_cast<std::size_t>(wrote);
  }
  if (::fsync(fd.get()) != 0) return std::unexpected(system_failure("sync", path, errno));
  if (fd.release_and_close() != 0) return std::unexpected(system_failure("close", path, errno));
  return {};
}

}  // namespace

FileStore::FileStore(std::filesystem::path root) : root_(std::move(root)) { remove_abandoned(); }

void FileStore::remove_abandoned() const {
  std::error_code ec;
  const auto cutoff = std::filesystem::file_time_type::clock::now() - kAbandonedAfter;
  for (const auto& folder : std::filesystem::directory_iterator(root_, ec)) {
    if (!folder.is_directory(ec)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path(), ec)) {
      const std::string name = entry.path().filename().string();
      if (name.find(kPartialMarker) == std::string::npos || !entry.is_regular_file(ec)) continue;
      const auto written = entry.last_write_time(ec);
      if (!ec && written < cutoff) std::filesystem::remove(entry.path(), ec);
    }
  }
}

Result<std::filesystem::path> FileStore::path_of(std::string_view sha256) const {
  const bool hex =
      sha256.size() == 64 && sha256.find_first_not_of("0123456789abcdef") == std::string_view::npos;
  if (!hex) return std::unexpected(Error::invalid("bad_digest", "not a SHA-256 digest"));
  return root_ / std::string(sha256.substr(0, 2)) / std::string(sha256.substr(2));
}

Result<std::string> FileStore::put(std::string_view bytes) const {
  std::string digest = sha256_hex(bytes);
  auto path = TRY(path_of(digest));
  const std::filesystem::path folder = path.parent_path();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size == bytes.size()) return digest;
  const bool new_folder = std::filesystem::create_directories(folder, ec);
  if (ec)
    return std::unexpected(
        unavailable(fmt::format("cannot create {}: {}", folder.string(), ec.message())));
  if (new_folder) TRY(sync_folder(root_));
  const std::filesystem::path partial =
      path.string() + std::string(kPartialMarker) + random_token_hex(8);
  if (auto written = write_synced(partial, bytes); !written) {
    std::filesystem::remove(partial, ec);
    return std::unexpected(written.error());
  }
  if (::rename(partial.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::filesystem::remove(partial, ec);
    return std::unexpected(system_failure("store", path, error));
  }
  TRY(sync_folder(folder));
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
