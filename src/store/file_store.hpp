// FileStore: the bytes of uploaded files, on disk, each under the SHA-256 of its content.
// The database keeps names and checksums; a path is made from the digest alone, so no name
// a user gives can reach outside the store's folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace jingkai::store {

class FileStore {
 public:
  explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}

  const std::filesystem::path& root() const { return root_; }

  // Stores `bytes` (once: the same content is kept once) and returns their SHA-256 in hex.
  // Written to a temporary file first and renamed, so a file is either whole or absent.
  Result<std::string> put(std::string_view bytes) const;

  // The bytes stored under `sha256`; not_found when absent, invalid for a malformed digest.
  Result<std::string> get(std::string_view sha256) const;

 private:
  Result<std::filesystem::path> path_of(std::string_view sha256) const;

  std::filesystem::path root_;
};

}  // namespace jingkai::store
