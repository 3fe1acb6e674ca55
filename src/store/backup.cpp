#include "store/backup.hpp"

#include <fcntl.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>

#include "core/digest.hpp"

namespace jingkai::store {

namespace {

namespace fs = std::filesystem;

Error unavailable(std::string code, std::string message) {
  return Error{ErrorKind::unavailable, std::move(code), std::move(message), {}};
}

Error corrupt(const std::string& why) {
  return Error::invalid("backup_corrupt", "备份已损坏 (the backup does not hold): " + why, "from");
}

bool is_postgresql(const std::string& db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

// A path as given, made absolute and without a trailing separator, so that a name made
// beside it ("<path>.partial-…") lands beside it and not inside it.
fs::path beside_able(const fs::path& path) {
  fs::path normal = fs::absolute(path).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  return normal;
}

fs::path sibling(const fs::path& path, std::string_view why) {
  return path.string() + "." + std::string(why) + "-" + random_token_hex(6);
}

bool absent_or_empty_folder(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  return fs::is_directory(path, ec) && fs::is_empty(path, ec);
}

// Something made on the way, removed when the work fails before it is kept.
class Made {
 public:
  explicit Made(fs::path path) : path_(std::move(path)) {}
  Made(const Made&) = delete;
  Made& operator=(const Made&) = delete;
  ~Made() {
    std::error_code ignored;
    if (!kept_) fs::remove_all(path_, ignored);
  }
  void keep() { kept_ = true; }

 private:
  fs::path path_;
  bool kept_ = false;
};

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string hex(const std::array<unsigned char, crypto_hash_sha256_BYTES>& digest) {
  std::array<char, 2 * crypto_hash_sha256_BYTES + 1> text{};
  sodium_bin2hex(text.data(), text.size(), digest.data(), digest.size());
  return text.data();
}

// Reads `from` whole, hashing it, and writes it to `to` (made with `mode`, flushed to disk)
// unless `to` is empty.
Result<BackupEntry> stream(const fs::path& from, const fs::path& to, std::string entry_path,
                           mode_t mode = 0600) {
  Fd in{::open(from.c_str(), O_RDONLY | O_CLOEXEC)};
  if (in.fd < 0) {
    return std::unexpected(
        unavailable("backup_read", "cannot read " + from.string() + ": " + std::strerror(errno)));
  }
  Fd out;
  if (!to.empty()) {
    out.fd = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (out.fd < 0) {
      return std::unexpected(
          unavailable("backup_write", "cannot write " + to.string() + ": " + std::strerror(errno)));
    }
  }
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  BackupEntry entry{std::move(entry_path), 0, {}};
  std::array<unsigned char, 1 << 16> buffer;
  for (;;) {
    const ssize_t got = ::read(in.fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      return std::unexpected(
          unavailable("backup_read", "cannot read " + from.string() + ": " + std::strerror(errno)));
    }
    if (got == 0) break;
    crypto_hash_sha256_update(&state, buffer.data(), std::size_t(got));
    entry.size += std::uintmax_t(got);
    for (ssize_t written = 0; out.fd >= 0 && written < got;) {
      const ssize_t put = ::write(out.fd, buffer.data() + written, std::size_t(got - written));
      if (put < 0 && errno == EINTR) continue;
      if (put < 0) {
        return std::unexpected(unavailable(
            "backup_write", "cannot write " + to.string() + ": " + std::strerror(errno)));
      }
      written += put;
    }
  }
  if (out.fd >= 0 && ::fsync(out.fd) != 0) {
    return std::unexpected(
        unavailable("backup_write", "cannot write " + to.string() + ": " + std::strerror(errno)));
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256_final(&state, digest.data());
  entry.sha256 = hex(digest);
  return entry;
}

Result<BackupEntry> hash_file(const fs::path& file, std::string entry_path) {
  return stream(file, {}, std::move(entry_path));
}

Status write_text(const fs::path& path, const std::string& text) {
  const fs::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return std::unexpected(unavailable("backup_write", "cannot write " + path.string()));
  }
  // Through stream() again for the fsync.
  TRY(stream(partial, path, ""));
  std::error_code ignored;
  fs::remove(partial, ignored);
  return {};
}

// SQLite's online backup API, on a connection of the product's own store: the copy is made
// in one step, inside one read transaction, so it is the database as of one commit; in WAL
// mode writers go on meanwhile.
Status copy_sqlite(const std::string& source, const fs::path& target) {
  using namespace sqlite_api;  // where SOCI's back end declares SQLite's C API
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) {
    return std::unexpected(
        Error::not_found("db_missing", "数据库不存在 (no SQLite database at " + source + ")"));
  }
  auto db = TRY(Database::open(source, 1));
  return db->read([&](Tx& tx) -> Status {
    // A static_cast, for SOCI's library does not export the back end's type information;
    // the session is SQLite's, for the Database opened a file.
    if (tx.sql().get_backend_name() != "sqlite3") {
      return std::unexpected(Error::internal("not a SQLite session"));
    }
    auto* backend = static_cast<soci::sqlite3_session_backend*>(tx.sql().get_backend());
    sqlite3* raw = nullptr;
    const int opened =
        sqlite3_open_v2(target.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> copy(raw, sqlite3_close);
    if (opened != SQLITE_OK) {
      return std::unexpected(unavailable(
          "backup_write", "cannot write " + target.string() + ": " + sqlite3_errmsg(raw)));
    }
    sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", backend->conn_, "main");
    if (!backup) {
      return std::unexpected(unavailable("backup_sqlite", sqlite3_errmsg(copy.get())));
    }
    int step = SQLITE_OK;
    for (int tries = 0; tries < 600; ++tries) {
      step = sqlite3_backup_step(backup, -1);
      if (step != SQLITE_BUSY && step != SQLITE_LOCKED) break;
      sqlite3_sleep(50);
    }
    sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE) {
      return std::unexpected(unavailable(
          "backup_sqlite", std::string("SQLite backup failed: ") + sqlite3_errstr(step)));
    }
    return {};
  });
}

// The stored files of `root`, as entries of a backup ("files/ab/cdef…"), sorted. What is not
// laid out as a stored file (a partial write in progress) is left out.
Result<std::vector<std::pair<fs::path, std::string>>> stored_files(const fs::path& root) {
  std::vector<std::pair<fs::path, std::string>> found;
  std::error_code ec;
  if (!fs::exists(root, ec)) return found;  // a deployment with no upload yet
  fs::recursive_directory_iterator it(root, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code not_regular;
    if (!it->is_regular_file(not_regular)) continue;
    std::string entry =
        std::string(kFilesFolder) + "/" + it->path().lexically_relative(root).generic_string();
    if (is_stored_file_entry(entry)) found.emplace_back(it->path(), std::move(entry));
  }
  // A folder that cannot be read would make a backup without its files, which looks whole.
  if (ec) {
    return std::unexpected(unavailable(
        "backup_read", "cannot read the files store " + root.string() + ": " + ec.message()));
  }
  std::ranges::sort(found, {}, &std::pair<fs::path, std::string>::second);
  return found;
}

// Makes the folder `path`, for the one called `shown` (which the error names).
Status make_folder(const fs::path& path, const fs::path& shown) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (!ec) fs::create_directory(path, ec);
  if (ec) {
    return std::unexpected(unavailable(
        "backup_write", "无法写入 (cannot write) " + shown.string() + ": " + ec.message()));
  }
  fs::permissions(path, fs::perms::owner_all, ec);
  return {};
}

}  // namespace

Result<BackupSummary> back_up(const Deployment& from, const fs::path& to, const PgTools& tools) {
  const fs::path target = beside_able(to);
  if (!absent_or_empty_folder(target)) {
    return std::unexpected(Error::conflict(
        "backup_exists", "备份目录已存在且非空 (" + target.string() + " exists and is not empty)",
        "output"));
  }
  const fs::path staging = sibling(target, "partial");
  TRY(make_folder(staging, target));
  Made made(staging);

  BackupSummary summary;
  summary.manifest.dialect = is_postgresql(from.db) ? Dialect::postgresql : Dialect::sqlite;
  const std::string db_entry = database_entry(summary.manifest.dialect);
  if (summary.manifest.dialect == Dialect::sqlite) {
    TRY(copy_sqlite(from.db, staging / db_entry));
  } else {
    TRY(tools.dump(from.db, staging / db_entry));
  }
  summary.manifest.entries.push_back(TRY(hash_file(staging / db_entry, db_entry)));
  std::error_code ec;
  if (!from.audit_key.empty() && fs::exists(from.audit_key, ec)) {
    summary.manifest.entries.push_back(
        TRY(stream(from.audit_key, staging / kAuditKeyEntry, std::string(kAuditKeyEntry), 0600)));
  }
  for (const auto& [source, entry] : TRY(stored_files(from.files))) {
    fs::create_directories((staging / entry).parent_path(), ec);
    summary.manifest.entries.push_back(TRY(stream(source, staging / entry, entry)));
    ++summary.stored_files;
  }
  for (const BackupEntry& entry : summary.manifest.entries) summary.bytes += entry.size;
  TRY(write_text(staging / kManifestName, to_text(summary.manifest)));
  fs::rename(staging, target, ec);
  if (ec) {
    return std::unexpected(
        unavailable("backup_write", "cannot write " + target.string() + ": " + ec.message()));
  }
  made.keep();
  return summary;
}

Result<BackupManifest> check_backup(const fs::path& backup) {
  std::error_code ec;
  if (!fs::is_directory(backup, ec)) {
    return std::unexpected(Error::not_found(
        "backup_missing", "备份不存在 (no backup folder at " + backup.string() + ")"));
  }
  std::ifstream in(backup / kManifestName, std::ios::binary);
  if (!in) return std::unexpected(corrupt("no MANIFEST in " + backup.string()));
  std::ostringstream text;
  text << in.rdbuf();
  BackupManifest manifest = TRY(parse_manifest(text.str()));
  for (const BackupEntry& listed : manifest.entries) {
    if (!fs::is_regular_file(backup / listed.path, ec)) {
      return std::unexpected(corrupt(listed.path + " is missing"));
    }
    const BackupEntry found = TRY(hash_file(backup / listed.path, listed.path));
    if (found.size != listed.size || found.sha256 != listed.sha256) {
      return std::unexpected(
          corrupt(listed.path + " differs from the MANIFEST (altered or truncated)"));
    }
  }
  return manifest;
}

namespace {

Status check_empty_database(const std::string& db, Dialect dialect) {
  if (dialect == Dialect::sqlite) {
    std::error_code ec;
    const bool has_content =
        (fs::exists(db, ec) && (!fs::is_regular_file(db, ec) || fs::file_size(db, ec) > 0)) ||
        fs::exists(db + "-wal", ec);
    if (has_content) {
      return std::unexpected(
          Error::conflict("database_exists",
                          "数据库已存在且非空，不会覆盖 (refusing to overwrite " + db + ")", "db"));
    }
    const fs::path parent = fs::absolute(db).parent_path();
    if (!fs::is_directory(parent, ec)) {
      return std::unexpected(
          Error::invalid("db_path", "数据库所在目录不存在: " + parent.string(), "db"));
    }
    return {};
  }
  long long tables = 0;
  try {
    soci::session session(soci::postgresql, TRY(postgresql_keywords(db)));
    session << "SELECT count(*) FROM pg_catalog.pg_tables "
               "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
        soci::into(tables);
  } catch (const std::exception& failure) {
    return std::unexpected(unavailable(
        "db_connect",
        std::string("无法连接数据库 (create the empty database first): ") + failure.what()));
  }
  if (tables > 0) {
    return std::unexpected(Error::conflict(
        "database_exists", "数据库非空，不会覆盖 (refusing to restore into a database with tables)",
        "db"));
  }
  return {};
}

// Copies `entry` of the backup to `to`, checking it again against the manifest on the way
// (the backup may change between the check and the copy).
Status restore_entry(const fs::path& backup, const BackupEntry& entry, const fs::path& to) {
  const BackupEntry copied = TRY(stream(backup / entry.path, to, entry.path));
  if (copied.sha256 != entry.sha256 || copied.size != entry.size) {
    return std::unexpected(corrupt(entry.path + " changed while it was restored"));
  }
  return {};
}

}  // namespace

Result<BackupSummary> restore(const fs::path& backup, const Deployment& to, const PgTools& tools) {
  BackupSummary summary{TRY(check_backup(backup)), 0, 0};
  const BackupManifest& manifest = summary.manifest;
  const Dialect dialect = is_postgresql(to.db) ? Dialect::postgresql : Dialect::sqlite;
  if (dialect != manifest.dialect) {
    return std::unexpected(Error::invalid(
        "backup_dialect",
        std::string("备份来自 ") + std::string(to_string(manifest.dialect)) + ", 不能恢复到 " +
            std::string(to_string(dialect)) + " (restore into a database of the same kind)",
        "db"));
  }
  TRY(check_empty_database(to.db, dialect));
  const fs::path files = beside_able(to.files);
  if (!absent_or_empty_folder(files)) {
    return std::unexpected(Error::conflict(
        "files_exist", "文件目录已存在且非空 (" + files.string() + " is not empty)", "files"));
  }
  const bool has_key = manifest.entries.size() > 1 && manifest.entries[1].path == kAuditKeyEntry;
  std::error_code ec;
  if (has_key && fs::exists(to.audit_key, ec)) {
    return std::unexpected(
        Error::conflict("audit_key_exists",
                        "审计密钥文件已存在 (" + to.audit_key.string() + " exists)", "audit-key"));
  }

  // Everything is made under other names first, then moved into place; the database last,
  // for it is what makes the deployment exist.
  const fs::path files_staged = sibling(files, "restoring");
  TRY(make_folder(files_staged, files));
  Made files_made(files_staged);
  for (const BackupEntry& entry : manifest.entries) {
    if (!is_stored_file_entry(entry.path)) continue;
    const fs::path place = files_staged / fs::path(entry.path).lexically_relative(kFilesFolder);
    fs::create_directories(place.parent_path(), ec);
    TRY(restore_entry(backup, entry, place));
    ++summary.stored_files;
  }
  const fs::path key_staged = has_key ? sibling(beside_able(to.audit_key), "restoring") : "";
  Made key_made(key_staged);
  if (has_key) TRY(restore_entry(backup, manifest.entries[1], key_staged));
  const fs::path db_staged =
      dialect == Dialect::sqlite ? sibling(beside_able(to.db), "restoring") : "";
  Made db_made(db_staged);
  if (dialect == Dialect::sqlite) TRY(restore_entry(backup, manifest.entries[0], db_staged));

  auto place = [&](const fs::path& staged, const fs::path& final) -> Status {
    fs::rename(staged, final, ec);
    if (ec) {
      return std::unexpected(
          unavailable("restore_write", "cannot write " + final.string() + ": " + ec.message()));
    }
    return {};
  };
  TRY(place(files_staged, files));
  Made files_placed(files);
  if (has_key) TRY(place(key_staged, beside_able(to.audit_key)));
  Made key_placed(has_key ? beside_able(to.audit_key) : fs::path());
  if (dialect == Dialect::sqlite) {
    TRY(place(db_staged, beside_able(to.db)));
  } else {
    TRY(tools.restore(backup / manifest.entries[0].path, to.db));
  }
  files_placed.keep();
  key_placed.keep();
  for (const BackupEntry& entry : manifest.entries) summary.bytes += entry.size;
  return summary;
}

}  // namespace jingkai::store
