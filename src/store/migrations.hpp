// Migrations: the schema's history, applied forward only, in order, at start.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"

namespace jingkai::store {

// One step of the schema: its DDL as each database takes it (the two spell some types
// differently, e.g. an auto-assigned key). The text is literal and, once applied anywhere,
// never changes: the list of steps is the schema's history, assembled by the application
// (app/schema_history.hpp), since only it knows which modules' tables exist.
struct Migration {
  int version;
  std::string_view name;
  std::span<const std::string_view> sqlite;
  std::span<const std::string_view> postgresql;

  std::span<const std::string_view> statements(Dialect dialect) const {
    return dialect == Dialect::sqlite ? sqlite : postgresql;
  }
};

struct SchemaState {
  int before = 0;  // version found
  int after = 0;   // version now
};

// Applies every migration newer than the database's version, each in its own transaction.
// A database whose version is newer than this binary knows is refused, untouched.
Result<SchemaState> migrate(Database& db, const std::vector<Migration>& migrations);

Result<int> schema_version(Database& db);

}  // namespace jingkai::store
