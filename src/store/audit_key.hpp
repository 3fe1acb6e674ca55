// AuditKey: the secret that keys the audit chain (HMAC-SHA-256), kept in a file outside the
// database, so that whoever can write the database cannot recompute the chain after an edit.
//
// The file holds 64 hexadecimal digits (32 bytes), optionally followed by a line end, and may
// be read by its owner only (mode 0600 or stricter).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace jingkai::store {

class AuditKey {
 public:
  static constexpr std::size_t kBytes = 32;
  using Bytes = std::array<std::uint8_t, kBytes>;

  explicit AuditKey(const Bytes& bytes) : bytes_(bytes) {}

  // Reads the key file `path`; refuses one that group or others may read, or whose content
  // is not 64 hexadecimal digits.
  static Result<AuditKey> load(const std::string& path);
  // Writes a new random key to `path` with mode 0600; refuses to replace an existing file.
  static Result<AuditKey> create(const std::string& path);
  // Loads `path`, or creates it when there is no such file.
  static Result<AuditKey> load_or_create(const std::string& path);

  const Bytes& bytes() const { return bytes_; }

 private:
  Bytes bytes_;
};

}  // namespace jingkai::store
