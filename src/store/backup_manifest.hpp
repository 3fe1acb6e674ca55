// BackupManifest: the list of what a backup holds — every file with its size and SHA-256 —
// sealed by a last line that hashes the list itself, so that a tampered, truncated or
// incomplete backup is refused before anything is restored from it.
//
// The text, one entry a line:
//
//   jingkai-backup 1
//   dialect sqlite
//   <sha256> <size> database.sqlite
//   <sha256> <size> audit-key
//   <sha256> <size> files/ab/cdef…
//   end <sha256 of every line above, line ends included>
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"

namespace jingkai::store {

inline constexpr std::string_view kManifestName = "MANIFEST";
inline constexpr std::string_view kAuditKeyEntry = "audit-key";
inline constexpr std::string_view kFilesFolder = "files";

struct BackupEntry {
  std::string path;  // relative to the backup's folder
  std::uintmax_t size = 0;
  std::string sha256;
};

struct BackupManifest {
  Dialect dialect = Dialect::sqlite;
  // The database first; then the audit key, when the deployment had one; then stored files.
  std::vector<BackupEntry> entries;
};

// The database's entry: "database.sqlite" (a SQLite file) or "database.pgdump" (pg_dump's
// custom format).
std::string database_entry(Dialect dialect);

// Whether `path` names a stored file as the files store lays them out: "files/" + the first
// two hex digits of its SHA-256 + "/" + the other 62.
bool is_stored_file_entry(std::string_view path);

std::string to_text(const BackupManifest& manifest);

// Reads a manifest, refusing anything but the form above: an unknown version or dialect, a
// path outside the layout (so that no entry can name a file outside the backup or the
// folders restored into), a repeated path, or a seal that does not match.
Result<BackupManifest> parse_manifest(std::string_view text);

}  // namespace jingkai::store
