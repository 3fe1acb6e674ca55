// Backups of a deployment: its database, its audit key and its files store, copied into one
// folder with a MANIFEST (store/backup_manifest.hpp), and restored from it into a fresh place.
//
// The folder holds database.sqlite (a copy made by SQLite's online backup API) or
// database.pgdump (pg_dump's custom format), audit-key when the deployment has one, and
// files/ laid out as the files store lays them out. Both copies are consistent snapshots
// taken while a server goes on writing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "store/backup_manifest.hpp"
#include "store/pg_tools.hpp"

namespace jingkai::store {

// Where a deployment keeps its data.
struct Deployment {
  std::string db;                   // a SQLite file or a postgresql:// URL
  std::filesystem::path files;      // the files store's folder
  std::filesystem::path audit_key;  // the audit chain's key file
};

struct BackupSummary {
  BackupManifest manifest;
  std::size_t stored_files = 0;
  std::uintmax_t bytes = 0;
};

// Writes a backup of `from` into the folder `to`, which must not exist or be empty. The
// backup is made beside it under another name and renamed at the end, so `to` is a whole
// backup or absent. The database is copied before the files: a file is stored before the
// transaction that names it commits, so every file the copied database names is there.
Result<BackupSummary> back_up(const Deployment& from, const std::filesystem::path& to,
                              const PgTools& tools);

// Checks the backup in `backup` against its manifest: every entry there, of its size and
// SHA-256. not_found when there is no backup; backup_corrupt when it does not hold.
Result<BackupManifest> check_backup(const std::filesystem::path& backup);

// Restores `backup` into `to`, after checking it whole. Refuses a database that is not
// empty (a SQLite file with content, a PostgreSQL database with tables), a files folder or
// audit key that exists, and a backup of the other dialect. On failure nothing is left of
// what it began.
Result<BackupSummary> restore(const std::filesystem::path& backup, const Deployment& to,
                              const PgTools& tools);

}  // namespace jingkai::store
