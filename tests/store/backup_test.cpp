// Backups and restores (store/backup.hpp): a restore into a fresh place holds every row of
// every table, every stored file and an audit chain that verifies; a backup taken while
// another connection writes is one consistent moment; a damaged backup, a database that is
// not empty and a missing tool are refused, leaving nothing half-made.
#include "store/backup.hpp"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "core/clock.hpp"
#include "store/audit_key.hpp"
#include "store/file_store.hpp"
#include "support/test_db.hpp"

namespace jingkai::store {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::TestDatabase;

std::unique_ptr<soci::session> connect(const std::string& url) {
  if (url.starts_with("postgresql://")) {
    return std::make_unique<soci::session>(soci::postgresql, *postgresql_keywords(url));
  }
  return std::make_unique<soci::session>(soci::sqlite3, "db=\"" + url + "\"");
}

std::vector<std::string> strings(soci::session& sql, const std::string& query) {
  std::vector<std::string> rows;
  soci::rowset<std::string> found = sql.prepare << query;
  for (const std::string& row : found) rows.push_back(row);
  return rows;
}

// Every table's rows, each row as text, sorted: what "the same data" means here.
std::map<std::string, std::vector<std::string>> every_table(const std::string& url) {
  auto sql = connect(url);
  std::map<std::string, std::vector<std::string>> tables;
  const bool postgresql = url.starts_with("postgresql://");
  const auto names =
      postgresql ? strings(*sql, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                 : strings(*sql,
                           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                           "LIKE 'sqlite_%'");
  for (const std::string& table : names) {
    std::string query = "SELECT t::text FROM \"" + table + "\" t";
    if (!postgresql) {
      std::string row = "''";
      for (const auto& column :
           strings(*sql, "SELECT name FROM pragma_table_info('" + table + "')")) {
        row += " || '|' || quote(\"" + column + "\")";
      }
      query = "SELECT " + row + " FROM \"" + table + "\"";
    }
    auto rows = strings(*sql, query);
    std::ranges::sort(rows);
    tables[table] = std::move(rows);
  }
  return tables;
}

// A deployment in the test's folders: its database, files and audit key.
struct Place {
  TestDatabase db;
  TempDir dir;
  Deployment deployment() const {
    return {db.url(), dir.path() / "files", dir.path() / "audit-key"};
  }
  Result<std::unique_ptr<app::App>> open(const Clock& clock) const {
    app::AppOptions options;
    options.db = db.url();
    options.files_dir = (dir.path() / "files").string();
    options.audit_key_file = (dir.path() / "audit-key").string();
    options.connections = 3;
    options.web_dir = "";
    return app::App::open(options, clock);
  }
  bool database_is_empty() const { return every_table(db.url()).empty(); }
};

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(AuditKey::create(source_.deployment().audit_key.string()));
    auto opened = source_.open(clock_);
    ASSERT_TRUE(opened) << opened.error().message;
    app_ = std::move(*opened);
    ASSERT_TRUE(app_->accounts().add_zone(actor_, {0, "zhuji-edz", "诸暨经济开发区"}));
    ASSERT_TRUE(app_->accounts().add_zone(actor_, {0, "fengqiao", "枫桥"}));
    ASSERT_TRUE(app_->accounts().add_user(actor_, "zhuji-edz",
                                          {"admin", "管理员", "correct-horse-9", {Role::admin}}));
    const FileStore files(source_.deployment().files);
    for (const char* bytes : {"%PDF-1.7 申请书", "%PDF-1.7 营业执照", ""}) {
      auto stored = files.put(bytes);
      ASSERT_TRUE(stored) << stored.error().message;
      stored_.push_back(*stored);
    }
  }

  fs::path backup_path() const { return backups_.path() / "backup"; }

  ManualClock clock_{1'764'000'000'000};
  Actor actor_ = Actor::system("cli:test");
  Place source_;
  std::unique_ptr<app::App> app_;
  std::vector<std::string> stored_;
  TempDir backups_;
  PgTools tools_;
};

TEST_F(BackupTest, ARestoreIntoAFreshPlaceHoldsEveryTableEveryFileAndTheAuditChain) {
  auto made = back_up(source_.deployment(), backup_path(), tools_);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->stored_files, stored_.size());
  EXPECT_TRUE(fs::exists(backup_path() / kManifestName));

  Place target;
  auto restored = restore(backup_path(), target.deployment(), tools_);
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_EQ(restored->stored_files, stored_.size());

  const auto before = every_table(source_.db.url());
  EXPECT_GT(before.size(), 10u);
  EXPECT_EQ(every_table(target.db.url()), before);
  const FileStore restored_files(target.deployment().files);
  for (const std::string& digest : stored_) {
    EXPECT_EQ(*restored_files.get(digest), *FileStore(source_.deployment().files).get(digest));
  }
  auto reopened = target.open(clock_);
  ASSERT_TRUE(reopened) << reopened.error().message;
  auto verified = (*reopened)->audit().verify();
  ASSERT_TRUE(verified);
  EXPECT_TRUE(verified->ok) << verified->reason;
  EXPECT_GE(verified->rows, 3);
}

TEST_F(BackupTest, ABackupTakenWhileAnotherConnectionWritesIsOneConsistentMoment) {
  std::atomic<bool> stop = false;
  std::atomic<bool> broke = false;  // a write failed: the writer stops, and so does the wait
  std::atomic<int> written = 0;
  std::thread writer([&] {
    for (int n = 0; !stop; ++n) {
      if (!app_->accounts().add_zone(actor_, {0, "zone-" + std::to_string(n), "园区"})) {
        broke = true;
        return;
      }
      ++written;
    }
  });
  auto wait_for = [&](int count) {
    while (written < count && !broke) std::this_thread::yield();
  };
  wait_for(3);
  auto made = back_up(source_.deployment(), backup_path(), tools_);
  wait_for(written + 3);
  stop = true;
  writer.join();
  ASSERT_FALSE(broke);
  ASSERT_TRUE(made) << made.error().message;

  Place target;
  auto restored = restore(backup_path(), target.deployment(), tools_);
  ASSERT_TRUE(restored) << restored.error().message;
  auto reopened = target.open(clock_);
  ASSERT_TRUE(reopened) << reopened.error().message;
  auto verified = (*reopened)->audit().verify();
  ASSERT_TRUE(verified);
  EXPECT_TRUE(verified->ok) << verified->reason;

  // The copy is the source as it was at one commit: its audit log is a beginning of the
  // source's, and it holds exactly the zones its log records.
  auto source_sql = connect(source_.db.url());
  auto target_sql = connect(target.db.url());
  const std::string chain = "SELECT hash FROM audit_log ORDER BY seq";
  const auto source_chain = strings(*source_sql, chain);
  const auto copied_chain = strings(*target_sql, chain);
  ASSERT_LT(copied_chain.size(), source_chain.size());
  EXPECT_TRUE(std::equal(copied_chain.begin(), copied_chain.end(), source_chain.begin()));
  const auto zones = strings(*target_sql, "SELECT code FROM zones");
  const auto zone_records =
      strings(*target_sql, "SELECT entity_id FROM audit_log WHERE action = 'zone.create'");
  EXPECT_EQ(zones.size(), zone_records.size());
  EXPECT_GT(zones.size(), 2u);
}

TEST_F(BackupTest, RefusesToRestoreOverADatabaseThatIsNotEmpty) {
  ASSERT_TRUE(back_up(source_.deployment(), backup_path(), tools_));
  const auto before = every_table(source_.db.url());
  Place other;
  Deployment onto_source = other.deployment();
  onto_source.db = source_.db.url();
  auto restored = restore(backup_path(), onto_source, tools_);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().code, "database_exists");
  EXPECT_EQ(every_table(source_.db.url()), before);
  EXPECT_FALSE(fs::exists(other.deployment().files));

  // Nor over files already there, nor an audit key.
  Place target;
  fs::create_directories(target.deployment().files / "ab");
  std::ofstream(target.deployment().files / "ab" / "x") << "x";
  restored = restore(backup_path(), target.deployment(), tools_);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().code, "files_exist");
  Place keyed;
  std::ofstream(keyed.deployment().audit_key) << "key";
  restored = restore(backup_path(), keyed.deployment(), tools_);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().code, "audit_key_exists");
  EXPECT_TRUE(keyed.database_is_empty());
}

TEST_F(BackupTest, RefusesAnOutputThatExistsOrCannotBeWritten) {
  fs::create_directories(backup_path());
  std::ofstream(backup_path() / "old") << "old";
  auto made = back_up(source_.deployment(), backup_path(), tools_);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().code, "backup_exists");

  made = back_up(source_.deployment(), backup_path() / "old" / "below-a-file", tools_);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().code, "backup_write");
  EXPECT_NE(made.error().message.find("below-a-file"), std::string::npos);
  EXPECT_EQ(std::distance(fs::directory_iterator(backup_path()), fs::directory_iterator()), 1);

  // An empty folder is taken.
  const fs::path empty = backups_.path() / "empty";
  fs::create_directories(empty);
  EXPECT_TRUE(back_up(source_.deployment(), empty / "", tools_));
  EXPECT_TRUE(check_backup(empty));
}

// Each way a backup can be damaged, and a restore that refuses it, leaving no trace.
TEST_F(BackupTest, ADamagedBackupIsRefusedBeforeAnythingIsRestored) {
  ASSERT_TRUE(back_up(source_.deployment(), backup_path(), tools_));
  const auto manifest = check_backup(backup_path());
  ASSERT_TRUE(manifest) << manifest.error().message;
  const std::string stored_entry = manifest->entries.back().path;
  const std::string database = manifest->entries.front().path;

  struct Damage {
    std::string what;
    std::function<void(const fs::path&)> apply;
    std::string code;
  };
  const std::vector<Damage> damages = {
      {"a stored file altered",
       [&](const fs::path& b) { std::ofstream(b / stored_entry, std::ios::app) << "!"; },
       "backup_corrupt"},
      {"the database truncated",
       [&](const fs::path& b) { fs::resize_file(b / database, fs::file_size(b / database) / 2); },
       "backup_corrupt"},
      {"a stored file removed", [&](const fs::path& b) { fs::remove(b / stored_entry); },
       "backup_corrupt"},
      {"the manifest edited",
       [&](const fs::path& b) {
         std::ifstream in(b / kManifestName);
         std::string text((std::istreambuf_iterator<char>(in)), {});
         text[text.find(' ') + 1] = '9';
         std::ofstream(b / kManifestName, std::ios::trunc) << text;
       },
       "backup_corrupt"},
      {"the manifest removed", [&](const fs::path& b) { fs::remove(b / kManifestName); },
       "backup_corrupt"},
      {"the whole backup missing", [&](const fs::path& b) { fs::remove_all(b); }, "backup_missing"},
  };
  for (const Damage& damage : damages) {
    SCOPED_TRACE(damage.what);
    const fs::path copy = backups_.path() / "damaged";
    fs::remove_all(copy);
    fs::copy(backup_path(), copy, fs::copy_options::recursive);
    damage.apply(copy);
    EXPECT_FALSE(check_backup(copy));
    Place target;
    auto restored = restore(copy, target.deployment(), tools_);
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().code, damage.code) << restored.error().message;
    EXPECT_TRUE(target.database_is_empty());
    EXPECT_TRUE(fs::is_empty(target.dir.path()));
  }
}

TEST_F(BackupTest, RefusesABackupOfTheOtherKindOfDatabase) {
  ASSERT_TRUE(back_up(source_.deployment(), backup_path(), tools_));
  Place target;
  Deployment other = target.deployment();
  other.db = source_.db.is_postgresql() ? (target.dir.path() / "x.db").string()
                                        : "postgresql://nobody@127.0.0.1:1/none";
  auto restored = restore(backup_path(), other, tools_);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().code, "backup_dialect");
  EXPECT_TRUE(fs::is_empty(target.dir.path()));
}

TEST_F(BackupTest, WithoutPostgreSQLsToolsAClearErrorAndNothingHalfMade) {
  if (!source_.db.is_postgresql()) GTEST_SKIP() << "pg_dump and pg_restore serve PostgreSQL";
  const PgTools missing("/nonexistent/bin");
  auto made = back_up(source_.deployment(), backup_path(), missing);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().code, "pg_tools_missing");
  EXPECT_NE(made.error().message.find("pg_dump"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(backups_.path()));

  // pg_restore is the last step: the files and key placed before it are taken away again.
  ASSERT_TRUE(back_up(source_.deployment(), backup_path(), tools_));
  Place target;
  auto restored = restore(backup_path(), target.deployment(), missing);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().code, "pg_tools_missing");
  EXPECT_TRUE(fs::is_empty(target.dir.path()));
  EXPECT_TRUE(target.database_is_empty());
}

// The manifest's own form, apart from any backup.
BackupManifest sample_manifest() {
  return {Dialect::sqlite,
          {{"database.sqlite", 4096, std::string(64, 'a')},
           {"audit-key", 65, std::string(64, 'b')},
           {"files/ab/" + std::string(62, 'c'), 3, std::string(64, 'd')}}};
}

TEST(BackupManifest, ReadsWhatItWrites) {
  const auto read = parse_manifest(to_text(sample_manifest()));
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->entries.size(), 3u);
  EXPECT_EQ(read->entries[2].path, "files/ab/" + std::string(62, 'c'));
  EXPECT_EQ(read->entries[0].size, 4096u);
}

TEST(BackupManifest, RefusesWhatIsNotItsForm) {
  const std::string good = to_text(sample_manifest());
  auto resealed = [](BackupManifest manifest, std::string path) {
    manifest.entries.back().path = std::move(path);
    return to_text(manifest);
  };
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"empty", ""},
      {"another header", "jingkai-backup 2" + good.substr(good.find('\n'))},
      {"no seal", good.substr(0, good.rfind("end "))},
      {"cut in the seal", good.substr(0, good.size() - 10)},
      {"a line after the seal", good + "x\n"},
      {"a path outside the backup", resealed(sample_manifest(), "files/../../etc/passwd")},
      {"an absolute path", resealed(sample_manifest(), "/etc/passwd")},
      {"a path not a digest", resealed(sample_manifest(), "files/ab/" + std::string(62, 'C'))},
      {"a repeated entry", resealed(sample_manifest(), "audit-key")},
      {"no database", to_text({Dialect::sqlite, {sample_manifest().entries[2]}})},
      {"the other dialect's database", to_text({Dialect::postgresql, sample_manifest().entries})},
  };
  for (const auto& [what, text] : bad) {
    auto read = parse_manifest(text);
    ASSERT_FALSE(read) << what;
    EXPECT_EQ(read.error().code, "backup_corrupt") << what;
  }
}

}  // namespace
}  // namespace jingkai::store
