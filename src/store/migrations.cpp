#include "store/migrations.hpp"

#include <fmt/format.h>

#include "core/clock.hpp"

namespace jingkai::store {

namespace {

constexpr std::string_view kVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

int read_version(Tx& tx) {
  tx.sql() << kVersionTable;
  int version = 0;
  soci::indicator null_version = soci::i_ok;
  tx.sql() << "SELECT MAX(version) FROM schema_migrations", soci::into(version, null_version);
  return null_version == soci::i_null ? 0 : version;
}

}  // namespace

Result<int> schema_version(Database& db) {
  return db.write([](Tx& tx) -> Result<int> { return read_version(tx); });
}

Result<SchemaState> migrate(Database& db, const std::vector<Migration>& migrations) {
  const int known = migrations.empty() ? 0 : migrations.back().version;
  SchemaState state;
  auto found = TRY(schema_version(db));
  state.before = state.after = found;
  if (found > known) {
    return std::unexpected(Error::conflict(
        "schema_too_new",
        fmt::format("数据库结构版本 {} 比本程序支持的版本 {} 新: 请升级 jingkai (database schema "
                    "version {} is newer than this binary's {}; upgrade jingkai)",
                    found, known, found, known)));
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= state.after) continue;
    TRY(db.write([&](Tx& tx) -> Status {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      if (read_version(tx) >= migration.version) return {};
      for (std::string_view statement : migration.statements(tx.dialect())) {
        tx.sql() << std::string(statement);
      }
      const long long now = SystemClock{}.now_ms();
      // A named copy: SOCI runs the statement when the full expression ends, after a
      // temporary passed to soci::use() would already be gone.
      const std::string name(migration.name);
      tx.sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
          soci::use(migration.version), soci::use(name), soci::use(now);
      return {};
    }));
    state.after = migration.version;
  }
  return state;
}

}  // namespace jingkai::store
