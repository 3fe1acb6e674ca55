// FileStore: the bytes of uploaded files, on disk, each under the SHA-256 of its content.
// The database keeps names and checksums; a path is made from the digest alone, so no name
// a user gives can reach outside the store's folder.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace jingkai::store {

class FileStore {
 public:
  // Opening the store removes what a crash in the middle of put() can leave: temporary files
  // (".partial-" in their name) older than kAbandonedAfter. Younger ones may belong to a put()
  // of another process sharing the folder, still writing. Best effort: a file that cannot be
  // removed now is tried again at the next opening.
  explicit FileStore(std::filesystem::path root);

  static constexpr std::chrono::minutes kAbandonedAfter{10};

  const std::filesystem::path& root() const { return root_; }

  // Stores `bytes` (once: the same content is kept once) and returns their SHA-256 in hex.
  // Durable before it returns, so that the transaction that records the digest never points at
  // missing bytes after a crash or a power cut: written to a temporary file in the same folder,
  // fsynced, renamed into place, and the folder fsynced. A file already stored under the
  // digest with a different size (cut short before this store was durable) is written again.
  // Error file_store (unavailable) naming the path and the system's reason.
  Result<std::string> put(std::string_view bytes) const;

  // The bytes stored under `sha256`; not_found when absent, invalid for a malformed digest.
  Result<std::string> get(std::string_view sha256) const;

 private:
  Result<std::filesystem::path> path_of(std::string_view sha256) const;
  void remove_abandoned() const;

  std::filesystem::path root_;
};

}  // namespace jingkai::store
