// The schema's history (app/schema_history.cpp): applied versions never change, and a
// database made by the first version, upgraded step by step, ends with the same schema as
// a fresh one — on SQLite and on PostgreSQL.
#include "app/schema_history.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/digest.hpp"
#include "store/database.hpp"
#include "support/test_db.hpp"

namespace jingkai::app {
namespace {

using store::Database;
using store::Dialect;
using store::Migration;
using testing::TestDatabase;

std::string joined(std::span<const std::string_view> statements) {
  std::string text;
  for (std::string_view statement : statements) {
    if (!text.empty()) text += '\n';
    text += statement;
  }
  return text;
}

// "version dialect" -> checksum, from the list committed beside the history.
std::map<std::string, std::string> committed_checksums() {
  std::ifstream in(std::string(JINGKAI_SOURCE_DIR) + "/src/app/schema_history.sha256");
  EXPECT_TRUE(in) << "src/app/schema_history.sha256 is missing";
  std::map<std::string, std::string> checksums;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    std::string version, dialect, checksum;
    fields >> version >> dialect >> checksum;
    checksums[version + " " + dialect] = checksum;
  }
  return checksums;
}

TEST(SchemaHistoryText, VersionsAreNumberedUpwardsWithoutGaps) {
  int expected = 1;
  for (const Migration& migration : schema_history()) {
    EXPECT_EQ(migration.version, expected++) << migration.name;
    EXPECT_FALSE(migration.sqlite.empty()) << migration.name;
    EXPECT_FALSE(migration.postgresql.empty()) << migration.name;
  }
}

TEST(SchemaHistoryText, NoAppliedVersionHasChanged) {
  const auto checksums = committed_checksums();
  for (const Migration& migration : schema_history()) {
    for (Dialect dialect : {Dialect::sqlite, Dialect::postgresql}) {
      const std::string key =
          std::to_string(migration.version) + " " + std::string(store::to_string(dialect));
      const std::string actual = sha256_hex(joined(migration.statements(dialect)));
      const auto committed = checksums.find(key);
      ASSERT_NE(committed, checksums.end())
          << "version " << key << " has no checksum: add the line \"" << key << " " << actual
          << "\" to src/app/schema_history.sha256";
      EXPECT_EQ(actual, committed->second)
          << "the DDL of applied version " << key << " (" << migration.name
          << ") changed: add a new version instead of editing one";
    }
  }
}

TEST(SchemaHistoryText, EveryChecksumNamesAVersionOfTheHistory) {
  for (const auto& [key, checksum] : committed_checksums()) {
    const int version = std::stoi(key.substr(0, key.find(' ')));
    EXPECT_GE(version, 1) << key;
    EXPECT_LE(version, schema_history().back().version)
        << key << " is listed but the history has no such version";
  }
}

TEST(SchemaHistoryText, AChangedStatementChangesItsChecksum) {
  const Migration& first = schema_history().front();
  std::vector<std::string_view> edited(first.sqlite.begin(), first.sqlite.end());
  const std::string widened = std::string(edited.front()) + " ";
  edited.front() = widened;
  EXPECT_NE(sha256_hex(joined(edited)), sha256_hex(joined(first.sqlite)));
}

// The schema as the database itself describes it: tables, columns, indexes, constraints.
std::vector<std::string> describe(Database& db) {
  auto rows = db.read([](store::Tx& tx) -> Result<std::vector<std::string>> {
    std::vector<std::string> queries;
    if (tx.dialect() == Dialect::sqlite) {
      queries = {
          "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || COALESCE(sql, '')"
          " FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"};
    } else {
      queries = {
          "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable ||"
          " ' ' || COALESCE(column_default, '') || ' ' || COALESCE(is_identity, '')"
          " FROM information_schema.columns WHERE table_schema = 'public'"
          " ORDER BY table_name, ordinal_position",
          "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
          " ORDER BY indexname",
          "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
          " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1"};
    }
    std::vector<std::string> lines;
    for (const std::string& query : queries) {
      std::string line;
      soci::statement statement = (tx.sql().prepare << query, soci::into(line));
      statement.execute();
      while (statement.fetch()) lines.push_back(line);
    }
    return lines;
  });
  EXPECT_TRUE(rows.has_value()) << rows.error().message;
  return rows.value_or(std::vector<std::string>{});
}

TEST(SchemaHistory, AnUpgradeStepByStepEndsWhereAFreshDatabaseStarts) {
  TestDatabase upgraded_db;
  auto upgraded = Database::open(upgraded_db.url(), 1);
  ASSERT_TRUE(upgraded.has_value()) << upgraded.error().message;
  const auto& history = schema_history();
  // A database as the first version made it, then each later binary in turn.
  for (std::size_t known = 1; known <= history.size(); ++known) {
    const std::vector<Migration> binary(history.begin(), history.begin() + long(known));
    auto state = store::migrate(**upgraded, binary);
    ASSERT_TRUE(state.has_value()) << "to version " << known << ": " << state.error().message;
    EXPECT_EQ(state->before, int(known) - 1);
    EXPECT_EQ(state->after, int(known));
    if (known == 2) {
      // Data from an early version survives every later step.
      upgraded_db.execute(
          "INSERT INTO zones (code, name, created_at) VALUES ('early', 'made at version 2', 0)");
    }
  }

  TestDatabase fresh_db;
  auto fresh = Database::open(fresh_db.url(), 1);
  ASSERT_TRUE(fresh.has_value()) << fresh.error().message;
  ASSERT_TRUE(store::migrate(**fresh, history).has_value());

  const auto described = describe(**fresh);
  EXPECT_GT(described.size(), 20u);  // the description itself reads something
  EXPECT_EQ(describe(**upgraded), described);

  int zones = 0;
  auto counted = (*upgraded)->read([&](store::Tx& tx) -> Status {
    tx.sql() << "SELECT COUNT(*) FROM zones WHERE code = 'early'", soci::into(zones);
    return {};
  });
  ASSERT_TRUE(counted.has_value());
  EXPECT_EQ(zones, 1);
}

TEST(SchemaHistory, ASchemaThatDiffersIsSeenByTheComparison) {
  // The comparison above can fail: one index more is a different schema.
  TestDatabase a_db, b_db;
  auto a = Database::open(a_db.url(), 1);
  auto b = Database::open(b_db.url(), 1);
  ASSERT_TRUE(a.has_value() && b.has_value());
  ASSERT_TRUE(store::migrate(**a, schema_history()).has_value());
  ASSERT_TRUE(store::migrate(**b, schema_history()).has_value());
  b_db.execute("CREATE INDEX zones_name ON zones (name)");
  EXPECT_NE(describe(**a), describe(**b));
}

}  // namespace
}  // namespace jingkai::app
