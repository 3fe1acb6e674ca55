// The keyed audit chain (issue 16, item 6): what an attacker who can write the database but
// does not hold the key can no longer hide, the key file's rules, anchors kept outside, and
// the unkeyed records of a database older than the key. On SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <vector>

#include "app/app.hpp"
#include "app/schema_history.hpp"
#include "core/clock.hpp"
#include "store/audit_key.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/test_db.hpp"

namespace jingkai::store {
namespace {

using testing::TempDir;
using testing::TestDatabase;

AuditKey key_of(std::uint8_t fill) {
  AuditKey::Bytes bytes;
  bytes.fill(fill);
  return AuditKey(bytes);
}

// The schema as it was before the chain was keyed.
std::vector<Migration> history_before_the_key() {
  std::vector<Migration> history;
  for (const auto& m : app::schema_history()) {
    if (m.version < 10) history.push_back(m);
  }
  return history;
}

std::string sql_text(const std::string& text) { return "'" + text + "'"; }

class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(test_db_.url(), 2);
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(migrate(*db_, app::schema_history()).has_value());
  }

  void append(int count, const AuditLog& log) {
    for (int i = 0; i < count; ++i) {
      Actor actor{7, "auditor", 1, "z", {}};
      ASSERT_TRUE(db_->write([&](Tx& tx) -> Status {
                       log.append(tx, actor,
                                  {"thing.update", "thing", std::to_string(i), "{}",
                                   "{\"v\":" + std::to_string(i) + "}"});
                       return {};
                     })
                      .has_value());
      clock_.advance_ms(1000);
    }
  }
  void append(int count) { append(count, log_); }

  AuditVerification verify(const AuditLog& log, const std::optional<AuditAnchor>& anchor = {}) {
    auto result =
        db_->read([&](Tx& tx) -> Result<AuditVerification> { return log.verify(tx, anchor); });
    EXPECT_TRUE(result.has_value());
    return *result;
  }
  AuditVerification verify(const std::optional<AuditAnchor>& anchor = {}) {
    return verify(log_, anchor);
  }

  // Every record, oldest first.
  std::vector<AuditRecord> records() {
    auto page = db_->read([&](Tx& tx) -> Result<Page<AuditRecord>> {
      return log_.list(tx, 1, PageRequest{1, 100});
    });
    EXPECT_TRUE(page.has_value());
    return {page->items.rbegin(), page->items.rend()};
  }

  // What an attacker without the key does: edits record `seq`, then recomputes its hash and
  // every later one with the only hash it can compute, plain SHA-256, and moves the head.
  void rewrite_unkeyed_from(std::int64_t seq) {
    std::string prev;
    for (AuditRecord r : records()) {
      if (r.seq == seq) r.after = "{\"v\":\"forged\"}";
      if (r.seq >= seq) {
        r.prev_hash = prev;
        r.hash = AuditLog::chain_hash(r);
        test_db_.execute("UPDATE audit_log SET after_json = " + sql_text(r.after) +
                         ", prev_hash = " + sql_text(r.prev_hash) + ", hash = " + sql_text(r.hash) +
                         " WHERE seq = " + std::to_string(r.seq));
      }
      prev = r.hash;
    }
    test_db_.execute("UPDATE audit_head SET hash = " + sql_text(prev) + " WHERE id = 1");
  }

  TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  ManualClock clock_{1'700'000'000'000};
  AuditLog log_{clock_, key_of(1)};
};

TEST_F(AuditChainTest, ANewDatabaseIsKeyedFromTheFirstRecord) {
  append(3);
  auto result = verify();
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.keyed_from, 1);
  EXPECT_EQ(result.rows, 3);
  // The stored hash is not the plain SHA-256 anyone could compute.
  const auto first = records().front();
  EXPECT_NE(first.hash, AuditLog::chain_hash(first));
  EXPECT_EQ(first.hash, log_.keyed_hash(first));
}

TEST_F(AuditChainTest, ARewriteWithEveryLaterHashRecomputedUnkeyedIsCaught) {
  append(5);
  rewrite_unkeyed_from(2);
  auto result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 2);
}

TEST_F(AuditChainTest, AWrongKeyIsCaught) {
  append(3);
  AuditLog other{clock_, key_of(2)};
  auto result = verify(other);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 1);
  EXPECT_NE(result.reason.find("key"), std::string::npos) << result.reason;
}

TEST_F(AuditChainTest, AnAnchorOfTheHeadHolds) {
  append(4);
  const auto anchor = verify().head;
  EXPECT_EQ(anchor.seq, 4);
  EXPECT_EQ(anchor.hash, records().back().hash);
  append(2);  // a log that grew since still reaches the anchor
  auto result = verify(anchor);
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.head.seq, 6);
}

TEST_F(AuditChainTest, ARemovedTailIsCaughtAgainstAnAnchor) {
  append(5);
  const auto anchor = verify().head;
  // A careful attacker drops records 4 and 5 and moves the head back to record 3: the chain
  // left is whole, and only the anchor kept outside shows what is missing.
  const std::string third = records()[2].hash;
  test_db_.execute("DELETE FROM audit_log WHERE seq >= 4");
  test_db_.execute("UPDATE audit_head SET seq = 3, hash = " + sql_text(third) + " WHERE id = 1");
  EXPECT_TRUE(verify().ok);
  auto result = verify(anchor);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 4);
  EXPECT_NE(result.reason.find("removed"), std::string::npos) << result.reason;
}

TEST_F(AuditChainTest, MovingTheKeyedBoundaryAndRechainingUnkeyedIsCaughtByAnAnchor) {
  append(4);
  const auto anchor = verify().head;
  // The boundary lives in the database: an attacker may declare every record unkeyed and
  // recompute the whole chain. The hashes then differ from the anchor kept outside.
  test_db_.execute("UPDATE audit_head SET keyed_from = 5 WHERE id = 1");
  rewrite_unkeyed_from(1);
  auto result = verify(anchor);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 4);
}

TEST_F(AuditChainTest, ABoundaryBeyondTheHeadIsRefused) {
  append(2);
  test_db_.execute("UPDATE audit_head SET keyed_from = 9 WHERE id = 1");
  EXPECT_FALSE(verify().ok);
}

TEST(AuditChainUpgrade, TheUnkeyedRecordsOfAnOlderDatabaseStillVerify) {
  TestDatabase test_db;
  auto opened = Database::open(test_db.url(), 2);
  ASSERT_TRUE(opened.has_value());
  auto& db = **opened;
  ASSERT_TRUE(migrate(db, history_before_the_key()).has_value());
  // Records as the code before the key wrote them: plain SHA-256.
  std::string prev;
  for (int seq = 1; seq <= 3; ++seq) {
    AuditRecord r{seq,    1'600'000'000'000 + seq, 1,  "cli:root", "zone.create",
                  "zone", std::to_string(seq),     "", "{}",       prev,
                  ""};
    r.hash = AuditLog::chain_hash(r);
    test_db.execute(
        "INSERT INTO audit_log (seq, at, zone_id, actor, action, entity, entity_id, before_json,"
        " after_json, prev_hash, hash) VALUES (" +
        std::to_string(seq) + ", " + std::to_string(r.at) + ", 1, 'cli:root', 'zone.create', " +
        "'zone', " + sql_text(r.entity_id) + ", '', '{}', " + sql_text(prev) + ", " +
        sql_text(r.hash) + ")");
    prev = r.hash;
  }
  test_db.execute("UPDATE audit_head SET seq = 3, hash = " + sql_text(prev) + " WHERE id = 1");

  ASSERT_TRUE(migrate(db, app::schema_history()).has_value());
  ManualClock clock{1'700'000'000'000};
  AuditLog log{clock, key_of(1)};
  Actor actor{7, "auditor", 1, "z", {}};
  ASSERT_TRUE(db.write([&](Tx& tx) -> Status {
                  log.append(tx, actor, {"thing.update", "thing", "1", "", "{}"});
                  return {};
                }).has_value());
  auto verify = [&] {
    return *db.read([&](Tx& tx) -> Result<AuditVerification> { return log.verify(tx); });
  };
  auto result = verify();
  EXPECT_TRUE(result.ok) << result.reason;
  EXPECT_EQ(result.rows, 4);
  EXPECT_EQ(result.keyed_from, 4);

  // The old records are as strong as they were: an edit without rehashing still shows.
  test_db.execute("UPDATE audit_log SET after_json = '{\"x\":1}' WHERE seq = 2");
  result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_seq, 2);
}

TEST(AuditAnchor, ParsesWhatItPrints) {
  const AuditAnchor anchor{12, std::string(64, 'a')};
  auto parsed = AuditAnchor::parse(anchor.to_string());
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->seq, 12);
  EXPECT_EQ(parsed->hash, anchor.hash);
  EXPECT_TRUE(AuditAnchor::parse("0:").has_value());  // the empty log
}

TEST(AuditAnchor, RefusesMalformedText) {
  for (const std::string& text : std::vector<std::string>{
           "", ":", "12", "12:", ":" + std::string(64, 'a'), "-1:" + std::string(64, 'a'),
           "x:" + std::string(64, 'a'), "12:" + std::string(63, 'a'), "12:" + std::string(64, 'G'),
           "0:ab", "1 :" + std::string(64, 'a')}) {
    auto parsed = AuditAnchor::parse(text);
    EXPECT_FALSE(parsed.has_value()) << text;
    if (!parsed) {
      EXPECT_EQ(parsed.error().code, "audit_anchor_malformed");
    }
  }
}

// --- the key file ----------------------------------------------------------------------------

std::string write_key_file(const TempDir& dir, const std::string& text, mode_t mode) {
  const std::string path = (dir.path() / "key").string();
  std::ofstream(path, std::ios::binary) << text;
  ::chmod(path.c_str(), mode);
  return path;
}

TEST(AuditKeyFile, ACreatedKeyIsOwnerOnlyAndLoadsBack) {
  TempDir dir;
  const std::string path = (dir.path() / "audit.key").string();
  auto created = AuditKey::create(path);
  ASSERT_TRUE(created.has_value()) << created.error().message;
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto loaded = AuditKey::load(path);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  EXPECT_EQ(loaded->bytes(), created->bytes());
  // Two keys made are two keys.
  const std::string other = (dir.path() / "other.key").string();
  EXPECT_NE(AuditKey::create(other)->bytes(), created->bytes());
}

TEST(AuditKeyFile, AnExistingFileIsNeverReplaced) {
  TempDir dir;
  const std::string path = write_key_file(dir, std::string(64, 'a'), 0600);
  auto created = AuditKey::create(path);
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().code, "audit_key_exists");
  auto kept = AuditKey::load_or_create(path);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->bytes(), key_of(0xaa).bytes());
}

TEST(AuditKeyFile, AKeyOthersMayReadIsRefused) {
  TempDir dir;
  for (mode_t mode : {0644, 0640, 0604, 0660, 0602}) {
    const std::string path = write_key_file(dir, std::string(64, 'a') + "\n", mode);
    auto loaded = AuditKey::load(path);
    ASSERT_FALSE(loaded.has_value()) << std::oct << mode;
    EXPECT_EQ(loaded.error().code, "audit_key_exposed");
    EXPECT_NE(loaded.error().message.find("chmod 600"), std::string::npos);
  }
  EXPECT_TRUE(AuditKey::load(write_key_file(dir, std::string(64, 'a'), 0400)).has_value());
}

TEST(AuditKeyFile, MalformedKeysAreRefused) {
  TempDir dir;
  for (const std::string& text : std::vector<std::string>{
           std::string(), std::string(63, 'a'), std::string(65, 'a'), std::string(62, 'a') + "zz",
           std::string(32, 'a'), std::string(64, 'a') + "\nmore"}) {
    auto loaded = AuditKey::load(write_key_file(dir, text, 0600));
    ASSERT_FALSE(loaded.has_value()) << text;
    EXPECT_EQ(loaded.error().code, "audit_key_malformed");
  }
  auto missing = AuditKey::load((dir.path() / "none").string());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, "audit_key_unreadable");
}

// --- the application's default key ----------------------------------------------------------

TEST(AuditKeyDefault, ASqliteDatabaseGetsItsKeyBesideItAndNeverANewOneLater) {
  TempDir dir;
  const ManualClock clock{1'700'000'000'000};
  app::AppOptions options;
  options.db = (dir.path() / "zone.db").string();
  options.connections = 1;
  const std::string key_file = app::default_audit_key_file(options.db);
  EXPECT_EQ(key_file, options.db + ".audit-key");
  {
    auto opened = app::App::open(options, clock);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    auto zone =
        (*opened)->accounts().add_zone(Actor{0, "cli:test", 0, "", {}}, {0, "zone-one", "Zone"});
    ASSERT_TRUE(zone.has_value()) << zone.error().message;
  }
  struct stat st {};
  ASSERT_EQ(::stat(key_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  // The key lost, the log keyed: a new key would fork the chain, so opening is refused.
  std::filesystem::rename(key_file, key_file + ".moved");
  auto refused = app::App::open(options, clock);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "audit_key_missing");
  // Another key is refused before it writes anything.
  options.audit_key_file = (dir.path() / "other.key").string();
  ASSERT_TRUE(AuditKey::create(options.audit_key_file).has_value());
  auto wrong = app::App::open(options, clock);
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().code, "audit_key_mismatch");
  // …unless the caller is one that reports a wrong key itself, as `audit verify` does.
  options.check_audit_key = false;
  EXPECT_TRUE(app::App::open(options, clock).has_value());
  options.check_audit_key = true;

  options.audit_key_file = key_file + ".moved";
  auto opened = app::App::open(options, clock);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  auto result = (*opened)->audit().verify();
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->ok) << result->reason;
}

}  // namespace
}  // namespace jingkai::store
