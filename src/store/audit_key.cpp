#include "store/audit_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

namespace jingkai::store {
namespace {

constexpr std::size_t kHexDigits = AuditKey::kBytes * 2;

Error key_error(std::string code, const std::string& path, std::string_view why) {
  return Error::invalid(
      std::move(code),
      "审计密钥文件 " + path + " 不可用 (audit key file unusable): " + std::string(why),
      "audit_key");
}

// Closes the descriptor however the function that opened it returns.
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

Result<AuditKey> parse_key(const std::string& path, std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  AuditKey::Bytes bytes{};
  std::size_t decoded = 0;
  if (text.size() != kHexDigits ||
      sodium_hex2bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &decoded,
                     nullptr) != 0 ||
      decoded != bytes.size()) {
    return std::unexpected(key_error("audit_key_malformed", path,
                                     "需要 64 位十六进制数字 (must hold 64 hexadecimal digits, "
                                     "32 bytes; make one with `jingkai audit keygen`)"));
  }
  return AuditKey(bytes);
}

}  // namespace

Result<AuditKey> AuditKey::load(const std::string& path) {
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0)
    return std::unexpected(key_error("audit_key_unreadable", path, std::strerror(errno)));
  struct stat st {};
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return std::unexpected(
        key_error("audit_key_unreadable", path, "不是普通文件 (not a regular file)"));
  }
  // A key others can read is a key others can forge the chain with.
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return std::unexpected(key_error(
        "audit_key_exposed", path,
        fmt::format("权限 {:04o} 过宽，应为 0600 (mode {:04o} lets group or others read it; "
                    "chmod 600 it)",
                    st.st_mode & 07777, st.st_mode & 07777)));
  }
  char buffer[kHexDigits + 3];
  const ssize_t got = ::read(file.fd, buffer, sizeof buffer);
  if (got < 0)
    return std::unexpected(key_error("audit_key_unreadable", path, std::strerror(errno)));
  return parse_key(path, std::string_view(buffer, static_cast<std::size_t>(got)));
}

Result<AuditKey> AuditKey::create(const std::string& path) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  Bytes bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string text(kHexDigits + 1, '\0');
  sodium_bin2hex(text.data(), text.size(), bytes.data(), bytes.size());
  text.back() = '\n';
  FileDescriptor file{::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
  if (file.fd < 0) {
    const int why = errno;
    return std::unexpected(key_error(why == EEXIST ? "audit_key_exists" : "audit_key_unwritable",
                                     path, std::strerror(why)));
  }
  if (::write(file.fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()) ||
      ::fsync(file.fd) != 0) {
    return std::unexpected(key_error("audit_key_unwritable", path, std::strerror(errno)));
  }
  sodium_memzero(text.data(), text.size());
  return AuditKey(bytes);
}

Result<AuditKey> AuditKey::load_or_create(const std::string& path) {
  if (::access(path.c_str(), F_OK) == 0) return load(path);
  auto created = create(path);
  // Another process may have made it between the two calls: then it is the key.
  if (!created && created.error().code == "audit_key_exists") return load(path);
  return created;
}

}  // namespace jingkai::store
