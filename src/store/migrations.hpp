// Migrations: the schema's history, applied forward only, in order, at start.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"

namespace jingkai::store {

// One step of the schema. Statements are written once for both dialects; `{id}` stands for
// an auto-assigned 64-bit primary key column type, which the two spell differently.
struct Migration {
  int version;
  std::string_view name;
  std::vector<std::string_view> statements;
};

// The product's migrations, in order. Each module contributes its own DDL.
const std::vector<Migration>& all_migrations();

// The SQL of one statement for a dialect.
std::string render(std::string_view statement, Dialect dialect);

struct SchemaState {
  int before = 0;  // version found
  int after = 0;   // version now
};

// Applies every migration newer than the database's version, each in its own transaction.
// A database whose version is newer than this binary knows is refused, untouched.
Result<SchemaState> migrate(Database& db, const std::vector<Migration>& migrations);
inline Result<SchemaState> migrate(Database& db) { return migrate(db, all_migrations()); }

Result<int> schema_version(Database& db);

}  // namespace jingkai::store
