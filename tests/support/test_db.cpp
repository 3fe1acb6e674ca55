#include "support/test_db.hpp"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "core/digest.hpp"
#include "store/database.hpp"

namespace jingkai::testing {

namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// Checks the choice once, before any test: a PostgreSQL run without a server fails as a
// whole instead of passing on SQLite.
class BackendCheck : public ::testing::Environment {
 public:
  void SetUp() override {
    try {
      chosen_backend();
    } catch (const std::exception& e) {
      GTEST_FAIL() << e.what();
    }
  }
};

[[maybe_unused]] const auto* const kBackendCheck =
    ::testing::AddGlobalTestEnvironment(new BackendCheck);

}  // namespace

BackendChoice chosen_backend() {
  const std::string asked = environment("JINGKAI_TEST_BACKEND");
  const std::string server = environment("JINGKAI_TEST_PG");
  if (asked == "sqlite") return {Backend::sqlite, ""};
  if (asked == "postgresql") {
    if (server.empty()) {
      throw std::runtime_error(
          "JINGKAI_TEST_BACKEND=postgresql but JINGKAI_TEST_PG is not set: this run must test "
          "PostgreSQL and has no server (postgresql://user@host:port) to test it on");
    }
    return {Backend::postgresql, server};
  }
  if (!asked.empty()) {
    throw std::runtime_error("JINGKAI_TEST_BACKEND=" + asked +
                             ": the backends are sqlite and postgresql");
  }
  if (!server.empty()) return {Backend::postgresql, server};
  return {Backend::sqlite, ""};
}

TempDir::TempDir() {
  path_ = std::filesystem::temp_directory_path() / ("jingkai-test-" + random_token_hex(6));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

TestDatabase::TestDatabase() {
  if (BackendChoice choice = chosen_backend(); choice.backend == Backend::postgresql) {
    server_ = choice.server;
    name_ = "jk_" + random_token_hex(6);
    soci::session admin(soci::postgresql, *store::postgresql_keywords(server_ + "/postgres"));
    admin << "CREATE DATABASE " + name_;
    url_ = server_ + "/" + name_;
  } else {
    dir_ = std::filesystem::temp_directory_path() / ("jingkai-db-" + random_token_hex(6));
    std::filesystem::create_directories(dir_);
    file_ = dir_ / "test.db";
    url_ = file_.string();
  }
}

TestDatabase::~TestDatabase() {
  try {
    if (!server_.empty()) {
      soci::session admin(soci::postgresql, *store::postgresql_keywords(server_ + "/postgres"));
      admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } else {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
    }
  } catch (...) {
  }
}

void TestDatabase::execute(const std::string& sql) const {
  if (!server_.empty()) {
    soci::session session(soci::postgresql, *store::postgresql_keywords(url_));
    session << sql;
  } else {
    soci::session session(soci::sqlite3, "db=\"" + url_ + "\"");
    session << sql;
  }
}

}  // namespace jingkai::testing
