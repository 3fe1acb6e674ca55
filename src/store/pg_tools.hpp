// PgTools: PostgreSQL's client programs (pg_dump, pg_restore), found on the machine and run
// without a shell, for the backups of a PostgreSQL deployment.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace jingkai::store {

class PgTools {
 public:
  // `bindir`: where the programs are; empty: the newest /usr/lib/postgresql/N/bin, then PATH.
  explicit PgTools(std::filesystem::path bindir = {}) : bindir_(std::move(bindir)) {}

  // Dumps the database at `url` (postgresql://…) into `archive`, in pg_dump's custom format.
  // pg_dump reads one repeatable-read snapshot, so a dump taken while the server writes is
  // consistent.
  Status dump(const std::string& url, const std::filesystem::path& archive) const;

  // Restores `archive` into the (empty) database at `url` in one transaction: all or nothing.
  Status restore(const std::filesystem::path& archive, const std::string& url) const;

 private:
  Result<std::filesystem::path> find(std::string_view program) const;
  // Runs `program` with `args` and `url`'s password (kept out of the command line, which
  // other users may read) in PGPASSWORD; a failure carries what it wrote on standard error.
  Status run(std::string_view program, std::vector<std::string> args, const std::string& url,
             const std::filesystem::path& log) const;

  std::filesystem::path bindir_;
};

}  // namespace jingkai::store
