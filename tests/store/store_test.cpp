// The store: opening, migrating, transactions and the audit log, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "app/schema_history.hpp"
#include "core/clock.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/test_db.hpp"

namespace jingkai::store {
namespace {

using app::schema_history;
using testing::TestDatabase;

std::unique_ptr<Database> open_migrated(const TestDatabase& test_db) {
  auto db = Database::open(test_db.url(), 2);
  EXPECT_TRUE(db.has_value()) << db.error().message;
  auto migrated = migrate(**db, schema_history());
  EXPECT_TRUE(migrated.has_value()) << migrated.error().message;
  return std::move(*db);
}

TEST(Database, ANewDatabaseMigratesToTheLatestVersion) {
  TestDatabase test_db;
  auto db = Database::open(test_db.url(), 1);
  ASSERT_TRUE(db.has_value());
  auto state = migrate(**db, schema_history());
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->before, 0);
  EXPECT_EQ(state->after, schema_history().back().version);
}

TEST(Database, MigratingTwiceChangesNothing) {
  TestDatabase test_db;
  auto db = open_migrated(test_db);
  auto again = migrate(*db, schema_history());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->before, again->after);
}

TEST(Database, ADatabaseNewerThanTheBinaryIsRefusedAndLeftUntouched) {
  TestDatabase test_db;
  auto db = open_migrated(test_db);
  const int latest = schema_history().back().version;
  test_db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (" +
                  std::to_string(latest + 1) + ", 'from the future', 0)");
  auto refused = migrate(*db, schema_history());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "schema_too_new");
  EXPECT_NE(refused.error().message.find(std::to_string(latest + 1)), std::string::npos);
  EXPECT_EQ(*schema_version(*db), latest + 1);
}

TEST(Database, AFailedMigrationLeavesTheVersionWhereItWas) {
  TestDatabase test_db;
  auto db = Database::open(test_db.url(), 1);
  ASSERT_TRUE(db.has_value());
  constexpr std::string_view kGood[] = {"CREATE TABLE good (x INTEGER)"};
  constexpr std::string_view kBad[] = {"CREATE TABLE second (x INTEGER)", "THIS IS NOT SQL"};
  std::vector<Migration> broken = {{1, "good", kGood, kGood}, {2, "bad", kBad, kBad}};
  auto state = migrate(**db, broken);
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(*schema_version(**db), 1);
}

TEST(Database, AMissingFolderIsAClearErrorNotACrash) {
  auto db = Database::open("/nonexistent-folder-for-jingkai/x.db", 1);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, "db_path");
}

TEST(Database, AnUnreachablePostgresqlServerIsAClearError) {
  auto db = Database::open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, "db_connect");
}

TEST(Database, AWriteThatReturnsAnErrorIsRolledBack) {
  TestDatabase test_db;
  auto db = open_migrated(test_db);
  auto failed = db->write([](Tx& tx) -> Status {
    tx.sql() << "INSERT INTO zones (code, name, created_at) VALUES ('a', 'A', 0)";
    return std::unexpected(Error::invalid("no", "changed my mind"));
  });
  ASSERT_FALSE(failed.has_value());
  long long count = -1;
  auto counted = db->read([&](Tx& tx) -> Status {
    tx.sql() << "SELECT COUNT(*) FROM zones", soci::into(count);
    return {};
  });
  ASSERT_TRUE(counted.has_value());
  EXPECT_EQ(count, 0);
}

TEST(Database, ADuplicateKeyBecomesAConflict) {
  TestDatabase test_db;
  auto db = open_migrated(test_db);
  auto insert = [&] {
    return db->write([](Tx& tx) -> Status {
      tx.sql() << "INSERT INTO zones (code, name, created_at) VALUES ('a', 'A', 0)";
      return {};
    });
  };
  ASSERT_TRUE(insert().has_value());
  auto second = insert();
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().kind, ErrorKind::conflict);
}

TEST(Database, SqliteRunsInWalModeWithForeignKeysOn) {
  TestDatabase test_db;
  if (test_db.is_postgresql()) GTEST_SKIP() << "SQLite pragmas";
  auto db = open_migrated(test_db);
  std::string journal;
  int foreign_keys = 0, synchronous = 0;
  ASSERT_TRUE(db->read([&](Tx& tx) -> Status {
                  tx.sql() << "PRAGMA journal_mode", soci::into(journal);
                  tx.sql() << "PRAGMA foreign_keys", soci::into(foreign_keys);
                  tx.sql() << "PRAGMA synchronous", soci::into(synchronous);
                  return {};
                }).has_value());
  EXPECT_EQ(journal, "wal");
  EXPECT_EQ(foreign_keys, 1);
  EXPECT_EQ(synchronous, 2);  // FULL
}

// --- the audit log -------------------------------------------------------------------------

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = open_migrated(test_db_); }

  void append(int count, ZoneId zone = 1) {
    for (int i = 0; i < count; ++i) {
      Actor actor{7, "auditor", zone, "z", {}};
      ASSERT_TRUE(db_->write([&](Tx& tx) -> Status {
                       log_.append(tx, actor,
                                   {"thing.update", "thing", std::to_string(i),
                                    "{\"v\":" + std::to_string(i) + "}",
                                    "{\"v\":" + std::to_string(i + 1) + "}"});
                       return {};
                     })
                      .has_value());
      clock_.advance_ms(1000);
    }
  }
  AuditVerification verify() {
    auto result = db_->read([&](Tx& tx) -> Result<AuditVerification> { return log_.verify(tx); });
    EXPECT_TRUE(result.has_value());
    return *result;
  }

  TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  ManualClock clock_{1'700'000'000'000};
  AuditLog log_{clock_, AuditKey(AuditKey::Bytes{7, 7, 7})};
};

TEST_F(AuditLogTest, AnEmptyLogIsIntact) {
  auto result = verify();
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(result.rows, 0);
}

TEST_F(AuditLogTest, RecordsAreNumberedAndChained) {
  append(3);
  auto page = db_->read([&](Tx& tx) -> Result<Page<AuditRecord>> {
    return log_.list(tx, 1, PageRequest{1, 10});
  });
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->total, 3);
  // Newest first.
  EXPECT_EQ(page->items[0].seq, 3);
  EXPECT_EQ(page->items[2].seq, 1);
  EXPECT_EQ(page->items[2].prev_hash, "");
  EXPECT_EQ(page->items[1].prev_hash, page->items[2].hash);
  EXPECT_EQ(page->items[0].prev_hash, page->items[1].hash);
  EXPECT_EQ(page->items[0].actor, "auditor");
  EXPECT_EQ(page->items[0].at, 1'700'000'002'000);
  EXPECT_TRUE(verify().ok);
  EXPECT_EQ(verify().rows, 3);
}

TEST_F(AuditLogTest, AnEditedAfterValueIsCaughtAtThatRecord) {
  append(5);
  test_db_.execute("UPDATE audit_log SET after_json = '{\"v\":999}' WHERE seq = 3");
  auto result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 3);
}

TEST_F(AuditLogTest, EveryFieldIsCoveredByTheHash) {
  for (const char* edit :
       {"at = at + 1", "zone_id = 99", "actor = 'someone else'", "action = 'thing.delete'",
        "entity = 'other'", "entity_id = 'x'", "before_json = '{}'", "after_json = '{}'"}) {
    TestDatabase fresh;
    auto db = open_migrated(fresh);
    Actor actor{7, "auditor", 1, "z", {}};
    ASSERT_TRUE(
        db->write([&](Tx& tx) -> Status {
            log_.append(tx, actor, {"thing.update", "thing", "1", "{\"v\":1}", "{\"v\":2}"});
            return {};
          }).has_value());
    fresh.execute(std::string("UPDATE audit_log SET ") + edit + " WHERE seq = 1");
    auto result = db->read([&](Tx& tx) -> Result<AuditVerification> { return log_.verify(tx); });
    EXPECT_FALSE(result->ok) << edit;
  }
}

TEST_F(AuditLogTest, ARecomputedHashStillBreaksTheLinkToTheNextRecord) {
  append(4);
  // Even a forger holding the key who rewrites record 2 and its hash cannot fix record 3's
  // prev_hash without rewriting everything after it.
  auto page = db_->read([&](Tx& tx) -> Result<Page<AuditRecord>> {
    return log_.list(tx, 1, PageRequest{1, 10});
  });
  AuditRecord forged = page->items[2];  // seq 2
  ASSERT_EQ(forged.seq, 2);
  forged.after = "{\"v\":1000}";
  const std::string hash = log_.keyed_hash(forged);
  test_db_.execute("UPDATE audit_log SET after_json = '{\"v\":1000}', hash = '" + hash +
                   "' WHERE seq = 2");
  auto result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 3);
}

TEST_F(AuditLogTest, ARemovedRecordIsCaughtWhereTheGapIs) {
  append(5);
  test_db_.execute("DELETE FROM audit_log WHERE seq = 2");
  auto result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 2);
}

TEST_F(AuditLogTest, ARemovedTailIsCaught) {
  append(5);
  test_db_.execute("DELETE FROM audit_log WHERE seq >= 4");
  auto result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 4);
}

TEST_F(AuditLogTest, AnAppendThatIsRolledBackLeavesNoTrace) {
  append(2);
  Actor actor{7, "auditor", 1, "z", {}};
  auto failed = db_->write([&](Tx& tx) -> Status {
    log_.append(tx, actor, {"thing.update", "thing", "x", "", ""});
    return std::unexpected(Error::invalid("abort", "the change it described failed"));
  });
  ASSERT_FALSE(failed.has_value());
  append(1);
  auto result = verify();
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.rows, 3);
}

TEST_F(AuditLogTest, ListingShowsOnlyTheAskedZoneAndPages) {
  append(3, 1);
  append(2, 2);
  auto zone2 = db_->read([&](Tx& tx) -> Result<Page<AuditRecord>> {
    return log_.list(tx, 2, PageRequest{1, 1});
  });
  EXPECT_EQ(zone2->total, 2);
  ASSERT_EQ(zone2->items.size(), 1u);
  EXPECT_EQ(zone2->items[0].zone_id, 2);
  EXPECT_EQ(zone2->items[0].seq, 5);
  auto second_page = db_->read([&](Tx& tx) -> Result<Page<AuditRecord>> {
    return log_.list(tx, 2, PageRequest{2, 1});
  });
  ASSERT_EQ(second_page->items.size(), 1u);
  EXPECT_EQ(second_page->items[0].seq, 4);
}

TEST_F(AuditLogTest, ConcurrentWritersKeepOneUnbrokenChain) {
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      Actor actor{w, "writer" + std::to_string(w), 1, "z", {}};
      for (int i = 0; i < 20; ++i) {
        auto written = db_->write([&](Tx& tx) -> Status {
          log_.append(tx, actor, {"thing.update", "thing", std::to_string(i), "", ""});
          return {};
        });
        EXPECT_TRUE(written.has_value()) << written.error().message;
      }
    });
  }
  for (auto& t : writers) t.join();
  auto result = verify();
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.rows, 40);
}

}  // namespace
}  // namespace jingkai::store
